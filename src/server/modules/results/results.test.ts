/**
 * Results as people get them (issue 11): each e-license belongs to its subject (the newborn, the
 * minor cardholder, the enterprise) and shows its keeper, issuer and validity; decision letters and
 * certificates are PDFs only the case's own people may fetch; a refused item says what comes next;
 * a licence a parent keeps for a child stands in for none of the parent's own materials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../../core/fields/validators.ts';
import type { WalletLicense } from '../../../contracts/results.ts';
import { applyOnline, decideDispatched } from '../../testing/decide.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { NEWBORN_ANSWERS } from '../../testing/api-call.ts';
import { DEMO_ENTERPRISES, DEMO_PEOPLE } from '../shareddata/demo.ts';

const RESTAURANT = {
  servesColdDishes: false, servesFreshDrinks: true, servesRawSeafood: false, hasSignboard: true, largeSignboard: false,
  largeVenue: false, staffNeedHealthCheck: true, sellsTobacco: false,
};
const SIGNBOARD = 'cg-outdoor-signboard';
const REFUSAL = '招牌设置位置在禁止设置区域内';
const CHILD_ID = `99010220180315002${residentIdCheckChar('99010220180315002')}`;
const HAOWEI = DEMO_ENTERPRISES[0]!;

interface View { id: string; status: string; progress: { item: string; department: { code: string }; status: string }[]; outcome: { summary: string; refused: number; nextSteps: { item: string; kind: string; text: string }[] } | null; results: { item: string; decision: string; documents: { kind: string; title: string; url: string }[] }[] }

// Just after midnight in Shanghai, still the day before in UTC: every licence is issued on 2025-09-30.
describe.each(DIALECTS)('results as people see them, on %s', (dialect) => {
  let h: Harness;
  let parent: string;
  let enterprise: string;
  let newbornCase: string;
  let restaurantCase: string;
  beforeAll(async () => {
    h = await startHarness(dialect, {}, '2025-09-29T16:30:00Z');
    parent = await h.login('wangfang');
    enterprise = await h.login('haowei');
  });
  afterAll(async () => h?.close());

  const json = async <T>(method: string, url: string, cookie: string, body?: unknown): Promise<T> => {
    const r = await h.request(method, url, { cookie, ...(body !== undefined ? { body } : {}) });
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json() as T;
  };

  const applied = (cookie: string, matterId: string, answers: Record<string, unknown>, given: Record<string, unknown> = {}) => applyOnline(h, cookie, matterId, answers, given);
  const decided = (id: string, cookie: string, refuse: Record<string, string[]> = {}) => decideDispatched<View>(h, id, cookie, refuse);

  const wallet = async (cookie: string) => (await json<{ licenses: WalletLicense[] }>('GET', '/api/wallet', cookie)).licenses;
  const stored = (id: string) => h.deps.db.kysely.selectFrom('licenses').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const accountId = async (username: string) => (await h.deps.db.kysely.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

  it('gives the newborn\'s licences to the child, kept by the parent as guardian, issued on the Shanghai day', async () => {
    newbornCase = await applied(parent, 'newborn-birth', NEWBORN_ANSWERS, { newbornName: '李小宝' });
    const view = await decided(newbornCase, parent);
    expect(view.status).toBe('completed');
    expect(view.outcome?.summary).toBe('已办结：5 项办成');
    const mine = await wallet(parent);
    expect(mine.map((l) => l.type).sort()).toEqual(['birth-medical-certificate', 'household-register', 'social-security-card']);
    for (const l of mine) {
      expect(l).toMatchObject({ holder: { kind: 'person', name: '李小宝', creditCode: null, idNumber: null }, keeper: 'guardian', keeperLabel: '监护人代持', validity: '长期有效', validUntil: null, validFrom: '2025-09-30', issuedOn: '2025-09-30' });
      expect(l.departmentName).not.toBe(l.department);
      // The parent's wallet keeps them; the mother's own ID number is on none of them.
      expect(await stored(l.id)).toMatchObject({ holder_id: await accountId('wangfang'), holder_name: '李小宝', keeper: 'guardian', holder_id_number_enc: null });
    }
    expect(mine.find((l) => l.type === 'birth-medical-certificate')?.departmentName).toMatch(/卫生健康/);
  });

  it('puts a minor\'s own ID number on the social security card a parent applies for, and the applicant\'s on their own', async () => {
    const id = await applied(parent, 'social-security-card', { cardStatus: 'none', cardholder: 'child' }, { cardholderName: '李小花', cardholderIdNumber: CHILD_ID, cardholderRelation: 'parent' });
    await decided(id, parent);
    const card = (await wallet(parent)).find((l) => l.caseId === id && l.type === 'social-security-card');
    expect(card).toMatchObject({ holder: { name: '李小花', idNumber: `${CHILD_ID.slice(0, 6)}********${CHILD_ID.slice(-4)}` }, keeperLabel: '监护人代持' });
    const row = await stored(card!.id);
    expect(h.deps.cipher.decrypt(row.holder_id_number_enc!)).toBe(CHILD_ID);
    expect(row.holder_id_number_enc).not.toContain(CHILD_ID);

    const own = await h.login('zhangjianguo');
    const ownCase = await applied(own, 'social-security-card', { cardStatus: 'none', cardholder: 'self' });
    await decided(ownCase, own);
    const ownCard = (await wallet(own)).find((l) => l.caseId === ownCase && l.type === 'social-security-card');
    expect(ownCard).toMatchObject({ holder: { name: '张建国' }, keeper: 'self', keeperLabel: '本人持有' });
    expect(h.deps.cipher.decrypt((await stored(ownCard!.id)).holder_id_number_enc!)).toBe(DEMO_PEOPLE[2]!.idNumber);
  });

  it('gives an enterprise\'s licence to the enterprise with its credit code, valid for five years to the day before', async () => {
    restaurantCase = await applied(enterprise, 'restaurant-opening', RESTAURANT);
    await decided(restaurantCase, enterprise, { [SIGNBOARD]: [REFUSAL] });
    const food = (await wallet(enterprise)).find((l) => l.type === 'food-business-licence');
    expect(food).toMatchObject({
      holder: { kind: 'enterprise', name: HAOWEI.name, creditCode: HAOWEI.uscc, idNumber: null }, keeper: 'self', keeperLabel: '本人持有',
      validFrom: '2025-09-30', validUntil: '2030-09-29', validity: '2025-09-30 至 2030-09-29',
    });
    expect((await stored(food!.id)).holder_id_number_enc).toBeNull();
    const certificate = await h.request('GET', food!.documentUrl, { cookie: enterprise });
    expect(certificate.statusCode).toBe(200);
    expect(certificate.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('says a refused item so, with its reasons and the 复议/诉讼 route, and lists each decided item\'s documents', async () => {
    const view = await json<View>('GET', `/api/cases/${restaurantCase}`, enterprise);
    expect(view.status).toBe('completed');
    expect(view.outcome).toMatchObject({ summary: '已办结：3 项办成，1 项不予办理', refused: 1 });
    expect(view.outcome?.nextSteps).toEqual([expect.objectContaining({ item: SIGNBOARD, kind: 'appeal', text: expect.stringContaining(REFUSAL) })]);
    expect(view.outcome?.nextSteps[0]?.text).toMatch(/行政复议.*行政诉讼/);
    const refused = view.results.find((r) => r.item === SIGNBOARD);
    expect(refused).toMatchObject({ decision: 'refused', documents: [{ kind: 'decision', title: '不予许可决定书' }] });
    const granted = view.results.find((r) => r.item === 'sj-food-business-licence');
    expect(granted?.documents.map((d) => d.title)).toEqual(['准予许可决定书', '食品经营许可证（打印件）']);

    const letter = await h.request('GET', refused!.documents[0]!.url, { cookie: enterprise });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(decodeURIComponent(String(letter.headers['content-disposition']))).toContain('不予许可决定书');
    // A refusal has no certificate.
    const none = await h.request('GET', `/api/cases/${restaurantCase}/results/${SIGNBOARD}/certificate.pdf`, { cookie: enterprise });
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('not-found');
  });

  it('lets only the case\'s own people fetch its decision letters', async () => {
    const url = `/api/cases/${restaurantCase}/results/sj-food-business-licence/decision.pdf`;
    const own = await h.request('GET', url, { cookie: enterprise });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(String(own.headers['content-disposition']))).toContain('准予许可决定书');
    const other = await h.request('GET', url, { cookie: parent });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'not-found', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect((await h.request('GET', url)).statusCode).toBe(401);
    // A department with no item in the case sees none of it; one with an item does.
    expect((await h.request('GET', url, { cookie: await h.login('ga-reviewer') })).statusCode).toBe(404);
    expect((await h.request('GET', url, { cookie: await h.login('sj-reviewer') })).statusCode).toBe(200);
    expect((await h.request('GET', `/api/cases/${newbornCase}/results/wsjk-birth-medical-certificate/decision.pdf`, { cookie: parent })).statusCode).toBe(200);
  });

  it('does not let a licence the parent keeps for the child stand in for the parent\'s own materials', async () => {
    const facts = async () => (await json<{ facts: { licenses: string[] } }>('GET', '/api/me/facts', parent)).facts.licenses;
    const held = await facts();
    // Her own, from the registers; the child's 出生医学证明 and 社保卡 in her wallet are not hers.
    expect(held).toEqual(expect.arrayContaining(['resident-id-card', 'marriage-certificate']));
    expect(held).not.toContain('birth-medical-certificate');
    expect(held).not.toContain('social-security-card');
    // Were one her own, it would count: the keeper decides, not where the licence is kept.
    const cert = (await wallet(parent)).find((l) => l.type === 'birth-medical-certificate')!;
    await h.deps.db.kysely.updateTable('licenses').set({ keeper: 'self' }).where('id', '=', cert.id).execute();
    expect(await facts()).toContain('birth-medical-certificate');
    await h.deps.db.kysely.updateTable('licenses').set({ keeper: 'guardian' }).where('id', '=', cert.id).execute();
  });
});
