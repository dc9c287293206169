/**
 * 数据上报与统计: the period report (按期办结率, 超期率, 平均办理时长, 好差评) per key matter, region or
 * department, to read here and to download as Excel or CSV; the incremental pulls are named for the
 * superior platform's operators.
 */
import { Alert, Button, Form, Input, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { PeriodAnswer, PeriodRow } from '../../contracts/reporting.ts';
import { fromDayNumber, toDayNumber } from '../../core/calendar/dates.ts';
import { GROUPING_NAMES, GROUPINGS, type Grouping } from '../../core/reporting/period.ts';
import { shanghaiToday } from '../../shared/time/shanghai.ts';
import { pages } from '../shared/pager.tsx';
import { ScrollRegion } from '../shared/ScrollRegion.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { get, LoadError, num, pct, Section } from './common.tsx';

const KEY_TITLE: Record<Grouping, string> = { matter: '一件事', region: '区划', department: '部门' };

/** This month so far, as the default period: [the 1st, tomorrow). */
function thisMonth(): { from: string; to: string } {
  const today = shanghaiToday();
  return { from: `${today.slice(0, 8)}01`, to: fromDayNumber(toDayNumber(today) + 1) };
}

const query = (p: { from: string; to: string; by: Grouping }) => `from=${p.from}&to=${p.to}&by=${p.by}`;

export function Reports() {
  const [asked, setAsked] = useState(() => ({ ...thisMonth(), by: 'matter' as Grouping }));
  const [draft, setDraft] = useState(asked);
  const report = useLoad(() => get<PeriodAnswer>(`/api/admin/reports/period?${query(asked)}`), [asked.from, asked.to, asked.by]);
  const invalid = !/^\d{4}-\d{2}-\d{2}$/.test(draft.from) || !/^\d{4}-\d{2}-\d{2}$/.test(draft.to) || draft.from >= draft.to;
  const rows = report.data ? [...report.data.rows, report.data.total] : [];
  const levels = [[5, '非常满意'], [4, '满意'], [3, '基本满意'], [2, '不满意'], [1, '非常不满意']] as const;
  return (
    <Section title="办件统计与数据上报" extra={(
      <Space>
        <Button href={`/api/admin/reports/period.xlsx?${query(asked)}`} download>下载 Excel</Button>
        <Button href={`/api/admin/reports/period.csv?${query(asked)}`} download>下载 CSV</Button>
      </Space>
    )}>
      <Typography.Paragraph type="secondary">
        统计区间按北京时间计，含起始日、不含截止日。按一件事以办件计（与成效看板一致）；按区划、按部门以各部门承办的事项计，市级含所辖区县；末行合计以办件计。
        超期指办结日晚于办理期限（补正期间不计时）。
      </Typography.Paragraph>
      <Form layout="inline" onFinish={() => setAsked(draft)} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="起始日期"><Input type="date" aria-label="起始日期" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></Form.Item>
        <Form.Item label="截止日期（不含）"><Input type="date" aria-label="截止日期（不含）" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></Form.Item>
        <Form.Item label="分组">
          <Segmented<Grouping> value={draft.by} onChange={(by) => setDraft({ ...draft, by })} options={GROUPINGS.map((g) => ({ value: g, label: GROUPING_NAMES[g] }))} />
        </Form.Item>
        <Form.Item><Button type="primary" htmlType="submit" disabled={invalid}>统计</Button></Form.Item>
      </Form>
      {invalid && <Alert type="warning" showIcon title="请填写有效的起止日期，截止日期应晚于起始日期" style={{ marginBottom: 12 }} />}
      {report.error && <LoadError error={report.error} retry={report.reload} />}
      <ScrollRegion label="期间统计表">
        <Table<PeriodRow> rowKey={(r) => `${r.key}|${r.name}`} size="small" loading={report.loading} dataSource={rows} pagination={pages(rows.length)}
          columns={[
            { title: KEY_TITLE[asked.by], dataIndex: 'name', fixed: 'left', render: (name: string, r) => (r === report.data?.total ? <strong>{name}</strong> : name) },
            { title: '受理件数', dataIndex: 'accepted', align: 'right' },
            { title: '办结件数', dataIndex: 'completed', align: 'right' },
            { title: '按期办结率', dataIndex: 'onTimeRate', align: 'right', render: pct },
            { title: '超期率', dataIndex: 'overdueRate', align: 'right', render: pct },
            { title: '平均办理时长（工作日）', dataIndex: 'averageDays', align: 'right', render: num },
            { title: '评价数', dataIndex: 'ratings', align: 'right' },
            ...levels.map(([level, title]) => ({ title, key: `level${level}`, align: 'right' as const, render: (_: unknown, r: PeriodRow) => r.byLevel[level] ?? 0 })),
            { title: '满意率', dataIndex: 'satisfactionRate', align: 'right', render: pct },
            { title: '差评整改率', dataIndex: 'rectificationRate', align: 'right', render: pct },
          ]} />
      </ScrollRegion>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        上级平台按国家字段增量拉取办件信息（受理、补正、特别程序、办结）与好差评数据（GB/T 39734）：接口
        <Typography.Text code>/api/admin/reports/cases</Typography.Text> 与 <Typography.Text code>/api/admin/reports/ratings</Typography.Text>，
        以上次返回的 next 作为下次的 since。也可用命令 <Typography.Text code>onething export cases --since 时刻 --to 目录</Typography.Text>、
        <Typography.Text code>onething export report --from 日期 --to 日期 --by matter --to 目录</Typography.Text> 导出。
      </Typography.Paragraph>
    </Section>
  );
}
