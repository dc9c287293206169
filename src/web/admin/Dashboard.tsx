/**
 * The effectiveness dashboard (clause 8.1): per key matter the five dimensions — channels, process
 * (time limits before and after, actual durations), materials (and fields, exemption rate), cost
 * (trips, assisted applications) and satisfaction (ratings by level, satisfaction and rectification
 * rates) — as charts, each with the same numbers in a table (the charts' text alternative).
 */
import { Alert, Button, Empty, Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useAuth } from '../shared/auth.tsx';
import { ScrollRegion } from '../shared/ScrollRegion.tsx';
import { RatingBreakdown } from './RatingBreakdown.tsx';
import { useLoad } from '../shared/useLoad.ts';
// The channel a case came in by (the catalogue's CHANNEL names the channels a matter offers).
import { CHANNEL as USED, SLOT, WithData } from '../window/ui.tsx';
import { Chart, PIE, type ChartOption } from './Chart.tsx';
import { CHANNEL, get, LoadError, named, num, pct, Section } from './common.tsx';
import type { MatterFigures } from './types.ts';
import { usePrefs } from '../shared/prefs.tsx';
import { RegionPicker, RegionTable, useRegionFigures } from './RegionFigures.tsx';
import type { MessageKey } from '../shared/messages/index.ts';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const LEVELS: { level: string; name: MessageKey; color: string }[] = [
  { level: '5', name: 'admVerySatisfied', color: '#389e0d' },
  { level: '4', name: 'admSatisfied', color: '#95de64' },
  { level: '3', name: 'admFairlySatisfied', color: '#fadb14' },
  { level: '2', name: 'admDissatisfied', color: '#fa8c16' },
  { level: '1', name: 'admVeryDissatisfied', color: '#cf1322' },
];

const arrow = (a: number | null, b: number | null, unit = '') => (a === null && b === null ? '—' : `${num(a)}${unit} → ${num(b)}${unit}`);

function beforeAfter(m: MatterFigures, t: T): ChartOption {
  const cats = [t('admCommittedTimeWorkingDays'), t('admMaterialsCopies'), t('admTrips2'), t('admFields')];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: cats, axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('admHandledAlone'), type: 'bar', data: [m.process.promisedBefore, m.materials.before, m.cost.tripsBefore, m.materials.fieldsBefore], label: { show: true, position: 'top' } },
      { name: t('admMatters'), type: 'bar', data: [m.process.promisedAfter, m.materials.after, m.cost.tripsAfter, m.materials.fieldsAfter], label: { show: true, position: 'top' } },
    ],
  };
}

function durations(m: MatterFigures, t: T): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, bottom: 8, top: 24, containLabel: true },
    xAxis: { type: 'category', data: [t('admCommittedAlone'), t('admCommittedAsOneMatter'), t('admActualMean'), t('admActualMedian')], axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', name: t('admWorkingDays'), minInterval: 1 },
    series: [{
      type: 'bar', barMaxWidth: 48, label: { show: true, position: 'top' },
      data: [
        { value: m.process.promisedBefore, itemStyle: { color: '#8c8c8c' } },
        { value: m.process.promisedAfter, itemStyle: { color: '#c0392b' } },
        { value: m.process.actualAverage, itemStyle: { color: '#1677ff' } },
        { value: m.process.actualMedian, itemStyle: { color: '#69b1ff' } },
      ],
    }],
  };
}

function channelPie(m: MatterFigures, t: T): ChartOption {
  return {
    color: PIE,
    tooltip: { trigger: 'item', formatter: t('admCaseS') },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { formatter: t('admCaseS2') },
      data: Object.entries(m.channels.used).map(([k, v]) => ({ name: USED[k] ? t(USED[k]) : named(t, CHANNEL, k), value: v })),
    }],
  };
}

function ratingPie(m: MatterFigures, t: T): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: t('admSep11') },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { formatter: '{b}\n{c}' },
      data: LEVELS.filter((l) => (m.satisfaction.byLevel[l.level] ?? 0) > 0).map((l) => ({ name: t(l.name), value: m.satisfaction.byLevel[l.level] ?? 0, itemStyle: { color: l.color } })),
    }],
  };
}

