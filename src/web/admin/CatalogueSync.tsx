/** 上级事项目录同步: the administrator reads in the superior catalogue's file and sees the draft it made and why. */
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CatalogueSyncAnswer } from '../../contracts/index.ts';
import { ApiError, post } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { Section } from './common.tsx';
import { WithData, SLOT } from '../window/ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';

type Updated = CatalogueSyncAnswer['updated'][number];

export function CatalogueSync() {
  const { t } = usePrefs();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState<CatalogueSyncAnswer | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const sync = () => run(async () => {
    setAnswer(null);
    setProblems([]);
    if (!file) throw new Error(t('admFirstChooseTheUpper'));
    let catalogue: unknown;
    try {
      catalogue = JSON.parse(await file.text());
    } catch {
      throw new Error(t('admIsNotAValid', { name: file.name }));
    }
    try {
      setAnswer(await post<CatalogueSyncAnswer>('/api/admin/catalogue-sync', { catalogue }));
    } catch (e) {
      if (e instanceof ApiError) setProblems(e.details.map((d) => t('admSep7', { p0: d.path.replace(/^catalogue\.?/, '') || t('admFile'), message: d.message })));
      throw e;
    }
  });
  return (
    <Section title={t('admSyncTheUpperLevel')}>
      <Typography.Paragraph type="secondary">
        {t('admReadsAnUpperLevel')} <Typography.Text code>{t('admOnethingCatalogSyncFrom')}</Typography.Text>{t('admDoesTheSame')}
      </Typography.Paragraph>
      <Space wrap>
        <input ref={input} type="file" accept="application/json,.json" aria-label={t('admUpperLevelCatalogueFile')} hidden onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <Button onClick={() => input.current?.click()}>{t('admChooseAFile')}</Button>
        <Typography.Text type={file ? undefined : 'secondary'}>{file ? file.name : t('admNoFileChosenJson')}</Typography.Text>
        <Button type="primary" onClick={() => void sync()} loading={busy} disabled={!file}>{t('admSyncAndMakeA')}</Button>
      </Space>
      <div role="status" aria-live="polite" style={{ marginTop: 12 }}>
        {error && (
          <Alert type="error" showIcon title={error} description={problems.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
          )} />
        )}
        {answer && <SyncResult answer={answer} />}
      </div>
    </Section>
  );
}

function SyncResult({ answer }: { answer: CatalogueSyncAnswer }) {
  const { t } = usePrefs();
  return (
    <div className="admin-stack" style={{ gap: 12 }}>
      {answer.draft
        ? <Alert type="success" showIcon title={<>{t('admCatalogueDraftMade')} <Link to={`/admin/drafts/${answer.draft.id}`} lang="zh-CN">{answer.draft.title}</Link></>}
          description={t('admPerItemSUpdated', { source: answer.source, p1: answer.issuedAt.slice(0, 10), n: answer.updated.length, p3: answer.unchanged > 0 ? t('admSyncUnchanged', { n: answer.unchanged }) : '', p4: answer.draft.defects > 0 ? t('admSyncDefects', { n: answer.draft.defects }) : t('admSyncSubmit') })} />
        : <Alert type="info" showIcon title={t('admTheLocalCatalogueMatches')} description={t('admSep8', { source: answer.source, p1: answer.issuedAt.slice(0, 10) })} />}
      {answer.updated.length > 0 && (
        <Table<Updated> rowKey="item" size="small" pagination={false} dataSource={answer.updated} aria-label={t('admUpdatedItems')}
          columns={[
            { title: t('admItems'), dataIndex: 'name', render: (name: string, u) => <><span lang="zh-CN">{name}</span><div><Typography.Text type="secondary">{u.matchedBy === 'code' ? t('admMatchedByItemCode') : t('admFirstSyncMatchedBy')}</Typography.Text></div></> },
            { title: t('admChanges'), key: 'changes', render: (_: unknown, u) => (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>{u.changes.map((c) => <li key={c.label}><span lang="zh-CN">{c.label}</span>{t('admSep9')}<span lang="zh-CN">{c.from} → {c.to}</span></li>)}</ul>
            ) },
          ]} />
      )}
      {answer.unimplemented.length > 0 && (
        <Alert type="warning" showIcon title={t('admBasicCatalogueItemS', { n: answer.unimplemented.length })} description={<>{t('admDepartmentsConcernedPleaseDraw', { p0: '' })}<span lang="zh-CN">{answer.unimplemented.map((u) => `${u.name}（${u.code}）`).join('、')}</span></>} />
      )}
      {answer.withdrawn.map((w) => (
        <Alert key={w.item} type="warning" showIcon title={<WithData text={t('admPleaseCheck', { name: SLOT })} data={w.name} />} description={<><span lang="zh-CN">{w.reason}</span>{t('admTheLocalItemWas', { reason: '', code: w.code })}</>} />
      ))}
    </div>
  );
}
