/** What a consultation is, whose and when, above its text: alike for the applicant and the department. */
import { Space, Tag, Typography } from 'antd';
import type { Consultation } from '../../../contracts/index.ts';
import { fmtTime } from '../../window/ui.tsx';
import { CONSULTATION_COLOR } from './labels.ts';

/** `by`: who the reader needs named (the department answering, or the channel it came by). */
export function ConsultationHeading({ c, by }: { c: Consultation; by: string }) {
  return (
    <>
      <Space wrap>
        <Tag color={CONSULTATION_COLOR[c.status]}>{c.statusName}</Tag>
        <Typography.Text strong>{c.kindName} {c.number}</Typography.Text>
        {c.matterName && <Typography.Text>{c.matterName}</Typography.Text>}
        {c.caseNumber && <Typography.Text>办件 {c.caseNumber}</Typography.Text>}
        <Typography.Text type="secondary">{by} · {fmtTime(c.createdAt)} · 答复期限 {c.dueDate}</Typography.Text>
        {c.overdue && <Tag color="red">已超期</Tag>}
      </Space>
      <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>{c.text}</Typography.Paragraph>
    </>
  );
}
