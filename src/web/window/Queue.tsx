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
import { CHANNEL, fmtTime, LoadError, named, Section } from './ui.tsx';
import { usePageTitle } from '../shared/usePageTitle.ts';
import { usePrefs } from '../shared/prefs.tsx';

export function Queue() {
  const { t } = usePrefs();
  usePageTitle(t('winWindowAwaitingAcceptance'));
  const narrow = !Grid.useBreakpoint().md;
  const matters = useMatters();
  const queue = useLoad(() => get<{ cases: QueueRow[] }>('/api/window/cases'), []);
  const rows = queue.data?.cases ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ margin: 0 }}>{t('winComprehensiveWindow')}</Typography.Title>
        <Space wrap>
          <LinkButton size="large" to="/window/walk-in">{t('winWalkInEnquiries')}</LinkButton>
          <LinkButton type="primary" size="large" to="/window/new">{t('winNewApplication')}</LinkButton>
        </Space>
      </div>

      <Search />

      <Section title={t('winApplicationsAwaitingAcceptance', { n: rows.length })} extra={<Button onClick={queue.reload} loading={queue.loading}>{t('winRefresh')}</Button>}>
        {queue.error && <LoadError error={queue.error} retry={queue.reload} />}
        {narrow ? (
          <List loading={queue.loading} dataSource={rows} locale={{ emptyText: <Empty description={t('winNoApplicationsAwaitingAcceptance')} /> }} renderItem={(r) => (
            <List.Item actions={[<Link key="open" to={`/window/cases/${r.id}`} aria-label={t('winCheck', { number: r.number })}>{t('winCheck2')}</Link>]}>
              <List.Item.Meta title={<Link to={`/window/cases/${r.id}`}>{r.number}</Link>}
                description={<><span lang="zh-CN">{matters.name(r.matter)}</span><br />{named(t, CHANNEL, r.channel)} {t('winSubmitted3')} {fmtTime(r.submittedAt)}<br />{t('winCorrectionNoticeDue')}<CorrectionTerm row={r} /></>} />
            </List.Item>
          )} />
        ) : (
          <Table<QueueRow> rowKey="id" size="middle" loading={queue.loading} dataSource={rows} pagination={pages(rows.length)}
            locale={{ emptyText: <Empty description={t('winNoApplicationsAwaitingAcceptance')} /> }}
            columns={[
              { title: t('winCaseNumber'), dataIndex: 'number', render: (v: string, r) => <Link to={`/window/cases/${r.id}`}>{v}</Link> },
              { title: t('winMatter'), dataIndex: 'matter', render: (m: string) => <span lang="zh-CN">{matters.name(m)}</span> },
              { title: t('winChannel2'), dataIndex: 'channel', render: (c: string) => <Tag color={c === 'online' ? 'geekblue' : 'default'}>{named(t, CHANNEL, c)}</Tag> },
              { title: t('winSubmitted'), dataIndex: 'submittedAt', render: fmtTime },
              { title: t('winCorrectionNoticeDue2'), key: 'term', render: (_: unknown, r) => <CorrectionTerm row={r} /> },
              { title: t('winActions'), key: 'op', render: (_: unknown, r) => <LinkButton type="primary" ghost to={`/window/cases/${r.id}`} aria-label={t('winCheck', { number: r.number })}>{t('winCheck2')}</LinkButton> },
            ]} />
        )}
      </Section>

      <Recent />
      <Answering />
    </Space>
  );
}
