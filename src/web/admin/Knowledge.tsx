/** 12345 知识库: what the hotline is given from the latest publication, to read and to download. */
import { Button, Collapse, Empty, Space, Typography } from 'antd';
import type { Static } from 'typebox';
import type { KnowledgeAnswer } from '../../contracts/index.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, get, LoadError, Section } from './common.tsx';
import { usePrefs } from '../shared/prefs.tsx';

type Knowledge = Static<typeof KnowledgeAnswer>;

export function Knowledge() {
  const { t } = usePrefs();
  const kb = useLoad(() => get<Knowledge>('/api/admin/knowledge'), []);
  const entries = kb.data?.entries ?? [];
  const matters = [...new Map(entries.map((e) => [e.matterId, e.matterName])).entries()];
  return (
    <Section title={t('adm12345HotlineKnowledgeBase')} extra={<Button href="/api/admin/knowledge.xlsx" download>{t('admDownloadExcel')}</Button>}>
      {kb.error && <LoadError error={kb.error} retry={kb.reload} />}
      {kb.data && (
        <Typography.Paragraph>
          {t('admBuiltFromTheGuides')} {kb.data.version} {t('admPublished')}{fmtTime(kb.data.publishedAt)} {t('admAndRefreshedAfterEach')}{matters.length} {t('admMatterS')}{entries.length} {t('admEntriesTheCommand')} <Typography.Text code>{t('admOnethingExportKnowledgeTo')}</Typography.Text> {t('admExportsItToo')}
        </Typography.Paragraph>
      )}
      {entries.length === 0 && !kb.loading ? <Empty description={t('admNoEntriesYet')} /> : (
        <Collapse items={matters.map(([id, name]) => ({
          key: id, label: <><span lang="zh-CN">{name}</span>{t('admEntries', { name: '', p1: entries.filter((e) => e.matterId === id).length })}</>,
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              {entries.filter((e) => e.matterId === id).map((e) => (
                <div key={e.id}>
                  <Typography.Text strong><span lang="zh-CN">{e.title}</span></Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }} lang="zh-CN">{e.answer}</Typography.Paragraph>
                </div>
              ))}
            </Space>
          ),
        }))} />
      )}
    </Section>
  );
}
