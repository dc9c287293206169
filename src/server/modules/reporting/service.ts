/**
 * Reporting upward: reads the case log, cases, tasks and ratings and hands plain rows to the pure
 * reporting core. Incremental pulls cut at an instant, so records of one step never straddle two pulls.
 */
import type { Kysely } from 'kysely';
import { AUTO_ACTOR, AUTO_ACTOR_NAME } from '../../../core/case/auto-decision.ts';
import type { CaseRecord } from '../../../core/case/case.ts';
import { isTaskFinal, type Task } from '../../../core/case/task.ts';
import { workingDaysBetween } from '../../../core/calendar/workdays.ts';
import type { Catalogue } from '../../../core/catalog/model.ts';
import type { Plan } from '../../../core/planning/types.ts';
import { periodReport, type Grouping, type PeriodCase, type PeriodRating } from '../../../core/reporting/period.ts';
import { ratingRecord, stageRecords, type CaseEvent, type CaseInfo, type RatingInfo } from '../../../core/reporting/records.ts';
import { shanghaiDay } from '../../../shared/time/shanghai.ts';
import { dayStart } from './instants.ts';
import { RECTIFICATION_STATUS_NAME, type RectificationStatus } from '../../../core/ratings/rectification.ts';
import { maskIdNumber, maskNumbersIn } from '../../crypto/sm4.ts';
import type { Database } from '../../db/schema.ts';
import type { FieldCipher } from '../../deps.ts';
import type { CatalogueStore } from '../catalogue/store.ts';
import { groupByCase } from '../cases/store.ts';

/** What reporting needs: the server's deps, or the CLI's own database. The cipher only masks ID numbers. */
export interface ReportingDeps {
  db: { kysely: Kysely<Database> };
  catalogues: CatalogueStore;
  cipher?: FieldCipher;
}

export interface Window { since: string; until: string; limit: number }

/** Cases and accounts are read a batch at a time: a query may name only so many parameters. */
const BATCH = 500;
const STAGE_ACTIONS = ['case.accept', 'case.accept-on-commitment', 'case.reject', 'case.ask-corrections', 'case.resubmit', 'case.withdraw'];

async function inBatches<T>(ids: readonly string[], read: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += BATCH) out.push(...(await read(ids.slice(i, i + BATCH))));
  return out;
}

const later = (iso: string) => new Date(new Date(iso).getTime() + 1).toISOString();

/** People's and department systems' names for the log's actors ("account:…", "client:…", the system's 秒批). */
async function actorNames(db: Kysely<Database>, actors: readonly string[]): Promise<Map<string, string>> {
  const ids = (prefix: string) => [...new Set(actors.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length)))];
  const people = await inBatches(ids('account:'), (b) => db.selectFrom('accounts').select(['id', 'display_name as name']).where('id', 'in', b).execute());
  const systems = await inBatches(ids('client:'), (b) => db.selectFrom('api_clients').select(['id', 'name']).where('id', 'in', b).execute());
  return new Map([[AUTO_ACTOR, AUTO_ACTOR_NAME], ...people.map((p) => [`account:${p.id}`, p.name] as const), ...systems.map((s) => [`client:${s.id}`, s.name] as const)]);
}

export class ReportingService {
  constructor(private readonly deps: ReportingDeps) {}

  private catalogueOf = async (version: number): Promise<Catalogue> => (await this.deps.catalogues.get(version)).catalogue;

  /** 办件 stage records of the log events in [since, until), at most about `limit` events. */
  async caseRecords(w: Window) {
    const db = this.deps.db.kysely;
    const query = db.selectFrom('audit_log').select(['seq', 'at', 'actor', 'action', 'entity_id', 'detail'])
      .where('entity', '=', 'case')
      .where((eb) => eb.or([eb('action', 'in', STAGE_ACTIONS), eb('action', 'like', 'task.%'), eb('action', 'like', 'joint.%')]));
    let rows = await query.where('at', '>=', w.since).where('at', '<', w.until).orderBy('at').orderBy('seq').limit(w.limit + 1).execute();
    let next = w.until;
    if (rows.length > w.limit) {
      // Cut before the first instant not wholly read; one instant with more events than the limit is read whole.
      const cut = (rows[w.limit] as { at: string }).at;
      rows = rows.filter((r) => r.at < cut);
      next = cut;
      if (rows.length === 0) {
        rows = await query.where('at', '=', cut).orderBy('seq').execute();
        next = later(cut);
      }
    }
    const events: CaseEvent[] = rows.map((r) => ({ seq: Number(r.seq), at: r.at, action: r.action, caseId: r.entity_id, actorName: null, detail: JSON.parse(r.detail) as Record<string, unknown> }));
    const names = await actorNames(db, rows.map((r) => r.actor));
    rows.forEach((r, i) => { (events[i] as CaseEvent).actorName = names.get(r.actor) ?? null; });
    const cases = await this.caseInfos([...new Set(events.map((e) => e.caseId))]);
    return { since: w.since, until: w.until, next, complete: next === w.until, records: stageRecords(events, cases) };
  }

