/** Shown once a submit succeeds: the case number, the day it is expected to be done, and what happens next. */
import { Result, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { chineseDay, shanghaiDay, shanghaiToday } from '../../../shared/time/shanghai.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { loadCatalogue } from '../apply/usePlanner.ts';
import { expectedDay } from './expected.ts';
import type { CaseView } from './types.ts';

export function Confirmation({ view }: { view: CaseView }) {
  const published = useLoad(loadCatalogue, []);
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const limit = view.plan?.timeLimit;
  const cal = published.data?.catalogue.calendar;
  const expected = cal && limit ? expectedDay(cal, view.submittedAt ? shanghaiDay(view.submittedAt) : shanghaiToday(), limit.workingDays, limit.calendarDays ?? 0) : null;
  const items = view.plan?.items.length ?? 0;
  return (
    <div ref={heading} tabIndex={-1} role="region" aria-label="提交成功" style={{ outline: 'none' }}>
      <Result status="success" title="提交成功" style={{ padding: '16px 0' }}
        subTitle={(
          <div style={{ color: 'rgba(0, 0, 0, 0.75)', textAlign: 'start', display: 'inline-block' }}>
            <Typography.Paragraph style={{ fontSize: '1.1em', marginBottom: 8 }}>办件编号：<strong>{view.number}</strong>（查询进度时使用）</Typography.Paragraph>
            <Typography.Paragraph style={{ fontSize: '1.1em', marginBottom: 8 }}>
              预计办结：{limit?.workingDays === 0 ? '受理后即办即结' : expected ? <strong>{chineseDay(expected.day)}{expected.provisional ? '（暂定，节假日安排未公布）' : ''}</strong> : '受理后告知'}
              {limit && limit.workingDays > 0 && <>（承诺 {limit.workingDays} 个工作日，从受理之日起计算）</>}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              下一步：综合窗口审核您的申请并受理，受理后 {items} 个事项由各部门协同办理，不用再跑各部门；需要补充材料或办结时，会通过消息通知您，您也可以随时在“办件”里查看进度。
            </Typography.Paragraph>
          </div>
        )} />
    </div>
  );
}
