import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Effectiveness } from '../../../core/metrics/effectiveness.ts';
import { injectCall, login, newborn, ok } from '../../testing/api-call.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

describe.each(DIALECTS)('effectiveness figures (clause 8.1) on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h.close());

  it('measures channels, time, materials, trips and satisfaction from real cases', async () => {
    const call = injectCall(h);
    const parent = await login(call, 'wangfang');
    const clerk = await login(call, 'window');
    const id = await newborn.create(call, parent);
    const plan = await newborn.answer(call, parent, id);
    await newborn.fill(call, parent, id, plan, '李小宝');
    await newborn.submit(call, parent, id);
    await newborn.accept(call, clerk, id);
    h.clock.advance(2 * 24 * 3600_000);
    const order: [string, string][] = [['wsjk-reviewer', 'wsjk-birth-medical-certificate'], ['jk-reviewer', 'jk-vaccination-certificate'], ['ga-reviewer', 'ga-birth-registration'], ['yb-reviewer', 'yb-resident-insurance-enrolment'], ['rs-reviewer', 'rs-ssc-application']];
    for (const [who, item] of order) {
      const cookie = await login(call, who);
      await newborn.claim(call, cookie, id, item);
      await newborn.approve(call, cookie, id, item);
    }
    const me = await login(call, 'wangfang');
    await ok(call('POST', `/api/cases/${id}/ratings`, { cookie: me, body: { level: 2, tags: ['等待时间长'], comment: '社保卡邮寄慢' } }), 'rate');

    const lead = await login(call, 'wsjk-lead');
    const figures = await ok<Effectiveness>(call('GET', '/api/metrics/newborn-birth', { cookie: lead }), 'metrics');
    expect(figures.cases).toBe(1);
    expect(figures.channels.used).toEqual({ online: 1 });
    expect(figures.process.completed).toBe(1);
    // Accepted Monday 2025-09-29, decided Wednesday 1 October, a holiday: one working day (30 September).
    expect(figures.process.actualAverage).toBe(1);
    expect(figures.process.promisedBefore).toBeGreaterThan(figures.process.promisedAfter as number);
    expect(figures.materials.exemptionRate).toBe(1);
    expect(figures.cost.tripsBefore).toBeGreaterThan(figures.cost.tripsAfter as number);
    expect(figures.satisfaction).toMatchObject({ ratings: 1, satisfactionRate: 0, rectificationRate: 0 });

    const other = await login(call, 'sj-lead');
    expect((await call('GET', '/api/metrics/newborn-birth', { cookie: other })).status).toBe(404);
    const all = await ok<{ matters: { matter: { id: string } }[] }>(call('GET', '/api/metrics', { cookie: other }), 'all');
    expect(all.matters.map((m) => m.matter.id)).not.toContain('newborn-birth');
  });
});

// SQLite allows 32,766 parameters in one statement: a matter with more cases than that must still be measured.
describe('effectiveness figures over more cases than one query can name, on sqlite', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(async () => h.close());

  it('counts every one of 33,000 submitted cases', async () => {
    const call = injectCall(h);
    const parent = await login(call, 'wangfang');
    const id = await newborn.create(call, parent);
    const plan = await newborn.answer(call, parent, id);
    await newborn.fill(call, parent, id, plan, '李小宝');
    await newborn.submit(call, parent, id);
    const db = h.deps.db.kysely;
    const original = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 33_000; i++) {
        await trx.insertInto('cases').values({ ...original, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, number: `YJS2024${String(i).padStart(7, '0')}`, plan: null, form: '{}' }).execute();
      }
    });
    const figures = await ok<Effectiveness>(call('GET', '/api/metrics/newborn-birth', { cookie: await login(call, 'admin') }), 'metrics');
    expect(figures.cases).toBe(33_001);
    expect(figures.channels.used).toEqual({ online: 33_001 });
  }, 60_000);
});
