/**
 * The lead department's oversight (牵头部门统筹, C7.4): the cases of the matters it leads, each across
 * all its items whatever department decides them, with the joint reviews held; it may urge (督办) a
 * department on an open task with a recorded deadline, which that department answers.
 */
import type { Kysely } from 'kysely';
import { isTaskFinal, TASK_STATUS_LABEL, type TaskStatus } from '../../../core/case/task.ts';
import { isDate } from '../../../core/calendar/dates.ts';
import { shanghaiDay } from '../../../shared/time/shanghai.ts';
import { todayIn } from '../../clock.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, badRequest, conflict, notFound } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { groupByCase } from '../cases/store.ts';
import type { Account } from '../identity/roles.ts';
import { notify } from '../notifications/service.ts';
import { newRowId } from '../../ids.ts';

type Staff = Account & { department: string };
const JOINT_KIND = { review: '联合审查', inspection: '联合勘验', acceptance: '联合验收' } as const;
const OPEN: TaskStatus[] = ['dispatched', 'claimed', 'supplement'];

export class Oversight {
  constructor(private readonly deps: Deps) {}

  private today = () => todayIn(this.deps.clock);

  private async led(lead: Staff) {
    const { catalogue } = await this.deps.catalogues.latest();
    return { catalogue, matters: [...catalogue.matters.values()].filter((m) => m.lead === lead.department).map((m) => m.id) };
  }

