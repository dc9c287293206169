/** Demo log-ins, one of each role and a reviewer for each department of the full-depth matters. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { DEMO_ENTERPRISES, DEMO_PEOPLE } from '../shareddata/demo.ts';
import type { NewAccount } from './service.ts';
import type { IdentityService } from './service.ts';

export const DEMO_PASSWORD = 'Demo@2026';

const REVIEW_DEPARTMENTS = ['wsjk', 'ga', 'rs', 'yb', 'jk', 'sw', 'sj', 'cg', 'xf', 'yc', 'gjj', 'zj'];

export function demoAccounts(): NewAccount[] {
  const [wang, , zhang, chen] = DEMO_PEOPLE;
  const person = (username: string, p: (typeof DEMO_PEOPLE)[number] | undefined): NewAccount => ({
    username, password: DEMO_PASSWORD, role: 'applicant', displayName: p?.name ?? username, subject: 'person', idNumber: p?.idNumber ?? null, phone: p?.mobile ?? null,
  });
  return [
    person('wangfang', wang),
    person('zhangjianguo', zhang),
    { username: 'haowei', password: DEMO_PASSWORD, role: 'applicant', displayName: chen?.name ?? '经办人', subject: 'enterprise', idNumber: chen?.idNumber ?? null, phone: chen?.mobile ?? null, email: 'chenxiaomei@haowei-canyin.example.cn', enterpriseUscc: DEMO_ENTERPRISES[0]?.uscc ?? null },
    { username: 'window', password: DEMO_PASSWORD, role: 'window', displayName: '综合窗口 刘敏', department: 'zwfw' },
    ...REVIEW_DEPARTMENTS.map((d): NewAccount => ({ username: `${d}-reviewer`, password: DEMO_PASSWORD, role: 'reviewer', displayName: `${d} 审批员`, department: d })),
    ...['wsjk', 'sj', 'rs'].map((d): NewAccount => ({ username: `${d}-lead`, password: DEMO_PASSWORD, role: 'lead', displayName: `${d} 牵头管理员`, department: d })),
    { username: 'admin', password: DEMO_PASSWORD, role: 'admin', displayName: '系统管理员' },
    { username: 'auditor', password: DEMO_PASSWORD, role: 'auditor', displayName: '审计员' },
  ];
}

export async function seedDemoAccounts(db: Kysely<Database>, identity: IdentityService): Promise<NewAccount[]> {
  const accounts = demoAccounts();
  for (const a of accounts) {
    const exists = await db.selectFrom('accounts').select('id').where('username', '=', a.username).executeTakeFirst();
    if (!exists) await identity.createAccount(a);
  }
  return accounts;
}
