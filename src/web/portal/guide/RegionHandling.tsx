/**
 * 办理地 on the guide: choose a region (the applicant's own from shared data when logged in) and see
 * each item's implementing department, window and promised limit there, from its 实施清单.
 */
import { Card, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { GuidePlace } from '../../../contracts/regions.ts';
import { get } from '../../shared/api.ts';
import { fillNodes, Zh } from '../../shared/fillNodes.tsx';
import { useAuth } from '../../shared/auth.tsx';
import { usePrefs } from '../../shared/prefs.tsx';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { useLoad } from '../../shared/useLoad.ts';

interface RegionRow { code: string; fullName: string }
const ANY = '';

export function RegionHandling({ matterId, names }: { matterId: string; names: Record<string, string> }) {
  const { t } = usePrefs();
  const { account } = useAuth();
  const [region, setRegion] = useState<string | null>(null);
  const regions = useLoad(() => get<{ regions: RegionRow[] }>('/api/public/regions'), []);
  // Logged in as an applicant: their region from shared data is the default place.
  useEffect(() => {
    if (account?.role !== 'applicant' || region !== null) return;
    let live = true;
    get<{ region: string | null }>('/api/me/facts').then((r) => live && r.region && setRegion((now) => now ?? r.region), () => {});
    return () => {
      live = false;
    };
  }, [account, region]);
  const chosen = region ?? ANY;
  const place = useLoad(() => get<{ place: GuidePlace }>(`/api/public/matters/${encodeURIComponent(matterId)}${chosen ? `?region=${chosen}` : ''}`), [matterId, chosen]);
  const rows = place.data?.place.handling ?? [];
  const placeName = place.data?.place.region?.fullName;
  return (
    <Card id="section-place" tabIndex={-1} title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{placeName ? fillNodes(t('regionImplTitle'), { place: <Zh>{placeName}</Zh> }) : t('regionPlace')}</h2>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <label htmlFor="guide-region">{t('regionPlace')}</label>
        <Select id="guide-region" style={{ minWidth: 240 }} value={chosen} onChange={(v: string) => setRegion(v)} loading={regions.loading}
          options={[{ value: ANY, label: t('regionPlaceDefault') }, ...(regions.data?.regions ?? []).map((r) => ({ value: r.code, label: <span lang="zh-CN">{r.fullName}</span> }))]} />
        <Typography.Text type="secondary">{t('regionPlaceHint')}</Typography.Text>
        <ScrollRegion label={t('regionPlace')}>
          <Table rowKey="item" size="small" pagination={false} loading={place.loading} dataSource={rows} columns={[
            { title: t('guide_item'), dataIndex: 'item', render: (id: string) => <span lang="zh-CN">{names[id] ?? ''}</span> },
            { title: t('regionImplDepartment'), dataIndex: ['department', 'name'], render: (v: string) => <span lang="zh-CN">{v}</span> },
            { title: t('regionImplWindow'), dataIndex: 'windows', render: (ws: GuidePlace['handling'][number]['windows']) => <span lang="zh-CN">{ws.map((w) => `${w.name}（${w.address}）`).join('；')}</span> },
            { title: t('regionImplPromised'), dataIndex: ['timeLimit', 'promised'], render: (n: number) => t('regionImplDays', { n }) },
          ]} />
        </ScrollRegion>
      </Space>
    </Card>
  );
}
