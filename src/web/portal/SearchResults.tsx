/** The results of a search whose words live in the URL (`/?q=生孩子`), so a result page can be shared and reloaded. */
import { Alert, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { MatterSearchAnswer } from '../../contracts/search.ts';
import { get } from '../shared/api.ts';
import type { MessageKey } from '../shared/messages/index.ts';
import { usePrefs } from '../shared/prefs.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { fillNodes } from '../shared/fillNodes.tsx';
import { PersonCard } from './assistant/PersonCard.tsx';
import { More } from './elder/More.tsx';
import './elder.css';

export function SearchResults({ q }: { q: string }) {
  const { t, elder } = usePrefs();
  const detail = (h: MatterSearchAnswer['results'][number]) => <>
    <span lang="zh-CN">{h.summary.slice(0, 60)}…</span>{' '}
    <span>{t('matchedIn')}{t('colon')}{h.matchedIn.map((f) => <Tag key={f}>{t(`field_${f}` as MessageKey)}</Tag>)}</span>
  </>;
  const found = useLoad(() => get<MatterSearchAnswer>(`/api/public/search?q=${encodeURIComponent(q.slice(0, 100))}`), [q]);
  const body = found.data;
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: '1.1em' }}>{fillNodes(t('searchFor'), { q: <span lang="zh-CN">{q}</span> })}</h2>} style={{ marginBottom: 16 }} className="search-results">
      {found.error && <Alert type="error" message={found.error.message} />}
      {!body ? <Spin tip={t('loading')} /> : body.results.length === 0 ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Empty description={t('noResult')} />
          {body.suggestions.length > 0 && (
            <nav aria-label={t('suggestions')}>
              <Typography.Text>{t('suggestions')}</Typography.Text>{' '}
              {body.suggestions.map((s, i) => <span key={s.id}>{i > 0 && t('listSep')}<Link to={`/matters/${encodeURIComponent(s.id)}`} lang="zh-CN">{s.name}</Link></span>)}
            </nav>
          )}
          <Typography.Paragraph>{t('askPerson')}</Typography.Paragraph>
          <PersonCard person={body.person} />
        </Space>
      ) : (
        <List dataSource={body.results} renderItem={(h) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/matters/${encodeURIComponent(h.id)}`} lang="zh-CN">{h.name}</Link>}
              description={elder ? (
                // 长辈模式: the life stage only; the summary and where the words matched behind 更多说明.
                <><span lang="zh-CN">{h.lifeStage}</span><More>{detail(h)}</More></>
              ) : <><span lang="zh-CN">{h.lifeStage} · </span>{detail(h)}</>}
            />
          </List.Item>
        )} />
      )}
    </Card>
  );
}
