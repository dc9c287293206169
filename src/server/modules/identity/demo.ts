/** Demo log-ins, one of each role and a reviewer for each department of the full-depth matters. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { DEMO_ENTERPRISES, DEMO_PEOPLE } from '../shareddata/demo.ts';
import type { NewAccount } from './service.ts';
import type { IdentityService } from './service.ts';

export const DEMO_PASSWORD = 'Demo@2026';

/** Each reviewing department's short name and its demo reviewer, so people see staff by name (演示数据). */
const REVIEWERS: Readonly<Record<string, { unit: string; person: string }>> = {
  wsjk: { unit: '卫健委', person: '周静' }, ga: { unit: '公安局', person: '赵磊' }, rs: { unit: '人社局', person: '孙丽' },
  yb: { unit: '医保局', person: '钱伟' }, jk: { unit: '疾控中心', person: '吴芳' }, sw: { unit: '税务局', person: '郑华' },
  sj: { unit: '市场监管局', person: '冯涛' }, cg: { unit: '城管局', person: '陈刚' }, xf: { unit: '消防救援支队', person: '褚明' },
  yc: { unit: '烟草专卖局', person: '卫东' }, gjj: { unit: '公积金中心', person: '蒋敏' }, zj: { unit: '住建局', person: '沈杰' },
  'sj-xx': { unit: '示例县市场监管局', person: '韩梅' },
  mz: { unit: '民政局', person: '许文' },
};
const LEADS: Readonly<Record<string, string>> = { wsjk: '李娜', sj: '王强', rs: '刘洋' };

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
    // 示例二市's window, where a visitor applies for 示例市's items (跨域通办).
    { username: 'window-er', password: DEMO_PASSWORD, role: 'window', displayName: '示例二市综合窗口 杨帆', department: 'zwfw-er' },
    ...Object.entries(REVIEWERS).map(([d, r]): NewAccount => ({ username: `${d}-reviewer`, password: DEMO_PASSWORD, role: 'reviewer', displayName: `${r.person}（${r.unit}审批员）`, department: d })),
    ...Object.entries(LEADS).map(([d, person]): NewAccount => ({ username: `${d}-lead`, password: DEMO_PASSWORD, role: 'lead', displayName: `${person}（${REVIEWERS[d]?.unit ?? d}牵头管理员）`, department: d })),
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
