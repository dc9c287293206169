/** 好差评 of one matter by service event and by window clerk, with the rectification figures (GB/T 39734). */
import { Empty, Spin, Table } from 'antd';
import type { RatingSummary } from '../../contracts/index.ts';
import { get } from '../shared/api.ts';
import { ScrollRegion } from '../shared/ScrollRegion.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { LoadError } from '../window/ui.tsx';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

export function RatingBreakdown({ matter }: { matter: string }) {
  const s = useLoad(() => get<RatingSummary>(`/api/ratings/summary?matter=${encodeURIComponent(matter)}`), [matter]);
  if (s.error) return <LoadError error={s.error} retry={s.reload} />;
  if (!s.data) return <Spin />;
  const d = s.data;
  if (d.total === 0 && d.rectification.opened === 0) return <Empty description="暂无评价" />;
  const r = d.rectification;
  return (
    <>
      <p>受理环节 {d.byEvent.acceptance ?? 0} 条、办结环节 {d.byEvent.completion ?? 0} 条评价；差评 {r.opened} 条，已整改 {r.replied} 条（{pct(r.rate)}），
        回访 {r.followedUp} 条（满意 {r.followUpSatisfied} 条）；申诉 {r.appealed} 条，成立 {r.upheld} 条（不计入评价）。</p>
      <ScrollRegion label="各窗口人员评价">
        <Table rowKey="clerkName" size="small" pagination={false} dataSource={d.byClerk} locale={{ emptyText: '暂无窗口人员的评价' }} columns={[
          { title: '窗口人员', dataIndex: 'clerkName' },
          { title: '评价', dataIndex: 'total', render: (n: number) => `${n} 条` },
          { title: '差评', dataIndex: 'bad', render: (n: number) => `${n} 条` },
          { title: '满意率', dataIndex: 'satisfactionRate', render: pct },
        ]} />
      </ScrollRegion>
    </>
  );
}
