/** The published versions of the catalogue (clause 5.1.3): dates, titles, reasons, matters changed; export for administrators. */
import { Button, Empty, Grid, List, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../shared/auth.tsx';
import { pages } from '../shared/pager.tsx';
import { useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, get, LoadError, Section } from './common.tsx';
import type { VersionEntry } from './types.ts';

export function Versions() {
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
  }, (files: number) => `已导出第 ${v.version} 版（${files} 个文件）`);

  const matters = (v: VersionEntry) => (v.matters.length === 0 ? <Typography.Text type="secondary">{v.source === 'import' ? '整套导入' : '—'}</Typography.Text>
    : v.matters.map((m) => <Tag key={m.id}><Link to={`/matters/${m.id}`}>{m.name}</Link></Tag>));
  const exportButton = (v: VersionEntry) => <Button size="small" onClick={() => void download(v)} loading={busy === v.version} aria-label={`导出第 ${v.version} 版 YAML`}>导出</Button>;

  return (
    <Section title={`版本记录（${rows.length}）`} extra={<Button onClick={q.reload} loading={q.loading}>刷新</Button>}>
      {holder}
      <Typography.Paragraph type="secondary">每次发布形成新的目录版本，标明发布日期和变更理由，对外公开。已受理的办件按受理时的版本办理。</Typography.Paragraph>
      {q.error && <LoadError error={q.error} retry={q.reload} />}
      {narrow ? (
        <List loading={q.loading} dataSource={rows} locale={{ emptyText: <Empty description="暂无版本" /> }} renderItem={(v) => (
          <List.Item actions={admin ? [exportButton(v)] : []}>
            <div>
              <div className="admin-row"><strong>第 {v.version} 版</strong>{v === rows[0] && <Tag color="green">现行</Tag>}<span>{fmtTime(v.publishedAt)}</span></div>
              <div>{v.title}</div>
              <Typography.Text type="secondary">{v.reason}</Typography.Text>
              <div>{matters(v)}</div>
            </div>
          </List.Item>
        )} />
      ) : (
        <Table<VersionEntry> rowKey="version" loading={q.loading} dataSource={rows} pagination={pages(rows.length)}
          columns={[
            { title: '版本', dataIndex: 'version', width: 110, render: (n: number, v) => <>第 {n} 版{v === rows[0] && <div><Tag color="green">现行</Tag></div>}</> },
            { title: '发布时间', dataIndex: 'publishedAt', width: 150, render: (t: string) => fmtTime(t) },
            { title: '标题与理由', key: 'title', render: (_: unknown, v) => <><div>{v.title}</div><Typography.Text type="secondary">{v.reason}</Typography.Text></> },
            { title: '涉及的一件事', key: 'matters', render: (_: unknown, v) => matters(v) },
            ...(admin ? [{ title: '导出', key: 'export', width: 80, render: (_: unknown, v: VersionEntry) => exportButton(v) }] : []),
          ]} />
      )}
    </Section>
  );
}
