/**
 * 办理地 on the public guide and plan: the guide shows, for the region chosen, each item's
 * implementing department, window and promised limit from the 实施清单 (示例区 has its own window,
 * 示例县 its own department and limit, 示例二市 none: the default); an unknown region is refused
 * with a code and the field, on the guide and the plan alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { checklistData } from './checklist.ts';

type Place = { region: { code: string; fullName: string } | null; handling: { item: string; department: { code: string; name: string }; windows: { name: string }[]; timeLimit: { promised: number }; implementedIn: { name: string } | null }[] };
const LICENCE = 'sj-food-business-licence';
const RETIREMENT = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };

describe.each(DIALECTS)('the guide for a chosen region on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(() => h.close());

  const place = async (region?: string): Promise<Place> => {
    const r = await h.request('GET', `/api/public/matters/restaurant-opening${region ? `?region=${region}` : ''}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json().place;
  };
  const licence = (p: Place) => p.handling.find((x) => x.item === LICENCE);

  it('shows each item as handled in the region chosen, and each item’s default without one', async () => {
    const none = await place();
    expect(none.region).toBeNull();
    expect(licence(none)).toMatchObject({ department: { code: 'sj', name: '示例市市场监督管理局' }, implementedIn: null, timeLimit: { promised: 5 } });
    const district = await place('990102');
    expect(district.region).toMatchObject({ code: '990102', fullName: '示例省示例市示例区' });
    expect(licence(district)).toMatchObject({ department: { code: 'sj' }, implementedIn: { name: '示例区' }, timeLimit: { promised: 5 } });
    expect(licence(district)?.windows[0]?.name).toContain('示例区政务服务中心');
    const county = await place('990121');
    expect(licence(county)).toMatchObject({ department: { code: 'sj-xx', name: '示例市示例县市场监督管理局' }, implementedIn: { name: '示例县' }, timeLimit: { promised: 4 } });
    expect(licence(county)?.windows[0]?.name).toContain('示例县政务服务中心');
    // 示例二市 has no 实施清单 entry of its own: the item's default department handles it.
    expect(licence(await place('990200'))).toMatchObject({ department: { code: 'sj' }, implementedIn: null });
    // Every item of the matter is there, each once.
    expect(county.handling.map((x) => x.item).sort()).toEqual([...new Set(none.handling.map((x) => x.item))].sort());
  });

  it('caches each region’s guide under its own tag', async () => {
    const a = await h.request('GET', '/api/public/matters/restaurant-opening?region=990121');
    const b = await h.request('GET', '/api/public/matters/restaurant-opening?region=990102');
    expect(a.headers.etag).not.toBe(b.headers.etag);
    const again = await h.request('GET', '/api/public/matters/restaurant-opening?region=990121', { headers: { 'if-none-match': String(a.headers.etag) } });
    expect(again.statusCode).toBe(304);
    const other = await h.request('GET', '/api/public/matters/restaurant-opening?region=990102', { headers: { 'if-none-match': String(a.headers.etag) } });
    expect(other.statusCode).toBe(200);
  });

  it('lists each material’s type, and a proof’s 设定依据 and 开具单位, on the guide and the checklist (5.2.6 a)', async () => {
    const { guide, version } = (await h.request('GET', '/api/public/matters/retirement')).json();
    const proof = guide.materials.find((m: { id: string }) => m.id === 'retirement-proof');
    expect(proof).toMatchObject({ kind: 'proof', proof: { issuer: '人力资源社会保障部门', basis: expect.arrayContaining([expect.any(String)]) } });
    expect(guide.materials.every((m: { kind: string | null }) => m.kind !== null)).toBe(true);
    const { catalogue } = await h.deps.catalogues.get(version);
    const planned = (await h.request('POST', '/api/public/matters/retirement/plan', { body: { answers: RETIREMENT } })).json().plan;
    const data = checklistData(catalogue, planned, version, '2025-09-29');
    // 退休证明 is shared data for the pension item: make it required to see how a proof is printed.
    const asked = { ...planned, materials: planned.materials.map((m: { id: string }) => (m.id === 'retirement-proof' ? { ...m, status: 'required', alternatives: [] } : m)) };
    const row = checklistData(catalogue, asked, version, '2025-09-29').required.find((m) => m.name === proof.name);
    expect(row?.notes).toEqual(expect.arrayContaining(['开具单位：人力资源社会保障部门', expect.stringMatching(/^设定依据：/)]));
    expect(data.required.every((m) => /^(申请表格|证件证照|证明材料|其他材料)·/.test(m.form))).toBe(true);
    const pdf = await h.request('POST', '/api/public/matters/retirement/checklist.pdf', { body: { answers: RETIREMENT, region: '999999' } });
    expect(pdf.json()).toMatchObject({ code: 'unknown-region', details: [{ path: 'body.region' }] });
  });

  it('refuses a region the platform does not have, on the guide and the plan, naming the field', async () => {
    const guide = await h.request('GET', '/api/public/matters/restaurant-opening?region=999999');
    expect(guide.statusCode).toBe(400);
    expect(guide.json()).toMatchObject({ code: 'unknown-region', message: expect.stringContaining('行政区划'), details: [{ path: 'querystring.region' }] });
    const malformed = await h.request('GET', '/api/public/matters/restaurant-opening?region=abc');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'invalid-request' });
    const plan = await h.request('POST', '/api/public/matters/restaurant-opening/plan', { body: { answers: {}, region: '999999' } });
    expect(plan.statusCode).toBe(400);
    expect(plan.json()).toMatchObject({ code: 'unknown-region', details: [{ path: 'body.region' }] });
    const county = await h.request('POST', '/api/public/matters/restaurant-opening/plan', { body: { answers: {}, region: '990121' } });
    expect(county.statusCode, county.body).toBe(200);
    expect(county.json().plan.region).toMatchObject({ code: '990121' });
  });
});
