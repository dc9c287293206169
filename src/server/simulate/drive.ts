/**
 * One situation of one matter driven end to end through the API, as a real applicant would and
 * then the window and each department: plan, submit, accept, every task decided (by the path: each
 * approved, one first sent back for 补正, one refused, or the whole case withdrawn), results checked.
 */
import type { CompiledMatter } from '../../core/catalog/model.ts';
import type { ReachedSituation } from '../../core/planning/situations.ts';
import type { Plan } from '../../core/planning/types.ts';
import { StepFailure, type SimulationClient } from './client.ts';
import { fillForm, SAMPLE_PDF } from './fill.ts';
import { act, answerSupplement, askSupplement, SIMULATED_REFUSAL, withdraw, type Progress, type SimulationPath, type View } from './paths.ts';
import type { SimulationServer } from './server.ts';

/**
 * Where a situation stopped: 'plan', 'submit', 'accept', 'task <item name>', 'supplement <item name>'
 * (asked), 'supplement-answer <item name>', 'withdraw' or 'results'.
 */
export class SituationFailure extends Error {
  constructor(readonly step: string, message: string) {
    super(message);
  }
}

export interface Completed {
  items: number;
  licenses: number;
  /** The item refused (path refuse), by name. */
  refused: string | null;
  /** Items stopped by a withdrawal. */
  stopped: number;
}

/** The locked answers shared data would give this applicant must agree with the situation's. */
function agrees(matter: CompiledMatter, answers: Record<string, unknown>, facts: Record<string, unknown>): boolean {
  return matter.questionList.every((q) => {
    if (!q.prefill || q.prefill.editable || !(q.id in answers)) return true;
    const known = facts[q.prefill.fact];
    return known === undefined || JSON.stringify(known) === JSON.stringify(answers[q.id]);
  });
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof SituationFailure) throw e;
    if (e instanceof StepFailure) throw new SituationFailure(name, e.message);
    throw new SituationFailure(name, `模拟程序出错：${(e as Error).message}`);
  }
}

async function chooseApplicant(http: SimulationClient, server: SimulationServer, matter: CompiledMatter, s: ReachedSituation): Promise<string> {
  for (const username of server.applicants[matter.subject]) {
    const { facts } = await http.json<{ facts: Record<string, unknown> }>(username, 'GET', '/api/me/facts');
    if (agrees(matter, s.answers, facts)) return username;
  }
  throw new SituationFailure('plan', '没有共享数据与这些回答相符的申请人');
}

