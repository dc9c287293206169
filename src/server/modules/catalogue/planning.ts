/** Planning for a request: the planner's errors as the API's, the same for the public plan, the checklist, draft previews and cases. */
import type { Catalogue } from '../../../core/catalog/model.ts';
import { plan } from '../../../core/planning/plan.ts';
import type { Plan, PlanError, PlanInput } from '../../../core/planning/types.ts';
import { badRequest, notFound } from '../../errors.ts';

export const invalidAnswers = (errors: readonly PlanError[]) =>
  badRequest('invalid-answers', '回答或所选事项有误', errors.map((e) => ({ path: e.path, message: e.message, code: e.code })));

/** The plan, or a 404 for a matter that is not in the catalogue and a 400 naming every wrong answer. */
export function planOrFail(catalogue: Catalogue, matterId: string, input: PlanInput): Plan {
  const r = plan(catalogue, matterId, input);
  if (r.ok) return r.plan;
  if (r.errors[0]?.code === 'unknown-matter') throw notFound(`一件事「${matterId}」`);
  throw invalidAnswers(r.errors);
}
