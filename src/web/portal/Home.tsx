/** The 高效办成一件事 service zone: key matters by life stage for persons and enterprises, and search. */
import { Alert, Card, Col, Empty, Input, List, Row, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { get } from '../shared/api.ts';
import { usePrefs } from '../shared/prefs.tsx';
import { useLoad } from '../shared/useLoad.ts';

interface MatterCard { id: string; name: string; summary: string; lead: { name: string }; items: number }
interface Stage { stage: string; name: string; subject: 'person' | 'enterprise'; matters: MatterCard[] }
interface Hit { id: string; name: string; lifeStage: string; summary: string }

export default function Home() {
  const { t } = usePrefs();
  const list = useLoad(() => get<{ version: number; stages: Stage[] }>('/api/public/matters'), []);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const runSearch = async (q: string) => {
    setQuery(q);
    if (q.trim() === '') return setHits(null);
    setHits((await get<{ results: Hit[] }>(`/api/public/search?q=${encodeURIComponent(q)}`)).results);
  };
  const stages = (subject: 'person' | 'enterprise') => (list.data?.stages ?? []).filter((s) => s.subject === subject);
  const board = (subject: 'person' | 'enterprise') => (
    <Row gutter={[16, 16]}>
      {stages(subject).map((s) => (
        <Col xs={24} md={12} key={s.stage}>
          <Card title={<span><Tag color="red">{s.name}</Tag></span>} size="small">
            <List
              dataSource={s.matters}
              renderItem={(m) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={`/matters/${m.id}`}>{m.name}</Link>}
                    description={<Typography.Text type="secondary">{m.items} 个事项 · 牵头：{m.lead.name}</Typography.Text>}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
  return (
    <>
      <section aria-labelledby="zone" style={{ textAlign: 'center', margin: '8px 0 24px' }}>
        <Typography.Title id="zone" level={2}>{t('brand')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('slogan')}</Typography.Paragraph>
        <Input.Search
          aria-label={t('search')}
          placeholder={t('search')}
          allowClear
          enterButton="搜索"
          size="large"
          onSearch={runSearch}
          onChange={(e) => { if (e.target.value === '') void runSearch(''); }}
          style={{ maxWidth: 560 }}
        />
      </section>
      {hits && (
        <Card title={`“${query}”`} style={{ marginBottom: 16 }}>
          {hits.length === 0 ? <Empty description={t('noResult')} /> : (
            <List dataSource={hits} renderItem={(h) => (
              <List.Item><List.Item.Meta title={<Link to={`/matters/${h.id}`}>{h.name}</Link>} description={`${h.lifeStage} · ${h.summary.slice(0, 60)}…`} /></List.Item>
            )} />
          )}
        </Card>
      )}
      {list.error && <Alert type="error" message={list.error.message} />}
      {list.loading && !list.data ? <Spin tip={t('loading')} /> : (
        <Tabs items={[{ key: 'person', label: t('person'), children: board('person') }, { key: 'enterprise', label: t('enterprise'), children: board('enterprise') }]} />
      )}
    </>
  );
}
