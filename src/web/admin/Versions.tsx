/** The published versions of the catalogue (clause 5.1.3): dates, titles, reasons, matters changed; export for administrators. */
import { Button, Empty, Grid, List, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../shared/auth.tsx';
import { pages } from '../shared/pager.tsx';
import { useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, get, LoadError, Section } from './common.tsx';
import type { VersionEntry } from './types.ts';
import { usePrefs } from '../shared/prefs.tsx';

export function Versions() {
  const { t } = usePrefs();
  const { account } = useAuth();
  const admin = account?.role === 'admin';
  const narrow = !Grid.useBreakpoint().md;
  const q = useLoad(() => get<{ versions: VersionEntry[] }>('/api/public/versions'), []);
  const rows = q.data?.versions ?? [];
  const { busy, holder, run } = useToastAction<number>();

  const download = (v: VersionEntry) => run(v.version, async () => {
    const r = await get<{ version: number; publishedAt: string; files: Record<string, string> }>(`/api/admin/versions/${v.version}/export`);
    const blob = new Blob([JSON.stringify(r.files, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `onething-catalog-v${v.version}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    return Object.keys(r.files).length;
  }, (files: number) => t('admExportedVersionFiles', { version: v.version, files }));

  const matters = (v: VersionEntry) => (v.matters.length === 0 ? <Typography.Text type="secondary">{v.source === 'import' ? t('admWholeSetImport') : '—'}</Typography.Text>
    : v.matters.map((m) => <Tag key={m.id}><Link to={`/matters/${m.id}`}><span lang="zh-CN">{m.name}</span></Link></Tag>));
  const exportButton = (v: VersionEntry) => <Button size="small" onClick={() => void download(v)} loading={busy === v.version} aria-label={t('admExportVersionAsYaml', { version: v.version })}>{t('admExport')}</Button>;

  return (
    <Section title={t('admVersions2', { n: rows.length })} extra={<Button onClick={q.reload} loading={q.loading}>{t('admRefresh')}</Button>}>
      {holder}
      <Typography.Paragraph type="secondary">{t('admEachPublicationMakesA')}</Typography.Paragraph>
      {q.error && <LoadError error={q.error} retry={q.reload} />}
      {narrow ? (
        <List loading={q.loading} dataSource={rows} locale={{ emptyText: <Empty description={t('admNoVersionsYet')} /> }} renderItem={(v) => (
          <List.Item actions={admin ? [exportButton(v)] : []}>
            <div>
              <div className="admin-row"><strong>{t('admVersionN', { n: v.version })}</strong>{v === rows[0] && <Tag color="green">{t('admCurrent')}</Tag>}<span>{fmtTime(v.publishedAt)}</span></div>
              <div><span lang="zh-CN">{v.title}</span></div>
              <Typography.Text type="secondary"><span lang="zh-CN">{v.reason}</span></Typography.Text>
              <div>{matters(v)}</div>
            </div>
          </List.Item>
        )} />
      ) : (
        <Table<VersionEntry> rowKey="version" loading={q.loading} dataSource={rows} pagination={pages(rows.length)}
          columns={[
            { title: t('admVersion4'), dataIndex: 'version', width: 110, render: (n: number, v) => <>{t('admVersionN', { n })}{v === rows[0] && <div><Tag color="green">{t('admCurrent')}</Tag></div>}</> },
            { title: t('admPublished2'), dataIndex: 'publishedAt', width: 150, render: (t: string) => fmtTime(t) },
            { title: t('admTitleAndReason'), key: 'title', render: (_: unknown, v) => <><div><span lang="zh-CN">{v.title}</span></div><Typography.Text type="secondary"><span lang="zh-CN">{v.reason}</span></Typography.Text></> },
            { title: t('admMatterConcerned'), key: 'matters', render: (_: unknown, v) => matters(v) },
            ...(admin ? [{ title: t('admExport'), key: 'export', width: 80, render: (_: unknown, v: VersionEntry) => exportButton(v) }] : []),
          ]} />
      )}
    </Section>
  );
}
