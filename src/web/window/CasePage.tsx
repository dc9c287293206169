/** One case at the window, from the guided questions to the result handed over; what shows follows its status. */
import { Alert, Descriptions, Grid, Progress as Bar, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get } from '../shared/api.ts';
import { useLoad } from '../shared/useLoad.ts';
import { Circulation, DeferredMaterials, Delivery, Documents, Progress, Rejected } from './AfterAcceptance.tsx';
import { CaseFeesCard } from '../shared/Fees.tsx';
import { Check } from './Check.tsx';
import { Correcting } from './Corrections.tsx';
import { SupplementAtCounter } from './SupplementAtCounter.tsx';
import { ConsultationAtWindow } from './ConsultationAtWindow.tsx';
import { FormStep, MaterialsStep, ReviewStep } from './Intake.tsx';
import { Questions } from './Questions.tsx';
import type { CaseView, Plan } from './types.ts';
import { CASE_STATUS, CHANNEL, fmtTime, LoadError, named, STATUS_COLOR, visitors } from './ui.tsx';
import { usePageTitle } from '../shared/usePageTitle.ts';
import { usePrefs } from '../shared/prefs.tsx';
import { IntakeName } from '../shared/IntakeText.tsx';
import { PrecheckPanel } from '../shared/precheck/Precheck.tsx';
import type { MessageKey } from '../shared/messages/index.ts';

type Intake = 'questions' | 'form' | 'materials' | 'review';
const STEPS: MessageKey[] = ['winApplicant', 'winGuidedQuestions', 'winApplicationForm', 'winMaterials2', 'winReviewAndSubmit', 'winAcceptanceCheck', 'winHandlingAndDelivery'];
const INTAKE_STEP: Record<Intake, number> = { questions: 1, form: 2, materials: 3, review: 4 };

export function CasePage() {
  const { t } = usePrefs();
  usePageTitle(t('winWindowCase'));
  const { id = '' } = useParams();
  // Another case starts afresh: no view, no step, no plan of the case before.
  return <CaseScreen key={id} id={id} />;
}

