import { describe, expect, it } from 'vitest';
import type { CatalogueDocument } from '../../../core/catalog/types.ts';
import { diffDocuments, impactOf, leafChanges } from './diff.ts';

describe('leaf changes', () => {
  it('names every changed, added and removed leaf by its path', () => {
    expect(leafChanges({ a: 1, b: { c: 'x', d: true } }, { a: 1, b: { c: 'y', e: 2 } })).toEqual([
      { path: 'b.c', before: 'x', after: 'y' },
      { path: 'b.d', before: true },
      { path: 'b.e', after: 2 },
    ]);
    expect(leafChanges(1, 'one')).toEqual([{ path: '(根)', before: 1, after: 'one' }]);
    expect(leafChanges({ a: [1] }, { a: [1] })).toEqual([]);
  });

  it('matches list elements by their id, reports order changes, and shows plain lists whole', () => {
    const before = { questions: [{ id: 'q1', text: 'A' }, { id: 'q2', text: 'B' }, { id: 'q3', text: 'C' }], partners: ['ga', 'rs'] };
    const after = { questions: [{ id: 'q2', text: 'B' }, { id: 'q1', text: 'A!' }, { id: 'q4', text: 'D' }], partners: ['ga', 'rs', 'yb'] };
    expect(leafChanges(before, after)).toEqual([
      { path: 'questions[id=q1].text', before: 'A', after: 'A!' },
      { path: 'questions[id=q4]', after: { id: 'q4', text: 'D' } },
      { path: 'questions[id=q3]', before: { id: 'q3', text: 'C' } },
      { path: 'questions（顺序）', before: ['q1', 'q2'], after: ['q2', 'q1'] },
      { path: 'partners', before: ['ga', 'rs'], after: ['ga', 'rs', 'yb'] },
    ]);
    // a matter's items are named by `item`; lists of unnamed objects by position
    expect(leafChanges({ items: [{ item: 'x', required: true }] }, { items: [{ item: 'x', required: false }] })).toEqual([{ path: 'items[item=x].required', before: true, after: false }]);
    expect(leafChanges({ faq: [{ q: '1', a: 'a' }] }, { faq: [{ q: '1', a: 'b' }, { q: '2', a: 'c' }] })).toEqual([
      { path: 'faq[0].a', before: 'a', after: 'b' },
      { path: 'faq[1]', after: { q: '2', a: 'c' } },
    ]);
  });
});

describe('impact of a change', () => {
  const matter = (id: string, lead: string, partners: string[], items: string[]): CatalogueDocument => ({
    file: `catalog/matters/${id}.yaml`, kind: 'matter', data: { id, name: id, lead, partners, items: items.map((item) => ({ item })) },
  });
  const item = (code: string, department: string, fields: string[], extra: Record<string, unknown> = {}): CatalogueDocument => ({
    file: `catalog/items/${code}.yaml`, kind: 'item', data: { code, name: code, department, fields, ...extra },
  });
  const base: CatalogueDocument[] = [
    { file: 'catalog/departments/ga.yaml', kind: 'department', data: { code: 'ga', name: '公安局' } },
    { file: 'catalog/fields/parents.yaml', kind: 'fields', data: { group: { id: 'parents', title: '父母' }, fields: [{ key: 'motherName' }] } },
    { file: 'catalog/licenses/hukou.yaml', kind: 'license', data: { code: 'hukou', name: '户口簿', department: 'ga' } },
    item('a', 'ga', ['motherName']),
    item('b', 'rs', [], { materials: [{ id: 'm', replacedBy: [{ kind: 'license', license: 'hukou' }] }] }),
    item('c', 'sw', []),
    matter('one', 'wsjk', ['ga', 'rs'], ['a', 'b']),
    matter('two', 'sj', ['sw'], ['c']),
  ];
  const change = (file: string, patch: (d: Record<string, unknown>) => Record<string, unknown>) =>
    base.map((d) => (d.file === file ? { ...d, data: patch(d.data as Record<string, unknown>) } : d));

  it('asks the lead and partners of a changed matter', () => {
    const impact = impactOf(base, change('catalog/matters/two.yaml', (d) => ({ ...d, name: 'Two' })));
    expect(impact.departments).toEqual(['sj', 'sw']);
    expect(impact.matters.map((m) => m.id)).toEqual(['two']);
  });

  it('asks the department of a changed item and the leads of the matters bundling it', () => {
    const impact = impactOf(base, change('catalog/items/c.yaml', (d) => ({ ...d, name: 'C' })));
    expect(impact.departments).toEqual(['sj', 'sw']);
    expect(impact.matters).toEqual([{ id: 'two', name: 'two', why: ['事项「C」有变化'] }]);
  });

  it('follows fields and licenses to the items that use them', () => {
    const fields = impactOf(base, change('catalog/fields/parents.yaml', (d) => ({ ...d, fields: [{ key: 'motherName', label: '母亲姓名' }] })));
    expect(fields.matters.map((m) => [m.id, m.why])).toEqual([['one', ['所用字段（父母）有变化']]]);
    expect(fields.departments).toEqual(['ga', 'wsjk']);
    const license = impactOf(base, change('catalog/licenses/hukou.yaml', (d) => ({ ...d, name: '居民户口簿' })));
    expect(license.departments).toEqual(['ga', 'rs', 'wsjk']);
    expect(license.matters.map((m) => m.id)).toEqual(['one']);
  });

  it('follows a region and a county department to the items they implement (实施清单) and the matters bundling them', () => {
    const regional = [
      ...base.map((d) => (d.file === 'catalog/items/c.yaml' ? { ...d, data: { ...(d.data as object), implementations: [{ region: '990121', department: 'sw-xx' }] } } : d)),
      { file: 'catalog/regions/990121.yaml', kind: 'region', data: { code: '990121', name: '示例县', level: 'county', parent: '990100' } },
      { file: 'catalog/departments/sw-xx.yaml', kind: 'department', data: { code: 'sw-xx', name: '示例县税务局', region: '990121' } },
    ] as CatalogueDocument[];
    const edit = (file: string, patch: (d: Record<string, unknown>) => Record<string, unknown>) =>
      regional.map((d) => (d.file === file ? { ...d, data: patch(d.data as Record<string, unknown>) } : d));
    const region = impactOf(regional, edit('catalog/regions/990121.yaml', (d) => ({ ...d, name: '示例新县' })));
    expect(region.matters).toEqual([{ id: 'two', name: 'two', why: ['行政区划「示例新县」有变化，影响其实施清单'] }]);
    expect(region.departments).toEqual(['sj', 'sw']);
    const county = impactOf(regional, edit('catalog/departments/sw-xx.yaml', (d) => ({ ...d, name: '示例县税务分局' })));
    expect(county.matters).toEqual([{ id: 'two', name: 'two', why: ['实施部门「示例县税务分局」的信息有变化'] }]);
    expect(county.departments).toEqual(['sj', 'sw', 'sw-xx']);
    const item = impactOf(regional, edit('catalog/items/c.yaml', (d) => ({ ...d, name: 'C' })));
    expect(item.departments).toEqual(['sj', 'sw', 'sw-xx']);
  });

  it('lists added and removed documents', () => {
    const after = [...base.filter((d) => d.file !== 'catalog/items/c.yaml'), item('d', 'yb', [])];
    expect(diffDocuments(base, after)).toEqual([
      { file: 'catalog/items/c.yaml', kind: 'item', change: 'removed' },
      { file: 'catalog/items/d.yaml', kind: 'item', change: 'added' },
    ]);
  });
});
