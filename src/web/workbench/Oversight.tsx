/**
 * 牵头督办: the lead department's cases across every item, the joint reviews held, and urging the
 * department of an open task with a deadline; the urged department's list to answer.
 */
import { Alert, Button, Collapse, Empty, Input, List, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { OverseenCase, OverseenCaseDetail, Urge } from '../../contracts/index.ts';
import { get, post } from '../shared/api.ts';
import { ScrollRegion } from '../shared/ScrollRegion.tsx';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, LoadError, Section, today } from '../window/ui.tsx';

function UrgeForm({ c, onDone }: { c: OverseenCase; onDone(): void }) {
  const open = c.items.filter((i) => i.open);
  const [item, setItem] = useState<string | undefined>(open[0]?.item);
  const [deadline, setDeadline] = useState<string>('');
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();
  if (open.length === 0) return null;
  const id = `urge-${c.id}`;
  const send = async () => {
    if (!item || !deadline) return setError('请选择事项和督办期限');
    if (note.trim().length < 5) return setError('督办事由至少 5 个字');
    if (await run(() => post(`/api/lead/cases/${c.id}/urges`, { item, deadline, note: note.trim() }))) { setNote(''); onDone(); }
  };
  return (
    <fieldset style={{ border: '1px solid #f0f0f0', padding: 12, marginTop: 12 }}>
      <legend style={{ fontSize: 'inherit', padding: '0 4px' }}>督办</legend>
      <Space wrap align="center">
        <label htmlFor={`${id}-item`}>事项</label>
        <Select id={`${id}-item`} value={item} onChange={setItem} style={{ minWidth: 260 }} options={open.map((i) => ({ value: i.item, label: `${i.name}（${i.departmentName}）` }))} />
        <label htmlFor={`${id}-deadline`}>期限</label>
        <Input id={`${id}-deadline`} type="date" min={today()} value={deadline} onChange={(e) => setDeadline(e.target.value)} style={{ width: 180 }} />
      </Space>
      <label htmlFor={`${id}-note`} style={{ display: 'block', margin: '8px 0 4px' }}>督办事由和要求</label>
      <Input.TextArea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} autoSize={{ minRows: 2 }} />
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
      <div style={{ marginTop: 8 }}><Button type="primary" loading={busy} onClick={() => void send()}>发出督办</Button></div>
    </fieldset>
  );
}

function CaseDetail({ id }: { id: string }) {
  const d = useLoad(() => get<OverseenCaseDetail>(`/api/lead/cases/${id}`), [id]);
  const [msg, holder] = message.useMessage();
  if (d.error) return <LoadError error={d.error} retry={d.reload} />;
  if (!d.data) return null;
  const { case: c, jointReviews, urges } = d.data;
  return (
    <div>
      {holder}
      <ScrollRegion label={`${c.number}的各事项`}>
        <Table rowKey="item" size="small" pagination={false} dataSource={c.items} columns={[
          { title: '事项', dataIndex: 'name' },
          { title: '承办部门', dataIndex: 'departmentName' },
          { title: '状态', dataIndex: 'statusName', render: (s: string, r) => <Tag color={r.overdue ? 'red' : r.open ? 'blue' : 'default'}>{r.overdue ? `${s}（已超期）` : s}</Tag> },
          { title: '办结期限', dataIndex: 'dueDate', render: (v: string | null) => v ?? '—' },
        ]} />
      </ScrollRegion>
      <Typography.Title level={5} style={{ marginTop: 12 }}>联合审查记录</Typography.Title>
      {jointReviews.length === 0 ? <Typography.Text type="secondary">暂无</Typography.Text> : (
        <ul>{jointReviews.map((j) => <li key={`${j.recordedAt}-${j.kind}`}>{j.heldOn} {j.kindName}（{j.itemNames.join('、')}）：{j.outcome}（{j.organiserName} {j.recordedByName} 记录）</li>)}</ul>
      )}
      <Typography.Title level={5}>督办记录</Typography.Title>
      {urges.length === 0 ? <Typography.Text type="secondary">暂无</Typography.Text> : (
        <ul>{urges.map((u) => (
          <li key={u.id}>{fmtTime(u.urgedAt)} 督办「{u.itemName}」（{u.departmentName}，期限 {u.deadline}）：{u.note}
            {u.answer ? <div>答复（{fmtTime(u.answeredAt)}，{u.answeredByName}）：{u.answer}</div> : <Tag color={u.overdue ? 'red' : 'gold'} style={{ marginInlineStart: 8 }}>{u.overdue ? '逾期未答复' : '待答复'}</Tag>}
          </li>
        ))}</ul>
      )}
      <UrgeForm c={c} onDone={() => { msg.success('已发出督办'); d.reload(); }} />
    </div>
  );
}

/** The lead's tab: its cases in progress, the most urgent first. */
export function Oversight() {
  const list = useLoad(() => get<{ cases: OverseenCase[] }>('/api/lead/cases'), []);
  const rows = list.data?.cases ?? [];
  return (
    <Section title={`牵头督办（${rows.length}）`} extra={<Button onClick={list.reload} loading={list.loading}>刷新</Button>}>
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      {rows.length === 0 && !list.loading ? <Empty description="本部门牵头的一件事暂无在办办件" /> : (
        <Collapse items={rows.map((c) => ({
          key: c.id,
          label: <span>{c.number} · {c.matterName} {c.overdue > 0 && <Tag color="red">{c.overdue} 项超期</Tag>}{c.openUrges > 0 && <Tag color="gold">{c.openUrges} 项督办待答复</Tag>}</span>,
          children: <CaseDetail id={c.id} />,
        }))} />
      )}
    </Section>
  );
}

function Answer({ u, onDone }: { u: Urge; onDone(): void }) {
  const [text, setText] = useState('');
  const { busy, error, setError, run } = useAction();
  const id = `urge-answer-${u.id}`;
  return (
    <List.Item>
      <div style={{ width: '100%' }}>
        <Typography.Text strong>{u.caseNumber}「{u.itemName}」</Typography.Text> <Tag color={u.overdue ? 'red' : 'gold'}>{u.overdue ? '已超过督办期限' : `期限 ${u.deadline}`}</Tag>
        <div>{u.urgedByName}（{fmtTime(u.urgedAt)}）：{u.note}</div>
        <label htmlFor={id} style={{ display: 'block', margin: '8px 0 4px' }}>督办答复</label>
        <Input.TextArea id={id} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} autoSize={{ minRows: 2 }} />
        {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
        <div style={{ marginTop: 8 }}>
          <Button loading={busy} onClick={async () => {
            if (text.trim().length < 5) return setError('督办答复至少 5 个字');
            if (await run(() => post(`/api/department/urges/${u.id}/answer`, { answer: text.trim() }))) onDone();
          }}>提交答复</Button>
        </div>
      </div>
    </List.Item>
  );
}

/** Urges the department has to answer, above its queue; nothing when there are none. */
export function DepartmentUrges() {
  const list = useLoad(() => get<{ urges: Urge[] }>('/api/department/urges'), []);
  const rows = list.data?.urges ?? [];
  if (rows.length === 0) return null;
  return (
    <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`牵头部门督办（${rows.length} 项待答复）`}
      description={<List dataSource={rows} renderItem={(u) => <Answer key={u.id} u={u} onDone={list.reload} />} />} />
  );
}
