/** Shown once a submit succeeds: the case number, the day it is expected to be done, and what happens next. */
import { Result, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { shanghaiDay, shanghaiToday } from '../../../shared/time/shanghai.ts';
import { dayText } from '../../shared/dates.ts';
import { usePrefs } from '../../shared/prefs.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { loadCatalogue } from '../apply/usePlanner.ts';
import { expectedDay } from './expected.ts';
import type { CaseView } from './types.ts';

export function Confirmation({ view }: { view: CaseView }) {
  const { t, lang } = usePrefs();
  const published = useLoad(loadCatalogue, []);
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const limit = view.plan?.timeLimit;
  const cal = published.data?.catalogue.calendar;
  const expected = cal && limit ? expectedDay(cal, view.submittedAt ? shanghaiDay(view.submittedAt) : shanghaiToday(), limit.workingDays, limit.calendarDays ?? 0) : null;
  const items = view.plan?.items.length ?? 0;
  return (
    <div ref={heading} tabIndex={-1} role="region" aria-label={t('conf_region')} style={{ outline: 'none' }}>
      <Result status="success" title={t('conf_region')} style={{ padding: '16px 0' }}
        subTitle={(
          <div style={{ color: 'rgba(0, 0, 0, 0.75)', textAlign: 'start', display: 'inline-block' }}>
            <Typography.Paragraph style={{ fontSize: '1.1em', marginBottom: 8 }}>{t('conf_number')}<strong>{view.number}</strong>{t('conf_numberUse')}</Typography.Paragraph>
            <Typography.Paragraph style={{ fontSize: '1.1em', marginBottom: 8 }}>
              {t('conf_expected')}{limit?.workingDays === 0 ? t('conf_sameDay') : expected ? <strong>{dayText(expected.day, lang)}{expected.provisional ? t('conf_provisional') : ''}</strong> : t('conf_later')}
              {limit && limit.workingDays > 0 && <>{t('conf_promised', { n: limit.workingDays })}</>}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('conf_next', { n: items })}
            </Typography.Paragraph>
          </div>
        )} />
    </div>
  );
}
