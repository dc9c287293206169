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
import { CHANNEL as USED } from '../window/ui.tsx';
import { Chart, PIE, type ChartOption } from './Chart.tsx';
import { CHANNEL, get, LoadError, num, pct, Section } from './common.tsx';
import type { MatterFigures } from './types.ts';

const LEVELS: { level: string; name: string; color: string }[] = [
  { level: '5', name: '非常满意', color: '#389e0d' },
  { level: '4', name: '满意', color: '#95de64' },
  { level: '3', name: '基本满意', color: '#fadb14' },
  { level: '2', name: '不满意', color: '#fa8c16' },
  { level: '1', name: '非常不满意', color: '#cf1322' },
];

const arrow = (a: number | null, b: number | null, unit = '') => (a === null && b === null ? '—' : `${num(a)}${unit} → ${num(b)}${unit}`);

function beforeAfter(m: MatterFigures): ChartOption {
  const cats = ['承诺时限（工作日）', '提交材料（份）', '跑动（次）', '填写字段（项）'];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: cats, axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '单独办理', type: 'bar', data: [m.process.promisedBefore, m.materials.before, m.cost.tripsBefore, m.materials.fieldsBefore], label: { show: true, position: 'top' } },
      { name: '一件事', type: 'bar', data: [m.process.promisedAfter, m.materials.after, m.cost.tripsAfter, m.materials.fieldsAfter], label: { show: true, position: 'top' } },
    ],
  };
}

function durations(m: MatterFigures): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, bottom: 8, top: 24, containLabel: true },
    xAxis: { type: 'category', data: ['单独办理承诺', '一件事承诺', '实际平均', '实际中位数'], axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', name: '工作日', minInterval: 1 },
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

function channelPie(m: MatterFigures): ChartOption {
  return {
    color: PIE,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { formatter: '{b}\n{c} 件' },
      data: Object.entries(m.channels.used).map(([k, v]) => ({ name: USED[k] ?? CHANNEL[k] ?? k, value: v })),
    }],
  };
}

function ratingPie(m: MatterFigures): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 条（{d}%）' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { formatter: '{b}\n{c}' },
      data: LEVELS.filter((l) => (m.satisfaction.byLevel[l.level] ?? 0) > 0).map((l) => ({ name: l.name, value: m.satisfaction.byLevel[l.level] ?? 0, itemStyle: { color: l.color } })),
    }],
  };
}

