/**
 * Figures per region (属地汇总): the effectiveness figures for a region count its cases and those of
 * the regions below it; the roll-up gives 示例市 its districts' and counties' sums and 示例省 its
 * cities'. The reads behind them, and reporting's read of a period's case events, go through indexes.
 */
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Effectiveness } from '../../../core/metrics/effectiveness.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { enterRegionCases } from './region-cases.ts';

type Figures = { regions: { code: string; own: { cases: number; accepted: number }; total: { cases: number; accepted: number } }[]; unknown: { cases: number } };

describe.each(DIALECTS)('figures per region, rolled up to the parents, on %s', (dialect) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await h.login('admin');
    await enterRegionCases(h);
  });
  afterAll(() => h.close());

  const metrics = async (url: string) => {
    const r = await h.request('GET', url, { cookie: admin });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it('rolls each region’s cases up to its city and province', async () => {
    const figures: Figures = await metrics('/api/metrics/regions');
    const by = Object.fromEntries(figures.regions.map((r) => [r.code, r]));
    expect(by['990102']).toMatchObject({ own: { cases: 2, accepted: 1 }, total: { cases: 2, accepted: 1 } });
    expect(by['990121']?.total).toEqual({ cases: 1, accepted: 1 });
    expect(by['990100']).toMatchObject({ own: { cases: 0, accepted: 0 }, total: { cases: 3, accepted: 2 } });
    expect(by['990200']?.total).toEqual({ cases: 1, accepted: 0 });
    expect(by['990000']?.total).toEqual({ cases: 4, accepted: 2 });
  });

  it('counts a region’s effectiveness figures over it and the regions below it only', async () => {
    const cases = async (region?: string) => ((await metrics(`/api/metrics/retirement${region ? `?region=${region}` : ''}`)) as Effectiveness).cases;
    expect(await cases()).toBe(4);
    expect(await cases('990000')).toBe(4);
    expect(await cases('990100')).toBe(3);
    expect(await cases('990121')).toBe(1);
    expect(await cases('990200')).toBe(1);
    const list = await metrics('/api/metrics?region=990200');
    expect(list.matters.find((m: { matter: { id: string } }) => m.matter.id === 'retirement').cases).toBe(1);
    const unknown = await h.request('GET', '/api/metrics/retirement?region=999999', { cookie: admin });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'unknown-region', details: [{ path: 'querystring.region' }] });
  });

  it('reads by region, and reporting reads a period of case events, through indexes', async () => {
    const db = h.deps.db.kysely;
    const plan = async (q: { compile(): CompiledQuery }) => {
      const c = q.compile();
      return db.connection().execute(async (conn) => {
        if (dialect === 'postgres') await conn.executeQuery(CompiledQuery.raw('SET enable_seqscan = off'));
        const rows = (await conn.executeQuery(CompiledQuery.raw(`${dialect === 'postgres' ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${c.sql}`, [...c.parameters]))).rows;
        if (dialect === 'postgres') await conn.executeQuery(CompiledQuery.raw('RESET enable_seqscan'));
        return JSON.stringify(rows);
      });
    };
    const accepted = db.selectFrom('cases').select((eb) => ['region', eb.fn.countAll().as('n')]).where('accepted_at', 'is not', null).groupBy('region');
    expect(await plan(accepted)).toContain('cases_region_accepted');
    const events = db.selectFrom('audit_log').select(['seq', 'at']).where('entity', '=', 'case').where('at', '>=', '2025-09-01').where('at', '<', '2025-10-01').orderBy('at');
    expect(await plan(events)).toContain('audit_log_entity_at');
  });
});
