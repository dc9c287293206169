/** One case at the window, from the guided questions to the result handed over; what shows follows its status. */
import { Alert, Descriptions, Grid, Progress as Bar, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get } from '../shared/api.ts';
import { useLoad } from '../shared/useLoad.ts';
import { Circulation, DeferredMaterials, Delivery, Documents, Progress, Rejected } from './AfterAcceptance.tsx';
import { Check } from './Check.tsx';
import { Correcting } from './Corrections.tsx';
import { SupplementAtCounter } from './SupplementAtCounter.tsx';
import { ConsultationAtWindow } from './ConsultationAtWindow.tsx';
import { FormStep, MaterialsStep, ReviewStep } from './Intake.tsx';
import { Questions } from './Questions.tsx';
import type { CaseView, Plan } from './types.ts';
import { CHANNEL, fmtTime, LoadError, STATUS_COLOR, visitors } from './ui.tsx';
import { usePageTitle } from '../shared/usePageTitle.ts';

type Intake = 'questions' | 'form' | 'materials' | 'review';
const STEPS = ['登记申请人', '引导问答', '填写申请表', '收取材料', '核对提交', '受理审查', '办理与送达'];
const INTAKE_STEP: Record<Intake, number> = { questions: 1, form: 2, materials: 3, review: 4 };

export function CasePage() {
  usePageTitle('综合窗口 办件');
  const { id = '' } = useParams();
  // Another case starts afresh: no view, no step, no plan of the case before.
  return <CaseScreen key={id} id={id} />;
}

function CaseScreen({ id }: { id: string }) {
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
  if (!view) return <Spin description="加载中…" />;

  const stepIndex = view.status === 'draft' ? INTAKE_STEP[intake] : view.status === 'submitted' || view.status === 'correcting' || view.status === 'rejected' ? 5 : 6;
  const stepTitle = view.status === 'draft' ? STEPS[stepIndex] : view.status === 'submitted' ? '受理审查' : view.status === 'correcting' ? '待补正' : view.status === 'rejected' ? '不予受理' : '办理与送达';
  const visitor = visitors.get(view.id);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/window">← 返回综合窗口</Link>
      <div>
        <Typography.Title level={1} style={{ margin: 0 }} ref={heading} tabIndex={-1}>
          {stepTitle}<span style={{ fontWeight: 400, fontSize: '0.7em' }}> · {view.matter.name}</span>
        </Typography.Title>
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={[
        { key: 'number', label: '办件编号', children: <Typography.Text copyable>{view.number}</Typography.Text> },
        { key: 'status', label: '状态', children: <Tag color={STATUS_COLOR[view.status]}>{view.statusLabel}</Tag> },
        { key: 'channel', label: '渠道', children: CHANNEL[view.channel] ?? view.channel },
        ...(visitor ? [{ key: 'who', label: '申请人', children: visitor.name }] : []),
        ...(view.assisted ? [{ key: 'assisted', label: '帮办代办', children: `${view.assisted.by}（依据：${view.assisted.authority}）` }] : []),
        ...(view.submittedAt ? [{ key: 'submitted', label: '提交时间', children: fmtTime(view.submittedAt) }] : []),
        ...(view.acceptedAt ? [{ key: 'accepted', label: '受理时间', children: fmtTime(view.acceptedAt) }] : []),
      ]} />
      {narrow ? (
        <div aria-label="办理步骤">
          <Typography.Text>第 {stepIndex + 1} 步，共 {STEPS.length} 步：{STEPS[stepIndex]}</Typography.Text>
          <Bar percent={Math.round(((stepIndex + 1) / STEPS.length) * 100)} showInfo={false} size="small" aria-label={`第 ${stepIndex + 1} 步，共 ${STEPS.length} 步`} />
        </div>
      ) : (
        <nav aria-label="办理步骤">
          <Steps size="small" current={stepIndex} status={view.status === 'rejected' ? 'error' : undefined} items={STEPS.map((t) => ({ title: t }))} />
        </nav>
      )}

      {view.status === 'draft' && current && (
        intake === 'questions' ? <Questions caseView={view} plan={current} onPlan={(p) => { setPlan(p); setStep('questions'); }} onNext={() => void go('form')} />
          : intake === 'form' ? <FormStep key={view.id} caseView={view} plan={current} onBack={() => void go('questions')} onNext={() => void go('materials')} />
            : intake === 'materials' ? <MaterialsStep caseView={view} plan={current} reload={reload} onBack={() => void go('form')} onNext={() => void go('review')} />
              : <ReviewStep caseView={view} plan={current} onBack={() => void go('materials')} onForm={() => void go('form')} onSubmitted={() => { setStep(null); void reload(); }} />
      )}
      {view.status === 'draft' && !current && <Alert type="error" showIcon title="该件还没有办理方案，请刷新重试。" />}
      {view.status === 'submitted' && <Check caseView={view} reload={reload} />}
      {view.status === 'correcting' && <><Documents caseView={view} /><Correcting caseView={view} reload={reload} /></>}
      {view.status === 'rejected' && (
        <>
          <Documents caseView={view} />
          <Rejected caseView={view} />
        </>
      )}
      {view.status === 'withdrawn' && <Alert type="info" showIcon title="申请人已撤回该申请，材料已退回。" />}
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
      {view.status !== 'draft' && <ConsultationAtWindow caseId={view.id} />}
    </Space>
  );
}
