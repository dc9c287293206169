/**
 * A small synthetic catalogue for unit tests: three departments, a serial chain a → b → c and a
 * parallel item, three questions and three situations. Tests change copies of it to make defects.
 */
import type { CatalogueDocument } from '../catalog/types.ts';

const window = { name: '综合窗口', address: '示例路 1 号', phone: '12345', hours: '工作日 9:00-17:00' };

export function fixtureDocuments(): CatalogueDocument[] {
  const dept = (code: string, name: string): CatalogueDocument => ({
    file: `catalog/departments/${code}.yaml`, kind: 'department', data: { code, name, level: 'city', region: '990100', window },
  });
  return [
    dept('da', '甲部门'),
    dept('db', '乙部门'),
    dept('dc', '丙部门'),
    {
      file: 'catalog/fields/applicant.yaml',
      kind: 'fields',
      data: {
        group: { id: 'applicant', title: '申请人信息', order: 10 },
        fields: [
          { key: 'applicantName', label: '申请人姓名', type: 'string', prefill: [{ source: 'identity', fact: 'applicantName', from: '实名认证' }] },
          { key: 'applicantIdNumber', label: '公民身份号码', type: 'string', format: 'resident-id', sensitive: true },
          { key: 'applicantMobile', label: '手机号码', type: 'string', format: 'mobile' },
          { key: 'deliveryMethod', label: '领取方式', type: 'enum', options: [{ value: 'post', label: '邮寄' }, { value: 'window', label: '窗口' }] },
        ],
      },
    },
    { file: 'catalog/licenses/cert-a.yaml', kind: 'license', data: { code: 'cert-a', name: '甲证', department: 'da', holder: 'person' } },
    { file: 'catalog/licenses/id-card.yaml', kind: 'license', data: { code: 'id-card', name: '身份证', department: 'db', holder: 'person' } },
    item('a-cert', 'da', '甲证签发', { promised: 2, legal: 5 }, {
      fields: ['applicantName', 'applicantIdNumber', { own: true, key: 'birthPlace', label: '出生地点', type: 'string' }],
      materials: [
        material('id-card', '身份证', { replacedBy: [{ kind: 'license', license: 'id-card' }] }),
        material('marriage-proof', '婚姻证明', { requiredIf: { '==': [{ var: 'situation' }, 'out'] }, deferrable: true }),
      ],
      result: { kind: 'license', name: '甲证', license: 'cert-a' },
    }),
    item('b-reg', 'db', '乙登记', { promised: 3, legal: 10 }, {
      fields: ['applicantName', 'applicantMobile', { key: 'deliveryMethod', optional: true }],
      materials: [
        material('id-card', '身份证', { form: 'original-and-copy', replacedBy: [{ kind: 'license', license: 'id-card' }] }),
        material('cert-a-doc', '甲证', { replacedBy: [{ kind: 'result-of-item', item: 'a-cert' }, { kind: 'license', license: 'cert-a' }] }),
        material('residence', '居住证明', { replacedBy: [{ kind: 'shared-data', data: '人口库居住信息' }] }),
      ],
    }),
    item('c-ins', 'dc', '丙参保', { promised: 1, legal: 3 }, {
      fields: ['applicantName', 'deliveryMethod'],
      materials: [material('pledge', '情况说明', { replacedBy: [{ kind: 'commitment', text: '承诺所填情况属实' }] })],
    }),
    item('c-vac', 'dc', '丙接种', { promised: 4, legal: 4 }, { fields: ['applicantName'], materials: [] }),
    {
      file: 'catalog/matters/demo.yaml',
      kind: 'matter',
      data: {
        id: 'demo',
        name: '示例一件事',
        subject: 'person',
        lifeStage: 'person.birth',
        batch: '测试',
        lead: 'da',
        partners: ['db', 'dc'],
        depth: 'outline',
        trips: 1,
        items: [
          { item: 'a-cert', required: true, reason: '起点' },
          { item: 'b-reg', required: false, after: ['a-cert'], reason: '需要甲证' },
          { item: 'c-ins', required: false, after: ['b-reg'], reason: '需要乙登记' },
          { item: 'c-vac', required: false, reason: '并联', when: { in: ['vaccine', { var: 'extras' }] } },
        ],
        questions: [
          { id: 'married', text: '父母是否已婚？', type: 'boolean', prefill: { fact: 'married', from: '婚姻登记信息', editable: false } },
          { id: 'inProvince', text: '户籍是否在省内？', type: 'boolean', when: { '==': [{ var: 'married' }, true] } },
          {
            id: 'extras', text: '还需要办理哪些服务？', type: 'multi',
            options: [{ value: 'vaccine', label: '预防接种' }, { value: 'card', label: '办卡' }],
            when: { '==': [{ var: 'married' }, true] },
          },
        ],
        situations: [
          { id: 'ok', name: '已婚且省内', when: { and: [{ '==': [{ var: 'married' }, true] }, { '==': [{ var: 'inProvince' }, true] }] } },
          { id: 'out', name: '已婚但省外', when: { and: [{ '==': [{ var: 'married' }, true] }, { '==': [{ var: 'inProvince' }, false] }] } },
          { id: 'no', name: '未婚', eligible: false, when: { '==': [{ var: 'married' }, false] }, advice: '请分别办理' },
        ],
        guide: {
          summary: '示例', policyBasis: ['测试'], applicants: '测试', channels: [{ kind: 'online', name: '网上' }],
          hours: '工作日', contacts: [{ name: '热线', phone: '12345' }], windows: ['da'],
        },
      },
    },
  ];
}

function material(id: string, name: string, extra: Record<string, unknown> = {}) {
  return { id, name, copies: 1, form: 'original', medium: 'either', review: { formal: [`${name}须在有效期内`], substantive: [] }, ...extra };
}

function item(code: string, department: string, name: string, timeLimit: { promised: number; legal: number }, extra: Record<string, unknown>): CatalogueDocument {
  return {
    file: `catalog/items/${code}.yaml`,
    kind: 'item',
    data: {
      code, name, department, kind: 'registration', legalBasis: ['测试依据'], conditions: ['测试条件'], timeLimit,
      fees: { free: true }, channels: ['online', 'window'], trips: 1,
      result: { kind: 'document', name: `${name}结果` },
      ...extra,
    },
  };
}

/** A deep copy of the fixture with one document changed by `edit`. */
export function fixtureWith(file: string, edit: (data: Record<string, unknown>) => void): CatalogueDocument[] {
  const docs = structuredClone(fixtureDocuments());
  const doc = docs.find((d) => d.file === file);
  if (!doc) throw new Error(`no fixture document ${file}`);
  edit(doc.data as Record<string, unknown>);
  return docs;
}
