/**
 * 待办: for a department, the drafts awaiting its opinion (with the form to give it); for the
 * administrator, the drafts to approve, to publish or sent back, and the open change requests.
 */
import { Alert, Button, Collapse, Empty, List, Progress, Space, Tag, Typography, message } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../shared/auth.tsx';
import { LinkButton } from '../shared/LinkButton.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { awaitsMe, fmtTime, get, LoadError, myAsk, Section, StatusTag } from './common.tsx';
import { DraftDiff } from './DiffView.tsx';
import { OpinionForm } from './Opinions.tsx';
import type { ChangeRequestView, DraftView } from './types.ts';
import type { CalendarStatus } from '../../contracts/admin.ts';

const agreed = (d: DraftView) => d.review.asked.filter((a) => a.opinion?.opinion === 'agree').length;

function DraftLine({ d, extra }: { d: DraftView; extra?: ReactNode }) {
  const total = d.review.asked.length;
  return (
    <div style={{ width: '100%' }}>
      <div className="admin-row" style={{ justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ fontSize: 16, margin: 0 }}><Link to={`/admin/drafts/${d.id}`}>{d.title}</Link></Typography.Title>
        <StatusTag status={d.status} />
      </div>
      <Typography.Paragraph style={{ margin: '4px 0' }}>理由：{d.reason}</Typography.Paragraph>
      <Typography.Text type="secondary">{d.createdBy.name} 起草 · {d.submittedAt ? `${fmtTime(d.submittedAt)} 提交` : `${fmtTime(d.createdAt)} 创建`}{d.department ? ` · 牵头：${d.department.name}` : ''}</Typography.Text>
      {d.status === 'in-review' && total > 0 && (
        <div style={{ maxWidth: 420 }}>
          <Progress percent={Math.round((agreed(d) / total) * 100)} size="small" format={() => `${agreed(d)}/${total} 同意`} aria-label={`${total} 个部门中 ${agreed(d)} 个已同意`} />
          <div>{d.review.asked.map((a) => <Tag key={a.department.code} color={a.opinion === null ? 'default' : a.opinion.opinion === 'agree' ? 'green' : 'red'}>{a.department.name}：{a.opinion === null ? '未提意见' : a.opinion.opinion === 'agree' ? '同意' : '不同意'}</Tag>)}</div>
        </div>
      )}
      {extra}
    </div>
  );
}

