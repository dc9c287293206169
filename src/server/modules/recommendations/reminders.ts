/**
 * Reminders of licences about to expire (issue 14): each licence in a wallet is recalled once, when
 * its last valid day is EXPIRY_NOTICE_DAYS or fewer away. Run by the housekeeping worker; the notice
 * is keyed by the licence and its end date, so two runs at once, or every later run, give no second one.
 */
import { addDays } from '../../../core/calendar/dates.ts';
import { licenceReminders } from '../../../core/planning/recommend.ts';
import { shanghaiDay } from '../../../shared/time/shanghai.ts';
import { todayIn } from '../../clock.ts';
import type { Deps } from '../../deps.ts';
import { notify } from '../notifications/service.ts';
import { EXPIRY_NOTICE_DAYS } from './service.ts';

export async function remindExpiringLicences(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const db = deps.db.kysely;
  const today = todayIn(deps.clock);
  const at = deps.clock.now().toISOString();
  const rows = await db.selectFrom('licenses').select(['id', 'name', 'number', 'holder_id', 'case_id', 'issued_at', 'valid_until'])
    .where('revoked_at', 'is', null).where('valid_until', 'is not', null)
    .where('valid_until', '>=', today).where('valid_until', '<=', addDays(today, EXPIRY_NOTICE_DAYS)).execute();
  const due = licenceReminders(rows.map((r) => ({ id: r.id, name: r.name, issuedOn: shanghaiDay(r.issued_at), validUntil: r.valid_until })), today, EXPIRY_NOTICE_DAYS);
  const noticeId = (d: (typeof due)[number]) => `licence-expiring:${d.licenceId}:${d.expiresOn}`;
  // Every run sees the same month of licences: those already reminded are skipped with one read, not one write each.
  const already = new Set<string>();
  for (let i = 0; i < due.length; i += 500) {
    const ids = due.slice(i, i + 500).map(noticeId);
    for (const n of await db.selectFrom('notifications').select('id').where('id', 'in', ids).execute()) already.add(n.id);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  let reminded = 0;
  for (const d of due) {
    const r = byId.get(d.licenceId);
    if (!r || already.has(noticeId(d))) continue;
    const left = d.daysLeft === 0 ? '今天到期' : `还有 ${d.daysLeft} 天到期`;
    const body = `您的「${d.name}」（证号 ${r.number}）有效期至 ${d.expiresOn}，${left}。请及时办理延续或换证，以免影响使用。`;
    const sent = await db.transaction().execute((trx) => notify(trx, { accountId: r.holder_id, kind: 'licence-expiring', title: '电子证照即将到期', body, caseId: r.case_id }, at, noticeId(d)));
    if (sent) reminded++;
  }
  return reminded;
}
