/** The departments' opinions on a draft: the form of my department, and the record of every round. */
import { Alert, Button, Input, List, Radio, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { post } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { fmtTime } from './common.tsx';
import type { DraftDetail, DraftView, OpinionView } from './types.ts';

/** 同意 / 不同意 with a comment (required to disagree); one per department and round. */
export function OpinionForm({ draft, department, onDone }: { draft: DraftView; department: string; onDone(d: DraftDetail, text: string): void }) {
  const id = useId();
  const [opinion, setOpinion] = useState<'agree' | 'disagree' | null>(null);
  const [comment, setComment] = useState('');
  const { busy, error, setError, run } = useAction();
  const send = async () => {
    if (!opinion) return setError('请选择“同意”或“不同意”');
    if (opinion === 'disagree' && !comment.trim()) return setError('不同意时请写明理由和修改意见，起草方据此修改');
    await run(async () => {
      const d = await post<DraftDetail>(`/api/admin/drafts/${draft.id}/opinions`, { opinion, comment: comment.trim() });
      onDone(d, opinion === 'agree' ? `已提交${department}的意见：同意` : `已提交${department}的意见：不同意，草稿退回修改`);
    });
  };
  return (
    <div>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600, marginBottom: 6, fontSize: 14 }}>{department}的意见（第 {draft.review.round} 轮）</legend>
        <Radio.Group value={opinion} onChange={(e) => { setOpinion(e.target.value as 'agree' | 'disagree'); setError(null); }}
          options={[{ value: 'agree', label: '同意' }, { value: 'disagree', label: '不同意（退回修改）' }]} />
      </fieldset>
      <label htmlFor={`${id}-comment`} style={{ display: 'block', margin: '10px 0 4px' }}>意见说明{opinion === 'disagree' ? '（必填）' : '（选填）'}</label>
      <Input.TextArea id={`${id}-comment`} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }}
        aria-required={opinion === 'disagree'} aria-invalid={!!error || undefined} aria-describedby={error ? `${id}-error` : undefined}
        placeholder={opinion === 'disagree' ? '写明不同意的理由和具体修改意见' : '如：经核对，本部门事项的时限调整符合实际，同意。'} />
      {error && <Typography.Text type="danger" id={`${id}-error`} role="alert" style={{ display: 'block', marginTop: 4 }}>{error}</Typography.Text>}
      <Button type="primary" onClick={() => void send()} loading={busy} style={{ marginTop: 10 }}>提交意见</Button>
    </div>
  );
}

const opinionTag = (o: OpinionView | null) => (o === null ? <Tag>未提意见</Tag> : o.opinion === 'agree' ? <Tag color="green">✓ 同意</Tag> : <Tag color="red">✗ 不同意</Tag>);

/** The current round's departments and what each said; then every earlier opinion. */
export function OpinionRecord({ draft }: { draft: DraftView }) {
  const earlier = draft.opinions.filter((o) => o.round !== draft.review.round);
  return (
    <div className="admin-stack">
      {draft.review.round === 0 ? (
        <Typography.Text type="secondary">尚未提交征求意见。提交后，系统按变更内容自动确定需征求意见的部门（涉及的一件事的牵头和配合部门、变更事项的实施部门）。</Typography.Text>
      ) : (
        <div>
          <Typography.Title level={4} style={{ fontSize: 15 }}>第 {draft.review.round} 轮征求意见（{draft.review.asked.filter((a) => a.opinion?.opinion === 'agree').length}/{draft.review.asked.length} 个部门同意）</Typography.Title>
          <List size="small" bordered dataSource={draft.review.asked} renderItem={(a) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <div className="admin-row" style={{ justifyContent: 'space-between' }}>
                  <strong>{a.department.name}</strong>
                  {opinionTag(a.opinion)}
                </div>
                {a.opinion && <Typography.Text type="secondary">{a.opinion.by.name} · {fmtTime(a.opinion.at)}{a.opinion.comment ? `：${a.opinion.comment}` : ''}</Typography.Text>}
              </div>
            </List.Item>
          )} />
        </div>
      )}
      {earlier.length > 0 && (
        <div>
          <Typography.Title level={4} style={{ fontSize: 15 }}>以往各轮意见</Typography.Title>
          <List size="small" dataSource={earlier} renderItem={(o) => (
            <List.Item>
              <div>
                <div className="admin-row"><span>第 {o.round} 轮 · {o.department.name}</span>{opinionTag(o)}</div>
                <Typography.Text type="secondary">{o.by.name} · {fmtTime(o.at)}{o.comment ? `：${o.comment}` : ''}</Typography.Text>
              </div>
            </List.Item>
          )} />
        </div>
      )}
      {draft.status === 'revision' && (
        <Alert type="warning" showIcon title="草稿已退回修改" description="有部门不同意。请按意见修改后重新提交，重新提交将开始新一轮征求意见。" />
      )}
    </div>
  );
}
