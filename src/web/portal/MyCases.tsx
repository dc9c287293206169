/** My cases, newest first: number, matter, status and how far the items have got; and the latest messages. */
import { Alert, Badge, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { TASK_STATUS_LABEL } from '../../core/case/task.ts';
import { get, post } from '../shared/api.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { RequireApplicant } from './case/RequireApplicant.tsx';
import { CASE_STATUS_TEXT, STATUS_COLOR, day, minute, type CaseListEntry } from './case/types.ts';
import { MUTED } from '../shared/form/muted.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';

interface Notice { id: string; title: string; body: string; caseId: string | null; createdAt: string; read: boolean }

function summary(c: CaseListEntry): string {
  if (c.status === 'draft') return '尚未提交，可继续填写';
  // Once something is decided, the case's outcome: 已办结：8 项办成，1 项不予办理.
  if (c.outcome) return c.outcome;
  if (c.progress.length === 0) return c.status === 'submitted' ? '等待综合窗口受理' : '';
  const done = c.progress.filter((p) => p.statusLabel === '准予办理').length;
  const supplement = c.progress.filter((p) => p.statusLabel === '待补正').length;
  return [`${c.progress.length} 个事项，已办结 ${done} 个`, supplement > 0 ? `${supplement} 个需要您补正` : ''].filter(Boolean).join('；');
}

function CaseCard({ c }: { c: CaseListEntry }) {
  const needsAction = c.status === 'draft' || c.progress.some((p) => p.statusLabel === '待补正');
  const refused = c.progress.some((p) => p.statusLabel === TASK_STATUS_LABEL.refused);
  return (
    <li style={{ listStyle: 'none' }}>
      <Card size="small" style={needsAction ? { borderColor: '#faad14' } : undefined}>
        <Typography.Title level={3} style={{ fontSize: '1.1em', margin: 0 }}>
          <Link to={`/cases/${c.id}`}>{c.matter.name}</Link>
        </Typography.Title>
        <Space wrap size={[8, 4]} style={{ marginTop: 4 }}>
          <Tag color={STATUS_COLOR[c.status]}>{CASE_STATUS_TEXT[c.status]}</Tag>
          <Typography.Text style={MUTED}>编号 {c.number}</Typography.Text>
          <Typography.Text style={MUTED}>{day(c.createdAt)} 创建</Typography.Text>
        </Space>
        <Typography.Paragraph style={{ margin: '8px 0 0' }}>{summary(c)}</Typography.Paragraph>
        {refused && <Typography.Paragraph style={{ margin: '4px 0 0' }}>有事项不予办理：<Link to={`/cases/${c.id}`} aria-label={`查看不予办理的理由和救济途径：${c.matter.name}`}>查看理由和下一步（申请复议、提起诉讼或重新申请）</Link></Typography.Paragraph>}
        {needsAction && (
          <LinkButton to={`/cases/${c.id}`} type="primary" style={{ marginTop: 8 }} aria-label={`${c.status === 'draft' ? '继续填写' : '去补正'}：${c.matter.name}`}>
            {c.status === 'draft' ? '继续填写' : '去补正'}
          </LinkButton>
        )}
      </Card>
    </li>
  );
}

function Messages() {
  const { data, reload } = useLoad(() => get<{ unread: number; notifications: Notice[] }>('/api/inbox'), []);
  const list = (data?.notifications ?? []).slice(0, 5);
  if (list.length === 0) return null;
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>最新消息{data && data.unread > 0 && <Badge count={`${data.unread} 条未读`} style={{ marginInlineStart: 8 }} />}</h3>}>
      <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
        {list.map((n) => (
          <li key={n.id} style={{ paddingBlock: 8, borderBottom: '1px solid #f0f0f0' }}>
            <Typography.Text strong={!n.read}>{!n.read && <span aria-label="未读">● </span>}{n.title}</Typography.Text>
            <Typography.Paragraph style={{ margin: '2px 0' }}>{n.body}</Typography.Paragraph>
            <Space wrap size="small">
              <Typography.Text style={MUTED}>{minute(n.createdAt)}</Typography.Text>
              {n.caseId && <Link to={`/cases/${n.caseId}`} onClick={() => { if (!n.read) void post(`/api/inbox/${n.id}/read`).catch(() => undefined); }}>查看办件</Link>}
              {!n.read && <Button size="small" type="link" onClick={() => post(`/api/inbox/${n.id}/read`).then(reload, () => undefined)}>标为已读</Button>}
            </Space>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function CaseList() {
  const { t } = usePrefs();
  const { data, error, loading } = useLoad(() => get<{ cases: CaseListEntry[] }>('/api/cases'), []);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (loading || !data) return <Spin description={t('loading')} />;
  const cases = [...data.cases].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {cases.length === 0
        ? (
          <Card>
            <Empty description="您还没有办件">
              <LinkButton to="/" type="primary" size="large">去服务专区办理“一件事”</LinkButton>
            </Empty>
          </Card>
        )
        : (
          <section aria-labelledby="cases-heading">
            <Typography.Paragraph id="cases-heading">共 {cases.length} 件，最新的在前。</Typography.Paragraph>
            <ul style={{ padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 12 }}>
              {cases.map((c) => <CaseCard key={c.id} c={c} />)}
            </ul>
          </section>
        )}
      <Messages />
    </Space>
  );
}

export default function MyCases() {
  usePageTitle('我的办件');
  const { t } = usePrefs();
  return (
    <RequireApplicant what="您的办件">
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={1} style={{ margin: 0 }}>{t('myCases')}</Typography.Title>
          <Link to="/">办理新的“一件事”</Link>
        </Space>
        <CaseList />
      </Space>
    </RequireApplicant>
  );
}
