/**
 * Issue 9, personal data at rest: after the journeys (新生儿出生 online with its department system
 * told by webhook and deciding by signed requests, 退休 with a bank card, 开办餐饮店 for an enterprise
 * and a newcomer entered at the window by ID number), no ID number, mobile or bank-card number they
 * used, nor any of the demo shared data, is in any column of any table, in the log, or in an error;
 * while a department system still reads the full values its item needs.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/planning/types.ts';
import { signedHeaders, type ClientCredentials } from '../modules/integration/client.ts';
import { DEMO_ENTERPRISES, DEMO_PEOPLE } from '../modules/shareddata/demo.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../testing/fill.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { Numbers, numbersIn, scanDatabase } from '../testing/plaintext.ts';
import { startReceiver, type Receiver } from '../testing/webhook-receiver.ts';
import { createWorker } from '../worker/outbox.ts';
import { prefillMasked } from '../db/migrations/007_prefill_masked.ts';
import { loadCatalogue } from '../../catalog/load.ts';

const NEWBORN = {
  bornInProvinceInstitution: true, birthCertificateFirstIssue: true, babyUnderOneYear: true, applicantParent: 'mother',
  joinHousehold: 'mother', hukouLocation: 'both-in-province', fertilityRegistered: true, motherMaternityInsured: true,
};
const RETIREMENT = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };
const RESTAURANT = {
  servesColdDishes: true, servesFreshDrinks: false, servesRawSeafood: false, hasSignboard: true, largeSignboard: false,
  largeVenue: true, staffNeedHealthCheck: true, sellsTobacco: false,
};
type Person = (typeof DEMO_PEOPLE)[number];
const [WANG, LI, , CHEN] = DEMO_PEOPLE as [Person, Person, Person, Person];

describe.each(DIALECTS)('personal numbers at rest, on %s', (dialect) => {
  let h: Harness;
  let receiver: Receiver;
  let wsjk: ClientCredentials;
  const numbers = new Numbers();
  /** The server's log lines, at the most talkative level. */
  const log: string[] = [];

  beforeAll(async () => {
    h = await startHarness(dialect, { LOG_LEVEL: 'trace' }, undefined, { logStream: { write: (line: string) => void log.push(line) } });
    for (const p of DEMO_PEOPLE) numbers.add(p.idNumber, p.mobile, p.housingFund?.account);
    for (const e of DEMO_ENTERPRISES) numbers.add(e.legalRepIdNumber);
    receiver = await startReceiver({ now: () => Math.floor(h.clock.now().getTime() / 1000) });
    const admin = await h.login('admin');
    const r = await h.request('POST', '/api/admin/api-clients', { cookie: admin, body: { department: 'wsjk', name: '出生医学证明管理系统', webhookUrl: receiver.url } });
    expect(r.statusCode, r.body).toBe(201);
    wsjk = r.json() as ClientCredentials;
    receiver.setSecret(wsjk.secret);
  });
  afterAll(async () => {
    await receiver?.close();
    await h?.close();
  });

  const signed = (client: ClientCredentials, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => {
    const raw = body === undefined ? '' : JSON.stringify(body);
    const auth = signedHeaders(client, { method, url, body: raw, timestamp: Math.floor(h.clock.now().getTime() / 1000) });
    return h.app.inject({ method: method as 'GET', url, headers: { ...auth, ...headers, ...(raw ? { 'content-type': 'application/json' } : {}) }, ...(raw ? { payload: raw } : {}) });
  };

  /** An applicant, a clerk or anyone else without the right to full values sees none of the numbers. */
  const masked = (r: LightMyRequestResponse, what: string): LightMyRequestResponse => {
    expect(numbersIn(r.body, numbers.all), what).toEqual([]);
    return r;
  };

  const answer = async (cookie: string, id: string, answers: Record<string, unknown>): Promise<Plan> => {
    const r = masked(await h.request('PUT', `/api/cases/${id}/answers`, { cookie, body: { answers } }), 'the plan');
    expect(r.statusCode, r.body).toBe(200);
    return r.json().plan as Plan;
  };

  const fill = async (cookie: string, id: string, plan: Plan, given: Record<string, unknown> = {}): Promise<void> => {
    const r = masked(await h.request('PUT', `/api/cases/${id}/form`, { cookie, body: { values: fillForm(plan, numbers.forPlan(plan, given)) } }), 'the saved form');
    expect(r.statusCode, r.body).toBe(200);
  };

  const uploadAll = async (cookie: string, id: string, plan: Plan): Promise<void> => {
    for (const m of plan.materials.filter((x) => x.status === 'required')) {
      const { payload, headers } = multipart('file', `${m.id}.pdf`, 'application/pdf', SAMPLE_PDF);
      const r = await h.app.inject({ method: 'POST', url: `/api/cases/${id}/materials/${m.id}/files`, headers: { ...headers, cookie }, payload });
      expect(r.statusCode, r.body).toBe(201);
    }
  };

  const submitAndAccept = async (cookie: string, id: string): Promise<void> => {
    const submitted = masked(await h.request('POST', `/api/cases/${id}/submit`, { cookie }), 'the submitted case');
    expect(submitted.statusCode, submitted.body).toBe(200);
    const accepted = masked(await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: await h.login('window') }), 'the accepted case');
    expect(accepted.statusCode, accepted.body).toBe(200);
  };

  /** Each department's reviewer decides its open tasks until the case is done; their task view shows full values. */
  const decideAll = async (id: string, applicant: string): Promise<void> => {
    for (let round = 0; round < 10; round++) {
      const view = masked(await h.request('GET', `/api/cases/${id}`, { cookie: applicant }), 'the case page');
      const open = (view.json().progress as { item: string; department: { code: string }; status: string }[]).filter((p) => p.status === 'dispatched');
      if (open.length === 0) return;
      for (const t of open) {
        const cookie = await h.login(`${t.department.code}-reviewer`);
        const base = `/api/department/tasks/${id}/${t.item}`;
        expect((await h.request('POST', `${base}/claim`, { cookie })).statusCode).toBe(200);
        expect((await h.request('GET', base, { cookie })).statusCode).toBe(200);
        const r = await h.request('POST', `${base}/approve`, { cookie, body: {} });
        expect(r.statusCode, r.body).toBe(200);
      }
    }
    throw new Error(`case ${id} still has open tasks`);
  };

  it('新生儿出生 online: the department system is told by webhook and decides by signed requests', async () => {
    const parent = await h.login('wangfang');
    const id = masked(await h.request('POST', '/api/cases', { cookie: parent, body: { matterId: 'newborn-birth' } }), 'a new case').json().id as string;
    const plan = await answer(parent, id, NEWBORN);
    expect(plan.form.fields.find((f) => f.key === 'motherIdNumber')?.value).toBe(`${WANG.idNumber.slice(0, 6)}********${WANG.idNumber.slice(-4)}`);
    expect(plan.form.fields.some((f) => f.key === 'maternityBankCard')).toBe(true);
    await fill(parent, id, plan, { newbornName: '李小宝' });
    await uploadAll(parent, id, plan);
    await submitAndAccept(parent, id);
    await createWorker(h.deps).runOnce();
    expect(receiver.processed).toContain(`dispatch:${id}:wsjk-birth-medical-certificate`);
    expect(numbersIn(JSON.stringify(receiver.requests.map((r) => r.body)), numbers.all)).toEqual([]);

    // The department's system reads the full values its item needs, as it did before.
    const item = `/api/department/tasks/${id}/wsjk-birth-medical-certificate`;
    const task = await signed(wsjk, 'GET', item);
    expect(task.statusCode, task.body).toBe(200);
    expect(task.json().form.values).toMatchObject({ motherIdNumber: WANG.idNumber, fatherIdNumber: LI.idNumber });
    const approve = () => signed(wsjk, 'POST', `${item}/approve`, { note: '已核验' }, { 'idempotency-key': `approve-${id}` });
    const first = await approve();
    expect(first.statusCode, first.body).toBe(200);
    expect((await approve()).body).toBe(first.body);
    await decideAll(id, parent);
    const wallet = masked(await h.request('GET', '/api/wallet', { cookie: parent }), 'the wallet');
    expect(wallet.json().licenses.length).toBeGreaterThan(0);
  });

  it('退休 online with bank cards for the pension and the housing fund', async () => {
    const me = await h.login('zhangjianguo');
    const id = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement' } })).json().id as string;
    const plan = await answer(me, id, RETIREMENT);
    const cards = plan.form.fields.filter((f) => (plan.form.schema.properties as Record<string, { format?: string }>)[f.key]?.format === 'bank-card').map((f) => f.key);
    expect(cards).toEqual(expect.arrayContaining(['sscFinancialAccount', 'housingFundWithdrawalCard']));
    expect(plan.form.fields.find((f) => f.key === 'housingFundAccount')?.value).toMatch(/\*/);
    await fill(me, id, plan);
    await uploadAll(me, id, plan);
    await submitAndAccept(me, id);
    await decideAll(id, me);
  });

  it('开办餐饮店 at the window, for the enterprise whose agent is found by ID number', async () => {
    const clerk = await h.login('window');
    const created = masked(await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'restaurant-opening', applicant: { idNumber: CHEN.idNumber, name: CHEN.name, phone: CHEN.mobile } } }), 'the window case');
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const plan = await answer(clerk, id, RESTAURANT);
    expect(plan.form.fields.find((f) => f.key === 'legalRepIdNumber')?.value).toMatch(/\*/);
    await fill(clerk, id, plan);
    await uploadAll(clerk, id, plan);
    await submitAndAccept(clerk, id);
    await decideAll(id, await h.login('haowei'));
  });

  it('a newcomer entered at the window by ID number and phone', async () => {
    const clerk = await h.login('window');
    const person = { idNumber: numbers.idNumber(), name: '赵新来', phone: numbers.mobile() };
    const created = masked(await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'retirement', applicant: person } }), 'the window case');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().applicant).toEqual({ name: '赵新来', idNumber: `${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}` });
    const id = created.json().id as string;
    // Shared data knows nothing of them: what the housing fund needs is typed in.
    const plan = await answer(clerk, id, { ...RETIREMENT, hasHousingFund: true });
    expect(plan.form.fields.find((f) => f.key === 'retireeIdNumber')?.value).toBe(created.json().applicant.idNumber);
    await fill(clerk, id, plan);
    await uploadAll(clerk, id, plan);
    await submitAndAccept(clerk, id);
    const again = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'retirement', applicant: person } });
    expect(again.json().applicant).toEqual(created.json().applicant);
  });

  it('answers a wrong number by naming the field, never by repeating the number', async () => {
    const me = await h.login('zhangjianguo');
    const id = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement' } })).json().id as string;
    await answer(me, id, RETIREMENT);
    const card = numbers.bankCard();
    const wrong = `${card.slice(0, -1)}${(Number(card.slice(-1)) + 1) % 10}`;
    const phone = `${numbers.mobile()}0`;
    numbers.add(wrong, phone);
    const bad = masked(await h.request('PUT', `/api/cases/${id}/form`, { cookie: me, body: { values: { sscFinancialAccount: wrong, retireeMobile: phone } } }), 'a refused form');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['form.retireeMobile', 'form.sscFinancialAccount']);
    const id2 = numbers.idNumber();
    const badId = `${id2.slice(0, -1)}${id2.endsWith('0') ? '1' : '0'}`;
    numbers.add(badId);
    const refused = masked(await h.request('POST', '/api/window/cases', { cookie: await h.login('window'), body: { matterId: 'retirement', applicant: { idNumber: badId, name: '钱错号' } } }), 'a refused window entry');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0].path).toBe('applicant.idNumber');
    // A number in an address is neither echoed in the answer nor written to the log as it was.
    const lost = masked(await h.request('GET', `/api/people/${numbers.idNumber()}?mobile=${numbers.mobile()}`, { cookie: me }), 'an unknown address');
    expect(lost.statusCode).toBe(404);
    expect(lost.json().message).toMatch(/^没有这个接口：GET \/api\/people\/990102\*{8}\d{3}[\dX]$/);
    expect((await h.request('GET', `/api/cases?card=${numbers.bankCard()}`, { cookie: me })).statusCode).toBe(200);
  });

  it('keeps none of the numbers in plaintext in any column of any table', async () => {
    expect(numbers.all.size).toBeGreaterThan(20);
    const { findings, cells, tables } = await scanDatabase(h.deps.db, numbers.all);
    expect(tables).toEqual(expect.arrayContaining(['accounts', 'cases', 'tasks', 'outbox', 'audit_log', 'idempotency', 'licenses', 'shared_records', 'notifications', 'message_log']));
    expect(cells).toBeGreaterThan(1000);
    expect(findings).toEqual([]);
  });

  it('logs none of the numbers, and the log stays readable', () => {
    expect(log.length).toBeGreaterThan(100);
    expect(numbersIn(log.join('\n'), numbers.all)).toEqual([]);
    // Masking goes by a number's shape: timestamps and response times are left alone.
    const lines = log.map((l) => JSON.parse(l) as { time: number; responseTime?: number; url?: string; req?: { url: string } });
    expect(lines.every((l) => l.time === Math.trunc(l.time) && l.time > 1e12)).toBe(true);
    expect(lines.filter((l) => l.responseTime !== undefined).every((l) => Number.isFinite(l.responseTime))).toBe(true);
    // The access line masks query values whole; the path keeps a masked number's shape.
    expect(lines.map((l) => l.url ?? l.req?.url).filter((u) => u?.startsWith('/api/people/'))).toEqual([expect.stringMatching(/^\/api\/people\/990102\*{8}\d{3}[\dX]\?mobile=(139\*{4}\d{4}|\*)$/)]);
  });

  it('masks, on migration 007, the pre-filled values of plans stored in plaintext before', async () => {
    const row = await h.deps.db.kysely.selectFrom('cases').select(['id', 'plan']).where('matter_id', '=', 'newborn-birth').executeTakeFirstOrThrow();
    const parent = await h.login('wangfang');
    const shown = async () => ((await h.request('GET', `/api/cases/${row.id}`, { cookie: parent })).json().plan as Plan).form.fields.map((f) => [f.key, f.value]);
    const before = await shown();
    // The plan as the old code stored it: the sealed values opened.
    const plan = JSON.parse(row.plan as string) as Plan;
    const plain = { ...plan, form: { ...plan.form, fields: plan.form.fields.map((f) => (f.value && typeof f.value === 'object' && 'sealed' in f.value ? { ...f, value: h.deps.cipher.decrypt((f.value as { sealed: string }).sealed) } : f)) } };
    await h.deps.db.kysely.updateTable('cases').set({ plan: JSON.stringify(plain) }).where('id', '=', row.id).execute();
    expect(numbersIn(JSON.stringify(plain), numbers.all)).toEqual(expect.arrayContaining([WANG.idNumber, LI.idNumber, WANG.mobile]));
    expect(await shown()).toEqual(before);
    await prefillMasked().up(h.deps.db.kysely as never);
    const after = await h.deps.db.kysely.selectFrom('cases').select('plan').where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(numbersIn(after.plan as string, numbers.all)).toEqual([]);
    expect(await shown()).toEqual(before);
    expect((await scanDatabase(h.deps.db, numbers.all)).findings).toEqual([]);
  });
});

describe('the catalogue marks every personal number', () => {
  it('flags each ID-number, mobile and bank-card field sensitive, so its value is sealed at rest', () => {
    const { catalogue } = loadCatalogue();
    const fields = [...catalogue.fields.values(), ...[...catalogue.items.values()].flatMap((i) => i.fieldRefs.map((r) => r.def))];
    const personal = fields.filter((f) => ['resident-id', 'mobile', 'bank-card'].includes(f.format ?? '') || /IdNumber|Mobile|Card|Account|DocumentNumber|CertificateNumber$/.test(f.key));
    expect(personal.map((f) => f.key)).toEqual(expect.arrayContaining(['applicantIdNumber', 'applicantMobile', 'sscFinancialAccount', 'housingFundAccount', 'disabilityCertificateNumber']));
    expect(personal.filter((f) => !f.sensitive).map((f) => f.key)).toEqual([]);
  });
});
