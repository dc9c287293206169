/** Deciding a case's tasks in tests, in the order its flow dispatches them. */
import type { Plan } from '../../core/planning/types.ts';
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
