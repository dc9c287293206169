/**
 * The outcomes a simulated case can be driven to, besides approval of every item: a department asks
 * for a supplement (补正) and the applicant answers it, one item is refused (不予许可) while the case
 * still closes with the other results and the refusal notice, and the applicant withdraws.
 */
import type { Plan } from '../../core/planning/types.ts';
import { SAMPLE_PDF } from './fill.ts';
import { StepFailure, type SimulationClient } from './client.ts';
import type { SimulationServer } from './server.ts';

export const SIMULATION_PATHS = ['approve', 'supplement', 'refuse', 'withdraw'] as const;
export type SimulationPath = (typeof SIMULATION_PATHS)[number];

/** How each path is named to a person reading the progress and the failures. */
export const PATH_LABEL: Readonly<Record<SimulationPath, string>> = {
  approve: '全部准予', supplement: '补正后准予', refuse: '一项不予许可', withdraw: '申请人撤回',
};

export type Progress = {
  item: string; name: string; department: { code: string; name: string }; status: string; statusLabel: string;
  result: { license?: string } | null; supplement: { entries?: { kind: string; key: string; name: string }[] } | null;
};
export type View = {
  id: string; status: string; statusLabel: string; progress: Progress[];
  results: { item: string; decision: string; documents: { kind: string; url: string }[] }[];
  outcome: { summary: string; refused: number } | null;
};

type TaskAnswer = { task: { status: string } };

/** The reasons a simulated refusal gives, as a department writes them in the 不予许可决定书. */
export const SIMULATED_REFUSAL = '模拟申报：申请人不符合本事项的办理条件';

/** A department acts on its task: its demo reviewer (claiming it first), or its own signed system. */
export async function act(http: SimulationClient, server: SimulationServer, caseId: string, p: Progress, action: 'approve' | 'refuse' | 'supplement', body: unknown): Promise<string> {
  const base = `/api/department/tasks/${caseId}/${encodeURIComponent(p.item)}`;
  const reviewer = server.reviewers.get(p.department.code);
  let answer: TaskAnswer;
  if (reviewer) {
    if (p.status === 'dispatched') await http.json(reviewer, 'POST', `${base}/claim`);
    answer = await http.json<TaskAnswer>(reviewer, 'POST', `${base}/${action}`, body);
  } else {
    answer = await http.signed<TaskAnswer>(p.department.code, `${base}/${action}`, body);
  }
  return answer.task.status;
}

/** 补正: the department asks for one of the item's materials (if it has one) and a question; the applicant uploads and answers. */
export async function askSupplement(http: SimulationClient, server: SimulationServer, caseId: string, plan: Plan, p: Progress): Promise<void> {
  const material = plan.materials.find((m) => m.status === 'required' && m.items.includes(p.item));
  const status = await act(http, server, caseId, p, 'supplement', {
    materials: material ? [{ id: material.id, note: '模拟申报：请上传清晰的原件照片' }] : [],
    facts: [{ question: '模拟申报：请说明办理用途' }],
    note: '模拟申报：请一次补齐下列材料和情况',
  });
  if (status !== 'supplement') throw new StepFailure(`${p.department.name}要求补正后，子件状态为「${status}」而不是补正中`);
}

export async function answerSupplement(http: SimulationClient, applicant: string, caseId: string, p: Progress): Promise<Progress> {
  const view = await http.json<View>(applicant, 'GET', `/api/cases/${caseId}`);
  const asked = view.progress.find((x) => x.item === p.item);
  const entries = asked?.supplement?.entries ?? [];
  if (asked?.status !== 'supplement' || entries.length === 0) throw new StepFailure(`申请人看不到「${p.name}」的补正要求`);
  for (const e of entries.filter((x) => x.kind === 'material')) {
    await http.upload(applicant, `/api/cases/${caseId}/materials/${encodeURIComponent(e.key)}/files`, `${e.name}（补正）.pdf`, 'application/pdf', SAMPLE_PDF);
  }
  const facts = entries.filter((x) => x.kind !== 'material').map((x) => ({ key: x.key, value: '模拟申报：用于办理本事项' }));
  const after = await http.json<View>(applicant, 'POST', `/api/cases/${caseId}/tasks/${encodeURIComponent(p.item)}/supplement-provided`, facts.length > 0 ? { facts } : undefined);
  const resumed = after.progress.find((x) => x.item === p.item);
  if (!resumed || resumed.status === 'supplement') throw new StepFailure(`申请人补正后，「${p.name}」仍在补正中`);
  return resumed;
}

/** 撤回 after acceptance: the case is withdrawn, every item stops, and no department can decide any longer. */
export async function withdraw(http: SimulationClient, server: SimulationServer, applicant: string, caseId: string): Promise<number> {
  const view = await http.json<View>(applicant, 'POST', `/api/cases/${caseId}/withdraw`);
  if (view.status !== 'withdrawn') throw new StepFailure(`撤回后，办件状态为「${view.statusLabel}」，不是已撤回`);
  const open = view.progress.filter((p) => p.status !== 'stopped');
  if (open.length > 0) throw new StepFailure(`撤回后，「${open[0]?.name}」仍为「${open[0]?.statusLabel}」，没有终止`);
  const first = view.progress[0];
  if (first) {
    const decided = await act(http, server, caseId, { ...first, status: 'claimed' }, 'approve', {}).then(() => true, (e: unknown) => {
      if (e instanceof StepFailure) return false;
      throw e;
    });
    if (decided) throw new StepFailure(`撤回后，${first.department.name}仍能批准「${first.name}」`);
  }
  return view.progress.length;
}
