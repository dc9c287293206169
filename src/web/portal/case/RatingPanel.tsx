/** 好差评: the applicant rates a completed case once; a bad rating needs a reason and gets the lead department's reply. */
import { Alert, Button, Card, Checkbox, Input, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
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

function RatingView({ r }: { r: Rating }) {
  const rect = r.rectification;
  return (
    <div>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        您的评价：<Typography.Text strong>{r.levelName}</Typography.Text>
        <Typography.Text style={MUTED}>（{day(r.createdAt)}）</Typography.Text>
      </Typography.Paragraph>
      {r.tags.length > 0 && <Space wrap size={[4, 4]}>{r.tags.map((t) => <Tag key={t}>{t}</Tag>)}</Space>}
      {r.comment && <Typography.Paragraph style={{ marginTop: 8 }}>“{r.comment}”</Typography.Paragraph>}
      {rect && (rect.reply
        ? <Alert type="info" showIcon style={{ marginTop: 8 }} title={`${rect.departmentName}的答复（${day(rect.repliedAt)}）`} description={rect.reply} />
        : <Alert type="warning" showIcon style={{ marginTop: 8 }} title={`已转${rect.departmentName}整改，将于 ${rect.dueDate} 前答复您。`} />)}
    </div>
  );
}

export function RatingPanel({ caseId }: { caseId: string }) {
  const { data, error, loading, reload } = useLoad(() => get<{ ratings: Rating[] }>(`/api/cases/${caseId}/ratings`), [caseId]);
  const [level, setLevel] = useState<number | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const { busy, error: problem, setError: setProblem, run } = useAction();
  if (loading && !data) return <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>评价本次办理</h3>}><Spin /></Card>;
  const ratings = data?.ratings ?? [];
  // 一次一评: once the case is rated, by whatever way it went, there is no second form.
  const rated = ratings.length > 0;
  const bad = level !== null && level <= 2;
  const reasonMissing = bad && tags.length === 0 && comment.trim() === '';
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>评价本次办理</h3>}>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {ratings.map((r) => <RatingView key={r.id} r={r} />)}
        {!rated && (
          <form onSubmit={async (e) => {
            e.preventDefault();
            if (level === null) return setProblem('请选择满意程度');
            if (reasonMissing) return setProblem('请选择标签或写下不满意的原因，便于部门整改');
            // Reload either way: rated meanwhile (409 already-rated, say from another tab), the rating shows instead of the form.
            await run(() => post(`/api/cases/${caseId}/ratings`, { level, tags, comment: comment.trim() }));
            void reload();
          }}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontSize: 'inherit', marginBottom: 8 }}>您对这次办理满意吗？</legend>
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
                <label htmlFor={`rating-comment-${caseId}`} style={{ display: 'block', marginBottom: 8 }}>{bad ? '不满意的原因' : '意见和建议（可选）'}</label>
                <Input.TextArea id={`rating-comment-${caseId}`} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} showCount autoSize={{ minRows: 3 }}
                  aria-invalid={problem !== null && reasonMissing ? true : undefined} aria-describedby={problem ? `rating-problem-${caseId}` : undefined} />
              </div>
              {bad && <Typography.Paragraph style={{ ...MUTED, margin: 0 }}>差评会转给牵头部门整改，部门的答复会显示在这里并通知您。</Typography.Paragraph>}
              {problem && <Alert id={`rating-problem-${caseId}`} type="error" showIcon title={problem} />}
              <Button type="primary" htmlType="submit" size="large" loading={busy}>提交评价</Button>
            </Space>
          </form>
        )}
      </Space>
    </Card>
  );
}
