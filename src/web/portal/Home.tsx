/** The 高效办成一件事 service zone: key matters by life stage for persons and enterprises, and search. */
import { Alert, Card, Col, Input, List, Row, Spin, Tabs, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { get } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import '../shared/phone/phone.css';
import { usePrefs } from '../shared/prefs.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';
import { SearchResults } from './SearchResults.tsx';
import { RecommendationsPanel } from './home/Recommendations.tsx';
import { OffersPanel } from './home/Offers.tsx';
import { CasesInProgress, FrequentMatters, StageNavigator, stageDomId, type Stage } from './home/HomePanels.tsx';

export default function Home() {
  const { t, elder } = usePrefs();
  usePageTitle(t('home'));
  const { account } = useAuth();
  const list = useLoad(() => get<{ version: number; stages: Stage[] }>('/api/public/matters'), []);
  const [params, setParams] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const runSearch = (q: string) => setParams(q.trim() === '' ? {} : { q: q.trim() });
  const stages = (subject: 'person' | 'enterprise') => (list.data?.stages ?? []).filter((s) => s.subject === subject);
  const board = (subject: 'person' | 'enterprise') => (
    <>
    <StageNavigator stages={stages(subject)} />
    <Row gutter={[16, 16]} className="stage-board">
      {stages(subject).map((s) => (
        <Col xs={24} md={elder ? 24 : 12} key={s.stage}>
          <Card id={stageDomId(s)} tabIndex={-1} title={<span><Tag color="red" lang="zh-CN">{s.name}</Tag></span>} size="small">
            <List
              dataSource={s.matters}
              renderItem={(m) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={`/matters/${m.id}`} lang="zh-CN">{m.name}</Link>}
                    description={elder ? undefined : <Typography.Text type="secondary">{t('home_items', { n: m.items })}<span lang="zh-CN">{m.lead.name}</span></Typography.Text>}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      ))}
    </Row>
    </>
  );
  return (
    <>
      <section aria-labelledby="zone" style={{ textAlign: 'center', margin: '8px 0 24px' }}>
        <Typography.Title id="zone" level={1}>{t('brand')}</Typography.Title>
        {!elder && <Typography.Paragraph type="secondary">{t('slogan')}</Typography.Paragraph>}
        <Input.Search
          aria-label={t('search')}
          placeholder={t('search')}
          allowClear
          defaultValue={query}
          key={query}
          enterButton={t('searchButton')}
          size="large"
          onSearch={runSearch}
          onChange={(e) => { if (e.target.value === '') runSearch(''); }}
          style={{ maxWidth: 560 }}
        />
      </section>
      {query !== '' && <SearchResults q={query} />}
      {account?.role === 'applicant' && <CasesInProgress />}
      {account?.role === 'applicant' && <OffersPanel />}
      {account?.role === 'applicant' && <RecommendationsPanel />}
      {list.data && <FrequentMatters stages={list.data.stages} />}
      <Typography.Paragraph style={{ textAlign: 'right' }}><Link to="/offers/publicity">{t('offers_publicityLink')}</Link></Typography.Paragraph>
      {list.error && <Alert type="error" message={list.error.message} />}
      {list.loading && !list.data ? <Spin tip={t('loading')} /> : (
        <Tabs items={[{ key: 'person', label: t('person'), children: board('person') }, { key: 'enterprise', label: t('enterprise'), children: board('enterprise') }]} />
      )}
    </>
  );
}
