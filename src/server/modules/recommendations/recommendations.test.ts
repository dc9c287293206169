/**
 * 为您推荐 (issue 14): after a finished newborn case the social security card is recommended now and
 * school admission later, with its date; an enterprise's licence about to expire is shown and recalled
 * in the inbox exactly once, however many housekeeping rounds run, even two at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recommendations } from '../../../contracts/recommendations.ts';
import { NEWBORN_ANSWERS } from '../../testing/api-call.ts';
import { applyOnline, decideDispatched } from '../../testing/decide.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { remindExpiringLicences } from './reminders.ts';

const RESTAURANT = {
  servesColdDishes: false, servesFreshDrinks: true, servesRawSeafood: false, hasSignboard: false, largeSignboard: false,
  largeVenue: false, staffNeedHealthCheck: true, sellsTobacco: false,
};

describe.each(DIALECTS)('recommendations and licence reminders, on %s', (dialect) => {
  let h: Harness;
  let newbornCase: string;
  beforeAll(async () => {
    h = await startHarness(dialect, {}, '2025-09-29T02:00:00Z');
  });
  afterAll(async () => h?.close());

  const json = async <T>(method: string, url: string, cookie: string, body?: unknown): Promise<T> => {
    const r = await h.request(method, url, { cookie, ...(body !== undefined ? { body } : {}) });
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json() as T;
  };

  /** Applied online with every required material, accepted, and decided by each department until done. */
  const finished = async (cookie: string, matterId: string, answers: Record<string, unknown>, given: Record<string, unknown> = {}): Promise<string> => {
    const id = await applyOnline(h, cookie, matterId, answers, given);
    expect((await decideDispatched(h, id, cookie)).status).toBe('completed');
    return id;
  };

  const mine = (cookie: string, query = '') => json<Recommendations>('GET', `/api/me/recommendations${query}`, cookie);

  it('nothing is recommended before anything is done', async () => {
    expect(await mine(await h.login('wangfang'))).toEqual({ due: [], later: [], expiring: [] });
  });

  it('after a finished newborn case: the social security card now, school admission on the sixth birthday', async () => {
    const parent = await h.login('wangfang');
    newbornCase = await finished(parent, 'newborn-birth', NEWBORN_ANSWERS, { newbornName: '李小宝', newbornBirthDate: '2025-09-20' });
    const r = await mine(parent);
    expect(r.due).toEqual([expect.objectContaining({ matterId: 'social-security-card', afterCaseId: newbornCase, afterMatterName: expect.stringContaining('新生儿出生'), dueOn: '2025-09-29' })]);
    expect(r.due[0]?.matterName).toMatch(/社会保障卡/);
    expect(r.due[0]?.why).toMatch(/社会保障卡/);
    expect(r.later).toEqual([expect.objectContaining({ matterId: 'school-admission', dueOn: '2031-09-20', why: expect.stringContaining('六周岁') })]);
    // The case's own page asks only about what follows it; another applicant sees none of it.
    expect((await mine(parent, `?caseId=${newbornCase}`)).later).toHaveLength(1);
    expect(await mine(await h.login('zhangjianguo'))).toEqual({ due: [], later: [], expiring: [] });
  });

  it('a draft of the recommended matter is not yet applying for it: still recommended', async () => {
    const parent = await h.login('wangfang');
    await json('POST', '/api/cases', parent, { matterId: 'social-security-card' });
    // A draft is not yet an application: still recommended.
    expect((await mine(parent)).due.map((x) => x.matterId)).toEqual(['social-security-card']);
  });

  it('a bad case id in the query is refused with its field', async () => {
    const r = await h.request('GET', '/api/me/recommendations?caseId=abc', { cookie: await h.login('wangfang') });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'invalid-request' });
  });

  it('an enterprise\'s food licence about to expire is shown and recalled once, even by two rounds at once', async () => {
    let owner = await h.login('haowei');
    await finished(owner, 'restaurant-opening', RESTAURANT);
    expect((await mine(owner)).due.map((x) => x.matterId)).toEqual(['employee-hiring']);
    expect(await remindExpiringLicences(h.deps)).toBe(0);

    // Five years on the licence (valid to 2030-09-28) has 18 days left.
    h.clock.set('2030-09-10T02:00:00Z');
    owner = await h.login('haowei');
    const r = await mine(owner);
    expect(r.expiring).toEqual([expect.objectContaining({ name: expect.stringContaining('食品经营许可证'), expiresOn: '2030-09-28', daysLeft: 18 })]);
    const sent = await Promise.all([remindExpiringLicences(h.deps), remindExpiringLicences(h.deps)]);
    expect(sent[0] + sent[1]).toBe(1);
    expect(await remindExpiringLicences(h.deps)).toBe(0);
    const inbox = await json<{ notifications: { title: string; body: string }[] }>('GET', '/api/inbox', owner);
    const notices = inbox.notifications.filter((n) => n.title === '电子证照即将到期');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body).toMatch(/食品经营许可证.*2030-09-28.*还有 18 天到期/);
    const texts = await h.deps.db.kysely.selectFrom('outbox').select('payload').where('kind', '=', 'message').execute();
    expect(texts.filter((t) => t.payload.includes('电子证照即将到期'))).toHaveLength(1);

    // Once it has expired it is no longer "about to".
    h.clock.set('2030-09-29T02:00:00Z');
    expect((await mine(await h.login('haowei'))).expiring).toEqual([]);
  });
});