/** The selected matter's five dimensions as one table: indicator, value. */
function Figures({ m }: { m: MatterFigures }) {
  const { t } = usePrefs();
  const used = Object.entries(m.channels.used).map(([k, v]) => t('admCaseS3', { p0: named(t, USED, k), v })).join(t('admSep12')) || t('admNone');
  const rows: { dim: string; rows: [string, string][] }[] = [
    { dim: t('admChannels'), rows: [[t('admChannelsOffered'), m.channels.offered.map((c) => named(t, CHANNEL, c)).join(t('admSep3'))], [t('admChannelsUsed'), used], [t('admOnlineShare'), pct(m.channels.onlineShare)]] },
    { dim: t('admProcess2'), rows: [[t('admCommittedTimeAloneAs'), arrow(m.process.promisedBefore, m.process.promisedAfter, t('admWorkingDays2'))], [t('admActualTimeToCompletion'), m.process.completed === 0 ? t('admNoneCompletedYet') : t('admWorkingDays3', { p0: num(m.process.actualAverage), p1: num(m.process.actualMedian) })], [t('admCompleted'), t('admCaseS4', { completed: m.process.completed })]] },
    { dim: t('admMaterials'), rows: [[t('admMaterialsAloneAsOne'), arrow(m.materials.before, m.materials.after, t('admCopies'))], [t('admFieldsAloneAsOne'), arrow(m.materials.fieldsBefore, m.materials.fieldsAfter, t('admFields2'))], [t('admMaterialExemptionRate'), pct(m.materials.exemptionRate)]] },
    { dim: t('admCost'), rows: [[t('admTripsAloneAsOne'), arrow(m.cost.tripsBefore, m.cost.tripsAfter, t('admTrips3'))], [t('admAssistedOrByProxy'), t('admCaseS5', { assisted: m.cost.assisted })]] },
    { dim: t('admSatisfaction'), rows: [[t('admRatings'), t('admRatingS', { ratings: m.satisfaction.ratings })], ...LEVELS.map((l): [string, string] => [t('admSep13', { name: t(l.name) }), t('admRatingS2', { p0: m.satisfaction.byLevel[l.level] ?? 0 })]), [t('admSatisfactionRateFairlySatisfied'), pct(m.satisfaction.satisfactionRate)], [t('admBadRatingRectificationAnswer'), pct(m.satisfaction.rectificationRate)], [t('admEnquiriesSuggestionsComplaints'), t('admEnquiriesSuggestionsComplaints2', { total: m.consultations.total, consultation: m.consultations.byKind.consultation, suggestion: m.consultations.byKind.suggestion, complaint: m.consultations.byKind.complaint })], [t('admAnsweredOnTime'), pct(m.consultations.onTimeRate)], [t('admOverdueUnanswered'), t('admSep14', { overdueOpen: m.consultations.overdueOpen })]] },
  ];
  return (
    <div className="figures-wrap">
      <table className="figures" id="figures-one" style={{ maxWidth: 760 }}>
        <caption><span lang="zh-CN">{m.matter.name}</span>{t('admFiveDimensionsOfResults')}{m.cases} {t('admCaseSMeansPer')}</caption>
        <thead><tr><th scope="col">{t('admDimension')}</th><th scope="col">{t('admIndicator')}</th><th scope="col" style={{ textAlign: 'end' }}>{t('admValue')}</th></tr></thead>
        <tbody>
          {rows.flatMap((g) => g.rows.map(([k, v], i) => (
            <tr key={`${g.dim}-${k}`}>
              {i === 0 && <th scope="rowgroup" rowSpan={g.rows.length} style={{ textAlign: 'start', background: '#fafafa', verticalAlign: 'top' }}>{g.dim}</th>}
              <th scope="row" style={{ fontWeight: 400, whiteSpace: 'normal' }}>{k}</th>
              <td>{v}</td>
            </tr>
          )))}
        </tbody>
      </table>
    </div>
  );
}

