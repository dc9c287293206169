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
import { day, type Rating } from './types.ts';
import { MUTED } from '../../shared/form/muted.ts';

const LEVELS = [
  { value: 5, label: '非常满意' },
  { value: 4, label: '满意' },
  { value: 3, label: '基本满意' },
  { value: 2, label: '不满意' },
  { value: 1, label: '非常不满意' },
];
const GOOD_TAGS = ['办理快', '材料少', '少跑腿', '指引清楚', '服务热情', '结果准确'];
const BAD_TAGS = ['办理慢', '材料要求多', '多次跑腿', '指引不清楚', '系统不好用', '服务态度差', '结果有误'];
const EVENT: Record<RatingEvent, string> = { acceptance: '受理', completion: '办结' };

function FollowUp({ caseId, r, onDone }: { caseId: string; r: Rating; onDone(): void }) {
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const send = async (satisfied: boolean) => {
    if (await run(() => post(`/api/cases/${caseId}/ratings/${r.id}/follow-up`, { satisfied, note: note.trim() }))) onDone();
  };
  const id = `follow-up-${r.id}`;
  return (
    <div style={{ marginTop: 8 }}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>您对整改结果满意吗？（可补充说明）</label>
      <Input.TextArea id={id} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} autoSize={{ minRows: 2 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" loading={busy} onClick={() => void send(true)}>满意</Button>
        <Button danger loading={busy} onClick={() => void send(false)}>不满意，请再整改</Button>
      </Space>
    </div>
  );
}

function RatingView({ caseId, r, onChange }: { caseId: string; r: Rating; onChange(): void }) {
  const rect = r.rectification;
  return (
    <div>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        您对{r.eventName}服务的评价：<Typography.Text strong>{r.levelName}</Typography.Text>
        <Typography.Text style={MUTED}>（{day(r.createdAt)}{r.clerkName ? `，服务人员 ${r.clerkName}` : ''}）</Typography.Text>
      </Typography.Paragraph>
      {r.tags.length > 0 && <Space wrap size={[4, 4]}>{r.tags.map((t) => <Tag key={t}>{t}</Tag>)}</Space>}
      {r.comment && <Typography.Paragraph style={{ marginTop: 8 }}>“{r.comment}”</Typography.Paragraph>}
      {rect && rect.status === 'dismissed' && <Alert type="info" showIcon style={{ marginTop: 8 }} title="经核查，该评价所反映的问题不属实，不计入评价统计。" />}
      {rect && rect.status !== 'dismissed' && (rect.reply
        ? <Alert type="info" showIcon style={{ marginTop: 8 }} title={`${rect.departmentName}的答复（${day(rect.repliedAt)}）`} description={rect.reply} />
        : <Alert type="warning" showIcon style={{ marginTop: 8 }} title={`已转${rect.departmentName}${rect.status === 'appealed' ? '核查' : '整改'}，将于 ${rect.dueDate} 前答复您。`} />)}
      {rect?.followUp && rect.status !== 'replied' && (
        <Typography.Paragraph style={{ ...MUTED, marginTop: 8 }}>回访：{rect.followUp.resultName}（{day(rect.followUp.at)}）{rect.status === 'verified' ? '，部门正在再次整改' : ''}</Typography.Paragraph>
      )}
      {rect?.status === 'replied' && <FollowUp caseId={caseId} r={r} onDone={onChange} />}
    </div>
  );
}

function RateForm({ caseId, event, onDone }: { caseId: string; event: RatingEvent; onDone(): void }) {
  const [level, setLevel] = useState<number | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const { busy, error: problem, setError: setProblem, run } = useAction();
  const bad = level !== null && level <= 2;
  const reasonMissing = bad && tags.length === 0 && comment.trim() === '';
  const key = `${event}-${caseId}`;
  return (
    <form aria-label={`评价${EVENT[event]}服务`} onSubmit={async (e) => {
      e.preventDefault();
      if (level === null) return setProblem('请选择满意程度');
      if (reasonMissing) return setProblem('请选择标签或写下不满意的原因，便于部门整改');
      // Reload either way: rated meanwhile (409 already-rated, say from another tab), the rating shows instead of the form.
      await run(() => post(`/api/cases/${caseId}/ratings`, { level, tags, comment: comment.trim(), event }));
      onDone();
    }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 'inherit', marginBottom: 8 }}>您对这次{EVENT[event]}服务满意吗？</legend>
          <Radio.Group value={level} onChange={(e) => { setLevel(e.target.value as number); setTags([]); }} optionType="button" buttonStyle="solid"
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} options={LEVELS} />
        </fieldset>
        {level !== null && (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 'inherit', marginBottom: 8 }}>{bad ? '哪里不满意？（选择标签或填写意见，至少一项）' : '哪些方面做得好？（可选）'}</legend>
            <Checkbox.Group value={tags} onChange={(v) => setTags(v as string[])} options={bad ? BAD_TAGS : GOOD_TAGS} style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }} />
          </fieldset>
        )}
        <div>
          <label htmlFor={`rating-comment-${key}`} style={{ display: 'block', marginBottom: 8 }}>{bad ? '不满意的原因' : '意见和建议（可选）'}</label>
          <Input.TextArea id={`rating-comment-${key}`} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} showCount autoSize={{ minRows: 3 }}
            aria-invalid={problem !== null && reasonMissing ? true : undefined} aria-describedby={problem ? `rating-problem-${key}` : undefined} />
        </div>
        {bad && <Typography.Paragraph style={{ ...MUTED, margin: 0 }}>差评会转给牵头部门核实整改，部门的答复会显示在这里并通知您，您可以告诉我们对整改是否满意。</Typography.Paragraph>}
        {problem && <Alert id={`rating-problem-${key}`} type="error" showIcon title={problem} />}
        <Button type="primary" htmlType="submit" size="large" loading={busy}>提交{EVENT[event]}评价</Button>
      </Space>
    </form>
  );
}

export function RatingPanel({ caseId }: { caseId: string }) {
  const { data, error, loading, reload } = useLoad(() => get<{ ratings: Rating[]; rateable: RatingEvent[] }>(`/api/cases/${caseId}/ratings`), [caseId]);
  const title = <h3 style={{ margin: 0, fontSize: 'inherit' }}>评价本次办理</h3>;
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
