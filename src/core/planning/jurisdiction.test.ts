import { describe, expect, it } from 'vitest';
import { checkCatalogue } from '../catalog/check.ts';
import { CITY_DESK, COUNTY_WINDOW, regionalDocuments } from '../catalog/regions.fixture.ts';
import { regionOfAddress } from './jurisdiction.ts';
import { plan } from './plan.ts';
import type { Plan, PlanInput } from './types.ts';

const { catalogue, defects } = checkCatalogue(regionalDocuments());
const answers = { married: true, inProvince: true, extras: [] };
const chain = ['a-cert', 'b-reg', 'c-ins'];

function ok(input: PlanInput): Plan {
  const r = plan(catalogue, 'demo', { answers, chosenItems: chain, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}
const itemB = (p: Plan) => p.items.find((i) => i.id === 'b-reg');

describe('plan by the applicant’s region (属地管辖)', () => {
  it('the regional fixture is sound', () => {
    expect(defects).toEqual([]);
  });

  it('without a region, every item goes to its default department, named with its region and level', () => {
    const p = ok({});
    expect(p.region).toBeNull();
    expect(itemB(p)).toMatchObject({
      department: { code: 'db', name: '乙部门' }, region: { code: '990100', name: '示例市', level: 'city' },
      timeLimit: { promised: 3, legal: 10 }, fees: { free: true },
    });
    expect(itemB(p)?.windows).toEqual([expect.objectContaining({ name: '综合窗口' })]);
    expect(p.timeLimit.workingDays).toBe(2 + 3 + 1);
  });

  it('a county applicant gets the county’s implementation beside the city’s items, and its shorter limit', () => {
    const p = ok({ region: '990102' });
    expect(p.region).toEqual({ code: '990102', name: '示例区', level: 'county' });
    expect(itemB(p)).toMatchObject({
      department: { code: 'db-xz', name: '示例区乙分局' }, region: { code: '990102', name: '示例区', level: 'county' },
      windows: [COUNTY_WINDOW], timeLimit: { promised: 1, legal: 10 }, fees: { free: false, note: '工本费 10 元' },
    });
    expect(p.items.find((i) => i.id === 'a-cert')).toMatchObject({ department: { code: 'da' }, region: { level: 'city' } });
    expect(p.timeLimit.workingDays).toBe(2 + 1 + 1);
    expect(p.reductions.workingDays.before).toBe(2 + 1 + 1);
  });

  it('walks up from a township to its county, and from a county without its own entry to the city’s', () => {
    expect(itemB(ok({ region: '990102001' }))?.department.code).toBe('db-xz');
    const county = ok({ region: '990121' });
    expect(itemB(county)).toMatchObject({ department: { code: 'db' }, windows: [CITY_DESK], timeLimit: { promised: 2, legal: 10 } });
    expect(county.timeLimit.workingDays).toBe(2 + 2 + 1);
  });

  it('falls back to the item’s default outside every implementing region', () => {
    const p = ok({ region: '990200' });
    expect(p.region).toEqual({ code: '990200', name: '示例二市', level: 'city' });
    expect(itemB(p)).toMatchObject({ department: { code: 'db' }, timeLimit: { promised: 3 } });
    expect(p.timeLimit.workingDays).toBe(6);
  });

  it('names an optional item not chosen by its implementing department', () => {
    const p = ok({ region: '990102', chosenItems: ['a-cert'] });
    expect(p.notChosen).toEqual(expect.arrayContaining([{ id: 'b-reg', name: '乙登记', department: { code: 'db-xz', name: '示例区乙分局' } }]));
  });

  it('refuses an unknown region and a region that is not a code', () => {
    expect(plan(catalogue, 'demo', { answers, region: '990999' })).toEqual({
      ok: false, errors: [{ code: 'unknown-region', path: 'region', message: '没有代码为「990999」的行政区划' }],
    });
    expect(plan(catalogue, 'demo', { answers, region: 990102 as never })).toMatchObject({ ok: false, errors: [{ code: 'invalid-input', path: 'region' }] });
  });
});

describe('the region of an address', () => {
  const regions = new Map(catalogue.regions);
  // A second 示例区, under 示例二市: the name alone no longer tells which.
  regions.set('990202', { code: '990202', name: '示例区', level: 'county', parent: '990200' });

  it('is the deepest region the address names, told apart by the city it also names', () => {
    expect(regionOfAddress(catalogue.regions, '示例市示例区幸福路 18 号')).toBe('990102');
    expect(regionOfAddress(regions, '示例省示例市示例区幸福路 18 号')).toBe('990102');
    expect(regionOfAddress(regions, '示例二市示例区长安路 1 号')).toBe('990202');
    expect(regionOfAddress(regions, '示例市人民路 1 号')).toBe('990100');
  });

  it('is unknown when no region is named, or when two match equally', () => {
    expect(regionOfAddress(regions, '某省某市某区某路')).toBeUndefined();
    expect(regionOfAddress(regions, '示例区幸福路 18 号')).toBeUndefined();
  });
});