export async function driveSituation(http: SimulationClient, server: SimulationServer, matter: CompiledMatter, s: ReachedSituation, path: SimulationPath = 'approve'): Promise<Completed> {
  const { applicant, caseId, plan } = await step('plan', async () => {
    const who = await chooseApplicant(http, server, matter, s);
    const created = await http.json<{ id: string }>(who, 'POST', '/api/cases', { matterId: matter.id });
    const planned = (await http.json<{ plan: Plan }>(who, 'PUT', `/api/cases/${created.id}/answers`, { answers: s.answers })).plan;
    if (planned.situation?.id !== s.id) throw new StepFailure(`办理方案的情形是「${planned.situation?.name ?? '（无）'}」，不是「${s.name}」`);
    if (planned.items.length === 0) throw new StepFailure('办理方案中没有任何事项');
    return { applicant: who, caseId: created.id, plan: planned };
  });

  await step('submit', async () => {
    await http.json(applicant, 'PUT', `/api/cases/${caseId}/form`, { values: fillForm(plan) });
    for (const m of plan.materials.filter((x) => x.status === 'required')) {
      await http.upload(applicant, `/api/cases/${caseId}/materials/${encodeURIComponent(m.id)}/files`, `${m.name}.pdf`, 'application/pdf', SAMPLE_PDF);
    }
    await http.json(applicant, 'POST', `/api/cases/${caseId}/submit`);
  });

  await step('accept', () => http.json('window', 'POST', `/api/window/cases/${caseId}/accept`));

  if (path === 'withdraw') {
    const stopped = await step('withdraw', () => withdraw(http, server, applicant, caseId));
    return { items: plan.items.length, licenses: 0, refused: null, stopped };
  }

  // 待缴费: what the plan charges is paid at the window, so the items it held go on (fees/orders.ts).
  await step('pay', async () => {
    const { orders } = await http.json<{ orders: { reference: string; status: string }[] }>(applicant, 'GET', `/api/cases/${caseId}/fees`);
    for (const o of orders.filter((x) => x.status === 'unpaid')) await http.json('window', 'POST', `/api/window/fees/${o.reference}/received`, { method: 'cash' });
  });

  // Each round decides what has been dispatched; a serial item goes out once those before it are decided.
  let supplemented = path !== 'supplement';
  let refused: Progress | null = null;
  for (let round = 0; round <= plan.items.length; round++) {
    const view = await step('results', () => http.json<View>(applicant, 'GET', `/api/cases/${caseId}`));
    const open = view.progress.filter((p) => p.status !== 'approved' && p.status !== 'refused');
    if (open.length === 0) break;
    const ready = open.filter((p) => p.status === 'dispatched' || p.status === 'claimed');
    if (ready.length === 0) {
      const stuck = open[0] as Progress;
      throw new SituationFailure(`task ${stuck.name}`, `「${stuck.name}」停在「${stuck.statusLabel}」，没有派发给${stuck.department.name}`);
    }
    // The refusal goes to an item nothing waits for (every open item is ready), so no other item stops with it.
    const refuse: Progress | undefined = path === 'refuse' && refused === null && ready.length === open.length ? ready[ready.length - 1] : undefined;
    for (let p of ready) {
      if (!supplemented) {
        supplemented = true;
        const asked = p;
        await step(`supplement ${p.name}`, () => askSupplement(http, server, caseId, plan, asked));
        p = await step(`supplement-answer ${p.name}`, () => answerSupplement(http, applicant, caseId, asked));
      }
      const task = p;
      if (task === refuse) {
        refused = task;
        await step(`task ${task.name}`, async () => {
          const status = await act(http, server, caseId, task, 'refuse', { reasons: [SIMULATED_REFUSAL] });
          if (status !== 'refused') throw new StepFailure(`${task.department.name}不予许可后，子件状态为「${status}」而不是不予办理`);
        });
      } else {
        await step(`task ${task.name}`, async () => {
          const status = await act(http, server, caseId, task, 'approve', {});
          if (status !== 'approved') throw new StepFailure(`${task.department.name}批准后，子件状态为「${status}」而不是已办结`);
        });
      }
    }
  }
  if (!supplemented) throw new SituationFailure('results', '没有由部门审查的事项，无法模拟补正（各事项均已由系统自动审批）');
  if (path === 'refuse' && !refused) throw new SituationFailure('results', '没有由部门审查的事项，无法模拟不予许可（各事项均已由系统自动审批）');

  return step('results', async () => {
    const view = await http.json<View>(applicant, 'GET', `/api/cases/${caseId}`);
    if (view.status !== 'completed') throw new StepFailure(`办件状态为「${view.statusLabel}」，不是已办结`);
    const wallet = new Set((await http.json<{ licenses: { id: string }[] }>(applicant, 'GET', '/api/wallet')).licenses.map((l) => l.id));
    let licenses = 0;
    for (const item of plan.items) {
      const p = view.progress.find((x) => x.item === item.id);
      const documents = view.results.find((r) => r.item === item.id)?.documents ?? [];
      if (refused && item.id === refused.item) {
        if (p?.status !== 'refused') throw new StepFailure(`「${item.name}」没有不予办理`);
        const notice = documents.find((d) => d.kind === 'decision');
        if (!notice) throw new StepFailure(`「${item.name}」不予许可，但没有出具不予许可决定书`);
        const pdf = await http.download(applicant, notice.url);
        if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new StepFailure(`「${item.name}」的不予许可决定书不是 PDF 文件`);
        continue;
      }
      if (p?.status !== 'approved') throw new StepFailure(`「${item.name}」没有办结`);
      const certificate = documents.find((d) => d.kind === 'certificate');
      if (!certificate) throw new StepFailure(`「${item.name}」没有出具${item.result.name}`);
      const pdf = await http.download(applicant, certificate.url);
      if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new StepFailure(`「${item.name}」的${item.result.name}不是 PDF 文件`);
      if (item.result.kind === 'license') {
        if (!p.result?.license) throw new StepFailure(`「${item.name}」批准了，但没有签发电子证照「${item.result.name}」`);
        if (!wallet.has(p.result.license)) throw new StepFailure(`电子证照「${item.result.name}」没有存入申请人的卡包`);
        licenses++;
      }
    }
    if (refused && !view.outcome?.summary.includes('1 项不予办理')) throw new StepFailure(`办结概要「${view.outcome?.summary ?? '（无）'}」没有写明一项不予办理`);
    return { items: plan.items.length, licenses, refused: refused?.name ?? null, stopped: 0 };
  });
}
