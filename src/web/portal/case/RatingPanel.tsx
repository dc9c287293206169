/**
 * 好差评: the applicant rates each service event once (受理 once accepted, 办结 once completed); a
 * bad rating needs a reason, is rectified by the lead department, and the applicant says whether
 * the rectification satisfied them (回访).
 */
import { Alert, Button, Card, Checkbox, Input, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RatingEvent } from '../../../contracts/index.ts';
import { get, post } from '../../shared/api.ts';
import { useAction } from '../../shared/useAction.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { type Rating } from './types.ts';
import { plainDay } from '../../shared/dates.ts';
import { fillNodes, Zh } from '../../shared/fillNodes.tsx';
import { usePrefs } from '../../shared/prefs.tsx';
import { word } from '../../shared/words.ts';
import type { MessageKey } from '../../shared/messages/index.ts';
import { MUTED } from '../../shared/form/muted.ts';

const levels = () => [5, 4, 3, 2, 1].map((value) => ({ value, label: word(`rt_level${value}` as MessageKey) }));
// The tags are sent and stored as the Chinese words (the departments' reports read them); only their labels change.
const GOOD_TAGS = ['办理快', '材料少', '少跑腿', '指引清楚', '服务热情', '结果准确'];
const BAD_TAGS = ['办理慢', '材料要求多', '多次跑腿', '指引不清楚', '系统不好用', '服务态度差', '结果有误'];
const tagOptions = (bad: boolean) => (bad ? BAD_TAGS : GOOD_TAGS).map((value, i) => ({ value, label: word(`rt_${bad ? 'bad' : 'good'}${i}` as MessageKey) }));
const eventName = (e: RatingEvent) => word(`rt_event_${e}`);

function FollowUp({ caseId, r, onDone }: { caseId: string; r: Rating; onDone(): void }) {
  const { t } = usePrefs();
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const send = async (satisfied: boolean) => {
    if (await run(() => post(`/api/cases/${caseId}/ratings/${r.id}/follow-up`, { satisfied, note: note.trim() }))) onDone();
  };
  const id = `follow-up-${r.id}`;
  return (
    <div style={{ marginTop: 8 }}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>{t('rt_followQ')}</label>
      <Input.TextArea id={id} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} autoSize={{ minRows: 2 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" loading={busy} onClick={() => void send(true)}>{t('rt_yes')}</Button>
        <Button danger loading={busy} onClick={() => void send(false)}>{t('rt_no')}</Button>
      </Space>
    </div>
  );
}

function RatingView({ caseId, r, onChange }: { caseId: string; r: Rating; onChange(): void }) {
  const { t, lang } = usePrefs();
  const rect = r.rectification;
  const day = (d: string | null | undefined) => plainDay(d, lang);
  return (
    <div>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t('rt_yours', { event: eventName(r.event) })}<Typography.Text strong>{t(`rt_level${r.level}` as MessageKey)}</Typography.Text>
        <Typography.Text style={MUTED}>{lang === 'zh' ? '（' : ' ('}{day(r.createdAt)}{r.clerkName ? <>{t('rt_clerk')}<Zh>{r.clerkName}</Zh></> : ''}{lang === 'zh' ? '）' : ')'}</Typography.Text>
      </Typography.Paragraph>
      {r.tags.length > 0 && <Space wrap size={[4, 4]}>{r.tags.map((x) => <Tag key={x} lang="zh-CN">{x}</Tag>)}</Space>}
      {r.comment && <Typography.Paragraph style={{ marginTop: 8 }} lang="zh-CN">“{r.comment}”</Typography.Paragraph>}
      {rect && rect.status === 'dismissed' && <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('rt_dismissed')} />}
      {rect && rect.status !== 'dismissed' && (rect.reply
        ? <Alert type="info" showIcon style={{ marginTop: 8 }} title={<><Zh>{rect.departmentName}</Zh>{t('rt_reply', { day: day(rect.repliedAt) })}</>} description={<Zh>{rect.reply}</Zh>} />
        : <Alert type="warning" showIcon style={{ marginTop: 8 }} title={fillNodes(t('rt_sent', { what: t(rect.status === 'appealed' ? 'rt_check' : 'rt_fix'), day: day(rect.dueDate) }), { dept: <Zh>{rect.departmentName}</Zh> })} />)}
      {rect?.followUp && rect.status !== 'replied' && (
        <Typography.Paragraph style={{ ...MUTED, marginTop: 8 }}>{t('rt_followUp')}{t(`rc_outcome_${rect.followUp.result}`)}{lang === 'zh' ? '（' : ' ('}{day(rect.followUp.at)}{lang === 'zh' ? '）' : ')'}{rect.status === 'verified' ? t('rt_again') : ''}</Typography.Paragraph>
      )}
      {rect?.status === 'replied' && <FollowUp caseId={caseId} r={r} onDone={onChange} />}
    </div>
  );
}

