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
import { fmtTime, LoadError, Section } from '../window/ui.tsx';

/** The way the rated case went (the server sets it from the case). */
const CHANNEL: Record<string, string> = { online: '网上办理', window: '窗口办理', assisted: '帮办代办' };
type Filter = '' | 'open' | 'appealed' | 'replied' | 'dismissed';
const STATUS_COLOR: Record<RectificationRow['status'], string> = { open: 'gold', verified: 'gold', appealed: 'blue', replied: 'cyan', closed: 'green', dismissed: 'default' };
type Action = 'verify' | 'reply' | 'appeal' | 'follow-up';
const ACTIONS: Record<Action, { label: string; field: string; button: string; hint: string; min: number; done: string }> = {
  verify: { label: '核实属实', field: '核实情况', button: '确认属实', hint: '写明核实的经过和结论。', min: 5, done: '已记录核实情况' },
  reply: { label: '整改', field: '整改答复', button: '发送整改答复', hint: '写明问题原因、整改措施和结果，答复将送达申请人。', min: 5, done: '已答复，答复将送达申请人' },
  appeal: { label: '申诉', field: '申诉理由', button: '提交申诉', hint: '差评与事实不符或非本部门原因时申诉，写明依据（如录像、短信记录），由政务服务管理机构审核。', min: 10, done: '已提出申诉，等待审核' },
  'follow-up': { label: '回访', field: '回访情况', button: '记录回访结果', hint: '电话或当面回访申请人后记录结果；不满意将再次整改。', min: 5, done: '已记录回访' },
};
const available = (s: RectificationRow['status']): Action[] =>
  s === 'open' ? ['verify', 'reply', 'appeal'] : s === 'verified' ? ['reply', 'appeal'] : s === 'replied' ? ['follow-up'] : [];

export function Rectifications() {
  const [status, setStatus] = useState<Filter>('open');
  const list = useLoad(() => get<{ rectifications: RectificationRow[] }>(`/api/lead/rectifications${status ? `?status=${status}` : ''}`), [status]);
  const rows = list.data?.rectifications ?? [];
  const [msg, holder] = message.useMessage();
  return (
    <Section title={`差评整改（${rows.length}）`} extra={<Button onClick={list.reload} loading={list.loading}>刷新</Button>}>
      {holder}
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <label htmlFor="rect-status">状态</label>
        <Select id="rect-status" value={status} onChange={setStatus} style={{ width: 180 }}
          options={[{ value: 'open', label: '待核实、待整改' }, { value: 'appealed', label: '申诉中' }, { value: 'replied', label: '已整改（含回访）' }, { value: 'dismissed', label: '申诉成立' }, { value: '', label: '全部' }]} />
      </Space>
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      <List loading={list.loading} dataSource={rows} locale={{ emptyText: <Empty description={status === 'open' ? '没有待处理的整改单' : '暂无整改单'} /> }}
        renderItem={(r) => <Item key={`${r.id}-${r.status}-${r.history.length}`} r={r} onDone={(text) => { msg.success(`${r.caseNumber}：${text}`); list.reload(); }} />} />
    </Section>
  );
}

function Item({ r, onDone }: { r: RectificationRow; onDone(text: string): void }) {
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
      setError(`${a.field}至少 ${a.min} 个字`);
      return;
    }
    const body = action === 'verify' ? { note: text.trim() } : action === 'reply' ? { reply: text.trim() } : action === 'appeal' ? { reason: text.trim() } : { satisfied, note: text.trim() };
    if (await run(() => post(`/api/lead/rectifications/${r.id}/${action}`, body))) onDone(a.done);
  };
  return (
    <List.Item>
      <div style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
          <Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}>{r.caseNumber} · {r.matterName} · {r.eventName}环节</Typography.Title>
          <Space size={4} wrap>
            <Tag color="red">{r.levelName}（{r.level} 星）</Tag>
            <Tag color={r.overdue ? 'red' : STATUS_COLOR[r.status]}>{r.overdue ? `${r.statusName}（已超期）` : r.statusName}</Tag>
            {r.repliedLate && <Tag color="orange">逾期答复</Tag>}
          </Space>
        </div>
        <Typography.Text type="secondary">
          {CHANNEL[r.channel] ?? r.channel}评价{r.clerkName ? ` · 服务人员 ${r.clerkName}` : ''} · {fmtTime(r.openedAt)} · 整改期限 {r.dueDate}
        </Typography.Text>
        {r.tags.length > 0 && <div style={{ marginTop: 4 }}>{r.tags.map((t) => <Tag key={t}>{t}</Tag>)}</div>}
        {r.comment && <blockquote style={{ margin: '8px 0', paddingInlineStart: 12, borderInlineStart: '3px solid #f0f0f0' }}>{r.comment}</blockquote>}
        {r.history.length > 0 && (
          <Timeline style={{ marginTop: 12 }} items={r.history.map((s) => ({ content: <span><strong>{s.stepName}</strong>（{fmtTime(s.at)}，{s.actorName}）：{s.text}</span> }))} />
        )}
        {r.status === 'appealed' && <Alert type="info" showIcon title="申诉审核中，政务服务管理机构决定后通知本部门。" style={{ marginTop: 8 }} />}
        {action && (
          <div style={{ marginTop: 8 }}>
            {actions.length > 1 && (
              <Radio.Group value={action} onChange={(e) => { setAction(e.target.value as Action); setError(null); }} optionType="button" style={{ marginBottom: 8 }}
                options={actions.map((a) => ({ value: a, label: ACTIONS[a].label }))} aria-label="处理方式" />
            )}
            {action === 'follow-up' && (
              <Radio.Group value={satisfied} onChange={(e) => setSatisfied(e.target.value as boolean)} style={{ display: 'block', marginBottom: 8 }} aria-label="回访结果"
                options={[{ value: true, label: '申请人满意' }, { value: false, label: '申请人不满意，再次整改' }]} />
            )}
            <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>{ACTIONS[action].field}</label>
            <Input.TextArea id={id} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={ACTIONS[action].hint} aria-invalid={!!error || undefined} aria-describedby={error ? `${id}-error` : undefined} />
            {error && <Typography.Text type="danger" id={`${id}-error`} role="alert">{error}</Typography.Text>}
            <div style={{ marginTop: 8 }}><Button type="primary" onClick={() => void send()} loading={busy}>{ACTIONS[action].button}</Button></div>
          </div>
        )}
      </div>
    </List.Item>
  );
}
