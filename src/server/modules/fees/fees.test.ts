import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../crypto/hmac-request.ts';
import { applyOnline } from '../../testing/decide.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { readPdf } from '../../testing/pdf-text.ts';

// Whatever else the matter asks later (a multiple choice, say), the answer is none of it.
let LOST: Record<string, unknown> = { cardStatus: 'lost', cardholder: 'self' };
async function completeAnswers(h: Harness): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const p = (await h.request('POST', '/api/public/matters/social-security-card/plan', { body: { answers: LOST } })).json().plan as { complete: boolean; nextQuestion: { id: string; type: string } | null };
    if (p.complete || !p.nextQuestion) return;
    LOST = { ...LOST, [p.nextQuestion.id]: p.nextQuestion.type === 'multi' ? [] : false };
  }
}
const ITEM = 'rs-ssc-reissue';
const SECRET = 'payment-platform-shared-secret-0001';

type Fees = { orders: { reference: string; amount: number; status: string; statusName: string; payUrl: string | null; refund: { id: string; status: string } | null }[]; due: number; paid: number; pay: { kind: string; text: string } };

async function fees(h: Harness, caseId: string, cookie: string): Promise<Fees> {
  const r = await h.request('GET', `/api/cases/${caseId}/fees`, { cookie });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Fees;
}
type Progress = { item: string; status: string; statusLabel: string; awaiting: string | null };
async function progressOf(h: Harness, caseId: string, cookie: string): Promise<Progress | undefined> {
  const view = (await h.request('GET', `/api/cases/${caseId}`, { cookie })).json() as { progress: Progress[] };
  return view.progress.find((p) => p.item === ITEM);
}
const taskStatus = async (h: Harness, caseId: string, cookie: string) => (await progressOf(h, caseId, cookie))?.status;
const audited = async (h: Harness, caseId: string, action: string) =>
  (await h.deps.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', caseId).where('action', '=', action).execute()).length;

describe.each(DIALECTS)('fees paid at the window (the default adapter), on %s', (dialect) => {
  let h: Harness;
  let me: string;
  let window: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    await completeAnswers(h);
    me = await h.login('zhangjianguo');
    window = await h.login('window');
  });
  afterAll(async () => h.close());

  it('the plan sums the fee, and an exemption or a reduction applies', async () => {
    const planOf = async (answers: Record<string, unknown>) => (await h.request('POST', '/api/public/matters/social-security-card/plan', { body: { answers } })).json().plan;
    const lost = await planOf(LOST);
    expect(lost.fees).toEqual({ standard: 2000, due: 2000 });
    expect(lost.items.find((i: { id: string }) => i.id === ITEM).fees).toMatchObject({ free: false, due: 2000, charges: [{ name: '社会保障卡补卡工本费', amount: 2000, due: 2000 }] });
    const damaged = await planOf({ ...LOST, cardStatus: 'damaged' });
    expect(damaged.fees).toEqual({ standard: 2000, due: 0 });
    expect(damaged.items[0].fees.charges[0].exempt).toBe('社会保障卡损坏、卡面信息有误或换发新卡的');
    expect((await planOf({ ...LOST, cardholder: 'child' })).fees.due).toBe(1000);
    expect((await planOf({ ...LOST, cardStatus: 'none' })).fees).toEqual({ standard: 0, due: 0 });
  });

  it('a task whose fee is unpaid waits; paid at the window it goes to the department, once', async () => {
    const id = await applyOnline(h, me, 'social-security-card', LOST);
    const before = await fees(h, id, me);
    expect(before).toMatchObject({ due: 2000, paid: 0, pay: { kind: 'window', text: expect.stringContaining('请到政务服务中心综合窗口缴费') } });
    expect(before.orders).toEqual([expect.objectContaining({ amount: 2000, status: 'unpaid', statusName: '待缴费', payUrl: null })]);
    const [order] = before.orders;
    expect(order?.reference).toMatch(/^20250929\d{12}$/);
    // Held for its fee, not for an earlier item: the applicant reads 待缴费.
    expect(await progressOf(h, id, me)).toMatchObject({ status: 'waiting', awaiting: 'payment', statusLabel: '待缴费' });
    expect(await h.deps.db.kysely.selectFrom('outbox').select('id').where('delivery_id', '=', `dispatch:${id}:${ITEM}`).execute()).toHaveLength(0);

    h.clock.advance(3600_000);
    const paid = await h.request('POST', `/api/window/fees/${order?.reference}/received`, { cookie: window, body: { method: 'cash' } });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(await progressOf(h, id, me)).toMatchObject({ status: 'dispatched', awaiting: null });
    expect(await h.deps.db.kysely.selectFrom('outbox').select('id').where('delivery_id', '=', `dispatch:${id}:${ITEM}`).execute()).toHaveLength(1);
    expect(await fees(h, id, me)).toMatchObject({ due: 0, paid: 2000, orders: [{ status: 'paid', statusName: '已缴费' }] });
    // A second record of the same money is a mistake, not a second payment.
    const again = await h.request('POST', `/api/window/fees/${order?.reference}/received`, { cookie: window, body: { method: 'card' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'fee-not-payable' });
    expect(await audited(h, id, 'fee.paid')).toBe(1);

    const pdf = await h.request('GET', `/api/cases/${id}/fees/${order?.reference}/receipt.pdf`, { cookie: me });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const { text } = await readPdf(pdf.rawPayload);
    for (const words of ['缴费凭证', order?.reference as string, '人民币贰拾元整', '20.00元', '社会保障卡补卡工本费', '2025年9月29日11:00', '现金', '张建国']) expect(text).toContain(words);
    // Someone else's receipt is not there for them.
    expect((await h.request('GET', `/api/cases/${id}/fees/${order?.reference}/receipt.pdf`, { cookie: await h.login('wangfang') })).statusCode).toBe(404);
  });

  it('a case whose items are free opens no payment order and its task goes at once', async () => {
    const id = await applyOnline(h, me, 'social-security-card', { ...LOST, cardStatus: 'damaged' });
    expect(await fees(h, id, me)).toMatchObject({ orders: [], due: 0 });
    expect(await taskStatus(h, id, me)).toBe('dispatched');
  });

  it('withdrawal turns a paid, undecided fee into a refund, given back at the window; figures reconcile', async () => {
    const id = await applyOnline(h, me, 'social-security-card', LOST);
    const [order] = (await fees(h, id, me)).orders;
    expect((await h.request('POST', `/api/window/fees/${order?.reference}/received`, { cookie: window, body: { method: 'card' } })).statusCode).toBe(200);
    const w = await h.request('POST', `/api/cases/${id}/withdraw`, { cookie: me, body: {} });
    expect(w.statusCode, w.body).toBe(200);
    const after = await fees(h, id, me);
    expect(after.orders[0]?.refund).toMatchObject({ status: 'pending' });
    const refundId = after.orders[0]?.refund?.id as string;
    expect((await h.request('POST', `/api/window/fee-refunds/${refundId}/refunded`, { cookie: window, body: { method: 'card' } })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/window/fee-refunds/${refundId}/refunded`, { cookie: window, body: { method: 'card' } })).json()).toMatchObject({ code: 'refund-not-pending' });
    expect((await fees(h, id, me)).orders[0]).toMatchObject({ status: 'refunded', refund: { status: 'refunded' } });

    // An unpaid order of a withdrawn case is cancelled: nothing to pay, nothing to refund.
    const other = await applyOnline(h, me, 'social-security-card', LOST);
    await h.request('POST', `/api/cases/${other}/withdraw`, { cookie: me, body: {} });
    expect((await fees(h, other, me)).orders[0]).toMatchObject({ status: 'cancelled', refund: null });

    const r = await h.request('GET', '/api/fees/reconciliation?from=2025-09-29&to=2025-09-29', { cookie: await h.login('admin') });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().total).toEqual({ paidCount: 2, paidAmount: 4000, windowAmount: 4000, platformAmount: 0, refundedCount: 1, refundedAmount: 2000, net: 2000 });
    expect(r.json().rows).toEqual([expect.objectContaining({ day: '2025-09-29', department: 'rs', departmentName: expect.stringContaining('人力资源') })]);
    // A department's lead sees its own figures only.
    expect((await h.request('GET', '/api/fees/reconciliation?from=2025-09-29&to=2025-09-29', { cookie: await h.login('wsjk-lead') })).json().total.paidCount).toBe(0);
  });
});

describe.each(DIALECTS)('fees paid through a 统一公共支付平台 (signed notifications over HTTP), on %s', (dialect) => {
  let h: Harness;
  let me: string;
  let base: string;
  beforeAll(async () => {
    h = await startHarness(dialect, { ONETHING_PAYMENT_URL: 'https://pay.example.gov.cn/cashier', ONETHING_PAYMENT_SECRET: SECRET, ONETHING_PAYMENT_NAME: '示例省统一公共支付平台' });
    await completeAnswers(h);
    me = await h.login('zhangjianguo');
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => h.close());

  const send = async (body: Record<string, unknown>, secret = SECRET) => {
    const text = JSON.stringify(body);
    const path = '/api/public/payments/notify';
    const timestamp = Math.floor(h.clock.now().getTime() / 1000);
    const nonce = randomBytes(8).toString('hex');
    const signature = signRequest({ secret, method: 'POST', path, timestamp, nonce, body: text });
    const r = await fetch(`${base}${path}`, {
      method: 'POST', body: text,
      headers: { 'content-type': 'application/json', 'x-payment-timestamp': String(timestamp), 'x-payment-nonce': nonce, 'x-payment-signature': signature },
    });
    return { status: r.status, json: (await r.json()) as { status?: string; code?: string } };
  };
  const payment = (reference: string, transactionId: string, amount = 2000) => ({ type: 'payment', reference, transactionId, amount, paidAt: '2025-09-29T02:30:00Z', method: 'wechat' });

  it('gives a pay link; a forged or wrong notification changes nothing; a duplicate is counted once', async () => {
    const id = await applyOnline(h, me, 'social-security-card', LOST);
    const f = await fees(h, id, me);
    expect(f.pay).toMatchObject({ kind: 'online', text: expect.stringContaining('示例省统一公共支付平台') });
    const reference = f.orders[0]?.reference as string;
    const link = new URL(f.orders[0]?.payUrl as string);
    expect(link.origin + link.pathname).toBe('https://pay.example.gov.cn/cashier');
    expect(Object.fromEntries(link.searchParams)).toMatchObject({ reference, amount: '2000', notify: expect.stringMatching(/\/api\/public\/payments\/notify$/) });

    expect(await send(payment(reference, 'WX001'), 'not-the-platform-secret-000000')).toMatchObject({ status: 401, json: { code: 'bad-signature' } });
    expect(await send(payment(reference, 'WX001', 1999))).toMatchObject({ status: 409, json: { code: 'fee-amount-mismatch' } });
    expect(await taskStatus(h, id, me)).toBe('waiting');

    expect(await send(payment(reference, 'WX001'))).toEqual({ status: 200, json: { status: 'recorded' } });
    expect(await send(payment(reference, 'WX001'))).toEqual({ status: 200, json: { status: 'duplicate' } });
    expect(await taskStatus(h, id, me)).toBe('dispatched');
    expect(await audited(h, id, 'fee.paid')).toBe(1);
    // Another transaction for money already paid is refused, for the platform to give back.
    expect(await send(payment(reference, 'WX002'))).toMatchObject({ status: 409, json: { code: 'fee-not-payable' } });
  });

  it('notifications arriving at once record one payment', async () => {
    const id = await applyOnline(h, me, 'social-security-card', LOST);
    const reference = (await fees(h, id, me)).orders[0]?.reference as string;
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(payment(reference, 'ALI777'))));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(answers.filter((a) => a.json.status === 'recorded')).toHaveLength(1);
    expect(await audited(h, id, 'fee.paid')).toBe(1);
    expect(await h.deps.db.kysely.selectFrom('outbox').select('id').where('delivery_id', '=', `dispatch:${id}:${ITEM}`).execute()).toHaveLength(1);

    // Withdrawn before a decision: the platform's refund notification settles the refund, once.
    await h.request('POST', `/api/cases/${id}/withdraw`, { cookie: me, body: {} });
    const refund = { type: 'refund', reference, transactionId: 'ALI777-R', amount: 2000, paidAt: '2025-09-29T03:00:00Z' };
    expect(await send(refund)).toEqual({ status: 200, json: { status: 'recorded' } });
    expect(await send(refund)).toEqual({ status: 200, json: { status: 'duplicate' } });
    expect((await fees(h, id, me)).orders[0]).toMatchObject({ status: 'refunded', refund: { status: 'refunded' } });
  });
});
