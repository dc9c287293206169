import { describe, expect, it } from 'vitest';
import { fixtureDocuments, fixtureWith } from '../testing/fixture.ts';
import { checkCatalogue } from './check.ts';
import { statutoryHolidayDates } from '../calendar/statutory.ts';
import type { CatalogueDocument, Defect } from './types.ts';

const MATTER = 'catalog/matters/demo.yaml';
const ITEM_B = 'catalog/items/b-reg.yaml';
type Data = Record<string, unknown>;
const itemsOf = (m: Data) => m.items as Data[];
const questionsOf = (m: Data) => m.questions as Data[];
const situationsOf = (m: Data) => m.situations as Data[];

function defectsOf(docs: CatalogueDocument[]): Defect[] {
  return checkCatalogue(docs).defects;
}

describe('catalogue check', () => {
  it('accepts the sound fixture and compiles its matter', () => {
    const r = checkCatalogue(fixtureDocuments());
    expect(r.defects).toEqual([]);
    expect([...r.catalogue.matters.keys()]).toEqual(['demo']);
  });

  it('reports every shape problem of a file at once, each with its path', () => {
    const docs = fixtureWith('catalog/departments/db.yaml', (d) => {
      delete d.name;
      d.level = 'village';
      d.colour = 'blue';
      (d.window as Data).phone = 12345;
    });
    expect(defectsOf(docs).filter((d) => d.file === 'catalog/departments/db.yaml').map((d) => d.path)).toEqual([
      'name', 'level', 'window.phone', 'colour',
    ]);
  });

  it('names unknown references: departments, licenses, fields, items', () => {
    const docs = fixtureWith(ITEM_B, (d) => {
      d.department = 'dz';
      (d.fields as unknown[]).push('noSuchField');
      const mats = d.materials as Data[];
      (mats[0] as Data).replacedBy = [{ kind: 'license', license: 'no-license' }];
      (mats[1] as Data).replacedBy = [{ kind: 'result-of-item', item: 'no-item' }];
    });
    const messages = defectsOf(docs).filter((d) => d.file === ITEM_B).map((d) => `${d.path}: ${d.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      'department: 部门「dz」不存在',
      'fields[3]: 字段字典中没有「noSuchField」',
      'materials[0].replacedBy[0].license: 电子证照类型「no-license」不存在',
      'materials[1].replacedBy[0].item: 事项「no-item」不存在',
    ]));
  });

  it('checks the register fields a shared-data replacement shows the reviewer', () => {
    const docs = fixtureWith(ITEM_B, (d) => {
      const mats = d.materials as Data[];
      (mats[0] as Data).replacedBy = [{ kind: 'shared-data', data: '人口库', register: 'person', fields: ['householdHead', 'idNumber'] }];
      (mats[1] as Data).replacedBy = [{ kind: 'shared-data', data: '某库', register: 'vehicle', fields: ['plate'] }];
    });
    const messages = defectsOf(docs).filter((d) => d.file === ITEM_B).map((d) => `${d.path}: ${d.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^materials\[0\]\.replacedBy\[0\]\.fields\.1: 「person」没有字段「idNumber」/),
      expect.stringMatching(/^materials\[1\]\.replacedBy\[0\]\.register: 共享数据来源应为 person、enterprise 之一/),
    ]));
    expect(messages.some((m) => m.includes('没有字段「householdHead」'))).toBe(false);
  });

  it('finds a cycle in the serial relations', () => {
    const docs = fixtureWith(MATTER, (m) => {
      (itemsOf(m)[0] as Data).after = ['c-ins'];
    });
    expect(defectsOf(docs)).toContainEqual({ file: MATTER, path: 'items', message: '事项之间的先后关系成环：a-cert → c-ins → b-reg → a-cert' });
  });

  it('requires an item whose result replaces a material to come first', () => {
    const docs = fixtureWith(MATTER, (m) => {
      delete (itemsOf(m)[1] as Data).after;
      delete (itemsOf(m)[2] as Data).after;
    });
    expect(defectsOf(docs).map((d) => d.message)).toContain('事项「b-reg」的材料「甲证」由事项「a-cert」的结果替代，所以「a-cert」必须排在它之前（after）');
  });

  it('checks conditions against the questions, their options and the situations', () => {
    const docs = fixtureWith(MATTER, (m) => {
      (situationsOf(m)[0] as Data).when = { '==': [{ var: 'marrried' }, true] };
      (questionsOf(m)[1] as Data).when = { '==': [{ var: 'extras' }, 'vaccine'] };
      (itemsOf(m)[3] as Data).when = { '==': [{ var: 'situation' }, 'okk'] };
      (questionsOf(m)[0] as Data).when = { '===': [{ var: 'married' }, true], extra: 1 };
    });
    const messages = defectsOf(docs).filter((d) => d.file === MATTER).map((d) => `${d.path}: ${d.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      'situations[0].when: 情形条件读取了「marrried」，但本一件事没有这个问题',
      'questions[1].when: 问题条件只能读取在它之前的问题，「extras」不在其前',
      'items[3].when: 条件比较的情形「okk」不存在',
      'questions[0].when: 条件中的对象必须只有一个运算符键，实际为 ["===","extra"]',
    ]));
  });

  it('refuses a comparison with a value the question cannot take', () => {
    const docs = fixtureWith(MATTER, (m) => {
      (situationsOf(m)[2] as Data).when = { '==': [{ var: 'married' }, 'no'] };
    });
    expect(defectsOf(docs).map((d) => d.message)).toContain('情形条件把「married」与 "no" 比较，但它的取值只能是 true、false');
  });

  it('finds answers that reach no situation, or several, and situations never reached', () => {
    const gap = fixtureWith(MATTER, (m) => {
      (situationsOf(m)[1] as Data).when = { and: [{ '==': [{ var: 'married' }, true] }, { '==': [{ var: 'inProvince' }, true] }] };
    });
    const messages = defectsOf(gap).filter((d) => d.file === MATTER).map((d) => d.message);
    expect(messages).toContain('回答 「父母是否已婚？」是；「户籍是否在省内？」否；「还需要办理哪些服务？」（都没有） 时不符合任何情形');
    expect(messages).toContain('回答 「父母是否已婚？」是；「户籍是否在省内？」是；「还需要办理哪些服务？」（都没有） 时同时符合 2 个情形（ok、out）');
    const unreachable = fixtureWith(MATTER, (m) => {
      situationsOf(m).push({ id: 'never', name: '永不出现', when: { and: [{ '==': [{ var: 'married' }, true] }, { '==': [{ var: 'married' }, false] }] } });
    });
    expect(defectsOf(unreachable)).toContainEqual({ file: MATTER, path: 'situations[3]', message: '情形「永不出现」在任何回答组合下都不会出现' });
  });

  it('requires every partner to own an item and every item to belong to the lead or a partner', () => {
    const docs = fixtureWith(MATTER, (m) => {
      m.partners = ['db'];
    });
    const messages = defectsOf(docs).map((d) => d.message);
    expect(messages).toContain('事项「c-ins」属于部门 dc，它既不是牵头部门也不是配合部门');
    const extra = fixtureWith(MATTER, (m) => {
      m.partners = ['db', 'dc', 'da'];
    });
    expect(defectsOf(extra).map((d) => d.message)).toContain('牵头部门不必再列为配合部门');
  });

  it('requires file names to match ids and ids to be unique', () => {
    const docs = fixtureDocuments();
    docs.push({ ...(docs[0] as CatalogueDocument), file: 'catalog/departments/other.yaml' });
    const defects = defectsOf(docs);
    expect(defects).toContainEqual({ file: 'catalog/departments/other.yaml', path: 'code', message: '文件名应与 code 一致：应为 da.yaml' });
    expect(defects).toContainEqual({ file: 'catalog/departments/other.yaml', path: '(根)', message: '部门「da」重复定义，已在 catalog/departments/da.yaml 中定义' });
  });

  it('keeps sound matters when another matter is broken, and leaves the broken one out', () => {
    const docs = fixtureDocuments();
    const broken = structuredClone(docs.find((d) => d.file === MATTER) as CatalogueDocument);
    broken.file = 'catalog/matters/demo2.yaml';
    (broken.data as Data).id = 'demo2';
    ((broken.data as Data).items as Data[]).push({ item: 'missing-item', required: true, reason: 'x' });
    const r = checkCatalogue([...docs, broken]);
    expect(r.defects).toEqual([{ file: 'catalog/matters/demo2.yaml', path: 'items[4].item', message: '事项「missing-item」不存在' }]);
    expect([...r.catalogue.matters.keys()]).toEqual(['demo']);
  });

  it('checks calendar overrides', () => {
    const docs = fixtureDocuments();
    const fixed = statutoryHolidayDates(2099).map((d) => d.date);
    docs.push({ file: 'catalog/calendar/2099.yaml', kind: 'calendar', data: { year: 2099, holidays: [...fixed, '2098-01-01'], workdays: ['2099-10-01', '2099-02-30'] } });
    expect(defectsOf(docs).map((d) => `${d.path}: ${d.message}`)).toEqual([
      `holidays[${fixed.length}]: 「2098-01-01」不是 2099 年的有效日期`,
      'workdays[0]: 「2099-10-01」不能既是节假日又是调休工作日',
      'workdays[1]: 「2099-02-30」不是 2099 年的有效日期',
    ]);
  });

  it('requires a calendar file to hold every fixed statutory holiday of its year', () => {
    const docs = fixtureDocuments();
    const without = statutoryHolidayDates(2027).map((d) => d.date).filter((d) => d !== '2027-01-01' && d !== '2027-02-05' && d !== '2027-09-15');
    docs.push({ file: 'catalog/calendar/2027.yaml', kind: 'calendar', data: { year: 2027, holidays: [...without, '2027-10-04'], workdays: [] } });
    expect(defectsOf(docs)).toEqual([
      { file: 'catalog/calendar/2027.yaml', path: 'holidays', message: '2027 年日历缺少法定节假日「元旦」：2027-01-01（全国年节及纪念日放假办法）' },
      { file: 'catalog/calendar/2027.yaml', path: 'holidays', message: '2027 年日历缺少法定节假日「春节」：2027-02-05（全国年节及纪念日放假办法）' },
      { file: 'catalog/calendar/2027.yaml', path: 'holidays', message: '2027 年日历缺少法定节假日「中秋节」：2027-09-15（全国年节及纪念日放假办法）' },
    ]);
  });

  it('checks the calendar-day periods of an item', () => {
    const ok = fixtureWith(ITEM_B, (d) => { d.periods = [{ name: '公示', days: 7 }]; });
    expect(defectsOf(ok)).toEqual([]);
    const bad = fixtureWith(ITEM_B, (d) => { d.periods = [{ name: '公示', days: 0 }, { name: '公示', days: 3 }, { name: '', days: 5 }]; });
    const paths = defectsOf(bad).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['periods[0].days', 'periods[2].name']));
    expect(paths.some((p) => p.startsWith('periods'))).toBe(true);
    expect(defectsOf(bad).length).toBeGreaterThanOrEqual(3);
  });
});
