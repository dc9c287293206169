/**
 * The shared-data registers a material can be verified against, and the fields a reviewer may be
 * shown from each: an item names the ones its review needs, and the reviewer sees those only.
 */
export const REGISTER_FIELDS = {
  person: {
    name: '姓名', sex: '性别', birthDate: '出生日期', address: '居住地址', hukouProvince: '户籍所在地（省级行政区划代码）',
    householdHead: '户主', householdAddress: '户籍地址', spouse: '配偶（婚姻登记）', housingFund: '住房公积金账户',
  },
  enterprise: { name: '名称', uscc: '统一社会信用代码', type: '主体类型', address: '住所', legalRep: '法定代表人' },
} as const;

export type Register = keyof typeof REGISTER_FIELDS;
export const REGISTERS = Object.keys(REGISTER_FIELDS) as Register[];
