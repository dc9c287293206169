/** 为您推荐 (issue 14): what usually comes next after the applicant's finished key matters, and licences about to expire. */
import { Alert, Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Recommendation, Recommendations } from '../../../contracts/recommendations.ts';
import { get } from '../../shared/api.ts';
import { dayText } from '../../shared/dates.ts';
import { usePrefs } from '../../shared/prefs.tsx';
import { useLoad } from '../../shared/useLoad.ts';

function Entry({ r, later }: { r: Recommendation; later: boolean }) {
  const { t, lang } = usePrefs();
  return (
    <List.Item>
      <List.Item.Meta
        title={<Link to={`/matters/${r.matterId}`} lang="zh-CN">{r.matterName}</Link>}
        description={(
          <>
            <Typography.Paragraph style={{ margin: 0 }} lang="zh-CN">{r.why}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {later ? `${dayText(r.dueOn, lang)}${t('recommendFrom')}` : <>{t('recommendAfter')}<span lang="zh-CN">{r.afterMatterName}</span></>}
            </Typography.Text>
          </>
        )}
      />
    </List.Item>
  );
}

/** On the home page (`caseId` unset: expiring licences too) or on a finished case's page (only what follows it). */
export function RecommendationsPanel({ caseId }: { caseId?: string }) {
  const { t, lang } = usePrefs();
  const { data } = useLoad(() => get<Recommendations>(`/api/me/recommendations${caseId ? `?caseId=${encodeURIComponent(caseId)}` : ''}`), [caseId]);
  if (!data || data.due.length + data.later.length + data.expiring.length === 0) return null;
  return (
    <section aria-labelledby="recommend-title">
      <Card size="small" title={<h2 id="recommend-title" style={{ margin: 0, fontSize: 'inherit' }}>{t('recommendTitle')}</h2>} style={{ marginBottom: 16 }}>
        {data.expiring.map((l) => (
          <Alert key={l.licenceId} type="warning" showIcon style={{ marginBottom: 8 }}
            title={<><span lang="zh-CN">{l.name}</span>{l.daysLeft === 0 ? t('expiresToday') : `${t('expiresIn')} ${l.daysLeft} ${t('expiryDays')}`}</>}
            description={<>{t('expiresOn')} {dayText(l.expiresOn, lang)}{lang === 'zh' ? '。' : '. '}<Link to="/wallet">{t('wallet')}</Link></>} />
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
