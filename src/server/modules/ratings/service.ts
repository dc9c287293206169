/**
 * 好差评 (clause 7.5, GB/T 39734): the applicant rates each service event of a case once, 受理 when
 * it is accepted and 办结 when it is completed (一事一评), against the clerk who served it; the
 * channel is the one the case went through, not one the applicant names. A rating of 不满意 or below
 * opens a 差评整改 for the matter's lead department (rectification.ts). The summary feeds the
 * satisfaction dimension of the evaluation (8.1); ratings dismissed on appeal are not counted.
 */
import type { Kysely } from 'kysely';
import type { RatingEvent } from '../../../contracts/ratings.ts';
import { dueDate } from '../../../core/calendar/workdays.ts';
import { RECTIFICATION_STATUS_NAME, type RectificationStatus } from '../../../core/ratings/rectification.ts';
import { todayIn } from '../../clock.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { caseStatus, loadCase } from '../cases/store.ts';
import type { Account } from '../identity/roles.ts';
import { notify } from '../notifications/service.ts';
import { BAD, CHANNELS, EVENT_NAMES, followUpOf, LEVEL_NAMES, type RatingChannel } from './labels.ts';
import { newRowId } from '../../ids.ts';

export interface RatingInput {
  level: number;
  tags?: string[];
  comment?: string;
  event?: RatingEvent;
}

const ACCEPTED = new Set(['accepted', 'in-progress', 'completed']);
const actorOf = (a: Account) => `account:${a.id}`;
const channelOf = (c: { channel: string; assisted_by: string | null }): RatingChannel => (c.assisted_by !== null ? 'assisted' : c.channel === 'window' ? 'window' : 'online');

/** The events a case in `status` may be rated for. */
const eventsOpen = (status: string): RatingEvent[] => (status === 'completed' ? ['acceptance', 'completion'] : ACCEPTED.has(status) ? ['acceptance'] : []);

/** Ratings with their clerk's name and their rectification, in one read. */
function ratedRows(db: Kysely<Database>) {
  return db.selectFrom('ratings').leftJoin('accounts', 'accounts.id', 'ratings.clerk_id').leftJoin('rectifications', 'rectifications.rating_id', 'ratings.id')
    .selectAll('ratings').select([
      'accounts.display_name as clerk_name', 'rectifications.id as rect_id', 'rectifications.status as rect_status', 'rectifications.department as rect_department',
      'rectifications.due_date as rect_due_date', 'rectifications.reply as rect_reply', 'rectifications.replied_at as rect_replied_at',
      'rectifications.follow_up_at as rect_follow_up_at', 'rectifications.follow_up_result as rect_follow_up_result', 'rectifications.follow_up_note as rect_follow_up_note',
      'rectifications.follow_up_by as rect_follow_up_by',
    ]);
}
type RatedRow = Awaited<ReturnType<ReturnType<typeof ratedRows>['executeTakeFirstOrThrow']>>;

export class RatingService {
  constructor(private readonly deps: Deps) {}

  private today = () => todayIn(this.deps.clock);

