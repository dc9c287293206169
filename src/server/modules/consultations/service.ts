/**
 * 咨询、建议、投诉 (clause 7.2.3): the applicant records one online (or from the Q&A hand-off), the
 * window records one on a case; it goes to the department concerned (the matter's lead, else the
 * service centre), is due in working days, answered in the department's console, sent to the
 * applicant's inbox and by SMS, and closed when the applicant confirms or sends it back once.
 * Personal numbers typed into the text are masked before it is stored. A visitor at the window
 * without a case (walk-in) is followed by the window: the clerk who records it holds it in place of
 * an applicant account, the answer goes to the visitor's mobile by SMS, and the window closes it.
 */
import { randomInt } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Consultation, ConsultationBody, ConsultationCloseBody, WalkInConsultationBody, WindowConsultationBody } from '../../../contracts/consultations.ts';
import { dueDate } from '../../../core/calendar/workdays.ts';
import {
  ANSWER_WORKING_DAYS, CONSULTATION_KIND_NAME, CONSULTATION_SOURCE_NAME, CONSULTATION_STATUS_NAME, consultationFigures, nextConsultationStatus,
  type ConsultationAction, type ConsultationKind, type ConsultationSource, type ConsultationStatus,
} from '../../../core/consultations/consultation.ts';
import type { Catalogue, CompiledMatter } from '../../../core/catalog/model.ts';
import { shanghaiDay } from '../../../shared/time/shanghai.ts';
import { todayIn } from '../../clock.ts';
import { maskNumbersIn, maskPhone } from '../../crypto/sm4.ts';
import type { ConsultationTable, Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, badRequest, forbidden, notFound } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Account } from '../identity/roles.ts';
import { notify } from '../notifications/service.ts';
import { newRowId } from '../../ids.ts';

/** The service centre: it answers what concerns no one matter. */
const CENTRE = 'zwfw';
const STAFF_ROLES = ['lead', 'reviewer', 'window'] as const;

type Row = Selectable<ConsultationTable>;
type NewConsultation = {
  kind: ConsultationKind; source: ConsultationSource; accountId: string; caseId: string | null; matterId: string | null; text: string; recordedBy: string | null; actor: string;
  visitor?: { name: string; mobileEnc: string };
};
const actorOf = (a: Account) => `account:${a.id}`;

