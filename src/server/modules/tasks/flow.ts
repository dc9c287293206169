/**
 * Persisting what the core's flow decided: tasks written, dispatches put in the outbox, results of
 * earlier items attached as materials of later ones, material pushes recorded, applicants told.
 */
import type { Insertable, Kysely } from 'kysely';
import type { FlowEffect } from '../../../core/case/orchestrate.ts';
import { isTaskFinal, type Task } from '../../../core/case/task.ts';
import type { CaseFileTable, Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { appendAudit, type AuditEntry } from '../audit/audit.ts';
import { enqueue, notify } from '../notifications/service.ts';
import { saveTasks, type LoadedCase } from '../cases/store.ts';
import { recordMovements, WINDOW, type NewMovement } from '../circulation/service.ts';
import { insertRows, prepared } from '../../db/prepared.ts';
import { newRowId } from '../../ids.ts';

const attachedOf = prepared((db, p) => db.selectFrom('case_files').select(['material_id']).where('case_id', '=', p('caseId')).where('status', '=', 'attached'));

export async function applyFlow(
  trx: Kysely<Database>, deps: Deps, c: LoadedCase, next: readonly Task[], effects: readonly FlowEffect[], actor: string,
): Promise<void> {
  const wasOpen = !c.tasks.every((t) => isTaskFinal(t.status));
  await saveTasks(trx, c, next, deps.clock.now().toISOString());
  c.tasks = [...next];
  await applyEffects(trx, deps, c, next, effects, actor);
  const approved = next.filter((t) => t.status === 'approved');
  if (wasOpen && next.every((t) => isTaskFinal(t.status)) && approved.length > 0) {
    const licenses = approved.filter((t) => t.result?.license).map((t) => t.result?.name);
    const body = `办件 ${c.row.number} 已全部办结。${licenses.length > 0 ? `电子证照（${licenses.join('、')}）已存入您的卡包；` : ''}纸质结果可到综合窗口领取，或申请邮寄送达。`;
    await notify(trx, { accountId: c.row.applicant_id, kind: 'result', title: '办理结果已就绪', body, caseId: c.row.id }, deps.clock.now().toISOString());
  }
}

/**
 * The side effects of a flow step whose tasks are already written. `more` audit entries of the
 * caller's are chained right after the step's own, in the same statement.
 */
export async function applyEffects(
  trx: Kysely<Database>, deps: Deps, c: LoadedCase, next: readonly Task[], effects: readonly FlowEffect[], actor: string, more: AuditEntry[] = [],
): Promise<void> {
  const at = deps.clock.now().toISOString();
  // The materials attached to the case, read once for the whole step (with the results it attaches).
  let attached: Set<string> | undefined;
  const attachedMaterials = async () => {
    if (!attached) {
      const known = c.known?.files;
      attached = new Set(known ? known.filter((f) => f.status === 'attached').map((f) => f.material_id)
        : (await attachedOf.all(trx, { caseId: c.row.id })).map((f) => f.material_id));
    }
    return attached;
  };
  // Written once the step's effects are all known: one insert of results attached, one sealed set of pushes.
  const pushes: Omit<NewMovement, 'from' | 'receivedBy'>[] = [];
  const results: Insertable<CaseFileTable>[] = [];
  for (const e of effects) {
    switch (e.kind) {
      case 'dispatched': {
        const task = next.find((t) => t.id === e.task) as Task;
        const taskId = `${c.row.id}:${e.task}`;
        await enqueue(trx, 'dispatch', `dispatch:${taskId}`, { taskId, caseId: c.row.id, caseNumber: c.row.number, item: e.task, department: e.department, dueDate: e.dueDate }, at);
        const needed = new Set((c.plan?.materials ?? []).filter((m) => m.items.includes(e.task)).map((m) => m.id));
        for (const material of [...(await attachedMaterials())].filter((m) => needed.has(m))) {
          pushes.push({ caseId: c.row.id, materialId: material, kind: 'online-push', to: task.department.code, waybill: null, sentBy: 'platform' });
        }
        break;
      }
      case 'attach-result': {
        const successor = c.plan?.materials.filter((m) => m.items.includes(e.to) && m.exemption?.kind === 'result-of-item' && m.exemption.ref === e.from) ?? [];
        if (successor.length === 0) break;
        const files = await attachedMaterials();
        results.push(...successor.map((m) => ({
          id: newRowId(), case_id: c.row.id, material_id: m.id, source: 'result' as const, file_hash: null, name: `${e.result.name}${e.result.ref ? `（${e.result.ref}）` : ''}`,
          mime: null, size: null, evidence: JSON.stringify({ kind: 'result-of-item', from: e.from, result: e.result }), status: 'attached' as const, created_by: 'platform', created_at: at,
        })));
        for (const m of successor) files.add(m.id);
        // What a view knew of the files is no longer all of them.
        if (c.known) c.known = { ...c.known, files: undefined };
        break;
      }
      case 'stopped':
        await notify(trx, { accountId: c.row.applicant_id, kind: 'stopped', title: '子件终止办理', body: `办件 ${c.row.number}：「${next.find((t) => t.id === e.task)?.name}」${e.reason}`, caseId: c.row.id }, at);
        break;
      case 'approved':
      case 'refused': {
        const name = next.find((t) => t.id === e.task)?.name ?? e.task;
        const body = e.kind === 'approved' ? `「${name}」已办结：${e.result.name}` : `「${name}」不予办理：${e.reasons.join('；')}`;
        await notify(trx, { accountId: c.row.applicant_id, kind: 'decided', title: e.kind === 'approved' ? '事项已办结' : '事项不予办理', body: `办件 ${c.row.number}：${body}`, caseId: c.row.id }, at);
        break;
      }
      case 'supplement-requested':
        await notify(trx, { accountId: c.row.applicant_id, kind: 'supplement', title: '请补充材料', body: `办件 ${c.row.number}：${e.note ? `${e.note}。` : ''}请补正 ${e.entries.map((x) => `「${x.name}」`).join('')}，在线上传或到综合窗口补正后点击“已补正”。`, caseId: c.row.id }, at);
        break;
      default:
        break;
    }
  }
  await insertRows(trx, 'case_files', results);
  await recordMovements(trx, deps, c.row.window_party ?? WINDOW, pushes);
  // One entry for the whole step: every change it made, in order, chained like any other entry.
  const own: AuditEntry[] = effects.length > 0 ? [{ actor, action: `task.${effects.map((e) => e.kind).join('+')}`, entity: 'case', entityId: c.row.id, detail: { effects: effects.map((e) => ({ ...e })) } }] : [];
  await appendAudit(trx, deps.db.dialect, at, ...own, ...more);
}