  async rate(caseId: string, applicant: Account, input: RatingInput) {
    const tags = [...new Set((input.tags ?? []).map((t) => t.trim()).filter((t) => t !== ''))];
    const comment = (input.comment ?? '').trim();
    // A bad rating with no reason leaves the department nothing to rectify.
    if (input.level <= BAD && comment === '' && tags.length === 0) {
      throw badRequest('reason-required', '差评请写明不满意的原因', [{ path: 'body.comment', message: '请填写评价内容或选择标签' }]);
    }
    const { deps } = this;
    const at = deps.clock.now().toISOString();
    const id = newRowId();
    await deps.db.kysely.transaction().execute(async (trx) => {
      const c = await loadCase(trx, deps.db.dialect, caseId);
      if (c.row.applicant_id !== applicant.id) throw notFound('办件');
      const status = caseStatus(c);
      if (!ACCEPTED.has(status)) throw conflict('case-not-accepted', '办件受理后才能评价');
      const event = input.event ?? (status === 'completed' ? 'completion' : 'acceptance');
      if (!eventsOpen(status).includes(event)) throw conflict('case-not-completed', '办件办结后才能评价办结环节', [{ path: 'body.event', message: '该件尚未办结' }]);
      const channel = channelOf(c.row);
      // The unique index on (case, event) decides: of simultaneous ratings exactly one is inserted.
      const inserted = await trx.insertInto('ratings').values({
        id, case_id: caseId, account_id: applicant.id, level: input.level, tags: JSON.stringify(tags), comment, channel, created_at: at,
        event, clerk_id: c.row.assisted_by ?? c.row.accepted_by,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw conflict('already-rated', `该件的${EVENT_NAMES[event]}环节已评价过，每个环节只能评价一次`);
      await appendAudit(trx, deps.db.dialect, at, { actor: actorOf(applicant), action: 'rating.created', entity: 'case', entityId: caseId, detail: { rating: id, event, level: input.level, channel } });
      if (input.level <= BAD) await this.openRectification(trx, { caseId, number: c.row.number, matterId: c.row.matter_id, version: c.row.catalogue_version }, id, applicant, at);
    });
    return this.one(deps.db.kysely, id);
  }

  private async openRectification(trx: Kysely<Database>, c: { caseId: string; number: string; matterId: string; version: number }, ratingId: string, applicant: Account, at: string) {
    const { deps } = this;
    const { catalogue } = await deps.catalogues.get(c.version, trx);
    const matter = catalogue.matters.get(c.matterId);
    if (!matter) throw notFound('事项');
    const due = dueDate(catalogue.calendar, this.today(), deps.config.rectificationWorkingDays);
    const id = newRowId();
    await trx.insertInto('rectifications').values({
      id, rating_id: ratingId, case_id: c.caseId, department: matter.lead, status: 'open', due_date: due, reply: null, replied_by: null, replied_at: null, created_at: at,
      verified_at: null, verified_by: null, verification_note: null, appeal_reason: null, appealed_at: null, appealed_by: null, appeal_decision: null, appeal_note: null,
      appeal_decided_by: null, appeal_decided_at: null, follow_up_at: null, follow_up_by: null, follow_up_result: null, follow_up_note: null,
    }).execute();
    const leads = await trx.selectFrom('accounts').select('id').where('role', '=', 'lead').where('department', '=', matter.lead).execute();
    for (const l of leads) {
      await notify(trx, { accountId: l.id, kind: 'rectification', title: '收到差评，请核实整改', body: `办件 ${c.number}（${matter.name}）收到差评，请核实，并于 ${due} 前整改答复或提出申诉`, caseId: c.caseId }, at);
    }
    await appendAudit(trx, deps.db.dialect, at, { actor: actorOf(applicant), action: 'rectification.opened', entity: 'case', entityId: c.caseId, detail: { rectification: id, rating: ratingId, department: matter.lead, dueDate: due } });
  }

  /** The case's ratings, and the events still open to a rating. */
  async forCase(caseId: string) {
    const db = this.deps.db.kysely;
    const c = await loadCase(db, this.deps.db.dialect, caseId);
    // Superseded ratings stay visible with their rectifications; only the current ones close an event.
    const rows = await ratedRows(db).where('ratings.case_id', '=', caseId).orderBy('ratings.created_at').execute();
    const departments = rows.some((r) => r.rect_id !== null) ? (await this.deps.catalogues.latest()).catalogue.departments : null;
    const rated = new Set(rows.filter((r) => r.superseded_at === null).map((r) => r.event));
    return { ratings: rows.map((r) => this.view(r, departments)), rateable: eventsOpen(caseStatus(c)).filter((e) => !rated.has(e)) };
  }

  async one(db: Kysely<Database>, id: string) {
    const r = await ratedRows(db).where('ratings.id', '=', id).executeTakeFirstOrThrow();
    return this.view(r, r.rect_id !== null ? (await this.deps.catalogues.latest()).catalogue.departments : null);
  }

  private view(r: RatedRow, departments: ReadonlyMap<string, { name: string }> | null) {
    return {
      id: r.id, caseId: r.case_id, event: r.event, eventName: EVENT_NAMES[r.event], level: r.level, levelName: LEVEL_NAMES[r.level] ?? '', tags: JSON.parse(r.tags) as string[],
      comment: r.comment, channel: r.channel as RatingChannel, clerkName: r.clerk_name ?? null, createdAt: r.created_at,
      rectification: r.rect_id !== null ? {
        id: r.rect_id, status: r.rect_status as RectificationStatus, statusName: RECTIFICATION_STATUS_NAME[r.rect_status as RectificationStatus], department: r.rect_department as string,
        departmentName: departments?.get(r.rect_department as string)?.name ?? (r.rect_department as string), dueDate: r.rect_due_date as string, reply: r.rect_reply, repliedAt: r.rect_replied_at,
        followUp: followUpOf({ follow_up_at: r.rect_follow_up_at, follow_up_result: r.rect_follow_up_result, follow_up_note: r.rect_follow_up_note, follow_up_by: r.rect_follow_up_by }, r.account_id),
      } : null,
    };
  }

  /** `regions`: only ratings of cases in them (the viewer's own, metrics/scope.ts; null: every case). */
  async summary(viewer: Account, matter?: string, regions: string[] | null = null) {
    const { catalogue } = await this.deps.catalogues.latest();
    if (matter !== undefined && !catalogue.matters.has(matter)) throw notFound('事项');
    let matters: string[] | null = matter !== undefined ? [matter] : null;
    if (viewer.role === 'lead') {
      const led = [...catalogue.matters.values()].filter((m) => m.lead === viewer.department).map((m) => m.id);
      if (matter !== undefined && !led.includes(matter)) throw notFound('事项');
      matters = matters ?? led;
    }
    const db = this.deps.db.kysely;
    // Ratings superseded under 一次一评 stay on record but are not counted, nor those dismissed on appeal.
    let rq = db.selectFrom('ratings').innerJoin('cases', 'cases.id', 'ratings.case_id').leftJoin('rectifications', 'rectifications.rating_id', 'ratings.id')
      .leftJoin('accounts', 'accounts.id', 'ratings.clerk_id')
      .select(['ratings.level', 'ratings.channel', 'ratings.event', 'accounts.display_name as clerk_name', 'rectifications.status as rect_status'])
      .where('ratings.superseded_at', 'is', null);
    let fq = db.selectFrom('rectifications').innerJoin('cases', 'cases.id', 'rectifications.case_id')
      .select(['rectifications.status', 'rectifications.follow_up_result', 'rectifications.appealed_at', 'rectifications.appeal_decision']);
    if (matters !== null) {
      rq = rq.where('cases.matter_id', 'in', matters);
      fq = fq.where('cases.matter_id', 'in', matters);
    }
    if (regions !== null) {
      rq = rq.where('cases.region', 'in', regions);
      fq = fq.where('cases.region', 'in', regions);
    }
    // `in ()` is not valid SQL: a lead of no matter simply has nothing to count.
    const none = matters !== null && matters.length === 0;
    const ratings = none ? [] : (await rq.execute()).filter((r) => r.rect_status !== 'dismissed');
    const rects = none ? [] : await fq.execute();
    const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);
    const counted = rects.filter((r) => r.status !== 'dismissed');
    const replied = counted.filter((r) => r.status === 'replied' || r.status === 'closed').length;
    const clerks = new Map<string, { total: number; bad: number }>();
    for (const r of ratings) {
      if (!r.clerk_name) continue;
      const c = clerks.get(r.clerk_name) ?? { total: 0, bad: 0 };
      c.total++;
      if (r.level <= BAD) c.bad++;
      clerks.set(r.clerk_name, c);
    }
    return {
      matter: matter ?? null,
      total: ratings.length,
      byLevel: [5, 4, 3, 2, 1].map((level) => ({ level, levelName: LEVEL_NAMES[level] ?? '', count: ratings.filter((r) => r.level === level).length })),
      byChannel: Object.fromEntries(CHANNELS.map((ch) => [ch, ratings.filter((r) => r.channel === ch).length])),
      byEvent: Object.fromEntries((['acceptance', 'completion'] as const).map((e) => [e, ratings.filter((r) => r.event === e).length])),
      byClerk: [...clerks.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
        .map(([clerkName, c]) => ({ clerkName, total: c.total, bad: c.bad, satisfactionRate: rate(c.total - c.bad, c.total) })),
      satisfactionRate: rate(ratings.filter((r) => r.level > BAD).length, ratings.length),
      rectification: {
        opened: counted.length, replied, rate: rate(replied, counted.length),
        followedUp: counted.filter((r) => r.follow_up_result !== null).length, followUpSatisfied: counted.filter((r) => r.follow_up_result === 'satisfied').length,
        appealed: rects.filter((r) => r.appealed_at !== null).length, upheld: rects.filter((r) => r.appeal_decision === 'upheld').length,
      },
    };
  }
}
