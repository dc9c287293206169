/**
 * 差评整改 (GB/T 39734): the lead department verifies a bad rating (核实), rectifies and replies to
 * the applicant (整改), and follows up (回访), or appeals (申诉) to the service administration, whose
 * decision either dismisses the rating (not counted) or sends it back to be rectified. Each step is
 * guarded by the status it starts from, so two people acting at once cannot both win, and is kept
 * in the rectification's history and the audit log.
 */
import type { Kysely, Selectable } from 'kysely';
import { dueDate } from '../../../core/calendar/workdays.ts';
import {
  isRectificationPending, RECTIFICATION_STATUS_NAME, RECTIFICATION_STEP_NAME, stepRectification, type RectificationStatus, type RectificationStep,
} from '../../../core/ratings/rectification.ts';
import { shanghaiDay } from '../../../shared/time/shanghai.ts';
import { todayIn } from '../../clock.ts';
import type { Database, RectificationTable } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Account } from '../identity/roles.ts';
import { notify } from '../notifications/service.ts';
import { EVENT_NAMES, followUpOf, LEVEL_NAMES } from './labels.ts';

export type RectificationFilter = 'open' | 'appealed' | 'replied' | 'dismissed';
const FILTER: Readonly<Record<RectificationFilter, RectificationStatus[]>> = {
  open: ['open', 'verified'], appealed: ['appealed'], replied: ['replied', 'closed'], dismissed: ['dismissed'],
};

interface Step { at: string; step: RectificationStep; actor: string; text: string }

const APPLICANT = '申请人';
/** The outcome a decision or follow-up step's text starts with (as step() writes it), and the note after it. */
const OUTCOMES = [['申诉不成立', 'rejected'], ['申诉成立', 'upheld'], ['不满意', 'unsatisfied'], ['满意', 'satisfied']] as const;
function outcomeOf(s: Step): { outcome: (typeof OUTCOMES)[number][1] | null; note: string } {
  if (s.step !== 'decide-appeal' && s.step !== 'follow-up') return { outcome: null, note: s.text };
  const hit = OUTCOMES.find(([zh]) => s.text === zh || s.text.startsWith(`${zh}：`));
  return hit ? { outcome: hit[1], note: s.text.slice(hit[0].length + 1) } : { outcome: null, note: s.text };
}

const tooShort = (path: string, what: string, min: number) => badRequest(what === '整改答复' ? 'reply-too-short' : 'note-too-short', `${what}至少 ${min} 个字`, [{ path, message: `至少 ${min} 个字` }]);

export class RectificationService {
  constructor(private readonly deps: Deps) {}

  private today = () => todayIn(this.deps.clock);

  private base() {
    return this.deps.db.kysely.selectFrom('rectifications').innerJoin('ratings', 'ratings.id', 'rectifications.rating_id').innerJoin('cases', 'cases.id', 'rectifications.case_id')
      .leftJoin('accounts as clerk', 'clerk.id', 'ratings.clerk_id')
      .selectAll('rectifications')
      .select(['ratings.level', 'ratings.tags', 'ratings.comment', 'ratings.channel', 'ratings.event', 'ratings.account_id as applicant_id', 'cases.number', 'cases.matter_id', 'clerk.display_name as clerk_name']);
  }

  /** A department's list (pending by deadline first), or every department's appeals for the administration. */
  async list(department: string | null, filter?: RectificationFilter) {
    const statuses = filter ? FILTER[filter] : null;
    let q = this.base();
    if (department !== null) q = q.where('rectifications.department', '=', department);
    if (statuses) q = q.where('rectifications.status', 'in', statuses);
    const pending = statuses === null || statuses.some(isRectificationPending);
    const rows = pending
      ? await q.orderBy('rectifications.due_date').orderBy('rectifications.created_at').limit(1000).execute()
      : await q.orderBy('rectifications.due_date', 'desc').orderBy('rectifications.created_at', 'desc').limit(200).execute();
    return this.views(rows);
  }

