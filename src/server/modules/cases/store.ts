/** Reading and writing cases and their tasks: rows to the core's records and back, in the caller's transaction. */
import type { Kysely, Selectable } from 'kysely';
import type { CaseRecord } from '../../../core/case/case.ts';
import { deriveCaseStatus } from '../../../core/case/orchestrate.ts';
import type { Task } from '../../../core/case/task.ts';
import { deepFreeze } from '../../../core/planning/freeze.ts';
import type { Plan } from '../../../core/planning/types.ts';
import type { Dialect } from '../../db/connect.ts';
import type { CaseFileTable, CaseTable, Database, TaskTable } from '../../db/schema.ts';
import { prepared, type Prepared } from '../../db/prepared.ts';
import { conflict, notFound } from '../../errors.ts';

export type CaseRow = Selectable<CaseTable>;
export type TaskRow = Selectable<TaskTable>;

export interface LoadedCase {
  row: CaseRow;
  record: CaseRecord;
  /** As stored: personal values it pre-fills are sealed or masked, not plain (see form-values.ts storedPlan). */
  plan: Plan | null;
  answers: Record<string, unknown>;
  chosenItems: string[] | undefined;
  form: Record<string, unknown>;
  tasks: Task[];
  taskRows: TaskRow[];
  /**
   * Set by a step that has just read or written them in its transaction, so the view it answers with
   * need not read them again: every file of the case, and the applicant's name and sealed ID number.
   */
  known?: { files?: CaseFileRow[]; applicant?: { display_name: string; id_number_enc: string | null } };
}

/** The columns of a case's files that its view and the window's check read. */
export type CaseFileRow = Pick<Selectable<CaseFileTable>, 'id' | 'material_id' | 'name' | 'source' | 'status' | 'evidence' | 'created_at'>;

const filesOfCase = prepared((db, p) => db.selectFrom('case_files').select(['id', 'material_id', 'name', 'source', 'status', 'evidence', 'created_at']).where('case_id', '=', p('caseId')));

export function caseFiles(db: Kysely<Database>, caseId: string): Promise<CaseFileRow[]> {
  return filesOfCase.all(db, { caseId });
}

const caseById = prepared((db, p) => db.selectFrom('cases').selectAll().where('id', '=', p('id')));
const caseByIdForUpdate = prepared((db, p) => db.selectFrom('cases').selectAll().where('id', '=', p('id')).forUpdate());
const tasksOfCase = prepared((db, p) => db.selectFrom('tasks').selectAll().where('case_id', '=', p('id')).orderBy('item_id'));

/** Loads a case; with `lock` (PostgreSQL) the case row is locked, so decisions on one case queue up. */
export async function loadCase(trx: Kysely<Database>, dialect: Dialect, id: string, lock = false): Promise<LoadedCase> {
  const c = await findCase(trx, dialect, id, lock);
  if (!c) throw notFound('办件');
  return c;
}

/** As `loadCase`, but a case that is not there is null. */
export async function findCase(trx: Kysely<Database>, dialect: Dialect, id: string, lock = false): Promise<LoadedCase | null> {
  const row = await (lock && dialect === 'postgres' ? caseByIdForUpdate : caseById).first(trx, { id });
  if (!row) return null;
  const taskRows = await tasksOfCase.all(trx, { id });
  return {
    row,
    record: JSON.parse(row.record) as CaseRecord,
    plan: row.plan ? parsePlan(row.id, row.plan) : null,
    answers: JSON.parse(row.answers) as Record<string, unknown>,
    chosenItems: row.chosen_items ? (JSON.parse(row.chosen_items) as string[]) : undefined,
    form: JSON.parse(row.form) as Record<string, unknown>,
    tasks: taskRows.map((t) => JSON.parse(t.state) as Task),
    taskRows,
  };
}

/**
 * A case's plan is frozen at submission and read by every step after it, and parsing it is the
 * largest part of loading a case; so the parsed plan of recently loaded cases is kept, frozen, and
 * used again while the stored text is unchanged.
 */
const plans = new Map<string, { text: string; plan: Plan }>();
const PLANS_KEPT = 500;

