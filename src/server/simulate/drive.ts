/**
 * One situation of one matter driven end to end through the API, as a real applicant would and
 * then the window and each department: plan, submit, accept, every task decided, results checked.
 */
import type { CompiledMatter } from '../../core/catalog/model.ts';
import type { ReachedSituation } from '../../core/planning/situations.ts';
import type { Plan } from '../../core/planning/types.ts';
import { fillForm, SAMPLE_PDF } from '../testing/fill.ts';
import { StepFailure, type SimulationClient } from './client.ts';
import type { SimulationServer } from './server.ts';

/** Where a situation stopped: 'plan', 'submit', 'accept', 'task <item name>' or 'results'. */
export class SituationFailure extends Error {
  constructor(readonly step: string, message: string) {
    super(message);
  }
}

export interface Completed {
  items: number;
  licenses: number;
}

type Progress = { item: string; name: string; department: { code: string; name: string }; status: string; statusLabel: string; result: { license?: string } | null };
type View = { id: string; status: string; statusLabel: string; progress: Progress[]; results: { item: string; documents: { kind: string; url: string }[] }[] };

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

async function decide(http: SimulationClient, server: SimulationServer, caseId: string, p: Progress): Promise<void> {
  const base = `/api/department/tasks/${caseId}/${encodeURIComponent(p.item)}`;
  const reviewer = server.reviewers.get(p.department.code);
  let decided: { task: { status: string } };
  if (reviewer) {
    if (p.status === 'dispatched') await http.json(reviewer, 'POST', `${base}/claim`);
    decided = await http.json(reviewer, 'POST', `${base}/approve`, {});
  } else {
    decided = await http.signed(p.department.code, `${base}/approve`);
  }
  if (decided.task.status !== 'approved') throw new StepFailure(`${p.department.name}批准后，子件状态为「${decided.task.status}」而不是已办结`);
}

export async function driveSituation(http: SimulationClient, server: SimulationServer, matter: CompiledMatter, s: ReachedSituation): Promise<Completed> {
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

  // Each round decides what has been dispatched; a serial item goes out once those before it are decided.
  for (let round = 0; round <= plan.items.length; round++) {
    const view = await step('results', () => http.json<View>(applicant, 'GET', `/api/cases/${caseId}`));
    const open = view.progress.filter((p) => p.status !== 'approved');
    if (open.length === 0) break;
    const ready = open.filter((p) => p.status === 'dispatched' || p.status === 'claimed');
    if (ready.length === 0) {
      const stuck = open[0] as Progress;
      throw new SituationFailure(`task ${stuck.name}`, `「${stuck.name}」停在「${stuck.statusLabel}」，没有派发给${stuck.department.name}`);
    }
    for (const p of ready) await step(`task ${p.name}`, () => decide(http, server, caseId, p));
  }

  return step('results', async () => {
    const view = await http.json<View>(applicant, 'GET', `/api/cases/${caseId}`);
    if (view.status !== 'completed') throw new StepFailure(`办件状态为「${view.statusLabel}」，不是已办结`);
    const wallet = new Set((await http.json<{ licenses: { id: string }[] }>(applicant, 'GET', '/api/wallet')).licenses.map((l) => l.id));
    let licenses = 0;
    for (const item of plan.items) {
      const p = view.progress.find((x) => x.item === item.id);
      if (p?.status !== 'approved') throw new StepFailure(`「${item.name}」没有办结`);
      const certificate = view.results.find((r) => r.item === item.id)?.documents.find((d) => d.kind === 'certificate');
      if (!certificate) throw new StepFailure(`「${item.name}」没有出具${item.result.name}`);
      const pdf = await http.download(applicant, certificate.url);
      if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new StepFailure(`「${item.name}」的${item.result.name}不是 PDF 文件`);
      if (item.result.kind === 'license') {
        if (!p.result?.license) throw new StepFailure(`「${item.name}」批准了，但没有签发电子证照「${item.result.name}」`);
        if (!wallet.has(p.result.license)) throw new StepFailure(`电子证照「${item.result.name}」没有存入申请人的卡包`);
        licenses++;
      }
    }
    return { items: plan.items.length, licenses };
  });
}