function CaseScreen({ id }: { id: string }) {
  const { t } = usePrefs();
  const [plan, setPlan] = useState<Plan | null>(null);
  // Each load shows the case as the server holds it, with its own plan.
  const { data: view, error, reload } = useLoad(() => get<CaseView>(`/api/cases/${id}`).then((v) => (setPlan(null), v)), [id]);
  const [step, setStep] = useState<Intake | null>(null);
  const [moved, setMoved] = useState(0);
  const narrow = !Grid.useBreakpoint().md;
  const heading = useRef<HTMLHeadingElement>(null);

  const current = plan ?? view?.plan ?? null;
  const intake: Intake = step ?? (current?.complete ? 'form' : 'questions');

  /** Moves on with the case as the server now holds it (the form shows what the new plan pre-filled); the heading takes the focus. */
  const go = async (next: Intake) => {
    await reload();
    setStep(next);
    requestAnimationFrame(() => {
      heading.current?.focus();
      window.scrollTo({ top: 0 });
    });
  };

  if (error) return <LoadError error={error} retry={reload} />;
  if (!view) return <Spin description={t('winLoading')} />;

  const stepIndex = view.status === 'draft' ? INTAKE_STEP[intake] : view.status === 'submitted' || view.status === 'correcting' || view.status === 'rejected' ? 5 : 6;
  const stepTitle = view.status === 'draft' ? t(STEPS[stepIndex] as MessageKey) : view.status === 'submitted' ? t('winAcceptanceCheck') : view.status === 'correcting' ? t('winAwaitingCorrections') : view.status === 'rejected' ? t('winNotAccepted2') : t('winHandlingAndDelivery');
  const visitor = visitors.get(view.id);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/window">{t('winBackToTheWindow')}</Link>
      <div>
        <Typography.Title level={1} style={{ margin: 0 }} ref={heading} tabIndex={-1}>
          {stepTitle}<span style={{ fontWeight: 400, fontSize: '0.7em' }}> · <span lang="zh-CN">{view.matter.name}</span></span>
        </Typography.Title>
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={[
        { key: 'number', label: t('winCaseNumber'), children: <Typography.Text copyable>{view.number}</Typography.Text> },
        { key: 'status', label: t('winStatus'), children: <Tag color={STATUS_COLOR[view.status]}>{named(t, CASE_STATUS, view.status)}</Tag> },
        { key: 'channel', label: t('winChannel'), children: named(t, CHANNEL, view.channel) },
        ...(visitor ? [{ key: 'who', label: t('winApplicant2'), children: visitor.name }] : []),
        ...(view.assisted ? [{ key: 'assisted', label: t('winAssistedOrByProxy'), children: <span lang="zh-CN">{t('winAuthority', { by: view.assisted.by, authority: view.assisted.authority ?? '' })}</span> }] : []),
        ...(view.submittedAt ? [{ key: 'submitted', label: t('winSubmitted'), children: fmtTime(view.submittedAt) }] : []),
        ...(view.acceptedAt ? [{ key: 'accepted', label: t('winAccepted'), children: fmtTime(view.acceptedAt) }] : []),
        ...(view.intake ? [{ key: 'intake', label: t('regionIntake'), children: <IntakeName intake={view.intake} /> }] : []),
      ]} />
      {narrow ? (
        <div aria-label={t('winSteps')}>
          <Typography.Text>{t('winStep')} {stepIndex + 1} {t('winOf')} {STEPS.length} {t('winSep6')}{t(STEPS[stepIndex] as MessageKey)}</Typography.Text>
          <Bar percent={Math.round(((stepIndex + 1) / STEPS.length) * 100)} showInfo={false} size="small" aria-label={t('winStepOf', { p0: stepIndex + 1, n: STEPS.length })} />
        </div>
      ) : (
        <nav aria-label={t('winSteps')}>
          <Steps size="small" current={stepIndex} status={view.status === 'rejected' ? 'error' : undefined} items={STEPS.map((key) => ({ title: t(key) }))} />
        </nav>
      )}

      {view.status === 'draft' && current && (
        intake === 'questions' ? <Questions caseView={view} plan={current} onPlan={(p) => { setPlan(p); setStep('questions'); }} onNext={() => void go('form')} />
          : intake === 'form' ? <FormStep key={view.id} caseView={view} plan={current} onBack={() => void go('questions')} onNext={() => void go('materials')} />
            : intake === 'materials' ? <MaterialsStep caseView={view} plan={current} reload={reload} onBack={() => void go('form')} onNext={() => void go('review')} />
              : <ReviewStep caseView={view} plan={current} onBack={() => void go('materials')} onForm={() => void go('form')} onSubmitted={() => { setStep(null); void reload(); }} />
      )}
      {view.status === 'draft' && !current && <Alert type="error" showIcon title={t('winThisCaseHasNo')} />}
      {view.status === 'submitted' && <Check caseView={view} reload={reload} />}
      {view.status !== 'withdrawn' && (view.status !== 'draft' || intake === 'materials' || intake === 'review') && (
        <PrecheckPanel url={`/api/window/cases/${view.id}/precheck`} rerunUrl={`/api/cases/${view.id}/precheck`} audience="staff" version={view.materials.reduce((n, m) => n + m.files.length, 0)} />
      )}
      {view.status === 'correcting' && <><Documents caseView={view} /><Correcting caseView={view} reload={reload} /></>}
      {view.status === 'rejected' && (
        <>
          <Documents caseView={view} />
          <Rejected caseView={view} />
        </>
      )}
      {view.status === 'withdrawn' && <Alert type="info" showIcon title={t('winTheApplicantWithdrewThis')} />}
      {(view.status === 'accepted' || view.status === 'in-progress' || view.status === 'completed') && (
        <>
          <Documents caseView={view} />
          <Progress caseView={view} />
          <DeferredMaterials caseView={view} reload={reload} />
          <SupplementAtCounter caseView={view} reload={reload} />
          <Circulation caseView={view} version={moved} />
          <Delivery caseView={view} onDone={() => setMoved((n) => n + 1)} />
        </>
      )}
      {view.status !== 'draft' && <CaseFeesCard key={view.status} caseId={view.id} atWindow onChange={() => void reload()} />}
      {view.status !== 'draft' && <ConsultationAtWindow caseId={view.id} />}
    </Space>
  );
}
