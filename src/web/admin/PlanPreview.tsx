/**
 * The live plan preview of a draft: choose a key matter, answer its questions one at a time (as the
 * draft's plan asks them), and see the situation, items, stages, materials with exemptions, time
 * limit and reductions — beside what the published version gives for the same answers.
 */
import { Alert, Button, Checkbox, Descriptions, Empty, Radio, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ItemWhy } from '../../core/planning/types.ts';
import { days, EXEMPT, formText, WHY } from '../shared/planLabels.ts';
import { ApiError, post } from '../shared/api.ts';
import { baseName, CHANNEL, errorText, type Matters, named, Section } from './common.tsx';
import type { AnswerValue, DraftDetail, Plan, QuestionView } from './types.ts';
import { usePrefs } from '../shared/prefs.tsx';

const keyOf = (v: string | boolean) => `${typeof v}:${String(v)}`;

type Answers = Record<string, AnswerValue>;

function Question({ q, value, onChange, next }: { q: QuestionView; value: AnswerValue | undefined; onChange(v: AnswerValue): void; next: boolean }) {
  const { t } = usePrefs();
  const id = `pq-${q.id}`;
  const [multi, setMulti] = useState<string[]>(Array.isArray(value) ? value : []);
  return (
    <div role="group" aria-labelledby={id} style={{ padding: '10px 12px', borderRadius: 6, background: next ? '#fff7e6' : '#fafafa', border: `1px solid ${next ? '#ffd591' : '#f0f0f0'}` }}>
      <div id={id} style={{ fontWeight: 600, marginBottom: 6 }}>{next && <Tag color="orange">{t('admToAnswer')}</Tag>}{q.text}</div>
      {q.help && <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>{q.help}</Typography.Paragraph>}
      {q.type === 'multi' ? (
        <>
          <Checkbox.Group aria-labelledby={id} value={multi} onChange={(v) => { setMulti(v as string[]); if (!next) onChange(v as string[]); }}
            options={q.options.map((o) => ({ value: String(o.value), label: o.label }))} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
          {next && <Button size="small" type="primary" style={{ marginTop: 6 }} onClick={() => onChange(multi)}>{t('admOk')}{multi.length === 0 ? t('admNone2') : ''}</Button>}
        </>
      ) : (
        <Radio.Group aria-labelledby={id} value={value === undefined || Array.isArray(value) ? undefined : keyOf(value)}
          onChange={(e) => { const o = q.options.find((x) => keyOf(x.value) === e.target.value); if (o) onChange(o.value); }}
          options={q.options.map((o) => ({ value: keyOf(o.value), label: o.label }))} style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }} />
      )}
    </div>
  );
}

