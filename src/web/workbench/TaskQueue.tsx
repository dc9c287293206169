/** The department's queue: every task with its deadline mark, filtered by status, claimed from the list. */
import { Button, Empty, Grid, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { AUTO_ACTOR, AUTO_ACTOR_NAME } from '../../core/case/auto-decision.ts';
import { get, post } from '../shared/api.ts';
import { useToastAction } from '../shared/useAction.ts';
import { useAuth } from '../shared/auth.tsx';
import { LinkButton } from '../shared/LinkButton.tsx';
import { pages } from '../shared/pager.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { useMatters } from '../shared/useMatters.ts';
import { LoadError, named, Section, TASK_STATUS } from '../window/ui.tsx';
import { DeadlineTag, isOpen, STATUS_COLOR, type QueueTask } from './common.tsx';
import { DepartmentUrges } from './Oversight.tsx';
import { usePrefs } from '../shared/prefs.tsx';

const FILTERS = ['dispatched', 'claimed', 'supplement', 'approved', 'refused', 'stopped'] as const;

export function TaskQueue() {
  const { t } = usePrefs();
  const { account } = useAuth();
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const matters = useMatters();
  const [status, setStatus] = useState<string>('');
  const { busy, holder, run } = useToastAction<string>();
  const q = useLoad(() => get<{ tasks: QueueTask[] }>(`/api/department/tasks${status ? `?status=${status}` : ''}`), [status]);
  const rows = q.data?.tasks ?? [];
  const open = (task: QueueTask) => `/workbench/tasks/${task.caseId}/${encodeURIComponent(task.item)}`;
  const who = (task: QueueTask) => (task.claimedBy ? (task.claimedBy === account?.id ? t('wbMe') : task.claimedBy === AUTO_ACTOR ? AUTO_ACTOR_NAME : t('wbSomeoneElse')) : '—');

  const claim = async (task: QueueTask) => {
    if (await run(task.id, () => post(`/api/department/tasks/${task.caseId}/${encodeURIComponent(task.item)}/claim`), t('wbClaimed2', { caseNumber: task.caseNumber, itemName: task.itemName }))) navigate(open(task));
    else q.reload();
  };

  const action = (task: QueueTask) => task.status === 'dispatched'
    ? <Button type="primary" loading={busy === task.id} onClick={() => void claim(task)} aria-label={t('wbClaim2', { caseNumber: task.caseNumber, itemName: task.itemName })}>{t('wbClaim')}</Button>
    : <LinkButton to={open(task)} aria-label={t('wbSep17', { p0: task.status === 'claimed' && task.claimedBy === account?.id ? t('wbHandling') : t('wbView'), caseNumber: task.caseNumber, itemName: task.itemName })}>{task.status === 'claimed' && task.claimedBy === account?.id ? t('wbHandling') : t('wbView')}</LinkButton>;

  const counts = { overdue: rows.filter((task) => isOpen(task.status) && task.deadline === 'overdue').length, soon: rows.filter((task) => isOpen(task.status) && task.deadline === 'due-soon').length };

  return (
    <Section title={t('wbCaseQueue', { n: rows.length })} extra={<Button onClick={q.reload} loading={q.loading}>{t('wbRefresh')}</Button>}>
      {holder}
      <DepartmentUrges />
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <label htmlFor="task-status">{t('wbStatus')}</label>
        <Select id="task-status" value={status} onChange={setStatus} style={{ width: 160 }}
          options={[{ value: '', label: t('wbAll') }, ...FILTERS.map((s) => ({ value: s, label: named(t, TASK_STATUS, s) }))]} />
        {(counts.overdue > 0 || counts.soon > 0) && (
          <Typography.Text role="status">
            {counts.overdue > 0 && <Tag color="red">{t('wbOverdue3')} {counts.overdue} {t('wbCaseS')}</Tag>}
            {counts.soon > 0 && <Tag color="orange">{t('wbDueSoon')} {counts.soon} {t('wbCaseS')}</Tag>}
          </Typography.Text>
        )}
      </Space>
      {!status && <Typography.Paragraph type="secondary">{t('wbOpenPartsAreSorted')}</Typography.Paragraph>}
      {q.error && <LoadError error={q.error} retry={q.reload} />}
      {narrow ? (
        <List loading={q.loading} dataSource={rows} locale={{ emptyText: <Empty description={t('wbNoCases')} /> }} renderItem={(task) => (
          <List.Item actions={[action(task)]}>
            <List.Item.Meta
              title={<Link to={open(task)} lang="zh-CN">{task.itemName}</Link>}
              description={
                <Space orientation="vertical" size={2}>
                  <span>{task.caseNumber} · <span lang="zh-CN">{matters.name(task.matter)}</span></span>
                  <Space size={4} wrap><Tag color={STATUS_COLOR[task.status]}>{named(t, TASK_STATUS, task.status)}</Tag><DeadlineTag deadline={task.deadline} dueDate={task.dueDate} provisional={task.dueProvisional} open={isOpen(task.status)} /></Space>
                </Space>
              } />
          </List.Item>
        )} />
      ) : (
        <Table<QueueTask> rowKey="id" loading={q.loading} dataSource={rows} pagination={pages(rows.length)}
          locale={{ emptyText: <Empty description={t('wbNoCases')} /> }}
          columns={[
            { title: t('wbDueDate'), key: 'deadline', render: (_: unknown, task) => <DeadlineTag deadline={task.deadline} dueDate={task.dueDate} provisional={task.dueProvisional} open={isOpen(task.status)} /> },
            { title: t('wbCaseNumber'), dataIndex: 'caseNumber', render: (v: string, task) => <Link to={open(task)}>{v}</Link> },
            { title: t('wbItems'), dataIndex: 'itemName', render: (n: string) => <span lang="zh-CN">{n}</span> },
            { title: t('wbMatter'), dataIndex: 'matter', render: (m: string) => <span lang="zh-CN">{matters.name(m)}</span> },
            { title: t('wbStatus'), dataIndex: 'status', render: (s: QueueTask['status']) => <Tag color={STATUS_COLOR[s]}>{named(t, TASK_STATUS, s)}</Tag> },
            { title: t('wbClaimedBy'), key: 'who', render: (_: unknown, task) => who(task) },
            { title: t('wbActions'), key: 'op', render: (_: unknown, task) => action(task) },
          ]} />
      )}
    </Section>
  );
}
