/** 为您推荐 (issue 14): what usually comes next after the applicant's finished key matters, and licences about to expire. */
import { Alert, Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Recommendation, Recommendations } from '../../../contracts/recommendations.ts';
import { get } from '../../shared/api.ts';
import { usePrefs } from '../../shared/prefs.tsx';
import { useLoad } from '../../shared/useLoad.ts';

/** 2031-09-20 → 2031年9月20日: the dates are days in China already. */
export const chineseDay = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

function Entry({ r, later }: { r: Recommendation; later: boolean }) {
  const { t } = usePrefs();
  return (
    <List.Item>
      <List.Item.Meta
        title={<Link to={`/matters/${r.matterId}`}>{r.matterName}</Link>}
        description={(
          <>
            <Typography.Paragraph style={{ margin: 0 }}>{r.why}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {later ? `${chineseDay(r.dueOn)}${t('recommendFrom')}` : `${t('recommendAfter')}${r.afterMatterName}`}
            </Typography.Text>
          </>
        )}
      />
    </List.Item>
  );
}

/** On the home page (`caseId` unset: expiring licences too) or on a finished case's page (only what follows it). */
export function RecommendationsPanel({ caseId }: { caseId?: string }) {
  const { t } = usePrefs();
  const { data } = useLoad(() => get<Recommendations>(`/api/me/recommendations${caseId ? `?caseId=${encodeURIComponent(caseId)}` : ''}`), [caseId]);
  if (!data || data.due.length + data.later.length + data.expiring.length === 0) return null;
  return (
    <section aria-labelledby="recommend-title">
      <Card size="small" title={<h2 id="recommend-title" style={{ margin: 0, fontSize: 'inherit' }}>{t('recommendTitle')}</h2>} style={{ marginBottom: 16 }}>
        {data.expiring.map((l) => (
          <Alert key={l.licenceId} type="warning" showIcon style={{ marginBottom: 8 }}
            title={`${l.name}${l.daysLeft === 0 ? t('expiresToday') : `${t('expiresIn')} ${l.daysLeft} ${t('expiryDays')}`}`}
            description={<>{t('expiresOn')} {chineseDay(l.expiresOn)}。<Link to="/wallet">{t('wallet')}</Link></>} />
        ))}
        {data.due.length > 0 && <List dataSource={data.due} renderItem={(r) => <Entry r={r} later={false} />} />}
        {data.later.length > 0 && (
          <>
            <Typography.Title level={3} style={{ fontSize: '1em', marginTop: 8 }}>{t('recommendLater')}</Typography.Title>
            <List dataSource={data.later} renderItem={(r) => <Entry r={r} later />} />
          </>
        )}
      </Card>
    </section>
  );
}
