/**
 * The lead department's 差评整改: verify a bad rating (核实), rectify and reply (整改), record the
 * follow-up (回访), or appeal (申诉) to the service administration. Each card shows every step so far.
 */
import { Alert, Button, Empty, Input, List, Radio, Select, Space, Tag, Timeline, Typography, message } from 'antd';
import { useState } from 'react';
import type { RectificationRow } from '../../contracts/index.ts';
import { get, post } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, LoadError, named, Section } from '../window/ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import type { MessageKey } from '../shared/messages/index.ts';

/** 好差评 words by code (the server's names are Chinese). */
export const LEVEL: Record<string, MessageKey> = { 5: 'wbLevel5', 4: 'wbLevel4', 3: 'wbLevel3', 2: 'wbLevel2', 1: 'wbLevel1' };
export const EVENT: Record<string, MessageKey> = { acceptance: 'wbEventAcceptance', completion: 'wbEventCompletion' };
const RECT_STATUS: Record<string, MessageKey> = { open: 'wbRectOpen', verified: 'wbRectVerified', appealed: 'wbRectAppealed', replied: 'wbRectReplied', closed: 'wbRectClosed', dismissed: 'wbRectDismissed' };
const STEP: Record<string, MessageKey> = { verify: 'wbStepVerify', appeal: 'wbStepAppeal', 'decide-appeal': 'wbStepDecideAppeal', reply: 'wbStepReply', 'follow-up': 'wbStepFollowUp' };

type HistoryStep = RectificationRow['history'][number];
/** A step's outcome (申诉成立, 满意 …) in the interface's words, then what was written, as typed. */
function StepText({ s }: { s: HistoryStep }) {
  const { t } = usePrefs();
  return <>{s.outcome && t(`rc_outcome_${s.outcome}`)}{s.outcome && s.note ? t('colon') : ''}{s.note && <span lang="zh-CN">{s.note}</span>}</>;
}

/** The way the rated case went (the server sets it from the case). */
const CHANNEL: Record<string, MessageKey> = { online: 'wbOnline', window: 'wbAtTheWindow', assisted: 'wbAssistedOrByProxy' };
type Filter = '' | 'open' | 'appealed' | 'replied' | 'dismissed';
const STATUS_COLOR: Record<RectificationRow['status'], string> = { open: 'gold', verified: 'gold', appealed: 'blue', replied: 'cyan', closed: 'green', dismissed: 'default' };
type Action = 'verify' | 'reply' | 'appeal' | 'follow-up';
const ACTIONS: Record<Action, { label: MessageKey; field: MessageKey; button: MessageKey; hint: MessageKey; min: number; done: MessageKey }> = {
  verify: { label: 'wbVerify', field: 'wbVerification', button: 'wbConfirmVerified', hint: 'wbDescribeHowItWas', min: 5, done: 'wbVerificationRecorded' },
  reply: { label: 'wbRectify', field: 'wbRectificationAnswer', button: 'wbSendTheRectificationAnswer', hint: 'wbDescribeTheCauseThe', min: 5, done: 'wbAnsweredTheAnswerGoes' },
  appeal: { label: 'wbAppeal', field: 'wbGroundsForAppeal', button: 'wbSubmitTheAppeal', hint: 'wbAppealWhenTheBad', min: 10, done: 'wbAppealSubmittedAwaitingReview' },
  'follow-up': { label: 'wbFollowUp', field: 'wbFollowUpNotes', button: 'wbRecordTheFollowUp', hint: 'wbRecordTheResultAfter', min: 5, done: 'wbFollowUpRecorded' },
};
const available = (s: RectificationRow['status']): Action[] =>
  s === 'open' ? ['verify', 'reply', 'appeal'] : s === 'verified' ? ['reply', 'appeal'] : s === 'replied' ? ['follow-up'] : [];

export function Rectifications() {
  const { t } = usePrefs();
  const [status, setStatus] = useState<Filter>('open');
  const list = useLoad(() => get<{ rectifications: RectificationRow[] }>(`/api/lead/rectifications${status ? `?status=${status}` : ''}`), [status]);
  const rows = list.data?.rectifications ?? [];
  const [msg, holder] = message.useMessage();
  return (
    <Section title={t('wbBadRatingRectifications', { n: rows.length })} extra={<Button onClick={list.reload} loading={list.loading}>{t('wbRefresh')}</Button>}>
      {holder}
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <label htmlFor="rect-status">{t('wbStatus')}</label>
        <Select id="rect-status" value={status} onChange={setStatus} style={{ width: 180 }}
          options={[{ value: 'open', label: t('wbToVerifyOrRectify') }, { value: 'appealed', label: t('wbUnderAppeal') }, { value: 'replied', label: t('wbRectifiedInclFollowUp') }, { value: 'dismissed', label: t('wbAppealUpheld') }, { value: '', label: t('wbAll') }]} />
      </Space>
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      <List loading={list.loading} dataSource={rows} locale={{ emptyText: <Empty description={status === 'open' ? t('wbNoRectificationToHandle') : t('wbNoRectifications')} /> }}
        renderItem={(r) => <Item key={`${r.id}-${r.status}-${r.history.length}`} r={r} onDone={(text) => { msg.success(t('wbSep10', { caseNumber: r.caseNumber, text })); list.reload(); }} />} />
    </Section>
  );
}