export function PlanPreview({ draft, version, matters: published }: { draft: DraftDetail; version: number; matters: Matters }) {
  const { t } = usePrefs();
  const matterIds = useMemo(() => draft.documents.filter((d) => d.kind === 'matter').map((d) => baseName(d.file)), [draft.documents]);
  const [matterId, setMatterId] = useState<string>(() => draft.matterId ?? (matterIds.includes('newborn-birth') ? 'newborn-birth' : matterIds[0] ?? ''));
  const [answers, setAnswers] = useState<Answers>({});
  const [seen, setSeen] = useState<Record<string, QuestionView>>({});
  const [result, setResult] = useState<{ plan: Plan | null; error: ApiError | Error | null; current: Plan | null }>({ plan: null, error: null, current: null });
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!matterId) return;
    let live = true;
    setLoading(true);
    const body = { answers };
    const mine = post<{ plan: Plan }>(`/api/admin/drafts/${draft.id}/preview-plan`, { matterId, ...body });
    const now = post<{ plan: Plan }>(`/api/public/matters/${encodeURIComponent(matterId)}/plan`, body).then((r) => r.plan, () => null);
    Promise.all([mine.then((r) => r.plan, (e: ApiError) => e), now]).then(([p, current]) => {
      if (!live) return;
      setLoading(false);
      if (p instanceof Error) return setResult({ plan: null, error: p, current });
      setResult({ plan: p, error: null, current });
      if (p.nextQuestion) setSeen((s) => ({ ...s, [p.nextQuestion!.id]: p.nextQuestion! }));
      if (p.dropped.length > 0) setAnswers((a) => Object.fromEntries(Object.entries(a).filter(([k]) => !p.dropped.includes(k))));
    });
    return () => {
      live = false;
    };
  }, [draft.id, matterId, answers, version]);

  const choose = (id: string) => {
    setMatterId(id);
    setAnswers({});
    setSeen({});
    setResult({ plan: null, error: null, current: null });
  };

  const plan = result.plan;
  return (
    <div className="admin-stack">
      <div className="admin-row">
        <label htmlFor="preview-matter" style={{ fontWeight: 600 }}>{t('admMatters')}</label>
        <Select id="preview-matter" value={matterId || undefined} onChange={choose} style={{ flex: '1 1 280px', maxWidth: 420 }} showSearch={{ optionFilterProp: 'label' }}
          options={matterIds.map((id) => ({ value: id, label: published.name(id) === id ? id : `${published.name(id)}` }))} placeholder={t('admChooseTheMatterTo2')} />
        <Button onClick={() => { setAnswers({}); setSeen({}); }} disabled={Object.keys(answers).length === 0}>{t('admAnswerAgain')}</Button>
        {loading && <Spin size="small" description={t('admBuilding')} />}
      </div>
      <Typography.Text type="secondary">{t('admBuildsThePlanFrom')}</Typography.Text>
      {result.error && (
        <Alert type="error" showIcon title={errorText(result.error)}
          description={result.error instanceof ApiError && result.error.details.length > 0 ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{result.error.details.map((d, i) => <li key={i}><span className="mono">{d.path}</span>{t('admSep9')}{d.message}</li>)}</ul> : undefined} />
      )}
      {!matterId && <Empty description={t('admTheDraftHasNo')} />}
      {plan && (
        <div className="preview-grid">
          <Section title={t('admGuidingQuestionsAnswered', { n: plan.answers.length })} level={4}>
            <div className="sr-only" aria-live="polite">{plan.nextQuestion ? t('admNextQuestion', { text: plan.nextQuestion.text }) : t('admAllQuestionsAnswered')}</div>
            <div className="admin-stack" style={{ gap: 8 }}>
              {plan.answers.map((a) => {
                const q = seen[a.question];
                return q ? <Question key={a.question} q={q} value={a.value} next={false} onChange={(v) => setAnswers((s) => ({ ...s, [a.question]: v }))} />
                  : (
                    <div key={a.question} style={{ padding: '8px 12px', background: '#fafafa', borderRadius: 6 }}>
                      <div style={{ fontWeight: 600 }}>{a.text}</div>
                      <Space>{a.label}<Button size="small" type="link" onClick={() => setAnswers((s) => { const n = { ...s }; delete n[a.question]; return n; })}>{t('admAnswerAgain')}</Button></Space>
                    </div>
                  );
              })}
              {plan.nextQuestion ? (
                <Question key={plan.nextQuestion.id} q={plan.nextQuestion} value={undefined} next onChange={(v) => setAnswers((s) => ({ ...s, [plan.nextQuestion!.id]: v }))} />
              ) : (
                <Alert type={plan.situation?.eligible === false ? 'warning' : 'success'} showIcon title={plan.complete ? t('admAllQuestionsAnsweredThe') : t('admNoMoreQuestions')} />
              )}
            </div>
          </Section>
          <div className="admin-stack">
            <PlanBody plan={plan} current={result.current} />
          </div>
        </div>
      )}
    </div>
  );
}

