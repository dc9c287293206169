/** The window's start page: finding a case, applications awaiting acceptance, a new application, the clerk's recent cases. */
import { Button, Empty, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { get } from '../shared/api.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { pages } from '../shared/pager.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { useMatters } from '../shared/useMatters.ts';
import { CorrectionTerm } from './Corrections.tsx';
import { Recent } from './Recent.tsx';
import { Answering } from '../shared/consultations/Answering.tsx';
import { Search } from './Search.tsx';
import type { QueueRow } from './types.ts';
import { CHANNEL, fmtTime, LoadError, Section } from './ui.tsx';
import { usePageTitle } from '../shared/usePageTitle.ts';

export function Queue() {
  usePageTitle('综合窗口 待受理');
  const narrow = !Grid.useBreakpoint().md;
  const matters = useMatters();
  const queue = useLoad(() => get<{ cases: QueueRow[] }>('/api/window/cases'), []);
  const rows = queue.data?.cases ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ margin: 0 }}>综合窗口</Typography.Title>
        <Space wrap>
          <LinkButton size="large" to="/window/walk-in">来访咨询登记</LinkButton>
          <LinkButton type="primary" size="large" to="/window/new">新建申请</LinkButton>
        </Space>
      </div>

      <Search />

      <Section title={`待受理申请（${rows.length}）`} extra={<Button onClick={queue.reload} loading={queue.loading}>刷新</Button>}>
        {queue.error && <LoadError error={queue.error} retry={queue.reload} />}
        {narrow ? (
          <List loading={queue.loading} dataSource={rows} locale={{ emptyText: <Empty description="暂无待受理的申请" /> }} renderItem={(r) => (
            <List.Item actions={[<Link key="open" to={`/window/cases/${r.id}`} aria-label={`核验 ${r.number}`}>核验</Link>]}>
              <List.Item.Meta title={<Link to={`/window/cases/${r.id}`}>{r.number}</Link>}
                description={<>{matters.name(r.matter)}<br />{CHANNEL[r.channel] ?? r.channel} · 提交于 {fmtTime(r.submittedAt)}<br />补正告知期限：<CorrectionTerm row={r} /></>} />
            </List.Item>
          )} />
        ) : (
          <Table<QueueRow> rowKey="id" size="middle" loading={queue.loading} dataSource={rows} pagination={pages(rows.length)}
            locale={{ emptyText: <Empty description="暂无待受理的申请" /> }}
            columns={[
              { title: '办件编号', dataIndex: 'number', render: (v: string, r) => <Link to={`/window/cases/${r.id}`}>{v}</Link> },
              { title: '一件事', dataIndex: 'matter', render: (m: string) => matters.name(m) },
              { title: '申请渠道', dataIndex: 'channel', render: (c: string) => <Tag color={c === 'online' ? 'geekblue' : 'default'}>{CHANNEL[c] ?? c}</Tag> },
              { title: '提交时间', dataIndex: 'submittedAt', render: fmtTime },
              { title: '补正告知期限', key: 'term', render: (_: unknown, r) => <CorrectionTerm row={r} /> },
              { title: '操作', key: 'op', render: (_: unknown, r) => <LinkButton type="primary" ghost to={`/window/cases/${r.id}`} aria-label={`核验 ${r.number}`}>核验</LinkButton> },
            ]} />
        )}
      </Section>

      <Recent />
      <Answering />
    </Space>
  );
}
