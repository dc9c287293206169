/**
 * The department's side: its queue, a task showing only what the item needs, and the decisions —
 * approve (issuing the result, or an e-license sealed with the department's SM2 key, see results/issue.ts), refuse, ask
 * for supplementary material (the clock pauses), and joint review organised by the lead department.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterDecision, type FlowEffect } from '../../../core/case/orchestrate.ts';
import { addWorkingDays, isProvisional, type Calendar } from '../../../core/calendar/workdays.ts';
import { FINAL_TASK_STATUSES, isTaskFinal, transitionTask, type Task, type TaskAction, type TaskResult } from '../../../core/case/task.ts';
import { todayIn } from '../../clock.ts';
import { shanghaiDay } from '../../../shared/time/shanghai.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { hasSealed, maskedValues, openValues } from '../cases/form-values.ts';
import { findCase, loadCase, type LoadedCase } from '../cases/store.ts';
import { applyFlow } from './flow.ts';
import { unpaidItems } from '../fees/orders.ts';
import { autoDecisionNote } from './auto-notes.ts';
import { intakeOf } from '../cases/intake.ts';
import { filesSince, nameOf, recordAnswer, recordRequest, supplementHistory } from './supplements.ts';
import { entryNames, missingFromAnswer, supplementEntries, type SupplementAsk } from '../../../core/case/supplement.ts';
import { issueLicense } from '../results/issue.ts';
import { toAccount } from '../identity/service.ts';
import type { SharedData } from '../shareddata/service.ts';
import { prepared } from '../../db/prepared.ts';
import { newRowId } from '../../ids.ts';

export interface Acting {
  department: string;
  actor: string;
  reviewerId: string | null;
}

const OPEN_STATUSES: readonly string[] = ['dispatched', 'claimed', 'supplement'];
const OPEN_LIMIT = 1000;
const DECIDED_LIMIT = 200;

// From the queue's columns, by today's calendar (the task's own state keeps dueProvisional).
function provisionalDue(cal: Calendar, from: string | null, due: string | null): boolean {
  return due !== null && isProvisional(cal, from ?? due, due);
}

const licenseNumbered = prepared((db, p) => db.selectFrom('licenses').select('id').where('number', '=', p('number')));

export class TaskService {
  constructor(private readonly deps: Deps) {}

  private today = () => todayIn(this.deps.clock);

  /**
   * The department's queue: its open tasks, most urgent first, then the most recently decided. Each
   * part is read through an index, so years of decided tasks do not push new work out of the list.
   */
  async queue(department: string, filter: { status?: string }) {
    const base = () => this.deps.db.kysely.selectFrom('tasks').innerJoin('cases', 'cases.id', 'tasks.case_id')
      .select(['tasks.id', 'tasks.item_id', 'tasks.item_name', 'tasks.status', 'tasks.due_date', 'tasks.dispatched_on', 'tasks.claimed_by', 'tasks.decided_at', 'tasks.updated_at', 'cases.number', 'cases.matter_id', 'cases.id as case_id'])
      .where('tasks.department', '=', department);
    const open = (statuses: readonly string[]) => base().where('tasks.status', 'in', statuses).orderBy('tasks.due_date').limit(OPEN_LIMIT).execute();
    const decided = (status: string) => base().where('tasks.status', '=', status).orderBy('tasks.decided_at', 'desc').orderBy('tasks.updated_at', 'desc').limit(DECIDED_LIMIT).execute();
    let rows;
    if (filter.status) {
      rows = OPEN_STATUSES.includes(filter.status) ? await open([filter.status]) : await decided(filter.status);
    } else {
      const history = [];
      for (const status of FINAL_TASK_STATUSES) history.push(...(await decided(status)));
      history.sort((a, b) => (b.decided_at ?? '').localeCompare(a.decided_at ?? '') || b.updated_at.localeCompare(a.updated_at));
      rows = [...(await open(OPEN_STATUSES)), ...history.slice(0, DECIDED_LIMIT)];
    }
    const today = this.today();
    const { catalogue } = await this.deps.catalogues.latest();
    return rows.map((r) => {
      const open = !isTaskFinal(r.status as Task['status']);
      const overdue = open && r.due_date !== null && r.due_date < today;
      const dueSoon = open && !overdue && r.due_date !== null && r.due_date <= addWorkingDays(catalogue.calendar, today, 1);
      // The clock stands still while supplementary material is awaited.
      const deadline = r.status === 'supplement' ? 'paused' : overdue ? 'overdue' : dueSoon ? 'due-soon' : 'on-time';
      return { id: r.id, caseId: r.case_id, caseNumber: r.number, matter: r.matter_id, item: r.item_id, itemName: r.item_name, status: r.status, dispatchedOn: r.dispatched_on, dueDate: r.due_date, dueProvisional: provisionalDue(catalogue.calendar, r.dispatched_on, r.due_date), claimedBy: r.claimed_by, deadline };
    });
  }

  /** A task's id is its case's id and its item's, so the case (with its tasks) is loaded at once. */
  private async taskOf(trx: Kysely<Database>, taskId: string, acting: Acting, lock = false): Promise<{ c: LoadedCase; task: Task }> {
    const at = taskId.indexOf(':');
    const c = at > 0 ? await findCase(trx, this.deps.db.dialect, taskId.slice(0, at), lock) : null;
    const task = c?.tasks.find((t) => t.id === taskId.slice(at + 1));
    if (!c || !task || task.department.code !== acting.department) throw notFound('子件');
    return { c, task };
  }

  /** Only the item's own fields and materials, the substantive review points, and the other items' progress. */
  async view(taskId: string, acting: Acting) {
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      const { c, task } = await this.taskOf(trx, taskId, acting);
      const fields = new Set((c.plan?.form.fields ?? []).filter((f) => f.items.includes(task.id)).map((f) => f.key));
      const materials = (c.plan?.materials ?? []).filter((m) => m.items.includes(task.id));
      const files = await trx.selectFrom('case_files').select(['id', 'material_id', 'name', 'source', 'evidence', 'mime', 'size'])
        .where('case_id', '=', c.row.id).where('status', '=', 'attached').execute();
      const values = task.status === 'waiting' ? maskedValues(c.form, this.deps.cipher, fields) : pick(openValues(c.form, this.deps.cipher), fields);
      const supplements = await supplementHistory(trx, this.deps.cipher, c.row.id, task.id);
      if (supplements.some((s) => s.entries.some((e) => e.answer !== null))) {
        await appendAudit(trx, this.deps.db.dialect, this.deps.clock.now().toISOString(), { actor: acting.actor, action: 'read.supplement-facts', entity: 'case', entityId: c.row.id, detail: { task: task.id } });
      }
      if (task.status !== 'waiting' && hasSealed(c.form, fields)) {
        await appendAudit(trx, this.deps.db.dialect, this.deps.clock.now().toISOString(), { actor: acting.actor, action: 'read.personal-data', entity: 'case', entityId: c.row.id, detail: { task: task.id, fields: [...fields] } });
      }
      return {
        task,
        case: { id: c.row.id, number: c.row.number, matter: c.row.matter_id, acceptedAt: c.row.accepted_at },
        form: { fields: (c.plan?.form.fields ?? []).filter((f) => fields.has(f.key)).map((f) => ({ key: f.key, label: f.label, options: optionLabels(c, f.key) })), values },
        materials: materials.map((m) => ({
          id: m.id, name: m.name, status: m.status, exemption: m.exemption ?? null, review: m.review,
          files: files.filter((f) => f.material_id === m.id).map((f) => ({ id: f.id, name: f.name, source: f.source, evidence: f.evidence ? JSON.parse(f.evidence) : null })),
        })),
        others: c.tasks.filter((t) => t.id !== task.id).map((t) => ({ item: t.id, name: t.name, department: t.department.name, status: t.status, dueDate: t.dueDate ?? null, dueProvisional: t.dueProvisional === true })),
        supplements,
        autoDecision: await autoDecisionNote(trx, c.row.id, task.id),
        intake: await intakeOf(this.deps.catalogues, c.row),
      };
    });
  }

  /**
   * The shared-data records the item's review confirms: for each of its materials spared by a
   * register, only the fields the catalogue names, read on demand and audited.
   */
  async sharedRecords(taskId: string, acting: Acting, shared: SharedData) {
    const { c, task } = await this.taskOf(this.deps.db.kysely, taskId, acting);
    const wanted = (c.plan?.materials ?? []).filter((m) => m.items.includes(task.id) && m.exemption?.kind === 'shared-data' && m.exemption.register && m.exemption.fields);
    if (wanted.length === 0) return { records: [] };
    const row = await this.deps.db.kysely.selectFrom('accounts').select(['id', 'username', 'role', 'display_name', 'department', 'subject', 'enterprise_uscc', 'id_number_enc'])
      .where('id', '=', c.row.applicant_id).executeTakeFirstOrThrow();
    const idNumber = row.id_number_enc ? this.deps.cipher.decrypt(row.id_number_enc) : null;
    const records = [];
    for (const m of wanted) {
      const e = m.exemption as NonNullable<typeof m.exemption> & { register: 'person' | 'enterprise'; fields: string[] };
      const fields = await shared.fieldsFor(toAccount(row), idNumber, e.register, e.fields) ?? [];
      records.push({ material: m.id, materialName: m.name, register: e.ref ?? '', fields, found: fields.length > 0 });
    }
    await appendAudit(this.deps.db.kysely, this.deps.db.dialect, this.deps.clock.now().toISOString(), {
      actor: acting.actor, action: 'read.shared-records', entity: 'case', entityId: c.row.id, detail: { task: task.id, materials: wanted.map((m) => m.id), fields: wanted.flatMap((m) => m.exemption?.fields ?? []) },
    });
    return { records };
  }

  /** One decision, with everything it sets off, in one transaction; the case is locked while it happens. */
  async act(taskId: string, acting: Acting, action: (task: Task, c: LoadedCase, trx: Kysely<Database>) => Promise<TaskAction>, claimOnly = false): Promise<Task> {
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      const found = await this.taskOf(trx, taskId, acting, true);
      const { c } = found;
      let { task } = found;
      const { catalogue } = await this.deps.catalogues.get(c.row.catalogue_version, trx);
      const preEffects: FlowEffect[] = [];
      // A department system decides through the API without a separate claim: it claims as it decides.
      if (!acting.reviewerId && task.status === 'dispatched' && !claimOnly) {
        const claimed = transitionTask(task, { type: 'claim', at: this.today(), reviewer: acting.actor }, catalogue.calendar);
        if (!claimed.ok) throw conflict(claimed.error.code, claimed.error.message);
        task = claimed.state;
        preEffects.push(...claimed.effects);
      }
      const a = await action(task, c, trx);
      const r = transitionTask(task, a, catalogue.calendar);
      if (!r.ok) throw conflict(r.error.code, r.error.message);
      let next = c.tasks.map((t) => (t.id === task.id ? r.state : t));
      let effects: FlowEffect[] = [...preEffects, ...r.effects];
      if (r.state.status === 'approved' || r.state.status === 'refused') {
        const flow = afterDecision(next, task.id, a.at, catalogue.calendar, await unpaidItems(trx, this.deps, c));
        if (!flow.ok) throw conflict(flow.error.code, flow.error.message);
        next = flow.state;
        effects = [...effects, ...flow.effects];
      }
      await applyFlow(trx, this.deps, c, next, effects, acting.actor);
      return r.state;
    });
  }

  claim(taskId: string, acting: Acting) {
    if (!acting.reviewerId) throw forbidden('部门系统通过接口直接审批，无需认领');
    return this.act(taskId, acting, async () => ({ type: 'claim', at: this.today(), reviewer: acting.reviewerId as string }), true);
  }

  /** Only the holder, the department's lead manager or the department's system may hand a claimed task back. */
  release(taskId: string, acting: Acting & { lead?: boolean }) {
    return this.act(taskId, acting, async (task) => {
      if (!acting.lead) this.mustHold(task, acting);
      return { type: 'release', at: this.today() };
    }, true);
  }

  refuse(taskId: string, acting: Acting, reasons: string[]) {
    return this.act(taskId, acting, async (task) => {
      this.mustHold(task, acting);
      return { type: 'refuse', at: this.today(), reasons };
    });
  }

  /**
   * Asks for the item's own materials (by id) and facts (its form fields, or free questions), all at
   * once (一次性告知); the request is kept in the task's history. Dated to the instant, so a file
   * counts as supplied only when uploaded after it.
   */
  requestSupplement(taskId: string, acting: Acting, ask: SupplementAsk & { note: string }) {
    return this.act(taskId, acting, async (task, c, trx) => {
      this.mustHold(task, acting);
      const asked = supplementEntries(ask, {
        materials: (c.plan?.materials ?? []).filter((m) => m.items.includes(task.id)),
        fields: (c.plan?.form.fields ?? []).filter((f) => f.items.includes(task.id)),
      });
      if (!asked.ok) throw badRequest('invalid-supplement', `补正要求有误：${asked.issues.map((i) => i.message).join('；')}`, asked.issues);
      const at = this.deps.clock.now().toISOString();
      const who = await nameOf(trx, acting.reviewerId, '部门系统');
      await recordRequest(trx, { caseId: c.row.id, item: task.id, at, actor: acting.actor, actorName: `${task.department.name} ${who}`, entries: asked.entries, note: ask.note.trim() });
      return { type: 'request-supplement', at, entries: asked.entries, note: ask.note.trim() };
    });
  }

  /** Approves; an item whose result is an e-license gets one, sealed by the department, in the holder's wallet. */
  /** `during`: written in the decision's transaction (秒批 records its rules' evidence so). */
  approve(taskId: string, acting: Acting, input: { number?: string; note?: string }, during?: (trx: Kysely<Database>, c: LoadedCase, task: Task) => Promise<void>) {
    return this.act(taskId, acting, async (task, c, trx) => {
      this.mustHold(task, acting);
      await during?.(trx, c, task);
      // Ask the state machine first, so that no e-license is issued for a decision it would refuse.
      const { catalogue } = await this.deps.catalogues.get(c.row.catalogue_version, trx);
      const probe = transitionTask(task, { type: 'approve', at: this.today(), result: { name: item0(c, task.id) } }, catalogue.calendar);
      if (!probe.ok) throw conflict(probe.error.code, probe.error.message);
      const item = c.plan?.items.find((i) => i.id === task.id);
      if (!item) throw notFound('事项');
      const number = input.number ?? `${task.department.code.toUpperCase()}${this.today().replace(/-/g, '')}${randomUUID().slice(0, 6).toUpperCase()}`;
      const issuesLicense = item.result.kind === 'license' && item.result.license !== undefined;
      // Only a number the caller chose, or one an e-license will carry, can clash with a license's.
      if ((input.number !== undefined || issuesLicense) && await licenseNumbered.first(trx, { number })) {
        throw conflict('duplicate-number', `证照编号「${number}」已被使用`);
      }
      let result: TaskResult = { name: item.result.name, ref: number };
      if (item.result.kind === 'license' && item.result.license) {
        const licenseId = await issueLicense(trx, this.deps, { c, task, catalogue, license: item.result.license, name: item.result.name, number });
        result = { ...result, license: licenseId };
      }
      return { type: 'approve', at: this.today(), result };
    });
  }

  /**
   * The applicant, or the window at the counter, answers a supplement request: every requested
   * material needs a file uploaded since, every fact an answer; then the clock starts again. What
   * came is written into the task's history and the audit log.
   */
  supplementProvided(caseId: string, item: string, by: { id: string; role: 'applicant' | 'window'; displayName: string }, facts: readonly { key: string; value: string }[] = []) {
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
      if (by.role === 'applicant' && c.row.applicant_id !== by.id) throw notFound('办件');
      const task = c.tasks.find((t) => t.id === item);
      if (!task) throw notFound('子件');
      const request = task.status === 'supplement' ? task.supplement : undefined;
      const given = facts.map((f) => ({ key: f.key, value: f.value.trim() })).filter((f) => f.value !== '');
      const askedFacts = new Set((request?.entries ?? []).filter((e) => e.kind !== 'material').map((e) => e.key));
      const stray = facts.flatMap((f, i) => (askedFacts.has(f.key) ? [] : [{ path: `body.facts[${i}].key`, message: `补正要求中没有「${f.key}」这一项` }]));
      if (request && stray.length > 0) throw badRequest('unknown-supplement-entry', '作答的项目不在补正要求之中', stray);
      const files = request ? await filesSince(trx, c.row.id, request) : [];
      const answer = { uploads: files.map((f) => ({ material: f.material_id, at: f.created_at })), answered: given.map((f) => f.key) };
      const missing = request ? missingFromAnswer(request, answer) : [];
      if (missing.length > 0) {
        throw conflict('supplement-incomplete', `补正尚未齐全，还缺：${entryNames(missing)}`, missing.map((e) => ({ path: `entries.${e.key}`, message: e.kind === 'material' ? `请上传「${e.name}」` : `请说明「${e.name}」` })));
      }
      const { catalogue } = await this.deps.catalogues.get(c.row.catalogue_version, trx);
      const r = transitionTask(task, { type: 'supplement-provided', at: this.today(), ...answer }, catalogue.calendar);
      if (!r.ok) throw conflict(r.error.code, r.error.message);
      const at = this.deps.clock.now().toISOString();
      const actor = `account:${by.id}`;
      await recordAnswer(trx, this.deps.cipher, { caseId: c.row.id, item, at, actor, actorName: `${by.role === 'window' ? '综合窗口' : '申请人'} ${by.displayName}`, files: files.map((f) => ({ material: f.material_id, file: f.id })), facts: given });
      await applyFlow(trx, this.deps, c, c.tasks.map((t) => (t.id === item ? r.state : t)), r.effects, actor);
      // The facts' values are personal, so the log names only which were answered.
      await appendAudit(trx, this.deps.db.dialect, at, { actor, action: 'task.supplement-answer', entity: 'case', entityId: c.row.id, detail: { task: item, files: files.map((f) => ({ material: f.material_id, file: f.id })), facts: given.map((f) => f.key) } });
      return r.state;
    });
  }

  /**
   * A joint review, inspection or acceptance across several tasks of a case, recorded by the manager
   * of the matter's lead department (not its reviewers, nor its system), on a day from the case's
   * acceptance to today: it organises the others, and a review cannot precede the case.
   */
  async jointReview(acting: Acting & { manager: boolean }, input: { caseId: string; kind: 'review' | 'inspection' | 'acceptance'; tasks: string[]; heldOn: string; outcome: string }) {
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, input.caseId, true);
      const { catalogue } = await this.deps.catalogues.get(c.row.catalogue_version, trx);
      if (!acting.manager || catalogue.matters.get(c.row.matter_id)?.lead !== acting.department) throw forbidden('联合评审、勘验、验收由牵头部门的管理人员组织和记录');
      if (!c.row.accepted_at) throw conflict('case-not-accepted', '办件受理后才能组织联合评审、勘验、验收');
      const accepted = shanghaiDay(c.row.accepted_at);
      const today = this.today();
      if (!isCalendarDate(input.heldOn) || input.heldOn < accepted || input.heldOn > today) {
        throw badRequest('held-on-out-of-range', `日期须在受理日（${accepted}）至今天（${today}）之间`, [{ path: 'body.heldOn', message: `请填写 ${accepted} 至 ${today} 之间的日期` }]);
      }
      const unknown = input.tasks.filter((t) => !c.tasks.some((x) => x.id === t));
      if (unknown.length > 0 || input.tasks.length < 2) throw badRequest('invalid-tasks', '联合评审须涉及本件的至少两个子件', unknown.map((t) => ({ path: 'tasks', message: `本件没有子件「${t}」` })));
      const id = newRowId();
      const at = this.deps.clock.now().toISOString();
      await trx.insertInto('joint_reviews').values({ id, case_id: c.row.id, kind: input.kind, organiser: acting.department, task_ids: JSON.stringify(input.tasks), held_on: input.heldOn, outcome: input.outcome, recorded_by: acting.actor, created_at: at }).execute();
      await appendAudit(trx, this.deps.db.dialect, at, { actor: acting.actor, action: `joint.${input.kind}`, entity: 'case', entityId: c.row.id, detail: { tasks: input.tasks, heldOn: input.heldOn } });
      return { id };
    });
  }

  /** A reviewer decides only what they claimed; the department's own system speaks for the whole department. */
  private mustHold(task: Task, acting: Acting): void {
    if (!acting.reviewerId) return;
    if (task.reviewer !== acting.reviewerId) throw conflict('task-not-claimed-by-you', task.reviewer ? '该子件由他人认领办理' : '请先认领该子件再办理');
  }
}

function pick(values: Record<string, unknown>, keys: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => keys.has(k)));
}

/** The pattern lets 2025-02-30 through; a real date reads back the same. */
const isCalendarDate = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

const item0 = (c: LoadedCase, id: string) => c.plan?.items.find((i) => i.id === id)?.result.name ?? id;

/** The labels of an enum field's values, so a department reads 公司 rather than company. */
function optionLabels(c: LoadedCase, key: string): { value: string; label: string }[] | undefined {
  const prop = (c.plan?.form.schema.properties as Record<string, { oneOf?: { const: string; title: string }[]; items?: { oneOf?: { const: string; title: string }[] } }> | undefined)?.[key];
  const list = prop?.oneOf ?? prop?.items?.oneOf;
  return list?.map((o) => ({ value: o.const, label: o.title }));
}
