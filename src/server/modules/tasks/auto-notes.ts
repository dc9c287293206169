/** The note 秒批 leaves on a task: what the rules found, kept for the reviewer's view. */
import type { Kysely } from 'kysely';
import { AUTO_ACTOR_NAME, type AutoDecisionOutcome } from '../../../core/case/auto-decision.ts';
import type { TaskAutoDecision } from '../../../contracts/auto-decision.ts';
import type { Database } from '../../db/schema.ts';

export async function saveNote(trx: Kysely<Database>, caseId: string, item: string, outcome: 'approved' | 'to-person', r: Pick<AutoDecisionOutcome, 'evidence' | 'reasons'>, basis: string, at: string): Promise<void> {
  await trx.deleteFrom('auto_decisions').where('case_id', '=', caseId).where('item', '=', item).execute();
  await trx.insertInto('auto_decisions').values({ case_id: caseId, item, outcome, evidence: JSON.stringify(r.evidence), reasons: JSON.stringify(r.reasons), basis, decided_at: at }).execute();
}

/** The note a reviewer reads on the task: what the rules found, in sentences. */
export async function autoDecisionNote(db: Kysely<Database>, caseId: string, item: string): Promise<TaskAutoDecision | undefined> {
  const row = await db.selectFrom('auto_decisions').selectAll().where('case_id', '=', caseId).where('item', '=', item).executeTakeFirst();
  if (!row) return undefined;
  const reasons = JSON.parse(row.reasons) as string[];
  const outcome = row.outcome === 'approved' ? 'approved' : 'to-person';
  const summary = outcome === 'approved'
    ? `${AUTO_ACTOR_NAME}：全部规则核验通过，已准予办理。`
    : `${AUTO_ACTOR_NAME}未能办结，转人工审批：${reasons.join('；')}。`;
  return { actorName: AUTO_ACTOR_NAME, outcome, summary, reasons, evidence: JSON.parse(row.evidence), basis: row.basis, decidedAt: row.decided_at };
}
