/** The department's queue: every task with its deadline mark, filtered by status, claimed from the list. */
import { Button, Empty, Grid, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { AUTO_ACTOR, AUTO_ACTOR_NAME } from '../../core/case/auto-decision.ts';
import { TASK_STATUS_LABEL } from '../../core/case/task.ts';
import { get, post } from '../shared/api.ts';
import { useToastAction } from '../shared/useAction.ts';
import { useAuth } from '../shared/auth.tsx';
import { LinkButton } from '../shared/LinkButton.tsx';
import { pages } from '../shared/pager.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { useMatters } from '../shared/useMatters.ts';
import { LoadError, Section } from '../window/ui.tsx';
import { DeadlineTag, isOpen, STATUS_COLOR, type QueueTask } from './common.tsx';
import { DepartmentUrges } from './Oversight.tsx';

const FILTERS = ['dispatched', 'claimed', 'supplement', 'approved', 'refused', 'stopped'] as const;

export function TaskQueue() {
  const { account } = useAuth();
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const matters = useMatters();
  const [status, setStatus] = useState<string>('');
  const { busy, holder, run } = useToastAction<string>();
  const q = useLoad(() => get<{ tasks: QueueTask[] }>(`/api/department/tasks${status ? `?status=${status}` : ''}`), [status]);
  const rows = q.data?.tasks ?? [];
  const open = (t: QueueTask) => `/workbench/tasks/${t.caseId}/${encodeURIComponent(t.item)}`;
  const who = (t: QueueTask) => (t.claimedBy ? (t.claimedBy === account?.id ? '我' : t.claimedBy === AUTO_ACTOR ? AUTO_ACTOR_NAME : '他人') : '—');

  const claim = async (t: QueueTask) => {
    if (await run(t.id, () => post(`/api/department/tasks/${t.caseId}/${encodeURIComponent(t.item)}/claim`), `已认领 ${t.caseNumber} ${t.itemName}`)) navigate(open(t));
    else q.reload();
  };

  const action = (t: QueueTask) => t.status === 'dispatched'
    ? <Button type="primary" loading={busy === t.id} onClick={() => void claim(t)} aria-label={`认领 ${t.caseNumber} ${t.itemName}`}>认领</Button>
    : <LinkButton to={open(t)} aria-label={`${t.status === 'claimed' && t.claimedBy === account?.id ? '办理' : '查看'} ${t.caseNumber} ${t.itemName}`}>{t.status === 'claimed' && t.claimedBy === account?.id ? '办理' : '查看'}</LinkButton>;

  const counts = { overdue: rows.filter((t) => isOpen(t.status) && t.deadline === 'overdue').length, soon: rows.filter((t) => isOpen(t.status) && t.deadline === 'due-soon').length };

  return (
    <Section title={`办件队列（${rows.length}）`} extra={<Button onClick={q.reload} loading={q.loading}>刷新</Button>}>
      {holder}
      <DepartmentUrges />
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <label htmlFor="task-status">状态</label>
        <Select id="task-status" value={status} onChange={setStatus} style={{ width: 160 }}
          options={[{ value: '', label: '全部' }, ...FILTERS.map((s) => ({ value: s, label: TASK_STATUS_LABEL[s] }))]} />
        {(counts.overdue > 0 || counts.soon > 0) && (
          <Typography.Text role="status">
            {counts.overdue > 0 && <Tag color="red">已超期 {counts.overdue} 件</Tag>}
            {counts.soon > 0 && <Tag color="orange">即将到期 {counts.soon} 件</Tag>}
          </Typography.Text>
        )}
      </Space>
      {!status && <Typography.Paragraph type="secondary">待办的子件按期限排在前面，已办结的子件显示最近 200 件。</Typography.Paragraph>}
      {q.error && <LoadError error={q.error} retry={q.reload} />}
      {narrow ? (
        <List loading={q.loading} dataSource={rows} locale={{ emptyText: <Empty description="暂无办件" /> }} renderItem={(t) => (
          <List.Item actions={[action(t)]}>
            <List.Item.Meta
              title={<Link to={open(t)}>{t.itemName}</Link>}
              description={
                <Space orientation="vertical" size={2}>
                  <span>{t.caseNumber} · {matters.name(t.matter)}</span>
                  <Space size={4} wrap><Tag color={STATUS_COLOR[t.status]}>{TASK_STATUS_LABEL[t.status]}</Tag><DeadlineTag deadline={t.deadline} dueDate={t.dueDate} provisional={t.dueProvisional} open={isOpen(t.status)} /></Space>
                </Space>
              } />
          </List.Item>
        )} />
      ) : (
        <Table<QueueTask> rowKey="id" loading={q.loading} dataSource={rows} pagination={pages(rows.length)}
          locale={{ emptyText: <Empty description="暂无办件" /> }}
          columns={[
            { title: '期限', key: 'deadline', render: (_: unknown, t) => <DeadlineTag deadline={t.deadline} dueDate={t.dueDate} provisional={t.dueProvisional} open={isOpen(t.status)} /> },
            { title: '办件编号', dataIndex: 'caseNumber', render: (v: string, t) => <Link to={open(t)}>{v}</Link> },
            { title: '事项', dataIndex: 'itemName' },
            { title: '一件事', dataIndex: 'matter', render: (m: string) => matters.name(m) },
            { title: '状态', dataIndex: 'status', render: (s: QueueTask['status']) => <Tag color={STATUS_COLOR[s]}>{TASK_STATUS_LABEL[s]}</Tag> },
            { title: '认领人', key: 'who', render: (_: unknown, t) => who(t) },
            { title: '操作', key: 'op', render: (_: unknown, t) => action(t) },
          ]} />
      )}
    </Section>
  );
}
