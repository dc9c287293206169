import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalog/load.ts';
import { BASE_FORMAT, checkBaseCatalogue, syncBaseItems, type BaseCatalogue } from './sync.ts';

const shipped = loadCatalogue().documents;
const item = (docs: typeof shipped, code: string) => docs.find((d) => d.kind === 'item' && (d.data as { code: string }).code === code)?.data as Record<string, unknown>;

const feed = (items: BaseCatalogue['items']): BaseCatalogue => ({ format: BASE_FORMAT, source: '示例省政务服务事项基本目录', issuedAt: '2026-11-30', items });
const FOOD = { mainCode: '000149001000', subCode: '00014900100001', name: '食品经营许可', type: '行政许可', levels: ['市级', '县级'], legalBasis: ['《中华人民共和国食品安全法》第三十五条'], legalLimit: 15 };

describe('the superior catalogue file', () => {
  it('is refused with every problem and its path', () => {
    const problems = checkBaseCatalogue({ format: 'x', source: '', items: [{ mainCode: 'a-1', name: '某事项', type: '行政审批', legalBasis: [] }] });
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['format', 'source', 'issuedAt', 'items[0].mainCode', 'items[0].type', 'items[0].legalBasis']));
    expect(problems.find((p) => p.path === 'items[0].type')?.message).toContain('行政许可');
  });

  it('may not list one code twice', () => {
    expect(checkBaseCatalogue(feed([FOOD, FOOD])).some((p) => p.path.startsWith('items'))).toBe(true);
    expect(checkBaseCatalogue(feed([FOOD]))).toEqual([]);
  });
});

describe('synchronising base items', () => {
  it('matches an unmapped local item by its name the first time and takes the base elements, keeping the local implementation', () => {
    const before = item(shipped, 'sj-food-business-licence');
    const r = syncBaseItems(shipped, feed([FOOD]));
    expect(r.updated).toHaveLength(1);
    expect(r.updated[0]).toMatchObject({ item: 'sj-food-business-licence', matchedBy: 'name' });
    const labels = r.updated[0]?.changes.map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['事项编码（主项/子项）', '设定依据', '法定办结时限']));
    // The local name says more (新办, 餐饮服务经营者) and is kept.
    expect(labels).not.toContain('事项名称');
    const after = item(r.documents, 'sj-food-business-licence');
    expect(after.nationalCode).toEqual({ main: FOOD.mainCode, sub: FOOD.subCode });
    expect(after.legalBasis).toEqual(FOOD.legalBasis);
    expect(after.timeLimit).toEqual({ ...(before.timeLimit as object), legal: 15 });
    for (const local of ['department', 'implementations', 'materials', 'fields', 'conditions', 'fees', 'channels', 'name']) expect(after[local]).toEqual(before[local]);
    expect(after.source).toContain('上级事项目录同步：示例省政务服务事项基本目录（2026-11-30）');
    expect(JSON.stringify(after.assumptions ?? [])).not.toContain('nationalCode');
    // Nothing else is touched: the same objects.
    expect(r.documents.filter((d, i) => d !== shipped[i]).map((d) => d.file)).toEqual(['catalog/items/sj-food-business-licence.yaml']);
  });

  it('matches by code once mapped, reports nothing when nothing changed, and lists withdrawn and unimplemented items', () => {
    const first = syncBaseItems(shipped, feed([FOOD]));
    const again = syncBaseItems(first.documents, feed([FOOD]));
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toBe(1);
    const renamed = syncBaseItems(first.documents, feed([{ ...FOOD, name: '食品经营许可（含仅销售预包装食品备案）', legalLimit: 15 }]));
    expect(renamed.updated[0]).toMatchObject({ matchedBy: 'code', changes: [{ label: '事项名称', to: '食品经营许可（含仅销售预包装食品备案）' }] });
    const withdrawn = syncBaseItems(first.documents, feed([{ ...FOOD, status: '废止' }, { mainCode: '000999000000', name: '某项尚未实施的事项', type: '公共服务', legalBasis: ['《某条例》'] }]));
    expect(withdrawn.updated).toEqual([]);
    expect(withdrawn.withdrawn).toEqual([expect.objectContaining({ item: 'sj-food-business-licence', reason: '上级目录已废止该事项' })]);
    expect(withdrawn.unimplemented).toEqual([{ code: '000999000000', name: '某项尚未实施的事项' }]);
    const gone = syncBaseItems(first.documents, feed([{ mainCode: '000999000000', name: '某项尚未实施的事项', type: '公共服务', legalBasis: ['《某条例》'] }]));
    expect(gone.withdrawn).toEqual([expect.objectContaining({ item: 'sj-food-business-licence', reason: '上级目录中已没有该事项编码' })]);
  });

  it('does not guess between two local items a base name could mean', () => {
    const r = syncBaseItems(shipped, feed([{ mainCode: '000111000000', name: '社会保障卡', type: '公共服务', legalBasis: ['《社会保障卡管理办法》'] }]));
    // rs-ssc-application and rs-ssc-reissue both begin with the name, neither equals it.
    expect(shipped.filter((d) => d.kind === 'item' && String((d.data as { name: string }).name).startsWith('社会保障卡')).length).toBeGreaterThan(1);
    expect(r.updated).toEqual([]);
    expect(r.unimplemented).toEqual([{ code: '000111000000', name: '社会保障卡' }]);
  });
});
