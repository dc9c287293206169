/**
 * 差评申诉 (GB/T 39734), decided by the service administration: upheld, the rating is not counted;
 * not upheld, it goes back to the department to be rectified.
 */
import { Alert, Button, Card, Empty, Input, Space, Spin, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { RectificationRow } from '../../contracts/index.ts';
import { get, post } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, LoadError } from '../window/ui.tsx';

export function RatingAppeals() {
  const list = useLoad(() => get<{ rectifications: RectificationRow[] }>('/api/admin/rating-appeals'), []);
  const [msg, holder] = message.useMessage();
  const rows = list.data?.rectifications ?? [];
  return (
    <section aria-labelledby="appeals-title">
      {holder}
      <Typography.Title level={3} id="appeals-title">差评申诉审核（{rows.length}）</Typography.Title>
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      {list.loading && !list.data ? <Spin /> : rows.length === 0 ? <Empty description="没有待审核的申诉" /> : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {rows.map((r) => <Appeal key={r.id} r={r} onDone={(upheld) => { msg.success(`${r.caseNumber}：${upheld ? '申诉成立，该差评不计入' : '申诉不成立，已退回部门整改'}`); list.reload(); }} />)}
        </Space>
      )}
    </section>
  );
}

function Appeal({ r, onDone }: { r: RectificationRow; onDone(upheld: boolean): void }) {
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();
  const id = `appeal-${r.id}`;
  const decide = async (upheld: boolean) => {
    if (note.trim().length < 5) return setError('审核意见至少 5 个字');
    if (await run(() => post(`/api/admin/rating-appeals/${r.id}/decide`, { upheld, note: note.trim() }))) onDone(upheld);
  };
  return (
    <Card title={<h4 style={{ margin: 0, fontSize: 'inherit' }}>{r.caseNumber} · {r.matterName} · {r.eventName}环节 · {r.departmentName}</h4>}
      extra={<Tag color="red">{r.levelName}</Tag>}>
      <Typography.Paragraph>申请人评价：{r.tags.join('、')}{r.comment ? `“${r.comment}”` : ''}（{fmtTime(r.openedAt)}{r.clerkName ? `，服务人员 ${r.clerkName}` : ''}）</Typography.Paragraph>
      <Alert type="info" title="部门申诉理由" description={r.appealReason} style={{ marginBottom: 12 }} />
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>审核意见</label>
      <Input.TextArea id={id} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} autoSize={{ minRows: 2 }} aria-invalid={!!error || undefined} />
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" loading={busy} onClick={() => void decide(true)}>申诉成立</Button>
        <Button loading={busy} onClick={() => void decide(false)}>申诉不成立，退回整改</Button>
      </Space>
    </Card>
  );
}
