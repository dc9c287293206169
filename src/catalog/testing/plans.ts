/** For the tests of the shipped matters: the shipped catalogue, planning that throws, and the parts of a plan an applicant notices. */
import { plan } from '../../core/planning/plan.ts';
import type { Plan, PlanInput } from '../../core/planning/types.ts';
import { loadCatalogue } from '../load.ts';

export const shipped = loadCatalogue();

export function ok(matter: string, input: PlanInput): Plan {
  const r = plan(shipped.catalogue, matter, input);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.plan;
}
export const material = (p: Plan, id: string) => p.materials.find((m) => m.id === id);
export const items = (p: Plan) => p.items.map((i) => i.id);
export const required = (p: Plan) => p.materials.filter((m) => m.status === 'required').map((m) => m.id);
export const stageOf = (p: Plan, item: string) => p.stages.findIndex((s) => s.includes(item));