  private async views(rows: Awaited<ReturnType<ReturnType<RectificationService['base']>['execute']>>) {
    const today = this.today();
    const { catalogue } = await this.deps.catalogues.latest();
    const actorIds = new Set<string>();
    const histories = rows.map((r) => JSON.parse(r.history) as Step[]);
    for (const h of histories) for (const s of h) actorIds.add(s.actor);
    const names = new Map<string, string>();
    const applicants = new Set<string>();
    if (actorIds.size > 0) {
      for (const a of await this.deps.db.kysely.selectFrom('accounts').select(['id', 'display_name', 'role']).where('id', 'in', [...actorIds]).execute()) {
        names.set(a.id, a.role === 'applicant' ? APPLICANT : a.display_name);
        if (a.role === 'applicant') applicants.add(a.id);
      }
    }
    return rows.map((r, i) => {
      const status = r.status as RectificationStatus;
      return {
        id: r.id, caseId: r.case_id, caseNumber: r.number, matter: r.matter_id, matterName: catalogue.matters.get(r.matter_id)?.name ?? r.matter_id,
        event: r.event, eventName: EVENT_NAMES[r.event], level: r.level, levelName: LEVEL_NAMES[r.level] ?? '', tags: JSON.parse(r.tags) as string[], comment: r.comment,
        channel: r.channel, clerkName: r.clerk_name ?? null, department: r.department, departmentName: catalogue.departments.get(r.department)?.name ?? r.department,
        status, statusName: RECTIFICATION_STATUS_NAME[status], dueDate: r.due_date, overdue: isRectificationPending(status) && today > r.due_date,
        repliedLate: r.replied_at !== null && shanghaiDay(r.replied_at) > r.due_date, reply: r.reply, repliedAt: r.replied_at, openedAt: r.created_at,
        verificationNote: r.verification_note, appealReason: r.appeal_reason, appealDecision: r.appeal_decision, appealNote: r.appeal_note,
        followUp: followUpOf(r, r.applicant_id),
        history: (histories[i] ?? []).map((s) => ({ at: s.at, step: s.step, stepName: RECTIFICATION_STEP_NAME[s.step], ...outcomeOf(s), byApplicant: applicants.has(s.actor), actorName: names.get(s.actor) ?? '', text: s.text })),
      };
    });
  }

  private async view(id: string) {
    const [v] = await this.views(await this.base().where('rectifications.id', '=', id).execute());
    if (!v) throw notFound('整改单');
    return v;
  }

