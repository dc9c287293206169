/** One question per step: large options, labelled for screen readers, operable with the keyboard. */
import { Alert, Button, Checkbox, Progress, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AnswerValue, AnswerView, QuestionView } from '../../../core/planning/types.ts';

const keyOf = (v: string | boolean) => `${typeof v}:${String(v)}`;

export interface StepProps {
  question: QuestionView;
  /** The plan's view of the answer (its source: the applicant or shared data). */
  answer: AnswerView | undefined;
  number: number;
  /** Questions still possibly ahead (after this one). */
  left: number;
  onChange(value: AnswerValue): void;
  onBack: (() => void) | null;
  onNext(): void;
  last: boolean;
  /** Move focus to the question (after the applicant moved between steps). */
  focus: boolean;
}

export function QuestionStep({ question, answer, number, left, onChange, onBack, onNext, last, focus }: StepProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [warn, setWarn] = useState(false);
  const mayFocus = useRef(focus);
  mayFocus.current = focus;
  useEffect(() => {
    setWarn(false);
    // A new question after Next/Back: move focus to it (not on arrival, so the page reads from the top).
    if (mayFocus.current) heading.current?.focus();
  }, [question.id]);
  const locked = answer?.source === 'facts' && answer.prefill?.editable === false;
  const value = answer?.value;
  const titleId = `q-${question.id}`;
  const helpId = `q-${question.id}-help`;
  const done = number - 1;
  const percent = Math.round((done / (done + 1 + left)) * 100);
  const next = () => {
    if (value === undefined && question.type !== 'multi') return setWarn(true);
    if (value === undefined) onChange([]);
    onNext();
  };
  const option = { className: 'apply-option', disabled: locked };
  return (
    <section aria-labelledby={titleId} className="apply-step">
      <div style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">第 {number} 题{left > 0 ? `，后面最多还有 ${left} 题` : '，这是最后一题'}</Typography.Text>
        <Progress percent={percent} showInfo={false} aria-label={`已回答 ${done} 题`} />
      </div>
      <Typography.Title level={3} id={titleId} ref={heading} tabIndex={-1}>{question.text}</Typography.Title>
      {answer?.source === 'facts' && (
        <p>
          <Tag color="geekblue">来自共享数据</Tag>
          <Typography.Text type="secondary">{answer.prefill?.from}{locked ? '，不能修改；如有误请联系登记部门更正' : '，如有变化可以修改'}</Typography.Text>
        </p>
      )}
      {question.help && <Typography.Paragraph id={helpId} type="secondary">{question.help}</Typography.Paragraph>}
      {question.type === 'multi' ? (
        <Checkbox.Group
          aria-labelledby={titleId}
          aria-describedby={question.help ? helpId : undefined}
          value={Array.isArray(value) ? value : []}
          onChange={(v) => { setWarn(false); onChange(v as string[]); }}
          style={{ width: '100%' }}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            {question.options.map((o) => <Checkbox key={keyOf(o.value)} value={o.value} {...option}>{o.label}</Checkbox>)}
          </Space>
        </Checkbox.Group>
      ) : (
        <Radio.Group
          aria-labelledby={titleId}
          aria-describedby={question.help ? helpId : undefined}
          aria-required
          value={value === undefined || Array.isArray(value) ? undefined : keyOf(value)}
          onChange={(e) => {
            setWarn(false);
            const picked = question.options.find((o) => keyOf(o.value) === e.target.value);
            if (picked) onChange(picked.value);
          }}
          style={{ width: '100%' }}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            {question.options.map((o) => <Radio key={keyOf(o.value)} value={keyOf(o.value)} {...option}>{o.label}</Radio>)}
          </Space>
        </Radio.Group>
      )}
      <div aria-live="polite">{warn && <Alert type="warning" showIcon title="请先选择一项，再点“下一题”" style={{ marginTop: 12 }} />}</div>
      <Space wrap style={{ marginTop: 20 }}>
        {onBack && <Button size="large" onClick={onBack}>上一题</Button>}
        <Button size="large" type="primary" onClick={next}>{last ? '查看办理方案' : '下一题'}</Button>
      </Space>
    </section>
  );
}
