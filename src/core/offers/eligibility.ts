/**
 * Eligibility for a policy: the policy's rules over a subject's shared-data facts, read exactly as an
 * item's 秒批 reads them (evaluateAutoDecision), so the sentences a person sees name the source, the
 * fact and its value as words (是/否), never a number. Missing data is not eligibility.
 */
import { evaluateAutoDecision } from '../case/auto-decision.ts';
import type { Policy } from './policy.ts';

export interface Eligibility {
  eligible: boolean;
  /** One sentence per rule: why the subject qualifies, or why not. */
  reasons: string[];
}

export function eligibility(policy: Pick<Policy, 'eligibility'>, facts: Readonly<Record<string, unknown>>): Eligibility {
  const outcome = evaluateAutoDecision(policy.eligibility, facts);
  return { eligible: outcome.outcome === 'approve', reasons: outcome.evidence.map((e) => e.sentence) };
}
