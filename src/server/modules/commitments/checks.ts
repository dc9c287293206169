/** 核查 of a breached 告知承诺, by each department deciding an item that needed the material. */
import { todayIn } from '../../clock.ts';
import type { Deps } from '../../deps.ts';
import { conflict, notFound } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Account } from '../identity/roles.ts';
import type { Plan } from '../../../core/planning/types.ts';

export class CommitmentChecks {
  constructor(private readonly deps: Deps) {}

  private query(department: string) {
    return this.deps.db.kysely.selectFrom('commitment_checks').innerJoin('commitments', 'commitments.id', 'commitment_checks.commitment_id')
      .innerJoin('cases', 'cases.id', 'commitment_checks.case_id')
      .select(['commitment_checks.id', 'commitment_checks.case_id', 'commitment_checks.status', 'commitment_checks.due_date', 'commitment_checks.result', 'commitment_checks.note',
        'commitment_checks.done_at', 'commitments.material_id', 'commitments.text', 'commitments.signer_name', 'commitments.signed_at', 'commitments.deadline',
        'commitments.breached_at', 'cases.number', 'cases.matter_id', 'cases.plan'])
      .where('commitment_checks.department', '=', department);
  }

  /** Open checks by due date, then the latest 200 done. */
  async list(department: string) {
    const open = await this.query(department).where('commitment_checks.status', '=', 'open').orderBy('commitment_checks.due_date').limit(1000).execute();
    const done = await this.query(department).where('commitment_checks.status', '=', 'done').orderBy('commitment_checks.due_date', 'desc').limit(200).execute();
    const { catalogue } = await this.deps.catalogues.latest();
    const today = todayIn(this.deps.clock);
    return [...open, ...done].map((r) => {
      const plan = r.plan ? (JSON.parse(r.plan) as Plan) : null;
      return {
        id: r.id, caseId: r.case_id, caseNumber: r.number, matterName: catalogue.matters.get(r.matter_id)?.name ?? '',
        materialName: plan?.materials.find((m) => m.id === r.material_id)?.name ?? '', commitmentText: r.text, signerName: r.signer_name, signedAt: r.signed_at,
        deadline: r.deadline, breachedAt: r.breached_at, status: r.status, statusName: r.status === 'open' ? '待核查' : '已核查', dueDate: r.due_date,
        overdue: r.status === 'open' && today > r.due_date, result: r.result, resultName: r.result === null ? null : r.result === 'compliant' ? '承诺属实' : '承诺不实，依法处理',
        note: r.note, doneAt: r.done_at,
      };
    });
  }

  async complete(id: string, staff: Account & { department: string }, compliant: boolean, note: string) {
    const at = this.deps.clock.now().toISOString();
    await this.deps.db.kysely.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('commitment_checks').select(['id', 'case_id', 'department', 'status']).where('id', '=', id).executeTakeFirst();
      if (!row || row.department !== staff.department) throw notFound('核查任务');
      const u = await trx.updateTable('commitment_checks').set({ status: 'done', result: compliant ? 'compliant' : 'non-compliant', note: note.trim(), done_by: staff.id, done_at: at })
        .where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
      if (Number(u.numUpdatedRows) !== 1) throw conflict('check-done', '该核查已完成');
      await appendAudit(trx, this.deps.db.dialect, at, { actor: `account:${staff.id}`, action: 'commitment.checked', entity: 'case', entityId: row.case_id, detail: { check: id, compliant } });
    });
    const all = await this.list(staff.department);
    return all.find((c) => c.id === id) as (typeof all)[number];
  }
}
