/**
 * The demo shared-data store (共享数据): people, marriages, households, enterprises and the licenses
 * they hold, in the demo jurisdiction 示例省 (99). ID numbers and credit codes carry real check characters.
 */
import { residentIdCheckChar, usccCheckChar } from '../../../core/fields/validators.ts';

const id = (body: string) => body + residentIdCheckChar(body);
const uscc = (body: string) => body + usccCheckChar(body);

export interface PersonRecord {
  name: string; idNumber: string; sex: 'male' | 'female'; birthDate: string; mobile: string;
  address: string; hukouProvince: string; householdHead: string; householdAddress: string;
  spouse?: string; housingFund?: { center: string; account: string };
  /** Children under this person's registered guardianship (免申即享 reads their ages; no child's number is kept). */
  children?: { name: string; birthDate: string }[];
}
export interface EnterpriseRecord {
  name: string; uscc: string; type: string; address: string; legalRep: string; legalRepIdNumber: string;
  /** The unemployment-insurance register's summary of last year (稳岗返还 reads it). */
  unemploymentInsurance?: { monthsPaidLastYear: number; layoffRate: number };
}

export const DEMO_PEOPLE: PersonRecord[] = [
  { name: '王芳', idNumber: id('99010219920315002'), sex: 'female', birthDate: '1992-03-15', mobile: '13800990001', address: '示例市示例区幸福路 18 号 2 栋 301', hukouProvince: '99', householdHead: '李强', householdAddress: '示例市示例区幸福路 18 号 2 栋 301' },
  { name: '李强', idNumber: id('99010219900120003'), sex: 'male', birthDate: '1990-01-20', mobile: '13800990002', address: '示例市示例区幸福路 18 号 2 栋 301', hukouProvince: '99', householdHead: '李强', householdAddress: '示例市示例区幸福路 18 号 2 栋 301' },
  { name: '张建国', idNumber: id('99010219650601001'), sex: 'male', birthDate: '1965-06-01', mobile: '13800990003', address: '示例市示例区和平街 6 号', hukouProvince: '99', householdHead: '张建国', householdAddress: '示例市示例区和平街 6 号', housingFund: { center: '示例市住房公积金管理中心', account: '9901000123456' } },
  { name: '陈晓梅', idNumber: id('99010219880808004'), sex: 'female', birthDate: '1988-08-08', mobile: '13800990004', address: '示例市示例区东风路 99 号', hukouProvince: '99', householdHead: '陈晓梅', householdAddress: '示例市示例区东风路 99 号' },
  // 免申即享 (issue 14): an 82-year-old with no account here, whom the 高龄津贴 finds unasked.
  { name: '赵秀英', idNumber: id('99010219430506002'), sex: 'female', birthDate: '1943-05-06', mobile: '13800990005', address: '示例市示例区和平街 8 号', hukouProvince: '99', householdHead: '赵秀英', householdAddress: '示例市示例区和平街 8 号' },
];
// 王芳 is the registered guardian of a daughter under 3 (育儿补贴 finds her unasked).
DEMO_PEOPLE[0]!.children = [{ name: '李安安', birthDate: '2024-11-02' }];
DEMO_PEOPLE[0]!.spouse = DEMO_PEOPLE[1]!.idNumber;
DEMO_PEOPLE[1]!.spouse = DEMO_PEOPLE[0]!.idNumber;

export const DEMO_ENTERPRISES: EnterpriseRecord[] = [
  { name: '示例市好味餐饮管理有限公司', uscc: uscc('91990100MA01HW8K2'), type: 'company', address: '示例市示例区美食街 8 号', legalRep: '陈晓梅', legalRepIdNumber: DEMO_PEOPLE[3]!.idNumber, unemploymentInsurance: { monthsPaidLastYear: 12, layoffRate: 0 } },
];

/** Licenses already held, by holder (ID number or credit code). */
export const DEMO_LICENSES: { holder: string; type: string; number: string }[] = [
  ...DEMO_PEOPLE.flatMap((p, i) => [
    { holder: p.idNumber, type: 'resident-id-card', number: p.idNumber },
    { holder: p.idNumber, type: 'household-register', number: `HK99-${1000 + i}` },
  ]),
  { holder: DEMO_PEOPLE[0]!.idNumber, type: 'marriage-certificate', number: 'J990102-2019-000321' },
  { holder: DEMO_PEOPLE[1]!.idNumber, type: 'marriage-certificate', number: 'J990102-2019-000321' },
  { holder: DEMO_ENTERPRISES[0]!.uscc, type: 'business-licence', number: DEMO_ENTERPRISES[0]!.uscc },
];
