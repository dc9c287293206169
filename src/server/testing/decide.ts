/** Deciding a case's tasks in tests, in the order its flow dispatches them. */
import type { WalletLicense } from '../../contracts/results.ts';
import type { Plan } from '../../core/planning/types.ts';
import { injectCall, newborn } from './api-call.ts';
import { fillForm, multipart, SAMPLE_PDF } from './fill.ts';
import type { Harness } from './harness.ts';

/** Every task of the plan, stage by stage, with the demo reviewer of its department. */
export function tasksInFlowOrder(plan: Pick<Plan, 'stages' | 'items'>): { item: string; reviewer: string }[] {
  return plan.stages.flat().map((item) => ({ item, reviewer: `${plan.items.find((i) => i.id === item)?.department.code}-reviewer` }));
}

/** Each department's reviewer claims and approves its task; throws on the first refusal. */
export async function approveEveryTask(h: Harness, caseId: string, plan: Pick<Plan, 'stages' | 'items'>): Promise<void> {
  for (const { item, reviewer } of tasksInFlowOrder(plan)) {
    const cookie = await h.login(reviewer);
    const base = `/api/department/tasks/${caseId}/${item}`;
    for (const [step, body] of [['claim', undefined], ['approve', {}]] as const) {
      const r = await h.request('POST', `${base}/${step}`, { cookie, ...(body ? { body } : {}) });
      if (r.statusCode !== 200) throw new Error(`${step} ${item}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    }
  }
}

async function call<T>(h: Harness, method: string, url: string, cookie: string, body?: unknown): Promise<T> {
  const r = await h.request(method, url, { cookie, ...(body !== undefined ? { body } : {}) });
  if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r.json() as T;
}

/** Applies online with every required material uploaded, submits, and the window accepts; the case id. */
export async function applyOnline(h: Harness, cookie: string, matterId: string, answers: Record<string, unknown>, given: Record<string, unknown> = {}): Promise<string> {
  const { id } = await call<{ id: string }>(h, 'POST', '/api/cases', cookie, { matterId });
  const { plan } = await call<{ plan: Plan }>(h, 'PUT', `/api/cases/${id}/answers`, cookie, { answers, chosenItems: [] });
  await call(h, 'PUT', `/api/cases/${id}/form`, cookie, { values: fillForm(plan, given) });
  for (const m of plan.materials.filter((x) => x.status === 'required')) {
    const { payload, headers } = multipart('file', `${m.id}.pdf`, 'application/pdf', SAMPLE_PDF);
    const r = await h.app.inject({ method: 'POST', url: `/api/cases/${id}/materials/${m.id}/files`, headers: { ...headers, cookie }, payload });
    if (r.statusCode !== 201) throw new Error(`upload ${m.id}: ${r.statusCode} ${r.body.slice(0, 300)}`);
  }
  await call(h, 'POST', `/api/cases/${id}/submit`, cookie);
  await call(h, 'POST', `/api/window/cases/${id}/accept`, await h.login('window'));
  return id;
}

type Progress = { status: string; progress: { item: string; status: string; department: { code: string } }[] };

/** Each department decides what is dispatched to it, refusing the items given reasons, until nothing is left; the last view. */
export async function decideDispatched<V extends Progress = Progress>(h: Harness, caseId: string, cookie: string, refuse: Record<string, string[]> = {}): Promise<V> {
  for (let round = 0; round < 10; round++) {
    const view = await call<V>(h, 'GET', `/api/cases/${caseId}`, cookie);
    // A partner without a reviewer account here (the card's service bank) decides at its counter.
    const open = view.progress.filter((p) => p.status === 'dispatched' && p.department.code !== 'ssc-bank');
    if (open.length === 0) return view;
    for (const t of open) {
      const reviewer = await h.login(`${t.department.code}-reviewer`);
      const base = `/api/department/tasks/${caseId}/${t.item}`;
      await call(h, 'POST', `${base}/claim`, reviewer);
      const reasons = refuse[t.item];
      await call(h, 'POST', `${base}/${reasons ? 'refuse' : 'approve'}`, reviewer, reasons ? { reasons } : {});
    }
  }
  throw new Error(`case ${caseId} still has open items`);
}

/** 王芳's 新生儿出生 case applied for, accepted and approved throughout: her child's 出生医学证明 in her wallet (read with `walletQuery`). */
export async function newbornBirthCertificate(h: Harness, parent: string, walletQuery = ''): Promise<WalletLicense> {
  const call = injectCall(h);
  const id = await newborn.create(call, parent);
  const plan = await newborn.answer(call, parent, id);
  await newborn.fill(call, parent, id, plan, '李小宝');
  await newborn.submit(call, parent, id);
  await newborn.accept(call, await h.login('window'), id);
  await approveEveryTask(h, id, plan);
  const wallet = (await h.request('GET', `/api/wallet${walletQuery}`, { cookie: parent })).json() as { licenses: WalletLicense[] };
  const licence = wallet.licenses.find((l) => l.type === 'birth-medical-certificate');
  if (!licence) throw new Error('no 出生医学证明 in the wallet');
  return licence;
}
