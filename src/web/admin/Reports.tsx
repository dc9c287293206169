/**
 * 数据上报与统计: the period report (按期办结率, 超期率, 平均办理时长, 好差评) per key matter, region or
 * department, to read here and to download as Excel or CSV; the incremental pulls are named for the
 * superior platform's operators.
 */
import { Alert, Button, Form, Input, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { PeriodAnswer, PeriodRow } from '../../contracts/reporting.ts';
import { fromDayNumber, toDayNumber } from '../../core/calendar/dates.ts';
import { GROUPINGS, type Grouping } from '../../core/reporting/period.ts';
import { shanghaiToday } from '../../shared/time/shanghai.ts';
import { pages } from '../shared/pager.tsx';
import { ScrollRegion } from '../shared/ScrollRegion.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { get, LoadError, num, pct, Section } from './common.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import type { MessageKey } from '../shared/messages/index.ts';

const GROUPING_NAME: Record<Grouping, MessageKey> = { matter: 'admByMatter', region: 'admByRegion', department: 'admByDepartment' };
const KEY_TITLE: Record<Grouping, MessageKey> = { matter: 'admMatters', region: 'admRegion2', department: 'admDepartment' };

/** This month so far, as the default period: [the 1st, tomorrow). */
function thisMonth(): { from: string; to: string } {
  const today = shanghaiToday();
  return { from: `${today.slice(0, 8)}01`, to: fromDayNumber(toDayNumber(today) + 1) };
}

const query = (p: { from: string; to: string; by: Grouping }) => `from=${p.from}&to=${p.to}&by=${p.by}`;

export function Reports() {
  const { t } = usePrefs();
  const [asked, setAsked] = useState(() => ({ ...thisMonth(), by: 'matter' as Grouping }));
  const [draft, setDraft] = useState(asked);
  const report = useLoad(() => get<PeriodAnswer>(`/api/admin/reports/period?${query(asked)}`), [asked.from, asked.to, asked.by]);
  const invalid = !/^\d{4}-\d{2}-\d{2}$/.test(draft.from) || !/^\d{4}-\d{2}-\d{2}$/.test(draft.to) || draft.from >= draft.to;
  const rows = report.data ? [...report.data.rows, report.data.total] : [];
  const levels = [[5, t('admVerySatisfied')], [4, t('admSatisfied')], [3, t('admFairlySatisfied')], [2, t('admDissatisfied')], [1, t('admVeryDissatisfied')]] as const;
  return (
    <Section title={t('admCaseStatisticsAndReporting')} extra={(
      <Space>
        <Button href={`/api/admin/reports/period.xlsx?${query(asked)}`} download>{t('admDownloadExcel')}</Button>
        <Button href={`/api/admin/reports/period.csv?${query(asked)}`} download>{t('admDownloadCsv')}</Button>
      </Space>
    )}>
      <Typography.Paragraph type="secondary">
        {t('admPeriodsAreInBeijing')}
      </Typography.Paragraph>
      <Form layout="inline" onFinish={() => setAsked(draft)} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('admStartDate')}><Input type="date" aria-label={t('admStartDate')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></Form.Item>
        <Form.Item label={t('admEndDateExcluded')}><Input type="date" aria-label={t('admEndDateExcluded')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></Form.Item>
        <Form.Item label={t('admGroup')}>
          <Segmented<Grouping> value={draft.by} onChange={(by) => setDraft({ ...draft, by })} options={GROUPINGS.map((g) => ({ value: g, label: t(GROUPING_NAME[g]) }))} />
        </Form.Item>
        <Form.Item><Button type="primary" htmlType="submit" disabled={invalid}>{t('admReport')}</Button></Form.Item>
      </Form>
      {invalid && <Alert type="warning" showIcon title={t('admEnterValidDatesThe')} style={{ marginBottom: 12 }} />}
      {report.error && <LoadError error={report.error} retry={report.reload} />}
      <ScrollRegion label={t('admPeriodStatistics')}>
        <Table<PeriodRow> rowKey={(r) => `${r.key}|${r.name}`} size="small" loading={report.loading} dataSource={rows} pagination={pages(rows.length)}
          columns={[
            { title: t(KEY_TITLE[asked.by]), dataIndex: 'name', fixed: 'left', render: (name: string, r) => (r.label === 'total' ? <strong>{t('admTotal')}</strong> : r.label === 'region-unstated' ? t('admRegionUnstated') : <span lang="zh-CN">{name}</span>) },
            { title: t('admAccepted'), dataIndex: 'accepted', align: 'right' },
            { title: t('admCompleted3'), dataIndex: 'completed', align: 'right' },
            { title: t('admOnTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: pct },
            { title: t('admOverdueRate'), dataIndex: 'overdueRate', align: 'right', render: pct },
            { title: t('admMeanTimeWorkingDays'), dataIndex: 'averageDays', align: 'right', render: num },
            { title: t('admRatings2'), dataIndex: 'ratings', align: 'right' },
            ...levels.map(([level, title]) => ({ title, key: `level${level}`, align: 'right' as const, render: (_: unknown, r: PeriodRow) => r.byLevel[level] ?? 0 })),
            { title: t('admSatisfaction2'), dataIndex: 'satisfactionRate', align: 'right', render: pct },
            { title: t('admRectificationRate'), dataIndex: 'rectificationRate', align: 'right', render: pct },
          ]} />
      </ScrollRegion>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('admTheUpperLevelPlatform')}
        <Typography.Text code>/api/admin/reports/cases</Typography.Text> {t('admAnd')} <Typography.Text code>/api/admin/reports/ratings</Typography.Text>{t('admPassingTheLastAnswer')} <Typography.Text code>{t('admOnethingExportCasesSince')}</Typography.Text>{t('admSep3')}
        <Typography.Text code>{t('admOnethingExportReportFrom')}</Typography.Text> {t('admExportsItToo')}
      </Typography.Paragraph>
    </Section>
  );
}
