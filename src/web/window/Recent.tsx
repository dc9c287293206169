/** 我的近期办件: the cases this clerk entered or accepted, from the server, newest first, a page at a time. */
import { Button, Empty, List, Typography } from 'antd';
import { useState } from 'react';
import type { WindowCaseSummary } from '../../contracts/window-search.ts';
import { get } from '../shared/api.ts';
import { pagerItem } from '../shared/pager.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { CaseLine } from './Search.tsx';
import { fmtTime, LoadError, Section } from './ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';

type Recent = WindowCaseSummary & { handledAt: string; role: 'entered' | 'accepted' };
const ROLE = { entered: 'winEntered', accepted: 'winAccepted2' } as const;

export function Recent() {
  const { t } = usePrefs();
  const [page, setPage] = useState(1);
  const recent = useLoad(() => get<{ cases: Recent[]; page: number; pageSize: number; total: number }>(`/api/window/recent?page=${page}`), [page]);
  const data = recent.data;
  return (
    <Section title={t('winMyRecentCases')} extra={<Button onClick={recent.reload} loading={recent.loading}>{t('winRefresh')}</Button>}>
      <Typography.Paragraph type="secondary">{t('winApplicationsYouEnteredOr')}</Typography.Paragraph>
      {recent.error && <LoadError error={recent.error} retry={recent.reload} />}
      <List<Recent> loading={recent.loading} dataSource={data?.cases ?? []} locale={{ emptyText: <Empty description={t('winNoCasesHandledYet')} /> }}
        pagination={data && data.total > data.pageSize ? { current: page, pageSize: data.pageSize, total: data.total, onChange: setPage, itemRender: pagerItem, showSizeChanger: false } : false}
        renderItem={(c) => <CaseLine c={c} extra={`${ROLE[c.role]} ${fmtTime(c.handledAt)}`} />} />
    </Section>
  );
}
