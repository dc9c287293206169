/**
 * The dashboard by region: a region selector (figures then count that region and those below it) and
 * every region's cases, own and rolled up to it (a province its cities' sums, a city its counties').
 */
import { Select, Table } from 'antd';
import type { Static } from 'typebox';
import type { RegionMetricsAnswer } from '../../contracts/regions.ts';
import { usePrefs } from '../shared/prefs.tsx';
import { ScrollRegion } from '../shared/ScrollRegion.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { get } from './common.tsx';

type Answer = Static<typeof RegionMetricsAnswer>;
const DEPTH: Record<string, number> = { province: 0, city: 1, county: 2, township: 3 };

export function useRegionFigures() {
  return useLoad(() => get<Answer>('/api/metrics/regions'), []);
}

export function RegionPicker({ value, onChange, figures }: { value: string; onChange(code: string): void; figures: Answer | null }) {
  const { t } = usePrefs();
  return (
    <div className="admin-row">
      <label htmlFor="dashboard-region" style={{ fontWeight: 600 }}>{t('regionScope')}</label>
      <Select id="dashboard-region" value={value} onChange={onChange} style={{ flex: '1 1 280px', maxWidth: 420 }}
        options={[{ value: '', label: t('regionScopeAll') }, ...(figures?.regions ?? []).map((r) => ({ value: r.code, label: <span lang="zh-CN">{r.fullName}</span> }))]} />
    </div>
  );
}

export function RegionTable({ figures }: { figures: Answer | null }) {
  const { t } = usePrefs();
  return (
    <>
      <p>{t('regionScopeNote')}</p>
      <ScrollRegion label={t('regionScope')}>
        <Table rowKey="code" size="small" pagination={false} loading={figures === null} dataSource={figures?.regions ?? []} columns={[
          { title: t('regionScope'), dataIndex: 'name', render: (name: string, r) => <span lang="zh-CN" style={{ paddingInlineStart: `${(DEPTH[r.level] ?? 0) * 1.5}em` }}>{name}</span> },
          { title: t('regionCasesTotal'), dataIndex: ['total', 'cases'] },
          { title: t('regionAcceptedTotal'), dataIndex: ['total', 'accepted'] },
          { title: t('regionCasesOwn'), dataIndex: ['own', 'cases'] },
        ]} />
      </ScrollRegion>
    </>
  );
}
