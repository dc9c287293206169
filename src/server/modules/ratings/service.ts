/**
 * 好差评 (clause 7.5): the applicant rates an accepted case once (一次一评, GB/T 39734), and the
 * rating's channel is the one the case went through, not one the applicant names; a rating of 不满意 or
 * below opens a 差评整改 for the matter's lead department, due in working days, whose reply goes
 * back to the applicant. The summary feeds the satisfaction dimension of the evaluation (8.1).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { dueDate } from '../../../core/calendar/workdays.ts';
import { todayIn } from '../../clock.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { caseStatus, loadCase } from '../cases/store.ts';
import type { Account } from '../identity/roles.ts';
import { notify } from '../notifications/service.ts';

export const LEVEL_NAMES: Readonly<Record<number, string>> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };
/** How the case was served: applied online, at the window, or at the window with 帮办代办. */
export const CHANNELS = ['online', 'window', 'assisted'] as const;
export type RatingChannel = (typeof CHANNELS)[number];
/** 不满意 and 非常不满意 are 差评: each one is rectified. */
const BAD = 2;
const RATEABLE = new Set(['accepted', 'in-progress', 'completed']);

export interface RatingInput {
  level: number;
  tags?: string[];
  comment?: string;
}

const actorOf = (a: Account) => `account:${a.id}`;
const channelOf = (c: { channel: string; assisted_by: string | null }): RatingChannel => (c.assisted_by !== null ? 'assisted' : c.channel === 'window' ? 'window' : 'online');
/** The China date of a stored instant: due dates are local dates. */
const chinaDay = (iso: string) => todayIn({ now: () => new Date(iso) });

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
    const id = randomUUID();
    await deps.db.kysely.transaction().execute(async (trx) => {
      const c = await loadCase(trx, deps.db.dialect, caseId);
      if (c.row.applicant_id !== applicant.id) throw notFound('办件');
      if (!RATEABLE.has(caseStatus(c))) throw conflict('case-not-accepted', '办件受理后才能评价');
      const channel = channelOf(c.row);
      // The unique index on the case's rating decides: of simultaneous ratings exactly one is inserted.
      const inserted = await trx.insertInto('ratings').values({
        id, case_id: caseId, account_id: applicant.id, level: input.level, tags: JSON.stringify(tags), comment, channel, created_at: at,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw conflict('already-rated', '该件已评价过，每件只能评价一次');
      await appendAudit(trx, deps.db.dialect, at, { actor: actorOf(applicant), action: 'rating.created', entity: 'case', entityId: caseId, detail: { rating: id, level: input.level, channel } });
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
    const id = randomUUID();
    await trx.insertInto('rectifications').values({
      id, rating_id: ratingId, case_id: c.caseId, department: matter.lead, status: 'open', due_date: due, reply: null, replied_by: null, replied_at: null, created_at: at,
    }).execute();
    const leads = await trx.selectFrom('accounts').select('id').where('role', '=', 'lead').where('department', '=', matter.lead).execute();
    for (const l of leads) {
      // The notice kinds have no 'rectification' yet; the column is free text, so this stays readable in the inbox.
      await notify(trx, { accountId: l.id, kind: 'rectification', title: '收到差评，请整改', body: `办件 ${c.number}（${matter.name}）收到差评，请于 ${due} 前整改并答复`, caseId: c.caseId }, at);
    }
    await appendAudit(trx, deps.db.dialect, at, { actor: actorOf(applicant), action: 'rectification.opened', entity: 'case', entityId: c.caseId, detail: { rectification: id, rating: ratingId, department: matter.lead, dueDate: due } });
  }

  async forCase(caseId: string) {
    const rows = await this.deps.db.kysely.selectFrom('ratings').select('id').where('case_id', '=', caseId).orderBy('created_at').execute();
    const ratings = [];
    for (const r of rows) ratings.push(await this.one(this.deps.db.kysely, r.id));
    return { ratings };
  }

  private async one(db: Kysely<Database>, id: string) {
    const r = await db.selectFrom('ratings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const rect = await db.selectFrom('rectifications').selectAll().where('rating_id', '=', id).executeTakeFirst();
    const departments = rect ? (await this.deps.catalogues.latest()).catalogue.departments : null;
    return {
      id: r.id, caseId: r.case_id, level: r.level, levelName: LEVEL_NAMES[r.level] ?? '', tags: JSON.parse(r.tags) as string[], comment: r.comment, channel: r.channel as RatingChannel, createdAt: r.created_at,
      rectification: rect ? {
        id: rect.id, status: rect.status, department: rect.department, departmentName: departments?.get(rect.department)?.name ?? rect.department,
        dueDate: rect.due_date, reply: rect.reply, repliedAt: rect.replied_at,
      } : null,
    };
  }

  /** Open rectifications by deadline, then the most recent 200 replied ones, each through an index. */
  async rectifications(department: string, status?: 'open' | 'replied') {
    const base = () => this.deps.db.kysely.selectFrom('rectifications').innerJoin('ratings', 'ratings.id', 'rectifications.rating_id').innerJoin('cases', 'cases.id', 'rectifications.case_id')
      .select(['rectifications.id', 'rectifications.case_id', 'rectifications.status', 'rectifications.due_date', 'rectifications.reply', 'rectifications.replied_at', 'rectifications.created_at',
        'ratings.level', 'ratings.tags', 'ratings.comment', 'ratings.channel', 'cases.number', 'cases.matter_id'])
      .where('rectifications.department', '=', department);
    const open = () => base().where('rectifications.status', '=', 'open').orderBy('rectifications.due_date').orderBy('rectifications.created_at').limit(1000).execute();
    const replied = () => base().where('rectifications.status', '=', 'replied').orderBy('rectifications.due_date', 'desc').orderBy('rectifications.created_at', 'desc').limit(200).execute();
    const rows = status === 'open' ? await open() : status === 'replied' ? await replied() : [...(await open()), ...(await replied())];
    const today = this.today();
    const { catalogue } = await this.deps.catalogues.latest();
    return rows.map((r) => ({
      id: r.id, caseId: r.case_id, caseNumber: r.number, matter: r.matter_id, matterName: catalogue.matters.get(r.matter_id)?.name ?? r.matter_id,
      level: r.level, levelName: LEVEL_NAMES[r.level] ?? '', tags: JSON.parse(r.tags) as string[], comment: r.comment, channel: r.channel,
      status: r.status, dueDate: r.due_date, overdue: r.status === 'open' && today > r.due_date,
      repliedLate: r.replied_at !== null && chinaDay(r.replied_at) > r.due_date, reply: r.reply, repliedAt: r.replied_at, openedAt: r.created_at,
    }));
  }

  async reply(id: string, lead: Account, text: string) {
    const { deps } = this;
    const reply = text.trim();
    if (reply.length < 5) throw badRequest('reply-too-short', '整改答复至少 5 个字', [{ path: 'body.reply', message: '至少 5 个字' }]);
    const at = deps.clock.now().toISOString();
    await deps.db.kysely.transaction().execute(async (trx) => {
      const rect = await trx.selectFrom('rectifications').selectAll().where('id', '=', id).executeTakeFirst();
      if (!rect || rect.department !== lead.department) throw notFound('整改单');
      if (rect.status !== 'open') throw conflict('already-replied', '该整改单已答复，不能重复答复');
      // Guarded by status, so two leads replying at once cannot both win.
      const r = await trx.updateTable('rectifications').set({ status: 'replied', reply, replied_by: lead.id, replied_at: at })
        .where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict('already-replied', '该整改单已答复，不能重复答复');
      const c = await trx.selectFrom('cases').select(['applicant_id', 'number']).where('id', '=', rect.case_id).executeTakeFirstOrThrow();
      await notify(trx, { accountId: c.applicant_id, kind: 'rating-reply', title: '您的评价已收到整改答复', body: `办件 ${c.number}：${reply}`, caseId: rect.case_id }, at);
      await appendAudit(trx, deps.db.dialect, at, { actor: actorOf(lead), action: 'rectification.replied', entity: 'case', entityId: rect.case_id, detail: { rectification: id, late: todayIn(deps.clock) > rect.due_date } });
    });
    const rows = await this.rectifications(lead.department ?? '');
    return rows.find((r) => r.id === id);
  }

  /** Counts per level and channel, satisfaction (基本满意 and above) and rectification rates; null where nothing to divide. */
  async summary(viewer: Account, matter?: string) {
    const { catalogue } = await this.deps.catalogues.latest();
    if (matter !== undefined && !catalogue.matters.has(matter)) throw notFound('事项');
    let matters: string[] | null = matter !== undefined ? [matter] : null;
    if (viewer.role === 'lead') {
      const led = [...catalogue.matters.values()].filter((m) => m.lead === viewer.department).map((m) => m.id);
      if (matter !== undefined && !led.includes(matter)) throw notFound('事项');
      matters = matters ?? led;
    }
    // Ratings superseded under 一次一评 stay on record but are not counted: one per case.
    let rq = this.deps.db.kysely.selectFrom('ratings').innerJoin('cases', 'cases.id', 'ratings.case_id').select(['ratings.level', 'ratings.channel']).where('ratings.superseded_at', 'is', null);
    let fq = this.deps.db.kysely.selectFrom('rectifications').innerJoin('cases', 'cases.id', 'rectifications.case_id').select(['rectifications.status']);
    if (matters !== null) {
      rq = rq.where('cases.matter_id', 'in', matters);
      fq = fq.where('cases.matter_id', 'in', matters);
    }
    // `in ()` is not valid SQL: a lead of no matter simply has nothing to count.
    const none = matters !== null && matters.length === 0;
    const ratings = none ? [] : await rq.execute();
    const rects = none ? [] : await fq.execute();
    const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);
    const replied = rects.filter((r) => r.status === 'replied').length;
    return {
      matter: matter ?? null,
      total: ratings.length,
      byLevel: [5, 4, 3, 2, 1].map((level) => ({ level, levelName: LEVEL_NAMES[level] ?? '', count: ratings.filter((r) => r.level === level).length })),
      byChannel: Object.fromEntries(CHANNELS.map((ch) => [ch, ratings.filter((r) => r.channel === ch).length])),
      satisfactionRate: rate(ratings.filter((r) => r.level > BAD).length, ratings.length),
      rectification: { opened: rects.length, replied, rate: rate(replied, rects.length) },
    };
  }
}
