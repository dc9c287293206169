/** What a consultation is, whose and when, above its text: alike for the applicant and the department. */
import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Consultation } from '../../../contracts/index.ts';
import { fmtTime } from '../../window/ui.tsx';
import { CONSULTATION_COLOR } from './labels.ts';
import { usePrefs } from '../prefs.tsx';
import type { MessageKey } from '../messages/index.ts';

/** The channel a consultation came by, in the interface's words. */
export const sourceName = (t: (key: MessageKey) => string, c: Consultation): string => t(`con_source_${c.source}`);

/** `by`: who the reader needs named (the department answering, or the channel it came by); a plain string is data (lang="zh-CN"). */
export function ConsultationHeading({ c, by }: { c: Consultation; by: ReactNode }) {
  const { t } = usePrefs();
  return (
    <>
      <Space wrap>
        <Tag color={CONSULTATION_COLOR[c.status]}>{t(`con_${c.status}`)}</Tag>
        <Typography.Text strong>{t(`con_kind_${c.kind}`)} {c.number}</Typography.Text>
        {c.matterName && <Typography.Text lang="zh-CN">{c.matterName}</Typography.Text>}
        {c.caseNumber && <Typography.Text>{t('con_case', { number: c.caseNumber })}</Typography.Text>}
        <Typography.Text type="secondary">{typeof by === 'string' ? <span lang="zh-CN">{by}</span> : by} · {fmtTime(c.createdAt)} · {t('con_due', { day: c.dueDate })}</Typography.Text>
        {c.overdue && <Tag color="red">{t('con_overdue')}</Tag>}
      </Space>
      <Typography.Paragraph lang="zh-CN" style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>{c.text}</Typography.Paragraph>
    </>
  );
}
