/**
 * 秒批 / 无感审批: an item whose every check is a rule over shared data is decided by those rules.
 * Pure: given the rules and the facts read, the outcome and the evidence of each rule, in sentences.
 * Any failing rule, missing data or material a person must review sends the task to a person.
 */
import { compileRule, truthy, ruleVariables } from '../rules/jsonlogic.ts';
import type { AutoDecision } from '../catalog/types.ts';
import type { PlannedMaterial } from '../planning/types.ts';
import { isSharedSource, MACHINE_CHECKED, SHARED_SOURCES, sharedFact } from '../catalog/shared-facts.ts';

/** The actor recorded for decisions taken by the rules, and the name people see for it. */
export const AUTO_ACTOR = 'system:auto-decision';
export const AUTO_ACTOR_NAME = '系统自动审批';

export interface FactRead {
  fact: string;
  label: string;
  /** As a person reads it: 是/否, a name, or 无记录; never a personal number. */
  value: string;
}

export interface RuleEvidence {
  rule: string;
  passed: boolean;
  /** The shared-data sources, by name. */
  sources: string[];
  read: FactRead[];
  /** What happened, in one sentence. */
  sentence: string;
}

export interface AutoDecisionOutcome {
  outcome: 'approve' | 'to-person';
  evidence: RuleEvidence[];
  /** Why a person must decide, one sentence each; empty when approved. */
  reasons: string[];
}

export interface EvaluateOptions {
  /** Names for list values (e-license types), so evidence reads as words. */
  nameOf?: (value: string) => string;
  /** Reasons found before the rules (materials, data unavailable): they send the task to a person. */
  blockers?: readonly string[];
}

function shown(value: unknown, nameOf: (v: string) => string): string {
  if (value === undefined || value === null || value === '') return '无记录';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length === 0 ? '无' : value.map((v) => nameOf(String(v))).join('、');
  return String(value);
}

/** The label of a fact in the sources the rule names. */
function labelOf(sources: readonly string[], fact: string): string | undefined {
  for (const s of sources) if (isSharedSource(s)) {
    const f = sharedFact(s, fact);
    if (f) return f.label;
  }
  return undefined;
}

export function evaluateAutoDecision(spec: AutoDecision, facts: Readonly<Record<string, unknown>>, options: EvaluateOptions = {}): AutoDecisionOutcome {
  const nameOf = options.nameOf ?? ((v: string) => v);
  const reasons = [...(options.blockers ?? [])];
  const evidence = spec.rules.map((r): RuleEvidence => {
    const sources = r.data.map((d) => (isSharedSource(d) ? SHARED_SOURCES[d].name : d));
    const names = ruleVariables(r.rule);
    // Only facts the catalogue lets the rule read are kept, so nothing else of the applicant's lands in the evidence.
    const read = names.map((fact) => ({ fact, label: labelOf(r.data, fact) ?? fact, value: shown(facts[fact], nameOf), known: labelOf(r.data, fact) !== undefined }));
    const missing = read.filter((x) => !x.known || facts[x.fact] === undefined || facts[x.fact] === null);
    const passed = missing.length === 0 && truthy(compileRule(r.rule)(facts));
    const what = read.map((x) => `${x.label}：${x.value}`).join('；');
    const sentence = missing.length > 0
      ? `未能从${sources.join('、')}读取${missing.map((x) => `「${x.label}」`).join('')}，「${r.name}」无法自动核验`
      : passed ? `「${r.name}」核验通过（${sources.join('、')}：${what}）` : `「${r.name}」核验未通过（${sources.join('、')}：${what}）`;
    if (!passed) reasons.push(sentence);
    return { rule: r.name, passed, sources, read: read.map(({ fact, label, value }) => ({ fact, label, value })), sentence };
  });
  return { outcome: reasons.length === 0 ? 'approve' : 'to-person', evidence, reasons };
}

/** Materials of the task a person must still review: submitted ones with substantive review points. */
export function materialsNeedingPerson(materials: readonly Pick<PlannedMaterial, 'name' | 'status' | 'exemption' | 'review'>[]): string[] {
  return materials
    .filter((m) => m.review.substantive.length > 0 && !(m.status === 'exempt' && m.exemption && MACHINE_CHECKED.has(m.exemption.kind)))
    .map((m) => `材料「${m.name}」由申请人提交，需人工实质审查`);
}
