/**
 * 一次一评 (GB/T 39734): a case is rated once, under the channel it actually went through; ratings
 * sent at once still leave exactly one; ratings kept once per declared channel before are folded
 * into one per case by the migration, without losing any.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/planning/types.ts';
import { ratingOnce } from '../db/migrations/006_rating_once.ts';
import { ratingEvents } from '../db/migrations/012_rating_events.ts';
import { DEMO_PEOPLE } from '../modules/shareddata/demo.ts';
import { fillForm } from '../testing/fill.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';

const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none', hasHousingFund: false };
const zhang = { idNumber: DEMO_PEOPLE[2]!.idNumber, name: '张建国' };

describe.each(DIALECTS)('一次一评 through the channel the case went, on %s', (dialect) => {
  let h: Harness;
  let clerk: string;
  let applicant: string;
  const cases: Record<'online' | 'window' | 'assisted', string> = { online: '', window: '', assisted: '' };
  const rate = (id: string, body: unknown) => h.request('POST', `/api/cases/${id}/ratings`, { cookie: applicant, body });
  const ratingsOf = (id: string) => h.deps.db.kysely.selectFrom('ratings').selectAll().where('case_id', '=', id).orderBy('created_at').execute();

  /** A 退休 case for 张建国, accepted: applied for by himself online, or entered at the window (assisted or not). */
  async function accepted(way: 'online' | 'window' | 'assisted'): Promise<string> {
    const cookie = way === 'online' ? applicant : clerk;
    const created = way === 'online'
      ? await h.request('POST', '/api/cases', { cookie, body: { matterId: 'retirement' } })
      : await h.request('POST', '/api/window/cases', { cookie, body: { matterId: 'retirement', applicant: zhang, ...(way === 'assisted' ? { assisted: { by: '窗口帮办员 刘敏', authority: '申请人当面口头授权' } } : {}) } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const plan: Plan = (await h.request('PUT', `/api/cases/${id}/answers`, { cookie, body: { answers, chosenItems: [] } })).json().plan;
    expect((await h.request('PUT', `/api/cases/${id}/form`, { cookie, body: { values: fillForm(plan) } })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/cases/${id}/submit`, { cookie })).statusCode).toBe(200);
    const done = await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: clerk });
    expect(done.statusCode, done.body).toBe(200);
    return id;
  }

  beforeAll(async () => {
    h = await startHarness(dialect);
    clerk = await h.login('window');
    applicant = await h.login('zhangjianguo');
    for (const way of ['online', 'window', 'assisted'] as const) cases[way] = await accepted(way);
  });
  afterAll(async () => h.close());

  it('takes exactly one of eight bad ratings sent at once, opening one rectification', async () => {
    const id = cases.window;
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => rate(id, { level: 1, comment: `第 ${i + 1} 次提交：等候时间太长` })));
    const codes = answers.map((r) => (r.statusCode === 201 ? 'created' : `${r.statusCode} ${r.json().code}`)).sort();
    expect(codes).toEqual(['409 already-rated', '409 already-rated', '409 already-rated', '409 already-rated', '409 already-rated', '409 already-rated', '409 already-rated', 'created']);
    const won = answers.find((r) => r.statusCode === 201)!.json();
    // Entered at the window: the rating is the window's, though the applicant rated from home.
    expect(won).toMatchObject({ channel: 'window', level: 1, rectification: { status: 'open', department: 'rs' } });
    expect(await ratingsOf(id)).toHaveLength(1);
    expect(await h.deps.db.kysely.selectFrom('rectifications').select('id').where('case_id', '=', id).execute()).toHaveLength(1);
    const notices = await h.deps.db.kysely.selectFrom('notifications').select('id').where('case_id', '=', id).where('kind', '=', 'rectification').execute();
    expect(notices).toHaveLength(1); // one rs lead, told once
    const audit = await h.deps.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', id).where('action', '=', 'rating.created').execute();
    expect(audit).toHaveLength(1);
  });

  it('records 帮办代办 as the channel of an assisted case, and 网上办理 of an online one', async () => {
    const assisted = await rate(cases.assisted, { level: 5, tags: ['服务热情'] });
    expect([assisted.statusCode, assisted.json().channel]).toEqual([201, 'assisted']);
    const online = await rate(cases.online, { level: 4 });
    expect([online.statusCode, online.json().channel]).toEqual([201, 'online']);
    const claimed = await rate(cases.online, { level: 5, channel: 'window' });
    expect([claimed.statusCode, claimed.json().code, claimed.json().details[0].path]).toEqual([400, 'invalid-request', 'body.channel']);
    expect((await rate(cases.online, { level: 5 })).json().code).toBe('already-rated');
  });

  it('counts the ratings per channel the cases went through', async () => {
    const summary = (await h.request('GET', '/api/ratings/summary?matter=retirement', { cookie: await h.login('rs-lead') })).json();
    expect(summary).toMatchObject({ total: 3, byChannel: { online: 1, window: 1, assisted: 1 }, satisfactionRate: 0.6667 });
  });

  it('folds ratings kept once per declared channel into one per case, superseding (not deleting) the later ones', async () => {
    const db = h.deps.db.kysely;
    const migration = ratingOnce();
    const events = ratingEvents();
    // Back to the schema before 一次一评, where a case could hold a rating per declared channel.
    await events.down(db as unknown as Kysely<unknown>);
    await migration.down(db as unknown as Kysely<unknown>);
    const legacy = async (caseId: string, channel: string, level: number, at: string) => {
      const id = randomUUID();
      await (db as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto('ratings')
        .values({ id, case_id: caseId, account_id: 'legacy', level, tags: '[]', comment: '', channel, created_at: at }).execute();
      return id;
    };
    const later = await legacy(cases.online, 'mobile', 2, '2025-09-29T05:00:00.000Z');
    const rectification = randomUUID();
    await db.insertInto('rectifications').values({ id: rectification, rating_id: later, case_id: cases.online, department: 'rs', status: 'replied', due_date: '2025-10-27', reply: '已整改，感谢监督。', replied_by: null, replied_at: '2025-09-29T06:00:00.000Z', created_at: '2025-09-29T05:00:00.000Z' }).execute();
    const hotline = await legacy(cases.window, 'hotline', 5, '2025-09-29T07:00:00.000Z');
    await migration.up(db as unknown as Kysely<unknown>);
    await events.up(db as unknown as Kysely<unknown>);

    const online = await ratingsOf(cases.online);
    expect(online.map((r) => [r.level, r.channel, r.superseded_at === null])).toEqual([[4, 'online', true], [2, 'online', false]]);
    expect((await ratingsOf(cases.window)).map((r) => [r.id === hotline, r.channel, r.superseded_at === null])).toEqual([[false, 'window', true], [true, 'window', false]]);
    // The superseded rating's rectification and reply stay, and the applicant still sees them.
    expect(await db.selectFrom('rectifications').select('reply').where('id', '=', rectification).executeTakeFirst()).toEqual({ reply: '已整改，感谢监督。' });
    const view = (await h.request('GET', `/api/cases/${cases.online}/ratings`, { cookie: applicant })).json().ratings;
    expect(view).toHaveLength(2);
    // The figures count one rating per case.
    const summary = (await h.request('GET', '/api/ratings/summary?matter=retirement', { cookie: await h.login('admin') })).json();
    expect(summary).toMatchObject({ total: 3, byChannel: { online: 1, window: 1, assisted: 1 } });
    expect((await rate(cases.online, { level: 3 })).json().code).toBe('already-rated');
    // Whatever writes to the table, the database itself keeps one rating per case and service event:
    // the assisted case, accepted, holds its acceptance rating; a raw insert takes the completion's, once.
    await legacy(cases.assisted, 'assisted', 3, '2025-09-29T08:00:00.000Z');
    await expect(legacy(cases.assisted, 'assisted', 3, '2025-09-29T08:30:00.000Z')).rejects.toThrow();
  });
});
