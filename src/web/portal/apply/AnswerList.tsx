/** The answers given so far, each with a way back to change it. */
import { Button, Tag, Typography } from 'antd';
import type { AnswerView } from '../../../core/planning/types.ts';

export function AnswerList({ answers, current, open, onEdit }: { answers: AnswerView[]; current: number; open: boolean; onEdit(index: number): void }) {
  if (answers.length === 0) return null;
  return (
    <details open={open} className="apply-answers apply-no-print">
      <summary>您的回答（{answers.length} 题，可点“修改”重新选择）</summary>
      <ol>
        {answers.map((a, i) => (
          <li key={a.question} aria-current={i === current ? 'step' : undefined}>
            <Typography.Text type="secondary">{a.text}</Typography.Text>
            <div>
              <strong>{a.label}</strong>
              {a.source === 'facts' && <> <Tag color="geekblue">来自共享数据</Tag></>}
              {i !== current && (a.source !== 'facts' || a.prefill?.editable !== false) && (
                <Button type="link" size="small" onClick={() => onEdit(i)} aria-label={`修改：${a.text}`}>修改</Button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </details>
  );
}
