/** Small pieces the window pages share: labels, dates, the role gate, section cards, opening a PDF. */
import { Alert, Button, Card, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import type { ApiError } from '../shared/api.ts';
import { useAuth, type Account } from '../shared/auth.tsx';
import { LinkButton } from '../shared/LinkButton.tsx';
import { shanghaiMinute, shanghaiToday } from '../../shared/time/shanghai.ts';

export { errorText } from '../shared/api.ts';

/** How an application came in. */
export const CHANNEL: Record<string, string> = { online: '网上申请', window: '窗口申请' };
/** A case's status tag colour. */
export const STATUS_COLOR: Record<string, string> = { draft: 'default', submitted: 'gold', correcting: 'orange', accepted: 'blue', 'in-progress': 'blue', completed: 'green', rejected: 'red', withdrawn: 'default' };
export const MOVEMENT: Record<string, string> = { 'online-push': '电子推送', handover: '当面交接', courier: '寄递', return: '退回', 'result-post': '结果邮寄', 'result-pickup': '结果窗口领取' };
export const DOCUMENT: Record<string, string> = { receipt: '受理凭证', commitment: '告知承诺书', rejection: '不予受理通知书', corrections: '补正材料通知书' };

/** 2026-11-28 09:30, in the centre's time zone (Asia/Shanghai); '—' for nothing. */
export const fmtTime = (iso: string | null | undefined): string => (iso ? shanghaiMinute(iso) : '—');

/** Today as YYYY-MM-DD in the centre's time zone. */
export const today = (): string => shanghaiToday();

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Only the given roles see the page; others are told why and where to go. */
export function RequireRole({ roles, what, children }: { roles: Account['role'][]; what: string; children: ReactNode }) {
  const { account, ready } = useAuth();
  const location = useLocation();
  if (!ready) return <Spin description="加载中…" />;
  if (!account) {
    return (
      <Result status="403" title="请先登录" subTitle={`${what}需要登录后使用。`}
        extra={<LinkButton to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} type="primary">去登录</LinkButton>} />
    );
  }
  if (!roles.includes(account.role)) {
    return <Result status="403" title="无权使用" subTitle={`${what}仅供${roles.map((r) => ROLE_NAME[r]).join('、')}使用，当前登录为${account.roleName}。`} />;
  }
  return <>{children}</>;
}

const ROLE_NAME: Record<Account['role'], string> = { applicant: '申请人', window: '综合窗口工作人员', reviewer: '部门审批人员', lead: '牵头部门管理人员', admin: '系统管理员', auditor: '审计人员' };

/** A card whose title is a real heading, so screen-reader users can jump between sections. */
export function Section({ title, level = 3, extra, children, id }: { title: ReactNode; level?: 2 | 3 | 4; extra?: ReactNode; children: ReactNode; id?: string }) {
  const H = `h${level}` as 'h3';
  return (
    <Card id={id} title={<H style={{ margin: 0, fontSize: level === 2 ? 20 : 16, whiteSpace: 'normal' }}>{title}</H>} extra={extra} styles={{ body: { paddingInline: 16 } }}>
      {children}
    </Card>
  );
}

export function LoadError({ error, retry }: { error: ApiError; retry?: () => void }) {
  return <Alert type="error" showIcon title={error.message} action={retry ? <Button size="small" onClick={retry}>重试</Button> : undefined} />;
}

/**
 * Runs an action, then shows the PDF in a new tab. The tab is opened at the click, before the
 * server answers, so pop-up blockers let it through; it is closed again if the action fails.
 */
export async function thenOpen(url: () => string | null, action: () => Promise<void>): Promise<void> {
  const tab = window.open('about:blank', '_blank');
  try {
    await action();
    const target = url();
    if (tab && target) tab.location.href = target;
    else tab?.close();
  } catch (e) {
    tab?.close();
    throw e;
  }
}

/**
 * The visitor entered for a case, kept in memory only while the console is open (for a new
 * application after a rejection); never written to the browser's storage.
 */
export interface Visitor {
  idNumber: string;
  name: string;
  phone?: string;
  assisted?: { by: string; authority: string };
}

export const visitors = new Map<string, Visitor>();
