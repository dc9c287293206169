/** The guided questions, one at a time: each answer goes to the server, which plans the case again. */
import { Alert, Button, Card, Checkbox, List, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { get, put } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import type { AnswerValue } from '../../core/planning/types.ts';
import type { CaseView, GuideQuestion, Plan, QuestionView } from './types.ts';
import { Section } from './ui.tsx';
import { days } from '../shared/planLabels.ts';
import { usePrefs } from '../shared/prefs.tsx';

interface Props {
  caseView: CaseView;
  plan: Plan;
  /** The server planned the case again after an answer or a choice of items. */
  onPlan(plan: Plan): void;
  onNext(): void;
}

const asView = (q: GuideQuestion): QuestionView => ({ id: q.id, text: q.text, type: q.type, options: q.options, ...(q.help ? { help: q.help } : {}) });

export function Questions({ caseView, plan, onPlan, onNext }: Props) {
  const { t } = usePrefs();
  const guide = useLoad(() => get<{ guide: { questions: GuideQuestion[] } }>(`/api/public/matters/${encodeURIComponent(caseView.matter.id)}`), [caseView.matter.id]);
  const [answers, setAnswers] = useState<Record<string, unknown>>(caseView.answers ?? {});
  const [chosen, setChosen] = useState<string[] | null>(caseView.chosenItems);
  const [editing, setEditing] = useState<QuestionView | null>(null);
  const current = editing ?? plan.nextQuestion;
  const [value, setValue] = useState<AnswerValue | undefined>(undefined);
  const { busy, error, run } = useAction();
  const legendRef = useRef<HTMLLegendElement>(null);
  const applicantAnswers = plan.answers.filter((a) => a.source === 'applicant');
  const total = guide.data?.guide.questions.length;

  // A new question takes the focus, so a screen reader reads it out and the keyboard is ready for it.
  useEffect(() => {
    setValue(current ? (answers[current.id] as AnswerValue | undefined) : undefined);
    if (current) legendRef.current?.focus();
  }, [current?.id]);

  const send = (next: Record<string, unknown>, items: string[] | null) => run(async () => {
    const r = await put<{ plan: Plan }>(`/api/cases/${caseView.id}/answers`, { answers: next, ...(items ? { chosenItems: items } : {}) });
    const kept = Object.fromEntries(Object.entries(next).filter(([k]) => !r.plan.dropped.includes(k)));
    setAnswers(kept);
    setChosen(items);
    setEditing(null);
    onPlan(r.plan);
  });

  const answer = () => {
    if (!current || value === undefined) return;
    // A new answer may change which optional items apply: they all apply again until the clerk deselects one.
    void send({ ...answers, [current.id]: value }, null);
  };

  const edit = (id: string) => {
    const q = guide.data?.guide.questions.find((x) => x.id === id);
    if (q) setEditing(asView(q));
  };

  const back = () => {
    const last = applicantAnswers[applicantAnswers.length - 1];
    if (last) edit(last.question);
  };

  const optionalItems = [...plan.items.filter((i) => i.optional).map((i) => ({ id: i.id, name: i.name, department: i.department, chosen: true })), ...plan.notChosen.map((i) => ({ ...i, chosen: false }))];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {current ? (
        <Card>
          {/* Enter on a chosen answer moves on, as the 下一题 button does. */}
          <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }} onKeyDown={(e) => { if (e.key === 'Enter' && value !== undefined && !busy) { e.preventDefault(); answer(); } }}>
            <legend ref={legendRef} tabIndex={-1} id={`q-${current.id}`} style={{ fontSize: 20, fontWeight: 600, marginBottom: 8, outline: 'none' }}>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 14, fontWeight: 400 }}>
                {editing ? t('winChangeTheAnswer') : t('winQuestion', { p0: applicantAnswers.length + 1, p1: total ? t('winAtMostQuestions', { total }) : '' })}
              </Typography.Text>
              {current.text}
            </legend>
            {current.help && <Typography.Paragraph type="secondary" id={`help-${current.id}`}>{current.help}</Typography.Paragraph>}
            {current.type === 'multi' ? (
              <Checkbox.Group aria-labelledby={`q-${current.id}`} aria-describedby={current.help ? `help-${current.id}` : undefined} value={Array.isArray(value) ? value : []} onChange={(v) => setValue(v as string[])}
                style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
                options={current.options.map((o) => ({ value: String(o.value), label: o.label }))} />
            ) : (
              <Radio.Group aria-labelledby={`q-${current.id}`} aria-describedby={current.help ? `help-${current.id}` : undefined} value={value} onChange={(e) => setValue(e.target.value as AnswerValue)}
                optionType="button" buttonStyle="solid" size="large" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
                options={current.options.map((o) => ({ value: o.value, label: o.label }))} />
            )}
          </fieldset>
          <Space wrap style={{ marginTop: 20 }}>
            <Button type="primary" size="large" onClick={answer} loading={busy} disabled={value === undefined && current.type !== 'multi'}>
              {editing ? t('winOk') : t('winNextQuestion')}
            </Button>
            {editing ? <Button size="large" onClick={() => setEditing(null)}>{t('winCancelTheChange')}</Button>
              : applicantAnswers.length > 0 && <Button size="large" onClick={back} disabled={busy || !guide.data}>{t('winPreviousQuestion')}</Button>}
          </Space>
        </Card>
      ) : (
        <Section title={t('winPlan')}>
          {plan.situation && !plan.situation.eligible ? (
            <Alert type="error" showIcon title={t('winThisSituationCannotBe', { name: plan.situation.name })} description={plan.situation.advice ?? plan.situation.description} />
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {plan.situation && <Alert type="success" showIcon title={t('winSituation2', { name: plan.situation.name })} description={plan.situation.description} />}
              <Typography.Paragraph style={{ margin: 0 }}>
                {t('winInAll')} {plan.items.length} {t('winItemS')}{plan.materials.filter((m) => m.status === 'required').length} {t('winMaterialSToSubmit')}{plan.materials.filter((m) => m.status === 'exempt').length} {t('winExempt2')}{plan.timeLimit.workingDays === 0 ? t('winDoneOnTheSpot') : t('winCommittedWithin', { p0: days(plan.timeLimit.workingDays) })}{t('winSep7')}
              </Typography.Paragraph>
              <List size="small" bordered dataSource={plan.items} renderItem={(i) => (
                <List.Item><span><span lang="zh-CN">{i.name}</span> <Typography.Text type="secondary">{t('winSep8')}<span lang="zh-CN">{i.department.name}</span>{t('winSep9')}</Typography.Text>{i.optional && <Tag color="blue" style={{ marginInlineStart: 8 }}>{t('winOptional')}</Tag>}</span></List.Item>
              )} />
              {optionalItems.length > 0 && (
                <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}>
                  <legend style={{ fontSize: 14, paddingInline: 4, width: 'auto', marginBottom: 0 }}>{t('winOptionalItemsTheApplicant')}</legend>
                  {optionalItems.map((i) => (
                    <div key={i.id}>
                      <Checkbox checked={i.chosen} disabled={busy} onChange={(e) => {
                        const now = optionalItems.filter((x) => (x.id === i.id ? e.target.checked : x.chosen)).map((x) => x.id);
                        void send(answers, now);
                      }}>{t('winHandledTogether')}<span lang="zh-CN">{i.name}</span>{t('winSep8')}<span lang="zh-CN">{i.department.name}</span>{t('winSep9')}</Checkbox>
                    </div>
                  ))}
                </fieldset>
              )}
              <Button type="primary" size="large" onClick={onNext} disabled={busy}>{t('winNextApplicationForm')}</Button>
            </Space>
          )}
          {chosen && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('winOptionalItemsAdjustedTo')}</Typography.Paragraph>}
        </Section>
      )}
      {plan.answers.length > 0 && (
        <Section title={t('winAnswered', { n: plan.answers.length })}>
          <List size="small" dataSource={plan.answers} renderItem={(a) => {
            const locked = a.source === 'facts' && a.prefill && !a.prefill.editable;
            return (
              <List.Item actions={locked ? [] : [<Button key="edit" type="link" size="small" onClick={() => edit(a.question)} disabled={busy || !guide.data} aria-label={t('winChange2', { text: a.text })}>{t('winChange')}</Button>]}>
                <div>
                  <div>{a.text}</div>
                  <Typography.Text strong>{a.label}</Typography.Text>
                  {a.source === 'facts' && <Tag color="blue" style={{ marginInlineStart: 8 }}>{a.prefill ? t('winFrom', { from: a.prefill.from }) : t('winFromSharedData')}</Tag>}
                </div>
              </List.Item>
            );
          }} />
        </Section>
      )}
    </Space>
  );
}
