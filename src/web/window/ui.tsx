/** Small pieces the window pages share: labels, dates, the role gate, section cards, opening a PDF. */
import { Alert, Button, Card, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import type { ApiError } from '../shared/api.ts';
import { useAuth, type Account } from '../shared/auth.tsx';
import { LinkButton } from '../shared/LinkButton.tsx';
import { shanghaiMinute, shanghaiToday } from '../../shared/time/shanghai.ts';
import { usePrefs } from '../shared/prefs.tsx';
import type { MessageKey } from '../shared/messages/index.ts';

export { errorText } from '../shared/api.ts';

/** How an application came in. */
export const CHANNEL: Record<string, MessageKey> = { online: 'winOnline', window: 'winAtTheWindow' };
/** A case's status tag colour. */
export const STATUS_COLOR: Record<string, string> = { draft: 'default', submitted: 'gold', correcting: 'orange', accepted: 'blue', 'in-progress': 'blue', completed: 'green', rejected: 'red', withdrawn: 'default' };
export const MOVEMENT: Record<string, MessageKey> = { 'online-push': 'winElectronicPush', handover: 'winHandOverInPerson', courier: 'winCourier', return: 'winReturned', 'result-post': 'winResultByPost', 'result-pickup': 'winResultCollectedAtThe' };
export const DOCUMENT: Record<string, MessageKey> = { receipt: 'winAcceptanceReceipt', commitment: 'winCommitmentLetter', rejection: 'winNoticeOfNonAcceptance', corrections: 'winCorrectionNotice' };

/** The interface word for a code, or the code itself when the catalogue has no word for it. */
export const named = (t: (key: MessageKey) => string, names: Record<string, MessageKey>, code: string): string => (names[code] ? t(names[code]) : code);

/** Case and department-task statuses by name (the server's statusLabel is Chinese only). */
export const CASE_STATUS: Record<string, MessageKey> = { draft: 'winCaseDraft', submitted: 'winCaseSubmitted', correcting: 'winCaseCorrecting', accepted: 'winCaseAccepted', rejected: 'winCaseRejected', withdrawn: 'winCaseWithdrawn', 'in-progress': 'winCaseInProgress', completed: 'winCaseCompleted' };
export const TASK_STATUS: Record<string, MessageKey> = { waiting: 'winTaskWaiting', dispatched: 'winTaskDispatched', claimed: 'winTaskClaimed', supplement: 'winTaskSupplement', approved: 'winTaskApproved', refused: 'winTaskRefused', stopped: 'winTaskStopped' };

/** A due date, marked （暂定） when it crosses a year without official holiday data. */
export const dueWords = (t: (key: MessageKey) => string, date: string, provisional: boolean | undefined): string => (provisional ? `${date}${t('winProvisional')}` : date);

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
  const { t } = usePrefs();
  const { account, ready } = useAuth();
  const location = useLocation();
  if (!ready) return <Spin description={t('winLoading')} />;
  if (!account) {
    return (
      <Result status="403" title={t('winPleaseLogInFirst')} subTitle={t('winNeedsYouToLog', { what })}
        extra={<LinkButton to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} type="primary">{t('winLogIn')}</LinkButton>} />
    );
  }
  if (!roles.includes(account.role)) {
    return <Result status="403" title={t('winNoAccess')} subTitle={t('winIsOnlyForYou', { what, p1: roles.map((r) => t(ROLE_NAME[r])).join(t('winSep2')), roleName: t(ROLE_NAME[account.role]) })} />;
  }
  return <>{children}</>;
}

export const ROLE_NAME: Record<Account['role'], MessageKey> = { applicant: 'winApplicant2', window: 'winWindowStaff', reviewer: 'winDepartmentReviewer', lead: 'winLeadDepartmentManager', admin: 'winSystemAdministrator', auditor: 'winAuditor' };

/** Where catalogue data goes in an interface sentence: `t(key, { name: SLOT })`, then <WithData>. */
export const SLOT = '\u0001';

/** An interface sentence around catalogue data, the data marked lang="zh-CN" (the sentence is the interface's). */
export function WithData({ text, data }: { text: string; data: ReactNode }) {
  const [before, after] = text.split(SLOT);
  return <>{before}<span lang="zh-CN">{data}</span>{after}</>;
}

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
  const { t } = usePrefs();
  return <Alert type="error" showIcon title={error.message} action={retry ? <Button size="small" onClick={retry}>{t('winRetry')}</Button> : undefined} />;
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