function RateForm({ caseId, event, onDone }: { caseId: string; event: RatingEvent; onDone(): void }) {
  const { t } = usePrefs();
  const [level, setLevel] = useState<number | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const { busy, error: problem, setError: setProblem, run } = useAction();
  const bad = level !== null && level <= 2;
  const reasonMissing = bad && tags.length === 0 && comment.trim() === '';
  const key = `${event}-${caseId}`;
  return (
    <form aria-label={t('rt_form', { event: eventName(event) })} onSubmit={async (e) => {
      e.preventDefault();
      if (level === null) return setProblem(t('rt_chooseLevel'));
      if (reasonMissing) return setProblem(t('rt_needReason'));
      // Reload either way: rated meanwhile (409 already-rated, say from another tab), the rating shows instead of the form.
      await run(() => post(`/api/cases/${caseId}/ratings`, { level, tags, comment: comment.trim(), event }));
      onDone();
    }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 'inherit', marginBottom: 8 }}>{t('rt_q', { event: eventName(event) })}</legend>
          <Radio.Group value={level} onChange={(e) => { setLevel(e.target.value as number); setTags([]); }} optionType="button" buttonStyle="solid"
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} options={levels()} />
        </fieldset>
        {level !== null && (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 'inherit', marginBottom: 8 }}>{bad ? t('rt_bad') : t('rt_good')}</legend>
            <Checkbox.Group value={tags} onChange={(v) => setTags(v as string[])} options={tagOptions(bad)} style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }} />
          </fieldset>
        )}
        <div>
          <label htmlFor={`rating-comment-${key}`} style={{ display: 'block', marginBottom: 8 }}>{bad ? t('rt_reason') : t('rt_comment')}</label>
          <Input.TextArea id={`rating-comment-${key}`} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} showCount autoSize={{ minRows: 3 }}
            aria-invalid={problem !== null && reasonMissing ? true : undefined} aria-describedby={problem ? `rating-problem-${key}` : undefined} />
        </div>
        {bad && <Typography.Paragraph style={{ ...MUTED, margin: 0 }}>{t('rt_badNote')}</Typography.Paragraph>}
        {problem && <Alert id={`rating-problem-${key}`} type="error" showIcon title={problem} />}
        <Button type="primary" htmlType="submit" size="large" loading={busy}>{t('rt_submit', { event: eventName(event) })}</Button>
      </Space>
    </form>
  );
}

export function RatingPanel({ caseId }: { caseId: string }) {
  const { data, error, loading, reload } = useLoad(() => get<{ ratings: Rating[]; rateable: RatingEvent[] }>(`/api/cases/${caseId}/ratings`), [caseId]);
  const { t } = usePrefs();
  const title = <h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('rt_title')}</h3>;
  if (loading && !data) return <Card title={title}><Spin /></Card>;
  return (
    <Card title={title}>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {(data?.ratings ?? []).map((r) => <RatingView key={r.id} caseId={caseId} r={r} onChange={() => void reload()} />)}
        {(data?.rateable ?? []).map((event) => <RateForm key={event} caseId={caseId} event={event} onDone={() => void reload()} />)}
      </Space>
    </Card>
  );
}
