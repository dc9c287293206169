/**
 * Reminders for materials deferred on acceptance on commitment (容缺受理): each missing material is
 * recalled once, when its deadline is a working day away or has passed without it.
 */
import type { CaseRecord } from '../../../core/case/case.ts';
import { addWorkingDays } from '../../../core/calendar/workdays.ts';
import type { Plan } from '../../../core/planning/types.ts';
import { todayIn } from '../../clock.ts';
import type { Deps } from '../../deps.ts';
import { notify } from '../notifications/service.ts';

export async function remindCommitments(deps: Pick<Deps, 'db' | 'clock' | 'catalogues'>): Promise<number> {
  const db = deps.db.kysely;
  const today = todayIn(deps.clock);
  const at = deps.clock.now().toISOString();
  const open = await db.selectFrom('cases').select(['id', 'number', 'applicant_id', 'record', 'catalogue_version'])
    .where('on_commitment', '=', 1).where('closed_at', 'is', null).execute();
  let reminded = 0;
  for (const c of open) {
    const { catalogue } = await deps.catalogues.get(c.catalogue_version);
    const soon = addWorkingDays(catalogue.calendar, today, 1);
    const due = (JSON.parse(c.record) as CaseRecord).deferred.filter((d) => !d.suppliedOn && d.deadline <= soon);
    if (due.length === 0) continue;
    const row = await db.selectFrom('cases').select('plan').where('id', '=', c.id).executeTakeFirstOrThrow();
    const materials = row.plan ? (JSON.parse(row.plan) as Plan).materials : [];
    for (const d of due) {
      const name = materials.find((m) => m.id === d.material)?.name ?? d.material;
      const late = d.deadline < today;
      const body = late
        ? `办件 ${c.number}：承诺补交的「${name}」已过期限（${d.deadline}），请尽快补交，逾期情况将如实记录。`
        : `办件 ${c.number}：请在 ${d.deadline} 前补交承诺的「${name}」，可到综合窗口或在网上办件页面上传。`;
      const sent = await db.transaction().execute((trx) => notify(trx, { accountId: c.applicant_id, kind: 'commitment-due', title: late ? '容缺材料已逾期' : '容缺材料即将到期', body, caseId: c.id }, at, `commitment-due:${c.id}:${d.material}`));
      if (sent) reminded++;
    }
  }
  return reminded;
}
