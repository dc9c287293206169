/**
 * 智能导办 (clause 7.2.4, 6.3.2): one question per step, planned live in the browser with the same
 * core planner and the same published catalogue as the server; then apply online or take a
 * personalised material list to the window.
 */
import { Alert, Button, Card, Col, Result, Row, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { CompiledMatter } from '../../core/catalog/model.ts';
import { questionView } from '../../core/planning/questionnaire.ts';
import type { AnswerValue, Plan } from '../../core/planning/types.ts';
import { truthy } from '../../core/rules/jsonlogic.ts';
import { get } from '../shared/api.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { fillNodes } from '../shared/fillNodes.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { AnswerList } from './apply/AnswerList.tsx';
import { ChannelChoice } from './apply/ChannelChoice.tsx';
import { Ineligible, OnlineContinue } from './apply/FinalStep.tsx';
import type { GuideInfo } from './apply/labels.ts';
import { OfflineChecklist } from './apply/OfflineChecklist.tsx';
import { PlanPanel } from './apply/PlanPanel.tsx';
import { QuestionStep } from './apply/QuestionStep.tsx';
import { useOnline } from './apply/useOnline.ts';
import { loadCatalogue, usePlanner } from './apply/usePlanner.ts';
import { useApplicantFacts } from './apply/useApplicantFacts.ts';
import './apply/apply.css';
import { usePageTitle } from '../shared/usePageTitle.ts';

/** Questions after `current` that may still be asked (those whose condition is already false are not). */
function questionsLeft(matter: CompiledMatter, plan: Plan, current: string): number {
  if (plan.complete && plan.answers.at(-1)?.question === current) return 0;
  const values = Object.fromEntries(plan.answers.map((a) => [a.question, a.value]));
  const answered = new Set(plan.answers.map((a) => a.question));
  const at = matter.questionList.findIndex((q) => q.id === current);
  let n = 0;
  for (const q of matter.questionList.slice(at + 1)) {
    if (answered.has(q.id)) n++;
    else if (plan.complete) continue;
    else if (!(q.test && q.reads.every((r) => r in values) && !truthy(q.test(values)))) n++;
  }
  return n;
}

export default function Apply() {
  const { id = '' } = useParams();
  const { t, elder } = usePrefs();
  usePageTitle(useSearchParams()[0].get('offline') === '1' ? t('apply_titleOffline') : t('apply_title'));
  const [search, setSearch] = useSearchParams();
  const offline = search.get('offline') === '1';
  const published = useLoad(loadCatalogue, []);
  const guide = useLoad(() => get<{ guide: GuideInfo }>(`/api/public/matters/${encodeURIComponent(id)}`), [id]);
  const catalogue = published.data?.catalogue ?? null;
  const facts = useApplicantFacts();
  const planner = usePlanner(catalogue, id, facts);
  const shown = planner.result?.ok ? planner.result.plan.answers : [];
  const online = useOnline(id, planner.answers, planner.chosenItems, planner.setAnswers, shown);
  const [stepState, setStep] = useState<number | null>(null);
  // ?case=ID&step=N: back from a draft case's check page to change answer N; changes go to that case.
  const resumeCase = search.get('case');
  const resumed = useRef<string | null>(null);
  useEffect(() => {
    if (!resumeCase || !catalogue || online.account?.role !== 'applicant' || resumed.current === resumeCase) return;
    resumed.current = resumeCase;
    void get<{ plan: Plan | null }>(`/api/cases/${encodeURIComponent(resumeCase)}`).then(({ plan: p }) => {
      if (!p) return;
      const own: Record<string, AnswerValue> = Object.fromEntries(p.answers.filter((a) => a.source !== 'facts').map((a) => [a.question, a.value]));
      planner.resume(own, p.notChosen.map((i) => i.id));
      online.attach(resumeCase, p);
      const at = Number(search.get('step'));
      if (Number.isInteger(at) && at >= 0) setStep(at);
    }, () => undefined);
  }, [resumeCase, catalogue, online.account]);
  // 改好了: back to the check page once the last change has reached the case.
  const [leaving, setLeaving] = useState(false);
  const backTo = online.server?.caseId;
  useEffect(() => {
    if (leaving && online.synced && backTo) online.open(backTo, true);
  }, [leaving, online.synced, backTo]);

  if (published.error) return <Alert type="error" showIcon title={t('apply_loadFailed', { message: published.error.message })} action={<Button onClick={published.reload}>{t('apply_retry')}</Button>} />;
  if (!catalogue || !planner.result) return <Spin description={t('loading')} />;
  const matter = catalogue.matters.get(id);
  if (!matter) return <Result status="404" title={t('apply_notFound')} subTitle={t('apply_notFoundSub')} extra={<LinkButton to="/" type="primary">{t('apply_backHome')}</LinkButton>} />;
  if (!planner.result.ok) {
    return (
      <Alert type="error" showIcon title={t('apply_stale')}
        description={<ul lang="zh-CN">{planner.result.errors.map((e) => <li key={e.path + e.message}>{e.message}</li>)}</ul>}
        action={<Button onClick={planner.reset}>{t('apply_restart')}</Button>} />
    );
  }

  const plan = online.server?.plan ?? planner.result.plan;
  const asked = plan.answers.map((a) => a.question);
  const last = asked.length; // the next question, or (when complete) the last step
  const step = Math.min(Math.max(stepState ?? last, 0), last);
  const final = plan.complete && step === last;
  const eligible = plan.situation?.eligible === true;
  const toLastQuestion = () => setStep(Math.max(last - 1, 0));
  const setOffline = (on: boolean) => {
    const next = new URLSearchParams(search);
    if (on) next.set('offline', '1');
    else next.delete('offline');
    setSearch(next);
  };

  if (final && eligible && offline && !online.server) {
    return (
      <OfflineChecklist plan={plan} guide={guide.data?.guide ?? null} answers={planner.answers} chosenItems={planner.chosenItems}
        onBack={toLastQuestion} onOnline={() => setOffline(false)} />
    );
  }

  let main;
  if (final && !eligible) {
    main = <Ineligible plan={plan} onBack={toLastQuestion} />;
  } else if (final && online.server) {
    const caseId = online.server.caseId;
    main = <OnlineContinue plan={plan} busy={online.busy} error={online.error} onOpen={() => online.open(caseId, resumeCase !== null)} onBack={toLastQuestion} back={resumeCase !== null} />;
  } else if (final) {
    main = <ChannelChoice account={online.account} busy={online.busy} error={online.error} onOnline={online.start} onOffline={() => setOffline(true)} onBack={toLastQuestion} />;
  } else {
    const qid = step < asked.length ? asked[step] : plan.nextQuestion?.id;
    const compiled = qid ? matter.questionById.get(qid) : undefined;
    // The applicant's own choice shows at once, before the server's plan (with shared data) comes back.
    const local = planner.result.plan.answers.find((a) => a.question === compiled?.id);
    const answerShown = online.server && local && local.source !== 'facts' ? local : plan.answers[step];
    main = compiled && (
      <QuestionStep
        question={questionView(compiled)}
        answer={answerShown}
        number={step + 1}
        left={questionsLeft(matter, plan, compiled.id)}
        last={plan.complete && step === last - 1}
        focus={stepState !== null}
        onChange={(v) => {
          setStep(step);
          planner.setAnswer(compiled.id, v);
        }}
        onBack={step > 0 ? () => setStep(step - 1) : null}
        onNext={() => setStep(step + 1)}
      />
    );
  }

  const shared = matter.subject === 'enterprise' ? t('apply_sharedEnterprise') : t('apply_sharedPerson');
  const loginNext = `/login?next=${encodeURIComponent(`/matters/${id}/apply${search.toString() ? `?${search}` : ''}`)}`;
  const showPlan = !(final && !eligible);
  return (
    <article aria-labelledby="apply-title">
      <Link to={`/matters/${id}`} className="apply-no-print">{t('apply_backToGuide')}</Link>
      <Typography.Title level={1} id="apply-title" style={{ marginTop: 8 }}><span lang="zh-CN">{plan.matter.name}</span>{t('apply_heading')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('apply_lead')}{offline ? t('apply_leadOffline') : ''}
      </Typography.Paragraph>
      {!online.account && !offline && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }}
          title={<>{t('apply_loginHint', { shared })}<Link to={loginNext}>{t('login')}</Link></>} />
      )}
      {online.account?.role === 'applicant' && !online.server && !offline && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('apply_loggedIn', { shared })} />
      )}
      {online.server && online.server.changed.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('apply_changed')}
          description={<ul style={{ margin: 0 }}>{online.server.changed.map((a) => <li key={a.question}><span lang="zh-CN">{a.text}</span>{t('colon')}<strong lang="zh-CN">{a.label}</strong>{fillNodes(t('apply_changedFrom'), { from: a.prefill?.from ? <span lang="zh-CN">{a.prefill.from}</span> : t('apply_sharedData') })}</li>)}</ul>} />
      )}
      {online.server && resumeCase && !final && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('apply_resumeNote')}
          action={<Button type="primary" loading={leaving} onClick={() => setLeaving(true)}>{t('apply_backToReview')}</Button>} />
      )}
      <Row gutter={[16, 16]}>
        {/* 长辈模式: the plan under the questions, one column. */}
        <Col xs={24} lg={showPlan && !elder ? 13 : 24}>
          <Card className="apply-questions">
            {main}
            <AnswerList answers={plan.answers} current={step} open={online.server !== null} onEdit={setStep} />
          </Card>
        </Col>
        {showPlan && (
          <Col xs={24} lg={elder ? 24 : 11}>
            <PlanPanel plan={plan} busy={online.busy && online.server !== null} onToggle={planner.toggleItem}
              notice={online.server ? t('apply_planNotice') : undefined} />
          </Col>
        )}
      </Row>
    </article>
  );
}