function parsePlan(caseId: string, text: string): Plan {
  const kept = plans.get(caseId);
  if (kept?.text === text) return kept.plan;
  const plan = deepFreeze(JSON.parse(text) as Plan);
  plans.delete(caseId);
  if (plans.size >= PLANS_KEPT) plans.delete(plans.keys().next().value as string);
  plans.set(caseId, { text, plan });
  return plan;
}

export function caseStatus(c: Pick<LoadedCase, 'record' | 'tasks'>): string {
  return deriveCaseStatus(c.record, c.tasks);
}

// One prepared update per set of columns written (a handful of steps write cases).
const caseUpdates = new Map<string, Prepared<unknown>>();

/** Writes the case's own columns, refusing if someone else changed it meanwhile. */
export async function saveCase(trx: Kysely<Database>, c: LoadedCase, changes: Partial<Omit<CaseRow, 'id' | 'row_version'>>, at: string): Promise<void> {
  const set: Record<string, unknown> = { ...changes, updated_at: at, row_version: c.row.row_version + 1 };
  const columns = Object.keys(set).filter((k) => set[k] !== undefined).sort();
  const key = columns.join(',');
  let update = caseUpdates.get(key);
  if (!update) {
    update = prepared((db, p) => db.updateTable('cases').set(Object.fromEntries(columns.map((k) => [k, p(`set.${k}`)]))).where('id', '=', p('id')).where('row_version', '=', p('version')));
    caseUpdates.set(key, update);
  }
  const changed = await update.run(trx, { ...Object.fromEntries(columns.map((k) => [`set.${k}`, set[k]])), id: c.row.id, version: c.row.row_version });
  if (changed !== 1) throw conflict('concurrent-update', '该件刚被他人修改，请刷新后重试');
  c.row = { ...c.row, ...changes, updated_at: at, row_version: c.row.row_version + 1 };
}

export function taskColumns(t: Task) {
  return {
    status: t.status,
    claimed_by: t.reviewer ?? null,
    dispatched_on: t.dispatchedOn ?? null,
    due_date: t.dueDate ?? null,
    decided_at: t.decidedOn ?? null,
    state: JSON.stringify(t),
  };
}

/** Inserts a case's tasks in one statement; returns the rows as stored, in the order of `tasks`. */
export async function insertTasks(trx: Kysely<Database>, caseId: string, tasks: readonly Task[], at: string): Promise<TaskRow[]> {
  const rows: TaskRow[] = tasks.map((t) => ({
    id: `${caseId}:${t.id}`, case_id: caseId, item_id: t.id, item_name: t.name, department: t.department.code,
    after: JSON.stringify(t.after), ...taskColumns(t), updated_at: at, row_version: 0,
  }));
  if (rows.length > 0) await trx.insertInto('tasks').values(rows).execute();
  return rows;
}

const updateTask = prepared((db, p) => db.updateTable('tasks')
  .set({ status: p('status'), claimed_by: p('claimed_by'), dispatched_on: p('dispatched_on'), due_date: p('due_date'), decided_at: p('decided_at'), state: p('state'), updated_at: p('updated_at'), row_version: p('next_version') })
  .where('id', '=', p('id')).where('row_version', '=', p('row_version')));

/** Writes the tasks that changed, each guarded by its row version. */
export async function saveTasks(trx: Kysely<Database>, c: LoadedCase, next: readonly Task[], at: string): Promise<Task[]> {
  const changed: Task[] = [];
  for (const t of next) {
    const i = c.tasks.findIndex((x) => x.id === t.id);
    const before = c.tasks[i];
    const row = c.taskRows[i];
    if (!row || JSON.stringify(before) === JSON.stringify(t)) continue;
    const changes = await updateTask.run(trx, { ...taskColumns(t), updated_at: at, next_version: row.row_version + 1, id: row.id, row_version: row.row_version });
    if (changes !== 1) throw conflict('concurrent-update', '该子件刚被他人处理，请刷新后重试');
    changed.push(t);
  }
  return changed;
}

/** Rows of several cases, each case's in the order they came. */
export function groupByCase<T extends { case_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.case_id);
    if (list) list.push(r);
    else out.set(r.case_id, [r]);
  }
  return out;
}