  private async caseInfos(ids: string[]): Promise<Map<string, CaseInfo>> {
    const db = this.deps.db.kysely;
    const rows = await inBatches(ids, (b) => db.selectFrom('cases').innerJoin('accounts', 'accounts.id', 'cases.applicant_id')
      .select(['cases.id', 'cases.number', 'cases.matter_id', 'cases.catalogue_version', 'cases.channel', 'cases.plan', 'accounts.display_name', 'accounts.subject', 'accounts.id_number_enc', 'accounts.enterprise_uscc'])
      .where('cases.id', 'in', b).execute());
    const tasks = groupByCase(await inBatches(ids, (b) => db.selectFrom('tasks').select(['case_id', 'state']).where('case_id', 'in', b).execute()));
    const out = new Map<string, CaseInfo>();
    for (const r of rows) {
      const catalogue = await this.catalogueOf(r.catalogue_version);
      const plan = r.plan ? (JSON.parse(r.plan) as Plan) : null;
      const own = new Map((tasks.get(r.id) ?? []).map((t) => JSON.parse(t.state) as Task).map((t) => [t.id, t]));
      const { cipher } = this.deps;
      // An enterprise's credit code is public; a person's ID number leaves only masked.
      const idMasked = r.subject === 'enterprise' ? r.enterprise_uscc : r.id_number_enc && cipher ? maskIdNumber(cipher.decrypt(r.id_number_enc)) : null;
      out.set(r.id, {
        id: r.id, number: r.number, matterName: catalogue.matters.get(r.matter_id)?.name ?? r.matter_id, channel: r.channel,
        applicant: { kind: r.subject, name: r.display_name, idMasked },
        items: (plan?.items ?? []).map((p) => {
          const item = catalogue.items.get(p.id);
          const task = own.get(p.id);
          return {
            id: p.id, name: p.name, codeMain: item?.nationalCode?.main ?? null, codeSub: item?.nationalCode?.sub ?? null,
            department: task?.department ?? p.department,
            regionCode: p.region?.code ?? catalogue.departments.get(p.department.code)?.region ?? null,
            promised: task?.promised ?? p.timeLimit.promised, dueDate: task?.dueDate ?? null,
          };
        }),
      });
    }
    return out;
  }

  /** 好差评 records given, replaced or rectified in [since, until). */
  async ratingRecords(w: Window) {
    const db = this.deps.db.kysely;
    // A rating is sent again whenever its 整改 moves on (核实, 申诉, 答复, 回访), so the superior's copy follows it.
    const changed = ['ratings.created_at', 'ratings.superseded_at', 'rectifications.verified_at', 'rectifications.appealed_at', 'rectifications.appeal_decided_at', 'rectifications.replied_at', 'rectifications.follow_up_at'] as const;
    const rows = await db.selectFrom('ratings').innerJoin('cases', 'cases.id', 'ratings.case_id').leftJoin('accounts', 'accounts.id', 'ratings.clerk_id')
      .leftJoin('rectifications', 'rectifications.rating_id', 'ratings.id')
      .select(['ratings.id', 'ratings.level', 'ratings.tags', 'ratings.comment', 'ratings.channel', 'ratings.event', 'ratings.created_at', 'ratings.superseded_at',
        'cases.number', 'cases.matter_id', 'cases.catalogue_version', 'accounts.display_name as clerk_name',
        'rectifications.status as rect_status', 'rectifications.reply as rect_reply', 'rectifications.replied_at as rect_replied_at'])
      .where((eb) => eb.or(changed.map((c) => eb.and([eb(c, '>=', w.since), eb(c, '<', w.until)]))))
      .orderBy('ratings.created_at').orderBy('ratings.id').execute();
    const records = [];
    for (const r of rows) {
      const catalogue = await this.catalogueOf(r.catalogue_version);
      const matter = catalogue.matters.get(r.matter_id);
      const status = r.rect_status as RectificationStatus | null;
      const info: RatingInfo = {
        id: r.id, caseNumber: r.number, matterName: matter?.name ?? r.matter_id, department: matter ? (catalogue.departments.get(matter.lead)?.name ?? matter.lead) : '',
        channel: r.channel as RatingInfo['channel'], event: r.event, level: r.level, tags: JSON.parse(r.tags) as string[],
        // Applicants sometimes write a phone or ID number into the comment: it leaves masked.
        comment: maskNumbersIn(r.comment), createdAt: r.created_at, supersededAt: r.superseded_at, clerkName: r.clerk_name,
        rectification: status ? { status, statusName: RECTIFICATION_STATUS_NAME[status], reply: r.rect_reply, repliedAt: r.rect_replied_at } : null,
      };
      records.push(ratingRecord(info));
    }
    return { since: w.since, until: w.until, next: w.until, complete: true, records };
  }

