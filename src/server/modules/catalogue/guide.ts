/** The guide of a key matter (办事指南) with every element of clause 5.3.1, from the published catalogue. */
import type { Catalogue, CompiledMatter } from '../../../core/catalog/model.ts';
import { LIFE_STAGES, type ExemptionKind } from '../../../core/catalog/types.ts';
import { describeRule } from '../../../core/planning/explain.ts';
import { planFlow } from '../../../core/planning/items.ts';

export function matterGuide(catalogue: Catalogue, matter: CompiledMatter) {
  const dept = (code: string) => {
    const d = catalogue.departments.get(code);
    return { code, name: d?.name ?? code, level: d?.level, window: d?.window };
  };
  const flow = planFlow(matter, matter.entries);
  const materials = new Map<string, { id: string; name: string; copies: number; form: string; medium: string; items: string[]; when: string[]; exemptions: { kind: ExemptionKind; evidence: string }[]; deferrable: boolean; review: { formal: string[]; substantive: string[] }; kind: string | null; sample: string | null; proof: { basis: string[]; issuer: string } | null }>();
  for (const e of matter.entries) {
    for (const m of e.def.materials) {
      let g = materials.get(m.id);
      if (!g) {
        g = { id: m.id, name: m.name, copies: m.copies, form: m.form, medium: m.medium, items: [], when: [], exemptions: [], deferrable: m.deferrable ?? false, review: { formal: [], substantive: [] }, kind: m.kind ?? null, sample: m.sample ?? null, proof: m.proof ?? null };
        materials.set(m.id, g);
      }
      g.items.push(e.item);
      g.when.push(m.requiredIf === undefined ? '必需' : describeRule(m.requiredIf, matter));
      for (const r of m.replacedBy ?? []) {
        const evidence = r.kind === 'license' ? `${catalogue.licenses.get(r.license)?.name ?? r.license}电子证照`
          : r.kind === 'result-of-item' ? `「${catalogue.items.get(r.item)?.name ?? r.item}」的办理结果`
          : r.kind === 'shared-data' ? r.data : (r.text ?? '告知承诺');
        if (!g.exemptions.some((x) => x.kind === r.kind && x.evidence === evidence)) g.exemptions.push({ kind: r.kind, evidence });
      }
      for (const p of m.review.formal ?? []) if (!g.review.formal.includes(p)) g.review.formal.push(p);
      for (const p of m.review.substantive ?? []) if (!g.review.substantive.includes(p)) g.review.substantive.push(p);
    }
  }
  return {
    id: matter.id,
    name: matter.name,
    subject: matter.subject,
    lifeStage: { id: matter.lifeStage, name: LIFE_STAGES[matter.lifeStage] },
    batch: matter.batch,
    summary: matter.guide.summary,
    applicants: matter.guide.applicants,
    lead: dept(matter.lead),
    partners: matter.partners.map(dept),
    legalBasis: { policy: matter.guide.policyBasis, items: matter.entries.map((e) => ({ item: e.item, basis: e.def.legalBasis })) },
    items: matter.entries.map((e) => ({
      id: e.item, name: e.def.name, department: dept(e.def.department).name, kind: e.def.kind, required: e.required,
      after: e.after ?? [], reason: e.reason, when: e.when === undefined ? null : describeRule(e.when, matter),
      conditions: e.def.conditions, timeLimit: e.def.timeLimit, periods: e.def.periods ?? [], fees: e.def.fees, channels: e.def.channels, result: e.def.result,
    })),
    situations: matter.situations.map((s) => ({ id: s.id, name: s.name, eligible: s.eligible !== false, condition: describeRule(s.when, matter), description: s.description ?? null, advice: s.advice ?? null })),
    questions: matter.questionList.map((q) => ({ id: q.id, text: q.text, type: q.type, options: [...q.labels].map(([value, label]) => ({ value, label })), help: q.help ?? null })),
    process: { stages: flow.stages, criticalPath: flow.criticalPath },
    timeLimit: { promisedWorkingDays: flow.workingDays, legalWorkingDays: flow.legalWorkingDays, calendarDays: flow.calendarDays, note: matter.guide.timeLimitNote ?? null },
    materials: [...materials.values()],
    channels: matter.guide.channels,
    hours: matter.guide.hours,
    contacts: matter.guide.contacts,
    windows: matter.guide.windows.map(dept),
    faq: matter.guide.faq ?? [],
    trips: matter.trips,
  };
}
