/**
 * Following a 告知承诺 to supply a material later: once the case is accepted its deadline is set in
 * working days from the acceptance; a material uploaded since the promise fulfils it; a deadline
 * passed without it is a breach (违诺): the breach is recorded against the applicant, and each
 * department deciding an item that needs the material gets a 核查 task, due in working days.
 * Run by the housekeeping worker; each case in its own transaction, guarded by the status, so two
 * workers cannot record one breach twice.
 */
import { dueDate } from '../../../core/calendar/workdays.ts';
import type { Plan } from '../../../core/planning/types.ts';
import { shanghaiDay } from '../../../shared/time/shanghai.ts';
import { todayIn } from '../../clock.ts';
import type { Deps } from '../../deps.ts';
import { appendAudit } from '../audit/audit.ts';
import { groupByCase } from '../cases/store.ts';
import { notify } from '../notifications/service.ts';
import { newRowId } from '../../ids.ts';

/** Working days a department has for the 核查 of a breached commitment (assumption: no source fixes it). */
export const CHECK_WORKING_DAYS = 10;

export interface Followed { deadlines: number; fulfilled: number; breached: number }

export async function followCommitments(deps: Pick<Deps, 'db' | 'clock' | 'catalogues'>): Promise<Followed> {
  const db = deps.db.kysely;
  const today = todayIn(deps.clock);
  const at = deps.clock.now().toISOString();
  const out: Followed = { deadlines: 0, fulfilled: 0, breached: 0 };
  const open = await db.selectFrom('commitments').innerJoin('cases', 'cases.id', 'commitments.case_id')
    .select(['commitments.id', 'commitments.case_id', 'commitments.material_id', 'commitments.signed_at', 'commitments.supply_within_days', 'commitments.deadline',
      'cases.accepted_at', 'cases.catalogue_version', 'cases.number', 'cases.applicant_id', 'cases.matter_id'])
    .where('commitments.status', '=', 'signed').where('commitments.supply_within_days', 'is not', null).where('cases.accepted_at', 'is not', null)
    .orderBy('commitments.deadline').limit(1000).execute();
  // One read of the files of every case followed, not one per commitment.
  const caseIds = [...new Set(open.map((c) => c.case_id))];
  const files = caseIds.length === 0 ? [] : await db.selectFrom('case_files').select(['case_id', 'material_id', 'created_at'])
    .where('case_id', 'in', caseIds).where('status', '=', 'attached').orderBy('created_at').execute();
  const filesOf = groupByCase(files);
  for (const c of open) {
    const { catalogue } = await deps.catalogues.get(c.catalogue_version);
    let deadline = c.deadline;
    if (deadline === null) {
      deadline = dueDate(catalogue.calendar, shanghaiDay(c.accepted_at), c.supply_within_days as number);
      await db.updateTable('commitments').set({ deadline }).where('id', '=', c.id).where('deadline', 'is', null).execute();
      out.deadlines++;
    }
    const file = filesOf.get(c.case_id)?.find((f) => f.material_id === c.material_id && f.created_at > c.signed_at);
    if (file) {
      await db.updateTable('commitments').set({ status: 'fulfilled', fulfilled_at: file.created_at }).where('id', '=', c.id).where('status', '=', 'signed').execute();
      out.fulfilled++;
      continue;
    }
    if (today <= deadline) continue;
    const due = dueDate(catalogue.calendar, today, CHECK_WORKING_DAYS);
    const breached = await db.transaction().execute(async (trx) => {
      const u = await trx.updateTable('commitments').set({ status: 'breached', breached_at: at }).where('id', '=', c.id).where('status', '=', 'signed').executeTakeFirst();
      if (Number(u.numUpdatedRows) !== 1) return false;
      const planRow = await trx.selectFrom('cases').select('plan').where('id', '=', c.case_id).executeTakeFirstOrThrow();
      const plan = planRow.plan ? (JSON.parse(planRow.plan) as Plan) : null;
      const material = plan?.materials.find((m) => m.id === c.material_id);
      const name = material?.name ?? '';
      const departments = [...new Set((material?.items ?? []).map((i) => plan?.items.find((x) => x.id === i)?.department.code).filter((d): d is string => !!d))];
      const reason = `承诺于 ${deadline} 前补交「${name}」，逾期未补交`;
      await trx.insertInto('commitment_breaches').values({ id: newRowId(), commitment_id: c.id, case_id: c.case_id, account_id: c.applicant_id, material_id: c.material_id, reason, recorded_at: at }).execute();
      for (const department of departments) {
        await trx.insertInto('commitment_checks').values({
          id: newRowId(), commitment_id: c.id, case_id: c.case_id, department, status: 'open', due_date: due, opened_at: at, result: null, note: null, done_by: null, done_at: null,
        }).execute();
        const staff = await trx.selectFrom('accounts').select('id').where('department', '=', department).where('role', 'in', ['lead', 'reviewer']).execute();
        for (const s of staff) {
          await notify(trx, { accountId: s.id, kind: 'commitment-due', title: '告知承诺逾期，请核查', body: `办件 ${c.number}：${reason}，请于 ${due} 前核查并依法处理。`, caseId: c.case_id }, at);
        }
      }
      await notify(trx, { accountId: c.applicant_id, kind: 'commitment-due', title: '告知承诺逾期未履行', body: `办件 ${c.number}：您${reason}。已记录为违诺，并转部门核查；如已补交请联系综合窗口。`, caseId: c.case_id }, at);
      await appendAudit(trx, deps.db.dialect, at, { actor: 'system', action: 'commitment.breached', entity: 'case', entityId: c.case_id, detail: { material: c.material_id, deadline, departments } });
      return true;
    });
    if (breached) out.breached++;
  }
  return out;
}
