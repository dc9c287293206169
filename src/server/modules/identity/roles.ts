/** Roles and what an account is: the names the code uses and the words the UI shows. */
export const ROLES = {
  applicant: '申请人',
  window: '综合窗口工作人员',
  reviewer: '部门审批人员',
  lead: '牵头部门管理人员',
  admin: '系统管理员',
  auditor: '审计人员',
} as const;
export type Role = keyof typeof ROLES;

export interface Account {
  id: string;
  username: string;
  role: Role;
  displayName: string;
  department: string | null;
  subject: 'person' | 'enterprise' | null;
  enterpriseUscc: string | null;
}

/** Who calls: a logged-in account, or a department system authenticated by its signed request. */
export type Principal =
  | { kind: 'account'; account: Account }
  | { kind: 'client'; clientId: string; department: string };

export const actorOf = (p: Principal): string => (p.kind === 'account' ? `account:${p.account.id}` : `client:${p.clientId}`);
