/**
 * The guided questionnaire's state, planned in the browser with the same core planner as the server:
 * answers (those under branches that no longer apply are removed), and the optional items taken out.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { buildCatalogue } from '../../../core/catalog/check.ts';
import type { Catalogue } from '../../../core/catalog/model.ts';
import type { CatalogueDocument } from '../../../core/catalog/types.ts';
import type { CalendarYear } from '../../../core/calendar/workdays.ts';
import { plan } from '../../../core/planning/plan.ts';
import type { AnswerValue, PlanResult } from '../../../core/planning/types.ts';
import { get } from '../../shared/api.ts';

export interface Published { version: number; catalogue: Catalogue }

let published: Promise<Published> | null = null;

/** The published catalogue, fetched and compiled once per page load. */
export function loadCatalogue(): Promise<Published> {
  if (!published) {
    published = get<{ version: number; documents: CatalogueDocument[]; calendarYears: CalendarYear[] }>('/api/public/catalogue')
      .then((r) => ({ version: r.version, catalogue: buildCatalogue(r.documents, r.calendarYears).catalogue }));
    published.catch(() => {
      published = null;
    });
  }
  return published;
}

export type Answers = Record<string, AnswerValue>;
interface Saved { answers: Answers; removed: string[] }

export type Facts = Record<string, unknown>;

/** Answers that shared data settles and the applicant may not change are not the applicant's to give. */
function withoutLocked(catalogue: Catalogue, matterId: string, answers: Answers, facts: Facts): Answers {
  const locked = (catalogue.matters.get(matterId)?.questionList ?? []).filter((q) => q.prefill && !q.prefill.editable && facts[q.prefill.fact] !== undefined).map((q) => q.id);
  return locked.length === 0 ? answers : Object.fromEntries(Object.entries(answers).filter(([k]) => !locked.includes(k)));
}

/** Plans with every optional item the applicant did not take out; `chosenItems` is what to send (absent: all). */
export function planLocal(catalogue: Catalogue, matterId: string, given: Answers, removed: readonly string[], facts: Facts = {}): { result: PlanResult; chosenItems?: string[] } {
  const answers = withoutLocked(catalogue, matterId, given, facts);
  const all = plan(catalogue, matterId, { answers, facts });
  if (!all.ok) return { result: all };
  const optional = all.plan.items.filter((i) => i.optional).map((i) => i.id);
  if (!optional.some((id) => removed.includes(id))) return { result: all };
  const chosenItems = optional.filter((id) => !removed.includes(id));
  return { result: plan(catalogue, matterId, { answers, chosenItems, facts }), chosenItems };
}

const NO_FACTS: Facts = {};

const storageKey = (matterId: string) => `onething.apply.${matterId}`;

function restore(matterId: string): Saved {
  try {
    const raw = sessionStorage.getItem(storageKey(matterId));
    const v = raw ? (JSON.parse(raw) as Partial<Saved>) : {};
    return { answers: v.answers && typeof v.answers === 'object' ? v.answers : {}, removed: Array.isArray(v.removed) ? v.removed : [] };
  } catch {
    return { answers: {}, removed: [] };
  }
}

/** Forgets the answers kept for the log-in round trip (once a case holds them). */
export function forgetAnswers(matterId: string): void {
  try {
    sessionStorage.removeItem(storageKey(matterId));
  } catch {
    // storage unavailable: nothing kept
  }
}

export function usePlanner(catalogue: Catalogue | null, matterId: string, facts: Facts = NO_FACTS) {
  const [saved, setSaved] = useState<Saved>(() => restore(matterId));
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey(matterId), JSON.stringify(saved));
    } catch {
      // storage unavailable: answers live only in this page
    }
  }, [matterId, saved]);

  const computed = useMemo(() => (catalogue ? planLocal(catalogue, matterId, saved.answers, saved.removed, facts) : null), [catalogue, matterId, saved, facts]);

  /** Drops the answers the plan no longer uses (their branch closed), as the planner's `dropped` says. */
  const clean = useCallback((answers: Answers): Answers => {
    if (!catalogue) return answers;
    const r = plan(catalogue, matterId, { answers: withoutLocked(catalogue, matterId, answers, facts), facts });
    if (!r.ok || r.plan.dropped.length === 0) return answers;
    return Object.fromEntries(Object.entries(answers).filter(([k]) => !r.plan.dropped.includes(k)));
  }, [catalogue, matterId, facts]);

  const setAnswer = useCallback((question: string, value: AnswerValue) => {
    setSaved((s) => ({ ...s, answers: clean({ ...s.answers, [question]: value }) }));
  }, [clean]);
  const setAnswers = useCallback((answers: Answers) => setSaved((s) => ({ ...s, answers: clean(answers) })), [clean]);
  const toggleItem = useCallback((id: string, on: boolean) => {
    setSaved((s) => ({ ...s, removed: on ? s.removed.filter((x) => x !== id) : [...new Set([...s.removed, id])] }));
  }, []);
  const reset = useCallback(() => setSaved({ answers: {}, removed: [] }), []);
  /** Takes over a draft case's answers and the optional items it left out (to change one from its check page). */
  const resume = useCallback((answers: Answers, removed: string[]) => setSaved({ answers, removed }), []);

  return { answers: saved.answers, removed: saved.removed, result: computed?.result ?? null, chosenItems: computed?.chosenItems, setAnswer, setAnswers, toggleItem, reset, resume };
}
