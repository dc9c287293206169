/** 好差评 of one matter by service event and by window clerk, with the rectification figures (GB/T 39734). */
import { Empty, Spin, Table } from 'antd';
import type { RatingSummary } from '../../contracts/index.ts';
import { get } from '../shared/api.ts';
import { ScrollRegion } from '../shared/ScrollRegion.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { LoadError } from '../window/ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

export function RatingBreakdown({ matter }: { matter: string }) {
  const { t } = usePrefs();
  const s = useLoad(() => get<RatingSummary>(`/api/ratings/summary?matter=${encodeURIComponent(matter)}`), [matter]);
  if (s.error) return <LoadError error={s.error} retry={s.reload} />;
  if (!s.data) return <Spin />;
  const d = s.data;
  if (d.total === 0 && d.rectification.opened === 0) return <Empty description={t('admNoRatingsYet')} />;
  const r = d.rectification;
  return (
    <>
      <p>{t('admAcceptanceStage')} {d.byEvent.acceptance ?? 0} {t('admRatingSCompletionStage')} {d.byEvent.completion ?? 0} {t('admRatingSBadRatings')} {r.opened} {t('admRectified')} {r.replied} {t('admSep29')}{pct(r.rate)}{t('admFollowedUp')} {r.followedUp} {t('admSatisfied2')} {r.followUpSatisfied} {t('admAppeals')} {r.appealed} {t('admUpheld')} {r.upheld} {t('admNotCounted')}</p>
      <ScrollRegion label={t('admRatingsPerWindowStaff')}>
        <Table rowKey="clerkName" size="small" pagination={false} dataSource={d.byClerk} locale={{ emptyText: t('admNoRatingsOfWindow') }} columns={[
          { title: t('admWindowStaff'), dataIndex: 'clerkName' },
          { title: t('admRatings'), dataIndex: 'total', render: (n: number) => t('admSep30', { n }) },
          { title: t('admBadRatings'), dataIndex: 'bad', render: (n: number) => t('admSep30', { n }) },
          { title: t('admSatisfaction2'), dataIndex: 'satisfactionRate', render: pct },
        ]} />
      </ScrollRegion>
    </>
  );
}
