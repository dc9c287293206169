/**
 * 为您推荐: the applicant's cases read against the life-event graph of the latest published
 * catalogue (core/planning/recommend.ts), and the wallet's licences about to expire.
 */
import path from 'node:path';
import type { Recommendations } from '../../../contracts/recommendations.ts';
import { LIFE_EVENTS_FOLDER, loadLifeEvents } from '../../../catalog/life-events.ts';
import type { CaseRecord } from '../../../core/case/case.ts';
import { deriveCaseStatus } from '../../../core/case/orchestrate.ts';
import type { Task } from '../../../core/case/task.ts';
import type { Catalogue } from '../../../core/catalog/model.ts';
import type { LifeEventEdge } from '../../../core/planning/life-events.ts';
import { licenceReminders, recommend, type PastCase, type Recommendation } from '../../../core/planning/recommend.ts';
import { shanghaiDay } from '../../../shared/time/shanghai.ts';
import { todayIn } from '../../clock.ts';
import type { Deps } from '../../deps.ts';
import type { Account } from '../identity/roles.ts';

/** How far ahead a licence's end is announced. */
export const EXPIRY_NOTICE_DAYS = 30;

export class RecommendationService {
  private graph: { version: number; edges: LifeEventEdge[] } | null = null;

  constructor(private readonly deps: Pick<Deps, 'db' | 'clock' | 'catalogues' | 'config'>, private readonly warn: (message: string) => void = () => {}) {}

  /** The graph as it applies to the latest version: edges about matters it lacks are defects, left out. */
  private edges(version: number, catalogue: Catalogue): LifeEventEdge[] {
    if (this.graph?.version !== version) {
      const { edges, defects } = loadLifeEvents(catalogue, path.join(this.deps.config.catalogueDir, LIFE_EVENTS_FOLDER));
      for (const d of defects) this.warn(`${d.file} ${d.path}：${d.message}`);
      this.graph = { version, edges };
    }
    return this.graph.edges;
  }

  async mine(account: Account, caseId?: string): Promise<Recommendations> {
    const db = this.deps.db.kysely;
    const { version, catalogue } = await this.deps.catalogues.latest();
    const today = todayIn(this.deps.clock);
    const rows = await db.selectFrom('cases').select(['id', 'matter_id', 'record', 'form', 'created_at', 'closed_at'])
      .where('applicant_id', '=', account.id).where('status', '!=', 'draft').execute();
    const taskRows = rows.length === 0 ? [] : await db.selectFrom('tasks').select(['case_id', 'state', 'decided_at']).where('case_id', 'in', rows.map((r) => r.id)).execute();
    const cases: PastCase[] = rows.map((r) => {
      const own = taskRows.filter((t) => t.case_id === r.id);
      // A case completes with its last decision (its stored status stays 'accepted'): that decision's day closes it.
      const status = deriveCaseStatus(JSON.parse(r.record) as CaseRecord, own.map((t) => JSON.parse(t.state) as Task));
      const lastDecision = own.map((t) => t.decided_at).filter((d): d is string => d !== null).sort().at(-1);
      const closedAt = r.closed_at ?? (status === 'completed' ? lastDecision ?? null : null);
      return {
        id: r.id, matterId: r.matter_id, startedOn: shanghaiDay(r.created_at), closedOn: closedAt ? shanghaiDay(closedAt) : null, done: status === 'completed',
        // Sealed (personal) values stay sealed: only plain facts such as a birth date are read.
        facts: JSON.parse(r.form) as Record<string, unknown>,
      };
    });
    const { due, later } = recommend(cases, this.edges(version, catalogue), today);
    const named = (list: Recommendation[]) => list.filter((r) => !caseId || r.afterCaseId === caseId).flatMap((r) => {
      const m = catalogue.matters.get(r.matterId);
      return m ? [{ matterId: r.matterId, matterName: m.name, why: r.why, dueOn: r.dueOn, afterCaseId: r.afterCaseId, afterMatterName: catalogue.matters.get(r.afterMatterId)?.name ?? '' }] : [];
    });
    const licences = caseId ? [] : await db.selectFrom('licenses').select(['id', 'name', 'issued_at', 'valid_until'])
      .where('holder_id', '=', account.id).where('revoked_at', 'is', null).execute();
    const expiring = licenceReminders(licences.map((l) => ({ id: l.id, name: l.name, issuedOn: shanghaiDay(l.issued_at), validUntil: l.valid_until })), today, EXPIRY_NOTICE_DAYS);
    return { due: named(due), later: named(later), expiring };
  }
}
