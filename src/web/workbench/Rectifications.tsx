/** The lead department's rectification tasks from bad ratings, each answered once; the reply reaches the applicant. */
import { Alert, Button, Empty, Input, List, Select, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { get, post } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, LoadError, Section } from '../window/ui.tsx';
import type { Rectification } from './common.tsx';

/** The way the rated case went (the server sets it from the case). */
const CHANNEL: Record<string, string> = { online: '网上办理', window: '窗口办理', assisted: '帮办代办' };

export function Rectifications() {
  const [status, setStatus] = useState<'' | 'open' | 'replied'>('open');
  const list = useLoad(() => get<{ rectifications: Rectification[] }>(`/api/lead/rectifications${status ? `?status=${status}` : ''}`), [status]);
  const rows = list.data?.rectifications ?? [];
  const [msg, holder] = message.useMessage();
  return (
    <Section title={`差评整改（${rows.length}）`} extra={<Button onClick={list.reload} loading={list.loading}>刷新</Button>}>
      {holder}
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <label htmlFor="rect-status">状态</label>
        <Select id="rect-status" value={status} onChange={setStatus} style={{ width: 160 }}
          options={[{ value: 'open', label: '待答复' }, { value: 'replied', label: '已答复' }, { value: '', label: '全部' }]} />
      </Space>
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      <List loading={list.loading} dataSource={rows} locale={{ emptyText: <Empty description={status === 'open' ? '没有待答复的整改单' : '暂无整改单'} /> }}
        renderItem={(r) => <Item key={r.id} r={r} onDone={() => { msg.success(`已答复 ${r.caseNumber} 的整改单，答复将送达申请人`); list.reload(); }} />} />
    </Section>
  );
}

function Item({ r, onDone }: { r: Rectification; onDone(): void }) {
  const [reply, setReply] = useState('');
  const { busy, error, setError, run } = useAction();
  const id = `reply-${r.id}`;
  const send = async () => {
    if (reply.trim().length < 5) {
      setError('整改答复至少 5 个字，写明问题原因和整改措施');
      return;
    }
    if (await run(() => post(`/api/lead/rectifications/${r.id}/reply`, { reply: reply.trim() }))) onDone();
  };
  return (
    <List.Item>
      <div style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
          <Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}>{r.caseNumber} · {r.matterName}</Typography.Title>
          <Space size={4} wrap>
            <Tag color="red">{r.levelName}（{r.level} 星）</Tag>
            {r.status === 'open' ? <Tag color={r.overdue ? 'red' : 'gold'}>{r.overdue ? '已超期未答复' : '待答复'}</Tag> : <Tag color={r.repliedLate ? 'orange' : 'green'}>{r.repliedLate ? '逾期答复' : '已答复'}</Tag>}
          </Space>
        </div>
        <Typography.Text type="secondary">{CHANNEL[r.channel] ?? r.channel}评价 · {fmtTime(r.openedAt)} · 整改期限 {r.dueDate}</Typography.Text>
        {r.tags.length > 0 && <div style={{ marginTop: 4 }}>{r.tags.map((t) => <Tag key={t}>{t}</Tag>)}</div>}
        {r.comment && <blockquote style={{ margin: '8px 0', paddingInlineStart: 12, borderInlineStart: '3px solid #f0f0f0' }}>{r.comment}</blockquote>}
        {r.status === 'replied' ? (
          <Alert type="success" title={`${fmtTime(r.repliedAt)} 答复`} description={r.reply} style={{ marginTop: 8 }} />
        ) : (
          <div style={{ marginTop: 8 }}>
            <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>整改答复</label>
            <Input.TextArea id={id} value={reply} onChange={(e) => setReply(e.target.value)} maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder="写明核查情况、问题原因、整改措施和结果，答复将送达申请人。" aria-invalid={!!error || undefined} aria-describedby={error ? `${id}-error` : undefined} />
            {error && <Typography.Text type="danger" id={`${id}-error`} role="alert">{error}</Typography.Text>}
            <div style={{ marginTop: 8 }}><Button type="primary" onClick={() => void send()} loading={busy}>提交答复</Button></div>
          </div>
        )}
      </div>
    </List.Item>
  );
}
