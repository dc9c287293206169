/** 我的近期办件: the cases this clerk entered or accepted, from the server, newest first, a page at a time. */
import { Button, Empty, List, Typography } from 'antd';
import { useState } from 'react';
import type { WindowCaseSummary } from '../../contracts/window-search.ts';
import { get } from '../shared/api.ts';
import { pagerItem } from '../shared/pager.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { CaseLine } from './Search.tsx';
import { fmtTime, LoadError, Section } from './ui.tsx';

type Recent = WindowCaseSummary & { handledAt: string; role: 'entered' | 'accepted' };
const ROLE = { entered: '录入于', accepted: '受理于' } as const;

export function Recent() {
  const [page, setPage] = useState(1);
  const recent = useLoad(() => get<{ cases: Recent[]; page: number; pageSize: number; total: number }>(`/api/window/recent?page=${page}`), [page]);
  const data = recent.data;
  return (
    <Section title="我的近期办件" extra={<Button onClick={recent.reload} loading={recent.loading}>刷新</Button>}>
      <Typography.Paragraph type="secondary">您录入或受理过的申请，按办理时间从新到旧。受理后的材料流转、补交容缺材料和结果送达从这里进入。</Typography.Paragraph>
      {recent.error && <LoadError error={recent.error} retry={recent.reload} />}
      <List<Recent> loading={recent.loading} dataSource={data?.cases ?? []} locale={{ emptyText: <Empty description="还没有办理过的申请" /> }}
        pagination={data && data.total > data.pageSize ? { current: page, pageSize: data.pageSize, total: data.total, onChange: setPage, itemRender: pagerItem, showSizeChanger: false } : false}
        renderItem={(c) => <CaseLine c={c} extra={`${ROLE[c.role]} ${fmtTime(c.handledAt)}`} />} />
    </Section>
  );
}
