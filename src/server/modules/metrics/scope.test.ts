/**
 * 属地管辖 of figures: staff of a county department count their county's cases only, staff of 示例市
 * their districts' and counties' sum, a province department everything; the same department kind in
 * two cities (each city's 政务服务管理局) see their own city each. A figure asked for a region outside
 * the account's is refused with region-not-served. The platform's admin, of no department, sees all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Effectiveness } from '../../../core/metrics/effectiveness.ts';
import { DEMO_PASSWORD } from '../identity/demo.ts';
import type { Role } from '../identity/roles.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { enterRegionCases } from './region-cases.ts';

type Figures = { regions: { code: string; total: { cases: number; accepted: number } }[]; unknown: { cases: number } };

describe.each(DIALECTS)('figures count the account’s own regions only, on %s', (dialect) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness(dialect);
    // Staff of the demo's county, city and province departments (sj-xx 示例县, ga-xz 示例区, zwfw 示例市, zwfw-er 示例二市, zjh 示例省).
    const staff: [string, Role, string][] = [
      ['xx-lead', 'lead', 'sj-xx'], ['xz-lead', 'lead', 'ga-xz'], ['city-lead', 'lead', 'zwfw'], ['er-lead', 'lead', 'zwfw-er'], ['province-lead', 'lead', 'zjh'],
      ['xx-auditor', 'auditor', 'sj-xx'], ['xz-auditor', 'auditor', 'ga-xz'], ['province-auditor', 'auditor', 'zjh'],
    ];
    for (const [username, role, department] of staff) await h.identity.createAccount({ username, password: DEMO_PASSWORD, role, displayName: username, department });
    for (const u of [...staff.map((s) => s[0]), 'admin', 'rs-lead', 'auditor']) cookies[u] = await h.login(u);
    const { district, county } = await enterRegionCases(h);
    // The applicant rates both accepted cases: one in 示例区, one in 示例县.
    const me = await h.login('zhangjianguo');
    for (const id of [district, county]) {
      const r = await h.request('POST', `/api/cases/${id}/ratings`, { cookie: me, body: { level: 5 } });
      expect(r.statusCode, r.body).toBe(201);
    }
  });
  afterAll(() => h.close());

  const read = async (who: string, url: string) => {
    const r = await h.request('GET', url, { cookie: cookies[who] });
    expect(r.statusCode, `${who} ${url}: ${r.body}`).toBe(200);
    return r.json();
  };
  const regions = async (who: string) => {
    const f: Figures = await read(who, '/api/metrics/regions');
    return { codes: f.regions.map((r) => r.code).sort(), total: Object.fromEntries(f.regions.map((r) => [r.code, r.total.cases])), unknown: f.unknown.cases };
  };
  const cases = async (who: string, region?: string) => ((await read(who, `/api/metrics/retirement${region ? `?region=${region}` : ''}`)) as Effectiveness).cases;

  it('gives two county leads their own county’s counts, the city its counties’ sum and the province everything', async () => {
    expect(await regions('xx-lead')).toEqual({ codes: ['990121'], total: { 990121: 1 }, unknown: 0 });
    expect(await regions('xz-lead')).toEqual({ codes: ['990102'], total: { 990102: 2 }, unknown: 0 });
    expect(await regions('city-lead')).toEqual({ codes: ['990100', '990102', '990121'], total: { 990100: 3, 990102: 2, 990121: 1 }, unknown: 0 });
    expect(await regions('er-lead')).toEqual({ codes: ['990200'], total: { 990200: 1 }, unknown: 0 });
    expect((await regions('province-lead')).total).toEqual({ 990000: 4, 990100: 3, 990102: 2, 990121: 1, 990200: 1 });
    expect((await regions('admin')).total['990000']).toBe(4);
  });

  it('counts a matter’s effectiveness figures over the account’s regions, narrowed by ?region= inside them', async () => {
    expect(await cases('xx-auditor')).toBe(1);
    expect(await cases('xz-auditor')).toBe(2);
    expect(await cases('rs-lead')).toBe(3);
    expect(await cases('rs-lead', '990121')).toBe(1);
    expect(await cases('province-auditor')).toBe(4);
    expect(await cases('province-auditor', '990200')).toBe(1);
    expect(await cases('auditor')).toBe(4);
    const list = await read('xz-auditor', '/api/metrics');
    expect(list.matters.find((m: { matter: { id: string } }) => m.matter.id === 'retirement').cases).toBe(2);
  });

  it('refuses a region outside the account’s, a parent included, with region-not-served', async () => {
    for (const [who, url] of [['rs-lead', '/api/metrics/retirement?region=990200'], ['xx-auditor', '/api/metrics/retirement?region=990102'], ['xx-auditor', '/api/metrics?region=990100'], ['rs-lead', '/api/metrics?region=990000']]) {
      const r = await h.request('GET', url as string, { cookie: cookies[who as string] });
      expect(r.statusCode, `${who} ${url}`).toBe(403);
      expect(r.json()).toMatchObject({ code: 'region-not-served', message: '该辖区不在本账号的管辖范围内，不能查看其统计数据', details: [{ path: 'querystring.region' }] });
    }
    // A region that does not exist stays a 400, whoever asks.
    expect((await h.request('GET', '/api/metrics/retirement?region=999999', { cookie: cookies['xx-auditor'] })).json()).toMatchObject({ code: 'unknown-region' });
  });

  it('counts ratings and period reports of the account’s regions only', async () => {
    const rated = async (who: string) => (await read(who, '/api/ratings/summary?matter=retirement')).total;
    expect(await rated('xx-auditor')).toBe(1);
    expect(await rated('xz-auditor')).toBe(1);
    expect(await rated('rs-lead')).toBe(2);
    expect(await rated('province-auditor')).toBe(2);
    const accepted = async (who: string) => (await read(who, '/api/admin/reports/period?from=2025-09-01&to=2025-11-01&by=matter')).total.accepted;
    expect(await accepted('xx-auditor')).toBe(1);
    expect(await accepted('xz-auditor')).toBe(1);
    expect(await accepted('auditor')).toBe(2);
  });
});