/** Attempts at a fresh number when the one drawn is taken (a million a day makes a second clash unlikely). */
const NUMBER_ATTEMPTS = 5;

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export class ConsultationService {
  /** `draw` gives the number's six random digits; a test hands in one that repeats. */
  constructor(private readonly deps: Deps, private readonly draw: () => number = () => randomInt(0, 1_000_000)) {}

  private today = () => todayIn(this.deps.clock);

  /** The applicant's own, online or from the Q&A hand-off. */
  async record(applicant: Account, body: ConsultationBody): Promise<Consultation> {
    const db = this.deps.db.kysely;
    let caseRow: { id: string; matter_id: string } | undefined;
    if (body.caseId !== undefined) {
      caseRow = await db.selectFrom('cases').select(['id', 'matter_id']).where('id', '=', body.caseId).where('applicant_id', '=', applicant.id).executeTakeFirst();
      if (!caseRow) throw badRequest('invalid-request', '没有找到您的这个办件', [{ path: 'body.caseId', message: '不是您的办件' }]);
    }
    return this.insert({ kind: body.kind, source: body.source ?? 'portal', accountId: applicant.id, caseId: caseRow?.id ?? null, matterId: body.matterId ?? caseRow?.matter_id ?? null, text: body.text, recordedBy: null, actor: actorOf(applicant) });
  }

  /** Recorded at the window for the applicant of a case, who then follows it online. */
  async recordAtWindow(clerk: Account, body: WindowConsultationBody): Promise<Consultation> {
    const c = await this.deps.db.kysely.selectFrom('cases').select(['id', 'matter_id', 'applicant_id']).where('id', '=', body.caseId).executeTakeFirst();
    if (!c) throw notFound('办件');
    return this.insert({ kind: body.kind, source: 'window', accountId: c.applicant_id, caseId: c.id, matterId: c.matter_id, text: body.text, recordedBy: clerk.id, actor: actorOf(clerk) });
  }

  /** A visitor at the window without a case: name and mobile (encrypted) taken down, routed like the others. */
  async recordWalkIn(clerk: Account, body: WalkInConsultationBody): Promise<Consultation> {
    const name = body.visitorName.trim();
    if (name === '') throw badRequest('invalid-request', '请填写来访群众的姓名', [{ path: 'body.visitorName', message: '不能为空' }]);
    return this.insert({
      kind: body.kind, source: 'walk-in', accountId: clerk.id, caseId: null, matterId: body.matterId ?? null, text: body.text, recordedBy: clerk.id, actor: actorOf(clerk),
      visitor: { name, mobileEnc: this.deps.cipher.encrypt(body.visitorMobile) },
    });
  }

  /** The walk-ins of the window, newest first. */
  async walkIns(): Promise<Consultation[]> {
    const rows = await this.deps.db.kysely.selectFrom('consultations').selectAll().where('source', '=', 'walk-in').orderBy('created_at', 'desc').limit(200).execute();
    return this.views(rows);
  }

  private async insert(r: NewConsultation): Promise<Consultation> {
    const { catalogue } = await this.deps.catalogues.latest();
    const text = maskNumbersIn(r.text.trim());
    if (text.length < 5) throw badRequest('invalid-request', '请把问题写清楚，至少 5 个字', [{ path: 'body.text', message: '至少 5 个字' }]);
    const matter = r.matterId !== null ? catalogue.matters.get(r.matterId) : undefined;
    if (r.matterId !== null && !matter) throw badRequest('invalid-request', '没有这个一件事', [{ path: 'body.matterId', message: '目录中没有该一件事' }]);
    const department = matter?.lead ?? CENTRE;
    const at = this.deps.clock.now().toISOString();
    const due = dueDate(catalogue.calendar, this.today(), ANSWER_WORKING_DAYS[r.kind]);
    const id = newRowId();
    for (let attempt = 1; ; attempt++) {
      const number = `ZX${this.today().replace(/-/g, '')}${String(this.draw()).padStart(6, '0')}`;
      try {
        await this.write(r, { id, number, text, matter, department, at, due });
        break;
      } catch (e) {
        // The unique index settles a clash; the whole transaction is tried again under a new number.
        if (!isUniqueViolation(e) || attempt >= NUMBER_ATTEMPTS) throw e;
      }
    }
    return this.viewOf(await this.row(id));
  }

  private async write(r: NewConsultation, w: { id: string; number: string; text: string; matter: CompiledMatter | undefined; department: string; at: string; due: string }): Promise<void> {
    const { id, number, text, matter, department, at, due } = w;
    await this.deps.db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('consultations').values({
        id, number, kind: r.kind, source: r.source, account_id: r.accountId, case_id: r.caseId, matter_id: matter?.id ?? null, department, text, status: 'open', due_date: due,
        recorded_by: r.recordedBy, created_at: at, answer: null, answered_by: null, answered_at: null, reopen_note: null, closed_at: null,
        visitor_name: r.visitor?.name ?? null, visitor_mobile_enc: r.visitor?.mobileEnc ?? null, visitor_sms_at: null,
      }).execute();
      const staff = await trx.selectFrom('accounts').select('id').where('department', '=', department).where('role', 'in', [...STAFF_ROLES]).execute();
      const what = CONSULTATION_KIND_NAME[r.kind];
      for (const s of staff) {
        await notify(trx, { accountId: s.id, kind: 'consultation', title: `收到${what}，请答复`, body: `${what} ${number}${matter ? `（${matter.name}）` : ''}，请于 ${due} 前答复。`, ...(r.caseId ? { caseId: r.caseId } : {}) }, at);
      }
      if (r.recordedBy !== null && !r.visitor) {
        await notify(trx, { accountId: r.accountId, kind: 'consultation', title: `窗口已登记您的${what}`, body: `编号 ${number}，将于 ${due} 前答复，可在“我的咨询”中查看。`, ...(r.caseId ? { caseId: r.caseId } : {}) }, at);
      }
      await appendAudit(trx, this.deps.db.dialect, at, { actor: r.actor, action: 'consultation.recorded', entity: 'consultation', entityId: id, detail: { kind: r.kind, source: r.source, department, dueDate: due } });
    });
  }

  async mine(applicant: Account): Promise<Consultation[]> {
    const rows = await this.deps.db.kysely.selectFrom('consultations').selectAll().where('account_id', '=', applicant.id).orderBy('created_at', 'desc').limit(200).execute();
    return this.views(rows);
  }

  async forDepartment(staff: Account & { department: string }, status?: ConsultationStatus): Promise<Consultation[]> {
    let q = this.deps.db.kysely.selectFrom('consultations').selectAll().where('department', '=', staff.department);
    if (status !== undefined) q = q.where('status', '=', status);
    return this.views(await q.orderBy('due_date').orderBy('created_at').limit(200).execute());
  }

  async answer(staff: Account & { department: string }, id: string, answer: string): Promise<Consultation> {
    const text = maskNumbersIn(answer.trim());
    let mobileEnc: string | null = null;
    const answered = await this.act(id, { kind: 'answer' }, async (trx, row, at) => {
      if (row.department !== staff.department) throw forbidden('该件不由本部门答复');
      await trx.updateTable('consultations').set({ status: 'answered', answer: text, answered_by: staff.id, answered_at: at }).where('id', '=', id).where('status', '=', 'open').execute();
      const what = CONSULTATION_KIND_NAME[row.kind as ConsultationKind];
      const brief = `编号 ${row.number}：${text.slice(0, 120)}${text.length > 120 ? '…' : ''}`;
      mobileEnc = row.visitor_mobile_enc;
      // A walk-in's window is told in its inbox; the visitor by SMS below, once the answer is committed.
      const title = row.visitor_name !== null ? `窗口登记的${what}（${row.visitor_name}）已答复` : `您的${what}已答复`;
      await notify(trx, { accountId: row.account_id, kind: 'consultation', title, body: brief, ...(row.case_id ? { caseId: row.case_id } : {}) }, at);
      return { actor: actorOf(staff), action: 'consultation.answered' };
    });
    return mobileEnc === null ? answered : this.textVisitor(id, mobileEnc, answered, text);
  }

  /**
   * The answer to a walk-in by SMS through the platform's sender. A failed send leaves the answer
   * standing and `smsSentAt` empty, which the window sees and tells the visitor by telephone instead.
   */
  private async textVisitor(id: string, mobileEnc: string, answered: Consultation, text: string): Promise<Consultation> {
    try {
      await this.deps.sender.send({ channel: 'sms', recipient: this.deps.cipher.decrypt(mobileEnc), body: `【一件事】您在窗口提出的${answered.kindName}（编号 ${answered.number}）已答复：${text}` });
    } catch {
      return answered;
    }
    await this.deps.db.kysely.updateTable('consultations').set({ visitor_sms_at: this.deps.clock.now().toISOString() }).where('id', '=', id).execute();
    return this.viewOf(await this.row(id));
  }

  /**
   * The applicant confirms or sends back their own; for a walk-in (`atWindow`) any window clerk
   * records what the visitor said, in person or on the telephone.
   */
  async close(applicant: Account, id: string, body: ConsultationCloseBody, atWindow = false): Promise<Consultation> {
    const note = body.note !== undefined ? maskNumbersIn(body.note.trim()) : null;
    const row = await this.row(id);
    if (atWindow ? row.source !== 'walk-in' : row.account_id !== applicant.id || row.source === 'walk-in') throw notFound('咨询投诉');
    if (!body.resolved && (note === null || note.length < 5)) throw badRequest('reason-required', '退回时请写明仍未解决的问题', [{ path: 'body.note', message: '至少 5 个字' }]);
    const action: ConsultationAction = body.resolved ? { kind: 'confirm' } : { kind: 'reopen', reopens: row.reopens };
    return this.act(id, action, async (trx, current, at) => {
      if (body.resolved) {
        await trx.updateTable('consultations').set({ status: 'closed', closed_at: at }).where('id', '=', id).where('status', '=', 'answered').execute();
        return { actor: actorOf(applicant), action: 'consultation.closed' };
      }
      const catalogue = (await this.deps.catalogues.latest()).catalogue;
      const due = dueDate(catalogue.calendar, this.today(), ANSWER_WORKING_DAYS[current.kind as ConsultationKind]);
      await trx.updateTable('consultations').set({ status: 'open', reopens: current.reopens + 1, reopen_note: note, due_date: due, answer: null, answered_by: null, answered_at: null })
        .where('id', '=', id).where('status', '=', 'answered').execute();
      const staff = await trx.selectFrom('accounts').select('id').where('department', '=', current.department).where('role', 'in', [...STAFF_ROLES]).execute();
      for (const s of staff) {
        await notify(trx, { accountId: s.id, kind: 'consultation', title: '答复被退回，请再次答复', body: `编号 ${current.number}：${note ?? ''}，请于 ${due} 前答复。` }, at);
      }
      return { actor: actorOf(applicant), action: 'consultation.reopened' };
    });
  }

  /** Figures for the effectiveness evaluation, for one matter or all; with `departments`, of those addressed to them (a region's). */
  async figures(matterId?: string, departments: string[] | null = null) {
    let q = this.deps.db.kysely.selectFrom('consultations').select(['kind', 'status', 'due_date', 'answered_at']);
    if (matterId !== undefined) q = q.where('matter_id', '=', matterId);
    if (departments !== null) q = q.where('department', 'in', departments.length > 0 ? departments : ['']);
    const rows = await q.execute();
    return consultationFigures(rows.map((r) => ({ kind: r.kind as ConsultationKind, status: r.status as ConsultationStatus, dueDate: r.due_date, answeredOn: r.answered_at ? shanghaiDay(r.answered_at) : null })), this.today());
  }

  /** One transition under a row lock (PostgreSQL) or SQLite's single writer; the status guard settles races. */
  private async act(id: string, action: ConsultationAction, apply: (trx: Kysely<Database>, row: Row, at: string) => Promise<{ actor: string; action: string }>): Promise<Consultation> {
    const at = this.deps.clock.now().toISOString();
    await this.deps.db.kysely.transaction().execute(async (trx) => {
      let q = trx.selectFrom('consultations').selectAll().where('id', '=', id);
      if (this.deps.db.dialect === 'postgres') q = q.forUpdate();
      const row = await q.executeTakeFirst();
      if (!row) throw notFound('咨询投诉');
      const next = nextConsultationStatus(row.status as ConsultationStatus, action);
      if (!next.ok) throw new AppError(next.code, 409, next.message);
      const done = await apply(trx, row, at);
      await appendAudit(trx, this.deps.db.dialect, at, { ...done, entity: 'consultation', entityId: id, detail: { status: next.status } });
    });
    return this.viewOf(await this.row(id));
  }

  private async row(id: string): Promise<Row> {
    const row = await this.deps.db.kysely.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('咨询投诉');
    return row;
  }

  private async views(rows: Row[]): Promise<Consultation[]> {
    if (rows.length === 0) return [];
    const { catalogue } = await this.deps.catalogues.latest();
    const db = this.deps.db.kysely;
    const accountIds = [...new Set(rows.map((r) => r.answered_by).filter((x): x is string => x !== null))];
    const caseIds = [...new Set(rows.map((r) => r.case_id).filter((x): x is string => x !== null))];
    const [names, numbers] = await Promise.all([
      accountIds.length ? db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', accountIds).execute() : [],
      caseIds.length ? db.selectFrom('cases').select(['id', 'number']).where('id', 'in', caseIds).execute() : [],
    ]);
    const name = new Map(names.map((n) => [n.id, n.display_name]));
    const number = new Map(numbers.map((n) => [n.id, n.number]));
    return rows.map((r) => this.view(r, catalogue, name, number));
  }

  private async viewOf(row: Row): Promise<Consultation> {
    return (await this.views([row]))[0] as Consultation;
  }

  private view(r: Row, catalogue: Catalogue, names: Map<string, string>, numbers: Map<string, string>): Consultation {
    const kind = r.kind as ConsultationKind;
    const status = r.status as ConsultationStatus;
    const source = r.source as ConsultationSource;
    return {
      id: r.id, number: r.number, kind, kindName: CONSULTATION_KIND_NAME[kind], source, sourceName: CONSULTATION_SOURCE_NAME[source],
      matterName: r.matter_id ? (catalogue.matters.get(r.matter_id)?.name ?? null) : null, caseNumber: r.case_id ? (numbers.get(r.case_id) ?? null) : null,
      departmentName: catalogue.departments.get(r.department)?.name ?? '政务服务中心', text: r.text, status, statusName: CONSULTATION_STATUS_NAME[status],
      dueDate: r.due_date, overdue: status === 'open' && this.today() > r.due_date, createdAt: r.created_at,
      answer: r.answer, answeredByName: r.answered_by ? (names.get(r.answered_by) ?? null) : null, answeredAt: r.answered_at,
      reopens: r.reopens, reopenNote: r.reopen_note, closedAt: r.closed_at,
      visitor: r.visitor_name !== null && r.visitor_mobile_enc !== null
        ? { name: r.visitor_name, mobile: maskPhone(this.deps.cipher.decrypt(r.visitor_mobile_enc)), smsSentAt: r.visitor_sms_at } : null,
    };
  }
}
