import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { fillForm } from '../../testing/fill.ts';

const ANSWERS = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };
const ITEM = 'rs-pension-retirement';

describe.each(DIALECTS)("a department's queue after years of decisions, on %s", (dialect) => {
  let h: Harness;
  let rs: string;
  let fresh: { id: string; number: string };
  type Row = { caseId: string; status: string };
  const queue = async (query = '') => (await h.request('GET', `/api/department/tasks${query}`, { cookie: rs })).json().tasks as Row[];

  beforeAll(async () => {
    h = await startHarness(dialect);
    const me = await h.login('zhangjianguo');
    const win = await h.login('window');
    rs = await h.login('rs-reviewer');
    const draft = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement' } })).json();
    const values = fillForm((await h.request('PUT', `/api/cases/${draft.id}/answers`, { cookie: me, body: { answers: ANSWERS } })).json().plan as Plan);
    const accepted = async () => {
      const c = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement', answers: ANSWERS, values, submit: true } })).json();
      expect((await h.request('POST', `/api/window/cases/${c.id}/accept`, { cookie: win })).statusCode).toBe(200);
      return c as { id: string; number: string };
    };
    const old = await accepted();
    await h.request('POST', `/api/department/tasks/${old.id}/${ITEM}/claim`, { cookie: rs });
    expect((await h.request('POST', `/api/department/tasks/${old.id}/${ITEM}/approve`, { cookie: rs, body: {} })).statusCode).toBe(200);
    // 250 more decided tasks of earlier years, copied from that one.
    const db = h.deps.db.kysely;
    const oldCase = await db.selectFrom('cases').selectAll().where('id', '=', old.id).executeTakeFirstOrThrow();
    const oldTask = await db.selectFrom('tasks').selectAll().where('id', '=', `${old.id}:${ITEM}`).executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 250; i++) {
        const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        const day = `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        await trx.insertInto('cases').values({ ...oldCase, id, number: `YJS2023${String(i).padStart(7, '0')}` }).execute();
        await trx.insertInto('tasks').values({ ...oldTask, id: `${id}:${ITEM}`, case_id: id, decided_at: day, updated_at: `${day}T08:00:00.000Z` }).execute();
      }
    });
    fresh = await accepted();
  });
  afterAll(async () => h.close());

  it('puts open work first, then the most recently decided, however long the history', async () => {
    const all = await queue();
    expect(all[0]).toMatchObject({ caseId: fresh.id, status: 'dispatched' });
    expect(all).toHaveLength(1 + 200);
    expect(all[1]?.status).toBe('approved');
    // This year's decision comes before every earlier year's.
    const recent = all.findIndex((t) => t.caseId !== fresh.id && !t.caseId.startsWith('00000000'));
    expect(recent).toBe(1);
  });

  it('lists one status at a time: open ones by deadline, decided ones newest first', async () => {
    expect((await queue('?status=dispatched')).map((t) => t.caseId)).toEqual([fresh.id]);
    const approved = await queue('?status=approved');
    expect(approved).toHaveLength(200);
    expect(approved.map((t) => t.caseId)).not.toContain(fresh.id);
  });
});