function AllMatters({ rows, onPick }: { rows: MatterFigures[]; onPick(id: string): void }) {
  const { t } = usePrefs();
  return (
    <ScrollRegion label={t('admResultsPerMatterScrolls')}>
      <table className="figures">
        <caption>{t('admResultsPerMatterBefore')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admMatters')}</th><th scope="col">{t('admCases')}</th><th scope="col">{t('admOnlineShare2')}</th><th scope="col">{t('admCommittedTime')}</th><th scope="col">{t('admActualMean')}</th>
            <th scope="col">{t('admMaterials')}</th><th scope="col">{t('admExemptionRate')}</th><th scope="col">{t('admFields3')}</th><th scope="col">{t('admTrips4')}</th><th scope="col">{t('admAssisted')}</th>
            <th scope="col">{t('admRatings')}</th><th scope="col">{t('admSatisfaction2')}</th><th scope="col">{t('admRectification')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.matter.id}>
              <th scope="row"><Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(m.matter.id)} aria-label={t('admSeeTheChartsOf', { name: m.matter.name })}><span lang="zh-CN">{m.matter.name}</span></Button></th>
              <td>{m.cases}</td><td>{pct(m.channels.onlineShare)}</td><td>{arrow(m.process.promisedBefore, m.process.promisedAfter)}</td><td>{num(m.process.actualAverage)}</td>
              <td>{arrow(m.materials.before, m.materials.after)}</td><td>{pct(m.materials.exemptionRate)}</td><td>{arrow(m.materials.fieldsBefore, m.materials.fieldsAfter)}</td>
              <td>{arrow(m.cost.tripsBefore, m.cost.tripsAfter)}</td><td>{m.cost.assisted}</td>
              <td>{m.satisfaction.ratings}</td><td>{pct(m.satisfaction.satisfactionRate)}</td><td>{pct(m.satisfaction.rectificationRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export default function Dashboard() {
  const { t } = usePrefs();
  const { account } = useAuth();
  const [region, setRegion] = useState('');
  const regions = useRegionFigures();
  const q = useLoad(() => get<{ matters: MatterFigures[] }>(`/api/metrics${region ? `?region=${region}` : ''}`), [region]);
  const rows = useMemo(() => [...(q.data?.matters ?? [])].sort((a, b) => b.cases - a.cases), [q.data]);
  const [picked, setPicked] = useState<string | null>(null);
  const m = rows.find((x) => x.matter.id === picked) ?? rows[0] ?? null;
  const options = useMemo(() => (m ? { ba: beforeAfter(m, t), du: durations(m, t), ch: channelPie(m, t), ra: ratingPie(m, t) } : null), [m, t]);

  if (q.error) return <LoadError error={q.error} retry={q.reload} />;
  if (!q.data) return <Spin description={t('admLoading')} />;
  if (!m || !options) return <Empty description={t('admNoMatterToReport')} />;

  const total = rows.reduce((n, x) => n + x.cases, 0);
  const none = m.cases === 0;
  const pick = (id: string) => {
    setPicked(id);
    document.getElementById('dashboard-matter')?.focus();
  };
  return (
    <div className="admin-stack">
      <div className="admin-row" style={{ justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">
          {account?.role === 'lead' ? t('admThisDepartmentLeads') : t('admAll')} {rows.length} {t('admMatterSWith')} {total} {t('admCaseSDraftsExcluded')}
        </Typography.Text>
        <Button onClick={q.reload} loading={q.loading}>{t('admRefresh')}</Button>
      </div>
      <RegionPicker value={region} onChange={setRegion} figures={regions.data} />
      <div className="admin-row">
        <label htmlFor="dashboard-matter" style={{ fontWeight: 600 }}>{t('admMatters')}</label>
        {/* The label holds the matter's name (data, lang="zh-CN"); people search it by that name. */}
        <Select id="dashboard-matter" value={m.matter.id} onChange={setPicked} style={{ flex: '1 1 280px', maxWidth: 420 }} showSearch={{ optionFilterProp: 'search' }}
          options={rows.map((x) => ({ value: x.matter.id, search: x.matter.name, label: <WithData text={t('admCaseS6', { name: SLOT, cases: x.cases })} data={x.matter.name} /> }))} />
      </div>
      {none && <Alert type="info" showIcon title={<WithData text={t('admHasNoCasesYet', { name: SLOT })} data={m.matter.name} />} description={t('admOnceThereAreCases')} />}
      {!none && (
        <div className="chart-grid">
          <Section title={t('admLessTimeFewerMaterials')} level={4}>
            <Chart option={options.ba} label={t('admBarChartOfHandled', { name: m.matter.name, p1: arrow(m.process.promisedBefore, m.process.promisedAfter), p2: arrow(m.materials.before, m.materials.after), p3: arrow(m.cost.tripsBefore, m.cost.tripsAfter), p4: arrow(m.materials.fieldsBefore, m.materials.fieldsAfter) })} />
          </Section>
          <Section title={t('admTimeLimitsAndActual')} level={4}>
            <Chart option={options.du} label={t('admBarChartOfTime', { name: m.matter.name, p1: num(m.process.promisedBefore), p2: num(m.process.promisedAfter), p3: num(m.process.actualAverage), p4: num(m.process.actualMedian) })} />
          </Section>
          <Section title={t('admChannels2')} level={4}>
            {Object.keys(m.channels.used).length === 0 ? <Empty description={t('admNoneYet')} /> : (
              <Chart option={options.ch} label={t('admPieChartOfChannels', { name: m.matter.name, p1: Object.entries(m.channels.used).map(([k, v]) => t('admCaseS3', { p0: named(t, USED, k), v })).join(t('admSep12')), p2: pct(m.channels.onlineShare) })} />
            )}
          </Section>
          <Section title={t('admRatingLevelsSatisfactionRate', { p0: pct(m.satisfaction.satisfactionRate) })} level={4}>
            {m.satisfaction.ratings === 0 ? <Empty description={t('admNoRatingsYet')} /> : (
              <Chart option={options.ra} label={t('admPieChartOfRating', { name: m.matter.name, p1: LEVELS.map((l) => `${t(l.name)} ${t('admRatingS2', { p0: m.satisfaction.byLevel[l.level] ?? 0 })}`).join(t('admSep12')), p2: pct(m.satisfaction.satisfactionRate), p3: pct(m.satisfaction.rectificationRate) })} />
            )}
          </Section>
        </div>
      )}
      <Section title={t('admIndicatorsInDetail')} level={4}>
        <Figures m={m} />
      </Section>
      <Section title={t('admRatingsServiceStagesAnd')} level={4}>
        <RatingBreakdown matter={m.matter.id} />
      </Section>
      <Section title={t('admMattersCompared')} level={4}>
        <AllMatters rows={rows} onPick={pick} />
      </Section>
      <Section title={t('regionScope')} level={4}>
        <RegionTable figures={regions.data} />
      </Section>
    </div>
  );
}
