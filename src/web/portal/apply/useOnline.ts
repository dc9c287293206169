/**
 * 网上办理: log in if needed, create the case, send the answers and chosen items. The server plans
 * with the applicant's shared data; if that changes nothing the applicant goes straight to the case,
 * otherwise the page keeps planning on the server so the answers filled from shared data show.
 */
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { AnswerView, Plan } from '../../../core/planning/types.ts';
import { ApiError, post, put } from '../../shared/api.ts';
import { useAuth } from '../../shared/auth.tsx';
import { useAction } from '../../shared/useAction.ts';
import { forgetAnswers, type Answers } from './usePlanner.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** PUTs the answers; answers locked to shared data and items no longer applicable are left out and sent again. */
async function sendAnswers(caseId: string, answers: Answers, chosenItems: string[] | undefined): Promise<{ plan: Plan; sent: Answers }> {
  let sent = { ...answers };
  let chosen = chosenItems;
  for (let attempt = 0; ; attempt++) {
    try {
      const r = await put<{ plan: Plan }>(`/api/cases/${caseId}/answers`, { answers: sent, ...(chosen ? { chosenItems: chosen } : {}) });
      return { plan: r.plan, sent };
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 400 || attempt >= 3) throw e;
      const locked = e.details.filter((d) => d.code === 'answer-locked').map((d) => d.path.replace(/^answers\./, ''));
      const items = e.details.some((d) => d.path.startsWith('chosenItems'));
      if (locked.length === 0 && !items) throw e;
      sent = Object.fromEntries(Object.entries(sent).filter(([k]) => !locked.includes(k)));
      if (items) chosen = undefined;
    }
  }
}

/**
 * `shown` are the answers the applicant saw in the browser's plan, including those the browser already
 * filled from shared data: only answers the server fills differently count as changed.
 */
export function useOnline(matterId: string, answers: Answers, chosenItems: string[] | undefined, setAnswers: (a: Answers) => void, shown: readonly AnswerView[] = []) {
  const navigate = useNavigate();
  const { account } = useAuth();
  const [server, setServer] = useState<{ caseId: string; plan: Plan; changed: AnswerView[] } | null>(null);
  const { busy, error, run } = useAction();
  const lastSent = useRef('');
  // Changes overlap when the applicant is quicker than the server: synced only once none is on its way.
  const [inFlight, setInFlight] = useState(0);

  /** `review`: straight to the case's check page (the applicant came from there). */
  const open = (caseId: string, review = false) => {
    forgetAnswers(matterId);
    navigate(`/cases/${caseId}${review ? '?review=1' : ''}`);
  };

  const start = async () => {
    if (!account) {
      navigate(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
      return;
    }
    await run(async () => {
      const created = await post<{ id: string }>('/api/cases', { matterId });
      const { plan, sent } = await sendAnswers(created.id, answers, chosenItems);
      const seen = new Map(shown.map((a) => [a.question, a.value]));
      const changed = plan.answers.filter((a) => a.source === 'facts' && !same(a.value, answers[a.question] ?? seen.get(a.question)));
      if (plan.complete && plan.situation?.eligible && changed.length === 0) return open(created.id);
      lastSent.current = JSON.stringify([sent, chosenItems]);
      setServer({ caseId: created.id, plan, changed });
      if (!same(sent, answers)) setAnswers(sent);
    });
  };

  // Once the case exists, every change is planned by the server (with the shared data).
  const caseId = server?.caseId;
  useEffect(() => {
    if (!caseId) return;
    const key = JSON.stringify([answers, chosenItems]);
    if (key === lastSent.current) return;
    const timer = setTimeout(() => {
      lastSent.current = key;
      setInFlight((n) => n + 1);
      void run(async () => {
        const { plan, sent } = await sendAnswers(caseId, answers, chosenItems);
        setServer((prev) => ({ caseId, plan, changed: prev?.changed ?? [] }));
        const kept = Object.fromEntries(Object.entries(sent).filter(([k]) => !plan.dropped.includes(k)));
        if (!same(kept, answers)) setAnswers(kept);
      }).finally(() => setInFlight((n) => n - 1));
    }, 250);
    return () => clearTimeout(timer);
  }, [caseId, answers, chosenItems]);

  /** Goes on with a draft case that exists already (back from its check page to change an answer). */
  const attach = (caseId: string, plan: Plan) => setServer({ caseId, plan, changed: [] });
  // Every change has reached the server: the case page, opened now, shows it.
  const synced = server !== null && inFlight === 0 && lastSent.current === JSON.stringify([answers, chosenItems]);

  return { account, server, busy, error, start, open, attach, synced };
}