  /**
   * One step on a rectification the actor may act on: `mine` says whether it is theirs (their
   * department's, or for the administration any appealed one). The status it started from guards the
   * update, so of two simultaneous steps one wins and the other is told what happened.
   */
  private async step(id: string, actor: Account, step: RectificationStep, positive: boolean, text: string, mine: (r: Selectable<RectificationTable>) => boolean,
    write: (r: Selectable<RectificationTable>, to: RectificationStatus, at: string) => Partial<RectificationTable>,
    after: (trx: Kysely<Database>, r: Selectable<RectificationTable>, to: RectificationStatus, at: string) => Promise<void>) {
    const { deps } = this;
    const at = deps.clock.now().toISOString();
    await deps.db.kysely.transaction().execute(async (trx) => {
      const r = await trx.selectFrom('rectifications').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r || !mine(r)) throw notFound('整改单');
      const next = stepRectification(r.status as RectificationStatus, step, positive);
      if (!next.ok) throw conflict(next.code, next.message);
      const history = [...(JSON.parse(r.history) as Step[]), { at, step, actor: actor.id, text }];
      const u = await trx.updateTable('rectifications').set({ ...write(r, next.status, at), status: next.status, history: JSON.stringify(history) })
        .where('id', '=', id).where('status', '=', r.status).executeTakeFirst();
      if (Number(u.numUpdatedRows) !== 1) throw conflict('concurrent-update', '该整改单刚被他人处理，请刷新后重试');
      await after(trx, r, next.status, at);
      await appendAudit(trx, deps.db.dialect, at, {
        actor: `account:${actor.id}`, action: `rectification.${step === 'reply' ? 'replied' : step}`, entity: 'case', entityId: r.case_id,
        detail: { rectification: id, from: r.status, to: next.status, ...(step === 'reply' ? { late: this.today() > r.due_date } : {}) },
      });
    });
    return this.view(id);
  }

  /** A rectification sent back is due again in the configured working days from today. */
  private async dueAfresh() {
    const { catalogue } = await this.deps.catalogues.latest();
    return dueDate(catalogue.calendar, this.today(), this.deps.config.rectificationWorkingDays);
  }

  private own = (lead: Account) => (r: Selectable<RectificationTable>) => r.department === lead.department;

  private caseOf = (trx: Kysely<Database>, r: Selectable<RectificationTable>) =>
    trx.selectFrom('cases').select(['applicant_id', 'number']).where('id', '=', r.case_id).executeTakeFirstOrThrow();

  private async tellLeads(trx: Kysely<Database>, department: string, caseId: string, title: string, body: string, at: string) {
    const leads = await trx.selectFrom('accounts').select('id').where('role', '=', 'lead').where('department', '=', department).execute();
    for (const l of leads) await notify(trx, { accountId: l.id, kind: 'rectification', title, body, caseId }, at);
  }

  /** 核实: the department confirms the complaint is founded and says what it found. */
  verify(id: string, lead: Account, note: string) {
    const text = note.trim();
    if (text.length < 5) throw tooShort('body.note', '核实情况', 5);
    return this.step(id, lead, 'verify', false, text, this.own(lead), (_r, _to, at) => ({ verified_at: at, verified_by: lead.id, verification_note: text }), async () => {});
  }

  /** 整改答复: the reply reaches the applicant, who is then followed up. */
  reply(id: string, lead: Account, reply: string) {
    const text = reply.trim();
    if (text.length < 5) throw tooShort('body.reply', '整改答复', 5);
    return this.step(id, lead, 'reply', false, text, this.own(lead),
      (r, _to, at) => ({ reply: text, replied_by: lead.id, replied_at: at, ...(r.verified_at === null ? { verified_at: at, verified_by: lead.id } : {}) }),
      async (trx, r, _to, at) => {
        const c = await this.caseOf(trx, r);
        await notify(trx, { accountId: c.applicant_id, kind: 'rating-reply', title: '您的评价已收到整改答复', body: `办件 ${c.number}：${text}。请在办件页告诉我们您对整改是否满意。`, caseId: r.case_id }, at);
      });
  }

  /** 申诉: the department contests the rating (恶意差评, not its fault); the administration decides. */
  appeal(id: string, lead: Account, reason: string) {
    const text = reason.trim();
    if (text.length < 10) throw tooShort('body.reason', '申诉理由', 10);
    return this.step(id, lead, 'appeal', false, text, this.own(lead), (_r, _to, at) => ({ appeal_reason: text, appealed_at: at, appealed_by: lead.id }), async (trx, r, _to, at) => {
      const c = await this.caseOf(trx, r);
      const admins = await trx.selectFrom('accounts').select('id').where('role', '=', 'admin').execute();
      for (const a of admins) await notify(trx, { accountId: a.id, kind: 'rectification', title: '差评申诉待审核', body: `办件 ${c.number} 的差评，部门提出申诉：${text}`, caseId: r.case_id }, at);
    });
  }

  /** The administration's decision: upheld dismisses the rating; rejected sends it back, due afresh. */
  async decideAppeal(id: string, admin: Account, upheld: boolean, note: string) {
    const text = note.trim();
    if (text.length < 5) throw tooShort('body.note', '审核意见', 5);
    const due = await this.dueAfresh();
    return this.step(id, admin, 'decide-appeal', upheld, `${upheld ? '申诉成立' : '申诉不成立'}：${text}`, () => true,
      (_r, _to, at) => ({ appeal_decision: upheld ? 'upheld' : 'rejected', appeal_note: text, appeal_decided_by: admin.id, appeal_decided_at: at,
        ...(upheld ? {} : { due_date: due }) }),
      async (trx, r, _to, at) => {
        await this.tellLeads(trx, r.department, r.case_id, upheld ? '差评申诉成立' : '差评申诉不成立，请整改', upheld ? `申诉成立，该差评不计入评价：${text}` : `申诉不成立，请整改并答复申请人：${text}`, at);
      });
  }

  /**
   * 回访: the applicant says online whether the rectification satisfied them, or the department records
   * a follow-up by phone. Not satisfied: back to be rectified, due afresh, and the department is told.
   */
  async followUp(id: string, actor: Account, satisfied: boolean, note: string, mine: (r: Selectable<RectificationTable>) => boolean) {
    const text = note.trim();
    if (actor.role !== 'applicant' && text.length < 5) throw tooShort('body.note', '回访情况', 5);
    const due = await this.dueAfresh();
    return this.step(id, actor, 'follow-up', satisfied, `${satisfied ? '满意' : '不满意'}${text ? `：${text}` : ''}`, mine,
      (_r, _to, at) => ({ follow_up_at: at, follow_up_by: actor.id, follow_up_result: satisfied ? 'satisfied' : 'unsatisfied', follow_up_note: text,
        ...(satisfied ? {} : { due_date: due }) }),
      async (trx, r, _to, at) => {
        if (satisfied) return;
        const c = await this.caseOf(trx, r);
        await this.tellLeads(trx, r.department, r.case_id, '回访不满意，请再次整改', `办件 ${c.number} 回访不满意${text ? `：${text}` : ''}`, at);
      });
  }

  /** The applicant's own rectification, found through their rating on their case. */
  async applicantFollowUp(caseId: string, ratingId: string, applicant: Account, satisfied: boolean, note: string) {
    const r = await this.deps.db.kysely.selectFrom('rectifications').innerJoin('ratings', 'ratings.id', 'rectifications.rating_id')
      .select(['rectifications.id', 'ratings.account_id']).where('rectifications.rating_id', '=', ratingId).where('rectifications.case_id', '=', caseId).executeTakeFirst();
    if (!r || r.account_id !== applicant.id) throw notFound('整改单');
    await this.followUp(r.id, applicant, satisfied, note, () => true);
  }
}
