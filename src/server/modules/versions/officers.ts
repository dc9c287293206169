/**
 * Who gives a department's official opinion on a catalogue draft (clause 5.3.2 b: the departments'
 * opinions are collected from each department, not from whoever of its staff looks first): the
 * department's designated role, its lead (`lead`) unless ONETHING_OPINION_ROLES says otherwise.
 */
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import type { Account } from '../identity/roles.ts';
import type { VersionsDb } from './tables.ts';

export type OfficerRole = 'lead' | 'reviewer';

export const OFFICER_NAMES: Record<OfficerRole, string> = { lead: '部门负责人', reviewer: '部门审批人员' };

/**
 * The designated role of each department. A department with no account in the configured
 * role falls back to its reviewers: otherwise no one could answer and every draft concerning it would stall.
 */
export async function officerRoles(db: VersionsDb, config: Config['opinionRoles'], departments: string[]): Promise<Map<string, OfficerRole>> {
  const wanted = [...new Set(departments)];
  const roles = new Map<string, OfficerRole>(wanted.map((d) => [d, config.byDepartment[d] ?? config.all]));
  const leadsWanted = wanted.filter((d) => roles.get(d) === 'lead');
  if (leadsWanted.length === 0) return roles;
  const staffed = await db.selectFrom('accounts').select('department').distinct()
    .where('role', '=', 'lead').where('department', 'in', leadsWanted).execute();
  const has = new Set(staffed.map((r) => r.department));
  for (const d of leadsWanted) if (!has.has(d)) roles.set(d, 'reviewer');
  return roles;
}

/** Turns away staff of an asked department who are not its designated role, with a clear 403. */
export function requireOfficer(account: Account, role: OfficerRole): void {
  if (account.role !== role) {
    throw new AppError('not-opinion-officer', 403, `由部门负责人出具正式意见：本部门的正式意见须由${OFFICER_NAMES[role]}提出，您可以查看草稿和变更`);
  }
}
