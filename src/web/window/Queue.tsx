/** The window's start page: applications awaiting acceptance, a new application, recently handled cases. */
import { Button, Empty, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { get } from '../shared/api.ts';
import { pagerItem } from '../shared/pager.tsx';
import { useLoad } from '../shared/useLoad.ts';
import type { CaseView, QueueRow } from './types.ts';
import { CHANNEL, fmtTime, LoadError, recentCases, Section, useMatterNames } from './ui.tsx';

const STATUS_COLOR: Record<string, string> = { draft: 'default', submitted: 'gold', accepted: 'blue', 'in-progress': 'blue', completed: 'green', rejected: 'red', withdrawn: 'default' };

export function Queue() {
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const names = useMatterNames();
  const queue = useLoad(() => get<{ cases: QueueRow[] }>('/api/window/cases'), []);
  const recent = useLoad(async () => {
    const list = recentCases().slice(0, 10);
    const views = await Promise.all(list.map((r) => get<CaseView>(`/api/cases/${r.id}`).catch(() => null)));
    return list.map((r, i) => ({ ...r, view: views[i] ?? null }));
  }, []);
  const rows = queue.data?.cases ?? [];
  const matterName = (id: string) => names.get(id) ?? id;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>综合窗口</Typography.Title>
        <Button type="primary" size="large" onClick={() => navigate('/window/new')}>新建申请</Button>
      </div>

      <Section title={`待受理申请（${rows.length}）`} extra={<Button onClick={queue.reload} loading={queue.loading}>刷新</Button>}>
        {queue.error && <LoadError error={queue.error} retry={queue.reload} />}
        {narrow ? (
          <List loading={queue.loading} dataSource={rows} locale={{ emptyText: <Empty description="暂无待受理的申请" /> }} renderItem={(r) => (
            <List.Item actions={[<Link key="open" to={`/window/cases/${r.id}`} aria-label={`核验 ${r.number}`}>核验</Link>]}>
              <List.Item.Meta title={<Link to={`/window/cases/${r.id}`}>{r.number}</Link>}
                description={<>{matterName(r.matter)}<br />{CHANNEL[r.channel] ?? r.channel} · 提交于 {fmtTime(r.submittedAt)}</>} />
            </List.Item>
          )} />
        ) : (
          <Table<QueueRow> rowKey="id" size="middle" loading={queue.loading} dataSource={rows} pagination={rows.length > 20 ? { pageSize: 20, itemRender: pagerItem } : false}
            locale={{ emptyText: <Empty description="暂无待受理的申请" /> }}
            columns={[
              { title: '办件编号', dataIndex: 'number', render: (v: string, r) => <Link to={`/window/cases/${r.id}`}>{v}</Link> },
              { title: '一件事', dataIndex: 'matter', render: matterName },
              { title: '申请渠道', dataIndex: 'channel', render: (c: string) => <Tag color={c === 'online' ? 'geekblue' : 'default'}>{CHANNEL[c] ?? c}</Tag> },
              { title: '提交时间', dataIndex: 'submittedAt', render: fmtTime },
              { title: '操作', key: 'op', render: (_: unknown, r) => <Button type="primary" ghost onClick={() => navigate(`/window/cases/${r.id}`)} aria-label={`核验 ${r.number}`}>核验</Button> },
            ]} />
        )}
      </Section>

      <Section title="本窗口近期办件" extra={<Button onClick={recent.reload} loading={recent.loading}>刷新</Button>}>
        <Typography.Paragraph type="secondary">在本机办理过的申请（保存在本浏览器，只记录办件编号）。受理后的材料流转、补交容缺材料和结果送达从这里进入。</Typography.Paragraph>
        <List loading={recent.loading} dataSource={recent.data ?? []} locale={{ emptyText: <Empty description="还没有办理过的申请" /> }} renderItem={(r) => (
          <List.Item actions={[<Link key="open" to={`/window/cases/${r.id}`} aria-label={`打开 ${r.number}`}>打开</Link>]}>
            <List.Item.Meta title={<Space wrap><Link to={`/window/cases/${r.id}`}>{r.number}</Link>{r.view && <Tag color={STATUS_COLOR[r.view.status]}>{r.view.statusLabel}</Tag>}</Space>}
              description={r.matter} />
          </List.Item>
        )} />
      </Section>
    </Space>
  );
}