  /** The period report of the China days [from, to); with `within`, of the cases of those regions only (an account's, metrics/scope.ts). */
  async period(from: string, to: string, by: Grouping, within: string[] | null = null) {
    const db = this.deps.db.kysely;
    const end = dayStart(to);
    const cases: PeriodCase[] = [];
    let regions = (await this.deps.catalogues.latest()).catalogue.regions;
    for (let after = '';;) {
      const rows = await db.selectFrom('cases').select(['id', 'matter_id', 'catalogue_version', 'channel', 'assisted_by', 'record'])
        .where('accepted_at', 'is not', null).where('accepted_at', '<', end).where('id', '>', after)
        .$if(within !== null, (q) => q.where('region', 'in', within as string[])).orderBy('id').limit(BATCH).execute();
      if (rows.length === 0) break;
      after = (rows[rows.length - 1] as { id: string }).id;
      const ids = rows.map((r) => r.id);
      const tasks = groupByCase(await db.selectFrom('tasks').select(['case_id', 'state']).where('case_id', 'in', ids).execute());
      const ratings = groupByCase(await db.selectFrom('ratings').leftJoin('rectifications', 'rectifications.rating_id', 'ratings.id')
        .select(['ratings.case_id', 'ratings.level', 'ratings.created_at', 'rectifications.status']).where('ratings.case_id', 'in', ids).where('ratings.superseded_at', 'is', null).execute());
      for (const r of rows) {
        const catalogue = await this.catalogueOf(r.catalogue_version);
        const record = JSON.parse(r.record) as CaseRecord;
        const own = (tasks.get(r.id) ?? []).map((t) => JSON.parse(t.state) as Task);
        const last = own.map((t) => t.decidedOn ?? t.updatedOn ?? '').sort().pop() ?? null;
        // Completed as the dashboard counts it (every task final), but a withdrawn case is not 办结.
        const completedOn = own.length > 0 && own.every((t) => isTaskFinal(t.status)) && record.status !== 'withdrawn' && last ? last : null;
        cases.push({
          matter: { id: r.matter_id, name: catalogue.matters.get(r.matter_id)?.name ?? r.matter_id },
          channel: r.channel, assisted: r.assisted_by !== null, acceptedOn: record.acceptedOn ?? null, completedOn,
          workingDaysTaken: completedOn && record.acceptedOn ? workingDaysBetween(catalogue.calendar, record.acceptedOn, completedOn) : null,
          tasks: own.map((t) => {
            const decided = (t.status === 'approved' || t.status === 'refused') && t.decidedOn ? t.decidedOn : null;
            const start = t.dispatchedOn ?? record.acceptedOn;
            return {
              department: t.department, regionCode: catalogue.departments.get(t.department.code)?.region ?? null, dueDate: t.dueDate ?? null, decidedOn: decided,
              // 补正期间不计入办理时限: the department's own time leaves out the days it waited.
              workingDaysTaken: decided && start ? Math.max(0, workingDaysBetween(catalogue.calendar, start, decided) - t.pausedWorkingDays) : null,
            };
          }),
          ratings: (ratings.get(r.id) ?? []).filter((x) => x.status !== 'dismissed').map((x): PeriodRating => ({
            level: x.level, day: shanghaiDay(x.created_at),
            rectification: x.status === null ? 'none' : x.status === 'replied' || x.status === 'closed' ? 'replied' : 'opened',
          })),
        });
        if (catalogue.regions.size > regions.size) regions = catalogue.regions;
      }
    }
    return periodReport(cases, regions, by, from, to);
  }
}