function Item({ r, onDone }: { r: RectificationRow; onDone(text: string): void }) {
  const { t } = usePrefs();
  const actions = available(r.status);
  const [action, setAction] = useState<Action | null>(actions[0] ?? null);
  const [text, setText] = useState('');
  const [satisfied, setSatisfied] = useState(true);
  const { busy, error, setError, run } = useAction();
  const id = `rect-${r.id}`;
  const send = async () => {
    if (!action) return;
    const a = ACTIONS[action];
    if (text.trim().length < a.min) {
      setError(t('wbNeedsAtLeastCharacters', { field: t(a.field), min: a.min }));
      return;
    }
    const body = action === 'verify' ? { note: text.trim() } : action === 'reply' ? { reply: text.trim() } : action === 'appeal' ? { reason: text.trim() } : { satisfied, note: text.trim() };
    if (await run(() => post(`/api/lead/rectifications/${r.id}/${action}`, body))) onDone(t(a.done));
  };
  return (
    <List.Item>
      <div style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
          <Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}>{r.caseNumber} · <span lang="zh-CN">{r.matterName}</span> · {named(t, EVENT, r.event)}{t('wbStage')}</Typography.Title>
          <Space size={4} wrap>
            <Tag color="red">{named(t, LEVEL, String(r.level))}{t('wbSep')}{r.level} {t('wbStars')}</Tag>
            <Tag color={r.overdue ? 'red' : STATUS_COLOR[r.status]}>{r.overdue ? t('wbOverdue2', { statusName: named(t, RECT_STATUS, r.status) }) : named(t, RECT_STATUS, r.status)}</Tag>
            {r.repliedLate && <Tag color="orange">{t('wbAnsweredLate')}</Tag>}
          </Space>
        </div>
        <Typography.Text type="secondary">
          {named(t, CHANNEL, r.channel)}{t('wbRating')}{r.clerkName ? <>{t('wbServedBy', { clerkName: '' })}<span lang="zh-CN">{r.clerkName}</span></> : ''} · {fmtTime(r.openedAt)} {t('wbRectifyBy')} {r.dueDate}
        </Typography.Text>
        {r.tags.length > 0 && <div style={{ marginTop: 4 }}>{r.tags.map((tag) => <Tag key={tag} lang="zh-CN">{tag}</Tag>)}</div>}
        {r.comment && <blockquote lang="zh-CN" style={{ margin: '8px 0', paddingInlineStart: 12, borderInlineStart: '3px solid #f0f0f0' }}><span lang="zh-CN">{r.comment}</span></blockquote>}
        {r.history.length > 0 && (
          <Timeline style={{ marginTop: 12 }} items={r.history.map((s) => ({ content: <span><strong>{named(t, STEP, s.step)}</strong>{t('wbSep')}{fmtTime(s.at)}{t('wbSep7')}{s.byApplicant ? t('rc_applicant') : <span lang="zh-CN">{s.actorName}</span>}{t('wbSep5')}<StepText s={s} /></span> }))} />
        )}
        {r.status === 'appealed' && <Alert type="info" showIcon title={t('wbAppealUnderReviewThe')} style={{ marginTop: 8 }} />}
        {action && (
          <div style={{ marginTop: 8 }}>
            {actions.length > 1 && (
              <Radio.Group value={action} onChange={(e) => { setAction(e.target.value as Action); setError(null); }} optionType="button" style={{ marginBottom: 8 }}
                options={actions.map((a) => ({ value: a, label: t(ACTIONS[a].label) }))} aria-label={t('wbAction')} />
            )}
            {action === 'follow-up' && (
              <Radio.Group value={satisfied} onChange={(e) => setSatisfied(e.target.value as boolean)} style={{ display: 'block', marginBottom: 8 }} aria-label={t('wbFollowUpResult')}
                options={[{ value: true, label: t('wbTheApplicantIsSatisfied') }, { value: false, label: t('wbTheApplicantIsNot') }]} />
            )}
            <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>{t(ACTIONS[action].field)}</label>
            <Input.TextArea id={id} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={t(ACTIONS[action].hint)} aria-invalid={!!error || undefined} aria-describedby={error ? `${id}-error` : undefined} />
            {error && <Typography.Text type="danger" id={`${id}-error`} role="alert">{error}</Typography.Text>}
            <div style={{ marginTop: 8 }}><Button type="primary" onClick={() => void send()} loading={busy}>{t(ACTIONS[action].button)}</Button></div>
          </div>
        )}
      </div>
    </List.Item>
  );
}