/** The selected matter's five dimensions as one table: indicator, value. */
function Figures({ m }: { m: MatterFigures }) {
  const used = Object.entries(m.channels.used).map(([k, v]) => `${USED[k] ?? k} ${v} 件`).join('，') || '无';
  const rows: { dim: string; rows: [string, string][] }[] = [
    { dim: '渠道', rows: [['提供的渠道', m.channels.offered.map((c) => CHANNEL[c] ?? c).join('、')], ['实际使用', used], ['网上办理占比', pct(m.channels.onlineShare)]] },
    { dim: '流程', rows: [['承诺时限（单独办理 → 一件事）', arrow(m.process.promisedBefore, m.process.promisedAfter, ' 个工作日')], ['实际办结用时（平均 / 中位数）', m.process.completed === 0 ? '尚无办结' : `${num(m.process.actualAverage)} / ${num(m.process.actualMedian)} 个工作日`], ['已办结', `${m.process.completed} 件`]] },
    { dim: '材料', rows: [['提交材料（单独办理 → 一件事）', arrow(m.materials.before, m.materials.after, ' 份')], ['填写字段（单独办理 → 一件事）', arrow(m.materials.fieldsBefore, m.materials.fieldsAfter, ' 项')], ['材料免提交率', pct(m.materials.exemptionRate)]] },
    { dim: '成本', rows: [['跑动次数（单独办理 → 一件事）', arrow(m.cost.tripsBefore, m.cost.tripsAfter, ' 次')], ['帮办代办', `${m.cost.assisted} 件`]] },
    { dim: '满意度', rows: [['评价', `${m.satisfaction.ratings} 条`], ...LEVELS.map((l): [string, string] => [`　${l.name}`, `${m.satisfaction.byLevel[l.level] ?? 0} 条`]), ['满意率（基本满意及以上）', pct(m.satisfaction.satisfactionRate)], ['差评整改答复率', pct(m.satisfaction.rectificationRate)], ['咨询、建议、投诉', `${m.consultations.total} 件（咨询 ${m.consultations.byKind.consultation}，建议 ${m.consultations.byKind.suggestion}，投诉 ${m.consultations.byKind.complaint}）`], ['按期答复率', pct(m.consultations.onTimeRate)], ['超期未答复', `${m.consultations.overdueOpen} 件`]] },
  ];
  return (
    <div className="figures-wrap">
      <table className="figures" id="figures-one" style={{ maxWidth: 760 }}>
        <caption>{m.matter.name}：成效五维指标（{m.cases} 件，平均值按办件计）</caption>
        <thead><tr><th scope="col">维度</th><th scope="col">指标</th><th scope="col" style={{ textAlign: 'end' }}>数值</th></tr></thead>
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
  return (
    <ScrollRegion label="各一件事成效指标（可横向滚动）">
      <table className="figures">
        <caption>各一件事成效指标（“前 → 后”为单独办理与一件事办理的平均值）</caption>
        <thead>
          <tr>
            <th scope="col">一件事</th><th scope="col">办件</th><th scope="col">网上占比</th><th scope="col">承诺时限</th><th scope="col">实际平均</th>
            <th scope="col">材料</th><th scope="col">免提交率</th><th scope="col">字段</th><th scope="col">跑动</th><th scope="col">帮办</th>
            <th scope="col">评价</th><th scope="col">满意率</th><th scope="col">整改率</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.matter.id}>
              <th scope="row"><Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(m.matter.id)} aria-label={`查看 ${m.matter.name} 的图表`}>{m.matter.name}</Button></th>
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
  const { account } = useAuth();
  const q = useLoad(() => get<{ matters: MatterFigures[] }>('/api/metrics'), []);
  const rows = useMemo(() => [...(q.data?.matters ?? [])].sort((a, b) => b.cases - a.cases), [q.data]);
  const [picked, setPicked] = useState<string | null>(null);
  const m = rows.find((x) => x.matter.id === picked) ?? rows[0] ?? null;
  const options = useMemo(() => (m ? { ba: beforeAfter(m), du: durations(m), ch: channelPie(m), ra: ratingPie(m) } : null), [m]);

  if (q.error) return <LoadError error={q.error} retry={q.reload} />;
  if (!q.data) return <Spin description="加载中…" />;
  if (!m || !options) return <Empty description="没有可统计的一件事" />;

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
          {account?.role === 'lead' ? '本部门牵头的' : '全部'} {rows.length} 个一件事，共 {total} 件办件（不含草稿）。成效按 GB/T 45836 8.1 的渠道、流程、材料、成本、满意度五个维度统计。
        </Typography.Text>
        <Button onClick={q.reload} loading={q.loading}>刷新</Button>
      </div>
      <div className="admin-row">
        <label htmlFor="dashboard-matter" style={{ fontWeight: 600 }}>一件事</label>
        <Select id="dashboard-matter" value={m.matter.id} onChange={setPicked} style={{ flex: '1 1 280px', maxWidth: 420 }} showSearch={{ optionFilterProp: 'label' }}
          options={rows.map((x) => ({ value: x.matter.id, label: `${x.matter.name}（${x.cases} 件）` }))} />
      </div>
      {none && <Alert type="info" showIcon title={`${m.matter.name}尚无办件，暂无成效数据`} description="有办件后，这里按办件统计时限、材料、跑动、渠道和评价。" />}
      {!none && (
        <div className="chart-grid">
          <Section title="减时限、减材料、减跑动" level={4}>
            <Chart option={options.ba} label={`${m.matter.name}单独办理与一件事对比柱状图：承诺时限 ${arrow(m.process.promisedBefore, m.process.promisedAfter)} 个工作日，材料 ${arrow(m.materials.before, m.materials.after)} 份，跑动 ${arrow(m.cost.tripsBefore, m.cost.tripsAfter)} 次，字段 ${arrow(m.materials.fieldsBefore, m.materials.fieldsAfter)} 项。详见下表。`} />
          </Section>
          <Section title="办理时限与实际用时（工作日）" level={4}>
            <Chart option={options.du} label={`${m.matter.name}办理时限柱状图：单独办理承诺 ${num(m.process.promisedBefore)}，一件事承诺 ${num(m.process.promisedAfter)}，实际平均 ${num(m.process.actualAverage)}，中位数 ${num(m.process.actualMedian)} 个工作日。详见下表。`} />
          </Section>
          <Section title="办理渠道" level={4}>
            {Object.keys(m.channels.used).length === 0 ? <Empty description="暂无" /> : (
              <Chart option={options.ch} label={`${m.matter.name}办理渠道饼图：${Object.entries(m.channels.used).map(([k, v]) => `${USED[k] ?? k} ${v} 件`).join('，')}；网上办理占比 ${pct(m.channels.onlineShare)}。`} />
            )}
          </Section>
          <Section title={`评价等级（满意率 ${pct(m.satisfaction.satisfactionRate)}）`} level={4}>
            {m.satisfaction.ratings === 0 ? <Empty description="暂无评价" /> : (
              <Chart option={options.ra} label={`${m.matter.name}评价等级饼图：${LEVELS.map((l) => `${l.name} ${m.satisfaction.byLevel[l.level] ?? 0} 条`).join('，')}；满意率 ${pct(m.satisfaction.satisfactionRate)}，整改答复率 ${pct(m.satisfaction.rectificationRate)}。`} />
            )}
          </Section>
        </div>
      )}
      <Section title="指标明细" level={4}>
        <Figures m={m} />
      </Section>
      <Section title="好差评：服务环节与窗口人员" level={4}>
        <RatingBreakdown matter={m.matter.id} />
      </Section>
      <Section title="各一件事对比" level={4}>
        <AllMatters rows={rows} onPick={pick} />
      </Section>
    </div>
  );
}