export function Todo() {
  const { account } = useAuth();
  const admin = account?.role === 'admin';
  const drafts = useLoad(() => get<{ drafts: DraftView[] }>('/api/admin/drafts'), []);
  const requests = useLoad(() => (admin ? get<{ changeRequests: ChangeRequestView[] }>('/api/admin/change-requests?status=open') : Promise.resolve({ changeRequests: [] })), [admin]);
  const calendar = useLoad(() => (admin ? get<CalendarStatus>('/api/admin/calendar') : Promise.resolve(null)), [admin]);
  const [msg, holder] = message.useMessage();
  const all = drafts.data?.drafts ?? [];
  const calendarAlert = calendar.data?.warning ? <Alert type="warning" showIcon title="节假日日历需要更新" description={calendar.data.warning} /> : null;

  if (drafts.error) return <LoadError error={drafts.error} retry={drafts.reload} />;

  if (!admin) {
    const mine = all.filter((d) => awaitsMe(account, d));
    const own = account?.role === 'lead' ? all.filter((d) => d.department?.code === account.department && (d.status === 'draft' || d.status === 'revision')) : [];
    return (
      <div className="admin-stack">
        {holder}
        <Section title={`待本部门提出意见（${mine.length}）`} level={3} extra={<Button onClick={drafts.reload} loading={drafts.loading}>刷新</Button>}>
          <Typography.Paragraph type="secondary">目录变更涉及本部门时，须经本部门同意才能批准发布（GB/T 45836 5.3.2）。请先展开变更内容核对（或打开草稿预览办理方案），再提出意见。</Typography.Paragraph>
          <List loading={drafts.loading} dataSource={mine} locale={{ emptyText: <Empty description="没有等待本部门意见的目录草稿" /> }} renderItem={(d) => (
            <List.Item>
              <DraftLine d={d} extra={
                <div style={{ marginTop: 12 }}>
                  <Collapse size="small" style={{ marginBottom: 12 }} items={[{ key: 'diff', label: '展开变更内容', children: <DraftDiff draftId={d.id} /> }]} />
                  <Space wrap style={{ marginBottom: 12 }}>
                    <LinkButton to={`/admin/drafts/${d.id}?tab=diff`}>打开草稿</LinkButton>
                    <LinkButton to={`/admin/drafts/${d.id}?tab=preview`}>预览办理方案</LinkButton>
                  </Space>
                  <OpinionForm draft={d} department={myAsk(account, d)?.department.name ?? '本部门'} onDone={(_, text) => { msg.success(text); drafts.reload(); }} />
                </div>
              } />
            </List.Item>
          )} />
        </Section>
        {account?.role === 'lead' && (
          <Section title={`本部门起草中的草稿（${own.length}）`}>
            <List dataSource={own} locale={{ emptyText: <Empty description={<>没有起草中的草稿。可在 <Link to="/admin/drafts">目录草稿</Link> 为本部门牵头的一件事新建草稿。</>} /> }}
              renderItem={(d) => <List.Item><DraftLine d={d} /></List.Item>} />
          </Section>
        )}
      </div>
    );
  }

  const ready = all.filter((d) => d.status === 'in-review' && d.review.asked.length > 0 && agreed(d) === d.review.asked.length);
  const waiting = all.filter((d) => d.status === 'in-review' && !ready.includes(d));
  const toPublish = all.filter((d) => d.status === 'approved');
  const back = all.filter((d) => d.status === 'revision');
  const drafting = all.filter((d) => d.status === 'draft');
  const open = requests.data?.changeRequests ?? [];
  const groups: { key: string; title: string; rows: DraftView[]; action?: (d: DraftView) => ReactNode }[] = [
    { key: 'ready', title: '待批准', rows: ready, action: (d) => <LinkButton key="a" to={`/admin/drafts/${d.id}`} type="primary" aria-label={`去批准：${d.title}`}>去批准</LinkButton> },
    { key: 'publish', title: '待发布', rows: toPublish, action: (d) => <LinkButton key="p" to={`/admin/drafts/${d.id}`} type="primary" aria-label={`去发布：${d.title}`}>去发布</LinkButton> },
    { key: 'waiting', title: '征求意见中', rows: waiting },
    { key: 'back', title: '退回修改', rows: back, action: (d) => <LinkButton key="e" to={`/admin/drafts/${d.id}`} aria-label={`去修改：${d.title}`}>去修改</LinkButton> },
    { key: 'drafting', title: '起草中', rows: drafting, action: (d) => <LinkButton key="c" to={`/admin/drafts/${d.id}`} aria-label={`继续起草：${d.title}`}>继续起草</LinkButton> },
  ];
  const nothing = !drafts.loading && groups.every((g) => g.rows.length === 0) && open.length === 0;
  return (
    <div className="admin-stack">
      {holder}
      {calendarAlert}
      <div className="admin-row" style={{ justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">目录变更：起草 → 征求所涉部门意见 → 批准 → 发布为新版本。</Typography.Text>
        <Space wrap>
          <LinkButton to="/admin/drafts?new=1" type="primary">新建草稿</LinkButton>
          <Button onClick={() => { drafts.reload(); requests.reload(); }} loading={drafts.loading}>刷新</Button>
        </Space>
      </div>
      <ul className="todo-counts" aria-label="待办统计">
        {groups.map((g) => <li key={g.key}><span className="n">{g.rows.length}</span>{g.title}</li>)}
        <li><span className="n">{open.length}</span>待处理变更申请</li>
      </ul>
      {nothing && <Empty description="暂无待办。需要修改目录时，点“新建草稿”。" />}
      {groups.filter((g) => g.rows.length > 0).map((g) => (
        <Section key={g.key} title={`${g.title}（${g.rows.length}）`}>
          <List dataSource={g.rows} renderItem={(d) => <List.Item actions={g.action ? [g.action(d)] : []}><DraftLine d={d} /></List.Item>} />
        </Section>
      ))}
      {requests.error && <Alert type="error" title={requests.error.message} />}
      {open.length > 0 && (
        <Section title={`待处理的变更申请（${open.length}）`}>
          <List dataSource={open} renderItem={(r) => (
            <List.Item actions={[<LinkButton key="o" to="/admin/change-requests" aria-label={`处理变更申请：${r.matter.name}`}>处理</LinkButton>]}>
              <List.Item.Meta title={r.matter.name} description={<>{r.reason}<br />{r.requestedBy.name} · {fmtTime(r.requestedAt)}</>} />
            </List.Item>
          )} />
        </Section>
      )}
    </div>
  );
}