  private async names(db: Kysely<Database>, ids: (string | null)[]) {
    const want = [...new Set(ids.filter((x): x is string => !!x))];
    const rows = want.length ? await db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', want).execute() : [];
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** Cases of the led matters with a task still open, the most urgent first. */
  async cases(lead: Staff) {
    const db = this.deps.db.kysely;
    const { catalogue, matters } = await this.led(lead);
    if (matters.length === 0) return [];
    const open = await db.selectFrom('tasks').innerJoin('cases', 'cases.id', 'tasks.case_id').select('tasks.case_id').distinct()
      .where('cases.matter_id', 'in', matters).where('tasks.status', 'in', OPEN).limit(200).execute();
    const ids = open.map((r) => r.case_id);
    if (ids.length === 0) return [];
    const [rows, tasks, urges] = await Promise.all([
      db.selectFrom('cases').select(['id', 'number', 'matter_id', 'accepted_at']).where('id', 'in', ids).execute(),
      db.selectFrom('tasks').select(['case_id', 'item_id', 'item_name', 'department', 'status', 'due_date']).where('case_id', 'in', ids).orderBy('item_id').execute(),
      db.selectFrom('urges').select('case_id').where('case_id', 'in', ids).where('answered_at', 'is', null).execute(),
    ]);
    const tasksOf = groupByCase(tasks);
    const urgesOf = groupByCase(urges);
    const views = rows.map((c) => this.view(catalogue, c, tasksOf.get(c.id) ?? [], urgesOf.get(c.id)?.length ?? 0));
    const urgent = (v: (typeof views)[number]) => v.items.filter((i) => i.open && i.dueDate).map((i) => i.dueDate as string).sort()[0] ?? '9999';
    return views.sort((a, b) => (urgent(a) < urgent(b) ? -1 : urgent(a) > urgent(b) ? 1 : a.number < b.number ? -1 : 1));
  }

  private view(catalogue: Awaited<ReturnType<Oversight['led']>>['catalogue'], c: { id: string; number: string; matter_id: string; accepted_at: string | null },
    tasks: { item_id: string; item_name: string; department: string; status: string; due_date: string | null }[], openUrges: number) {
    const today = this.today();
    const items = tasks.map((t) => {
      const status = t.status as TaskStatus;
      const open = !isTaskFinal(status) && status !== 'waiting';
      return {
        item: t.item_id, name: t.item_name, department: t.department, departmentName: catalogue.departments.get(t.department)?.name ?? t.department,
        status, statusName: TASK_STATUS_LABEL[status], dueDate: t.due_date, overdue: open && status !== 'supplement' && t.due_date !== null && today > t.due_date, open,
      };
    });
    return {
      id: c.id, number: c.number, matterName: catalogue.matters.get(c.matter_id)?.name ?? '', acceptedOn: c.accepted_at ? shanghaiDay(c.accepted_at) : null,
      items, overdue: items.filter((i) => i.overdue).length, openUrges,
    };
  }

  private async ownCase(db: Kysely<Database>, lead: Staff, caseId: string) {
    const c = await db.selectFrom('cases').select(['id', 'number', 'matter_id', 'accepted_at']).where('id', '=', caseId).executeTakeFirst();
    if (!c) throw notFound('办件');
    const { catalogue } = await this.led(lead);
    if (catalogue.matters.get(c.matter_id)?.lead !== lead.department) throw new AppError('not-matter-lead', 403, '该件不属于本部门牵头的一件事');
    return { c, catalogue };
  }

  /** One case across all its items, with its joint reviews and urges. */
  async detail(lead: Staff, caseId: string) {
    const db = this.deps.db.kysely;
    const { c, catalogue } = await this.ownCase(db, lead, caseId);
    const tasks = await db.selectFrom('tasks').select(['id', 'case_id', 'item_id', 'item_name', 'department', 'status', 'due_date']).where('case_id', '=', caseId).orderBy('item_id').execute();
    const joint = await db.selectFrom('joint_reviews').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
    const urges = await this.urges(db, (q) => q.where('urges.case_id', '=', caseId));
    const names = await this.names(db, joint.map((j) => j.recorded_by.replace(/^account:/, '')));
    const itemOf = new Map(tasks.map((t) => [t.id, t.item_name]));
    return {
      case: this.view(catalogue, c, tasks, urges.filter((u) => u.answer === null).length),
      jointReviews: joint.map((j) => ({
        kind: j.kind, kindName: JOINT_KIND[j.kind], heldOn: j.held_on, outcome: j.outcome,
        itemNames: (JSON.parse(j.task_ids) as string[]).map((t) => itemOf.get(t) ?? ''), organiserName: catalogue.departments.get(j.organiser)?.name ?? j.organiser,
        recordedByName: names.get(j.recorded_by.replace(/^account:/, '')) ?? '', recordedAt: j.created_at,
      })),
      urges,
    };
  }

  private async urges(db: Kysely<Database>, where: (q: ReturnType<Oversight['urgeQuery']>) => ReturnType<Oversight['urgeQuery']>) {
    const rows = await where(this.urgeQuery(db)).orderBy('urges.urged_at').limit(500).execute();
    const names = await this.names(db, rows.flatMap((r) => [r.urged_by, r.answered_by]));
    const { catalogue } = await this.deps.catalogues.latest();
    const today = this.today();
    return rows.map((r) => ({
      id: r.id, caseId: r.case_id, caseNumber: r.number, item: r.item_id, itemName: r.item_name, departmentName: catalogue.departments.get(r.department)?.name ?? r.department,
      deadline: r.deadline, note: r.note, urgedByName: names.get(r.urged_by) ?? '', urgedAt: r.urged_at, overdue: r.answered_at === null && today > r.deadline,
      answer: r.answer, answeredByName: r.answered_by ? names.get(r.answered_by) ?? '' : null, answeredAt: r.answered_at,
    }));
  }

  private urgeQuery(db: Kysely<Database>) {
    return db.selectFrom('urges').innerJoin('cases', 'cases.id', 'urges.case_id').innerJoin('tasks', 'tasks.id', 'urges.task_id').selectAll('urges').select(['cases.number', 'tasks.item_name']);
  }

  /** 督办: the lead urges the department deciding `item`, with a deadline and what it asks. */
  async urge(lead: Staff, caseId: string, input: { item: string; deadline: string; note: string }) {
    const note = input.note.trim();
    if (note.length < 5) throw badRequest('note-too-short', '督办事由至少 5 个字', [{ path: 'body.note', message: '至少 5 个字' }]);
    const today = this.today();
    if (!isDate(input.deadline) || input.deadline < today) throw badRequest('urge-deadline-past', '督办期限应为今天或以后的日期', [{ path: 'body.deadline', message: '不早于今天' }]);
    const at = this.deps.clock.now().toISOString();
    const id = newRowId();
    await this.deps.db.kysely.transaction().execute(async (trx) => {
      const { c } = await this.ownCase(trx, lead, caseId);
      const task = await trx.selectFrom('tasks').select(['id', 'department', 'status', 'item_name']).where('case_id', '=', caseId).where('item_id', '=', input.item).executeTakeFirst();
      if (!task) throw badRequest('item-not-in-case', '本件没有这个事项', [{ path: 'body.item', message: '不在本件中' }]);
      if (!OPEN.includes(task.status as TaskStatus)) throw conflict('task-not-open', `「${task.item_name}」当前不在办理中，无需督办`);
      await trx.insertInto('urges').values({ id, case_id: caseId, task_id: task.id, item_id: input.item, department: task.department, deadline: input.deadline, note, urged_by: lead.id, urged_at: at, answer: null, answered_by: null, answered_at: null }).execute();
      const staff = await trx.selectFrom('accounts').select('id').where('department', '=', task.department).where('role', 'in', ['reviewer', 'lead']).execute();
      for (const s of staff) await notify(trx, { accountId: s.id, kind: 'urge', title: '收到督办', body: `办件 ${c.number}「${task.item_name}」：${note}（请于 ${input.deadline} 前办结或答复）`, caseId }, at);
      await appendAudit(trx, this.deps.db.dialect, at, { actor: `account:${lead.id}`, action: 'case.urge', entity: 'case', entityId: caseId, detail: { urge: id, item: input.item, department: task.department, deadline: input.deadline } });
    });
    return (await this.urges(this.deps.db.kysely, (q) => q.where('urges.id', '=', id)))[0];
  }

  /** The urges a department has to answer, the oldest deadline first, then the latest answered. */
  async forDepartment(staff: Staff) {
    const db = this.deps.db.kysely;
    const open = await this.urges(db, (q) => q.where('urges.department', '=', staff.department).where('urges.answered_at', 'is', null));
    return open.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
  }

  async answer(staff: Staff, id: string, text: string) {
    const answer = text.trim();
    if (answer.length < 5) throw badRequest('note-too-short', '督办答复至少 5 个字', [{ path: 'body.answer', message: '至少 5 个字' }]);
    const at = this.deps.clock.now().toISOString();
    await this.deps.db.kysely.transaction().execute(async (trx) => {
      const u = await trx.selectFrom('urges').selectAll().where('id', '=', id).executeTakeFirst();
      if (!u || u.department !== staff.department) throw notFound('督办');
      const r = await trx.updateTable('urges').set({ answer, answered_by: staff.id, answered_at: at }).where('id', '=', id).where('answered_at', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict('urge-answered', '该督办已答复');
      await notify(trx, { accountId: u.urged_by, kind: 'urge', title: '督办已答复', body: answer, caseId: u.case_id }, at);
      await appendAudit(trx, this.deps.db.dialect, at, { actor: `account:${staff.id}`, action: 'case.urge-answered', entity: 'case', entityId: u.case_id, detail: { urge: id } });
    });
    return (await this.urges(this.deps.db.kysely, (q) => q.where('urges.id', '=', id)))[0];
  }
}
