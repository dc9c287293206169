/** One question per step: large options, labelled for screen readers, operable with the keyboard. */
import { Alert, Button, Checkbox, Progress, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AnswerValue, AnswerView, QuestionView } from '../../../core/planning/types.ts';
import { More } from '../elder/More.tsx';
import { usePrefs } from '../../shared/prefs.tsx';

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
  const { t } = usePrefs();
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
        <Typography.Text type="secondary">{t('apply_questionN', { n: number })}{left > 0 ? t('apply_moreLeft', { n: left }) : t('apply_lastQuestion')}</Typography.Text>
        <Progress percent={percent} showInfo={false} aria-label={t('apply_answered', { n: done })} />
      </div>
      <Typography.Title level={3} id={titleId} ref={heading} tabIndex={-1} lang="zh-CN">{question.text}</Typography.Title>
      {answer?.source === 'facts' && (
        <p>
          <Tag color="geekblue">{t('apply_fromShared')}</Tag>
          <Typography.Text type="secondary"><span lang="zh-CN">{answer.prefill?.from}</span>{locked ? t('apply_locked') : t('apply_changeable')}</Typography.Text>
        </p>
      )}
      {/* 长辈模式: the question and its options first; the help behind 更多说明 (still the group's description). */}
      {question.help && <More><Typography.Paragraph id={helpId} type="secondary" lang="zh-CN">{question.help}</Typography.Paragraph></More>}
      {question.type === 'multi' ? (
        <Checkbox.Group
          aria-labelledby={titleId}
          aria-describedby={question.help ? helpId : undefined}
          value={Array.isArray(value) ? value : []}
          onChange={(v) => { setWarn(false); onChange(v as string[]); }}
          style={{ width: '100%' }}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            {question.options.map((o) => <Checkbox key={keyOf(o.value)} value={o.value} {...option}><span lang="zh-CN">{o.label}</span></Checkbox>)}
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
            {question.options.map((o) => <Radio key={keyOf(o.value)} value={keyOf(o.value)} {...option}><span lang="zh-CN">{o.label}</span></Radio>)}
          </Space>
        </Radio.Group>
      )}
      <div aria-live="polite">{warn && <Alert type="warning" showIcon title={t('apply_chooseFirst')} style={{ marginTop: 12 }} />}</div>
      <Space wrap style={{ marginTop: 20 }}>
        {onBack && <Button size="large" onClick={onBack}>{t('apply_prev')}</Button>}
        <Button size="large" type="primary" onClick={next}>{last ? t('apply_seePlan') : t('apply_next')}</Button>
      </Space>
    </section>
  );
}