function Compare({ plan, current }: { plan: Plan; current: Plan | null }) {
  const { t } = usePrefs();
  const rows = [
    { key: 'days', label: t('admCommittedTimeLimit'), mine: plan.timeLimit.workingDays, now: current?.timeLimit.workingDays, fmt: days },
    { key: 'legal', label: t('admStatutoryTimeLimit'), mine: plan.timeLimit.legalWorkingDays, now: current?.timeLimit.legalWorkingDays, fmt: days },
    { key: 'items', label: t('admItems3'), mine: plan.items.length, now: current?.items.length, fmt: (n: number) => t('admItemS2', { n }) },
    { key: 'required', label: t('admMaterialsToSubmit'), mine: plan.materials.filter((m) => m.status === 'required').length, now: current?.materials.filter((m) => m.status === 'required').length, fmt: (n: number) => t('admSep26', { n }) },
    { key: 'exempt', label: t('admExemptMaterials'), mine: plan.materials.filter((m) => m.status === 'exempt').length, now: current?.materials.filter((m) => m.status === 'exempt').length, fmt: (n: number) => t('admSep26', { n }) },
    { key: 'fields', label: t('admFormFields'), mine: plan.reductions.fields.after, now: current?.reductions.fields.after, fmt: (n: number) => t('admItemS2', { n }) },
    { key: 'trips', label: t('admTrips'), mine: plan.reductions.trips.after, now: current?.reductions.trips.after, fmt: (n: number) => t('admTripS', { n }) },
  ];
  return (
    <table className="diff-table" aria-label={t('admThisDraftSPlan')}>
      <thead><tr><th scope="col">{t('admIndicator')}</th><th scope="col">{t('admCurrentVersion2')}</th><th scope="col">{t('admThisDraft')}</th></tr></thead>
      <tbody>
        {rows.map((r) => {
          const changed = r.now !== undefined && r.now !== r.mine;
          return (
            <tr key={r.key}>
              <th scope="row" style={{ fontWeight: 400 }}>{r.label}</th>
              <td data-label={t('admCurrentVersion2')} className={changed ? 'diff-before' : undefined}>{r.now === undefined ? '—' : r.fmt(r.now)}</td>
              <td data-label={t('admThisDraft')} className={changed ? 'diff-after' : undefined}>{r.fmt(r.mine)}{changed && <strong>{t('admChanged2')}</strong>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function PlanBody({ plan, current }: { plan: Plan; current: Plan | null }) {
  const { t } = usePrefs();
  const name = (id: string) => plan.items.find((i) => i.id === id)?.name ?? id;
  const r = plan.reductions;
  const reductions = [
    { key: 'items', label: t('admItems3'), m: r.items, unit: t('admItemS3') },
    { key: 'forms', label: t('admApplicationForms'), m: r.forms, unit: t('admFormS') },
    { key: 'fields', label: t('admFields4'), m: r.fields, unit: t('admItemS3') },
    { key: 'materials', label: t('admMaterialsToSubmit2'), m: r.materials, unit: t('admCopies3') },
    { key: 'trips', label: t('admTrips'), m: r.trips, unit: t('admTripS2') },
    { key: 'days', label: t('admCommittedTime'), m: r.workingDays, unit: t('admWorkingDays4') },
  ];
  return (
    <>
      <Section title={t('admSituationsAndTimeLimits')} level={4}>
        <Descriptions size="small" column={1} bordered items={[
          {
            key: 'situation', label: t('admSituation2'), children: plan.situation ? (
              <>
                <Tag color={plan.situation.eligible ? 'green' : 'red'}>{plan.situation.eligible ? t('admCanBeHandledTogether2') : t('admCannotBeHandledTogether2')}</Tag><span lang="zh-CN">{plan.situation.name}</span>
                {plan.situation.description && <div><Typography.Text type="secondary">{plan.situation.description}</Typography.Text></div>}
                {plan.situation.advice && <div>{t('admSuggestion2')}{plan.situation.advice}</div>}
              </>
            ) : <Typography.Text type="secondary">{t('admSetOnceQuestionsAre')}</Typography.Text>,
          },
          { key: 'time', label: t('admTimeLimit'), children: <>{t('admCommitted2')} <strong>{days(plan.timeLimit.workingDays)}</strong>{t('admStatutory2')} {days(plan.timeLimit.legalWorkingDays)}{t('admSep2')}</> },
          { key: 'path', label: t('admCriticalPath'), children: plan.timeLimit.criticalPath.map(name).join(' → ') || '—' },
          { key: 'channels', label: t('admChannels2'), children: plan.channels.map((c) => named(t, CHANNEL, c)).join(t('admSep3')) },
        ]} />
        <div style={{ marginTop: 12 }}><Compare plan={plan} current={current} /></div>
      </Section>

      <Section title={t('admItemsAndProcess', { n: plan.items.length })} level={4}>
        <Table size="small" rowKey="id" pagination={false} dataSource={plan.items} scroll={{ x: 560 }} columns={[
          { title: t('admItems'), dataIndex: 'name', render: (v: string, i) => <>{v}{i.optional && <Tag style={{ marginInlineStart: 4 }}>{t('admOptional2')}</Tag>}</> },
          { title: t('admDepartment'), key: 'dept', render: (_: unknown, i) => i.department.name },
          { title: t('admType'), dataIndex: 'why', render: (w: ItemWhy) => <Tag color={WHY[w].color}>{WHY[w].label}</Tag> },
          { title: t('admStep2'), dataIndex: 'stage', render: (s: number) => t('admStep3', { p0: s + 1 }) },
          { title: t('admCommittedStatutoryTimeLimit'), key: 'tl', render: (_: unknown, i) => `${days(i.timeLimit.promised)} / ${days(i.timeLimit.legal)}` },
        ]} />
        {plan.notChosen.length > 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('admOptionalItemsNotChosen')}{plan.notChosen.map((n) => n.name).join(t('admSep3'))}</Typography.Paragraph>}
        <ol className="flow" aria-label={t('admProcess')} style={{ listStyle: 'none', padding: 0, marginTop: 12 }}>
          {plan.stages.map((s, i) => (
            <li key={i} className="flow-stage">
              <h5>{t('admStepN', { n: i + 1 })}{s.length > 1 ? t('admInParallel') : ''}</h5>
              <ul>{s.map((id) => <li key={id}>{name(id)}</li>)}</ul>
            </li>
          ))}
        </ol>
      </Section>

      <Section title={t('admMaterialsToSubmitExempt', { p0: plan.materials.filter((m) => m.status === 'required').length, p1: plan.materials.filter((m) => m.status === 'exempt').length })} level={4}>
        <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
          {plan.materials.map((m) => (
            <li key={m.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <div className="admin-row" style={{ gap: 6 }}>
                {m.status === 'exempt' ? <Tag color="green">{t('admExempt')}</Tag> : <Tag color="orange">{t('admToSubmit')}</Tag>}
                <span style={{ color: m.status === 'exempt' ? '#595959' : undefined }}><span lang="zh-CN">{m.name}</span></span>
                {m.status === 'required' && <Typography.Text type="secondary">{formText(m.form)} {m.copies} {t('admCopies3')}</Typography.Text>}
                {m.deferrable && <Tag color="gold">{t('admDeferrable')}</Tag>}
              </div>
              {m.exemption && <div style={{ fontSize: 13 }}><Tag color={EXEMPT[m.exemption.kind].color}>{EXEMPT[m.exemption.kind].label}</Tag><span lang="zh-CN">{m.exemption.evidence}</span></div>}
              {m.status === 'required' && m.alternatives.length > 0 && <div style={{ fontSize: 13 }}><Typography.Text type="secondary">{t('admCanBeExemptedBy')}{m.alternatives.map((a) => t('admSep27', { p0: EXEMPT[a.kind].label, evidence: a.evidence })).join(t('admSep6'))}</Typography.Text></div>}
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t('admFewerStepsMaterialsDays')} level={4}>
        <table className="diff-table">
          <caption style={{ captionSide: 'top', textAlign: 'start', paddingBottom: 6 }}>{t('admEachItemHandledAlone')}</caption>
          <thead><tr><th scope="col">{t('admIndicator')}</th><th scope="col">{t('admHandledAlone')}</th><th scope="col">{t('admMatters')}</th><th scope="col">{t('admReduction')}</th></tr></thead>
          <tbody>
            {reductions.map((x) => (
              <tr key={x.key}>
                <th scope="row" style={{ fontWeight: 400 }}>{x.label}</th>
                <td data-label={t('admHandledAlone')}>{x.m.before} {x.unit}</td>
                <td data-label={t('admMatters')}>{x.m.after} {x.unit}</td>
                <td data-label={t('admReduction')}>{x.m.before > 0 ? `${Math.round(((x.m.before - x.m.after) / x.m.before) * 100)}%` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}
