/**
 * One case for its applicant. A draft: the plan, the one form (saved by itself), the materials to upload,
 * and submit. Afterwards: the progress of each item, supplements asked for, documents, withdraw, rating.
 */
import { Alert, Button, Card, Collapse, Modal, Result, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, errorText, get, post, put, type ErrorDetail } from '../shared/api.ts';
import { FormSummary, SchemaForm, serverDetailText, type SchemaFormHandle } from '../shared/form/index.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { plainDay } from '../shared/dates.ts';
import { Zh } from '../shared/fillNodes.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import { word } from '../shared/words.ts';
import { IntakeName } from '../shared/IntakeText.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { DraftMaterials, ExemptMaterials } from './case/Materials.tsx';
import { CommitmentsFollowed } from './case/Commitments.tsx';
import { FileList, materialDomId } from './case/MaterialUpload.tsx';
import { PlanSummary } from './case/PlanSummary.tsx';
import { Progress } from './case/Progress.tsx';
import { RatingPanel } from './case/RatingPanel.tsx';
import { RecommendationsPanel } from './home/Recommendations.tsx';
import { CaseResults } from './case/Results.tsx';
import { RequireApplicant } from './case/RequireApplicant.tsx';
import { DeferredMaterials, SupplementRequests } from './case/Supplement.tsx';
import { Corrections } from './case/Corrections.tsx';
import { Confirmation } from './case/Confirmation.tsx';
import { Review } from './case/Review.tsx';
import { PrecheckPanel } from '../shared/precheck/Precheck.tsx';
import { CaseFeesCard } from '../shared/Fees.tsx';
import { CASE_STATUS_TEXT, DOCUMENT_TEXT, STATUS_COLOR, day, withdrawable, type CaseView, type Correction } from './case/types.ts';
import { MUTED } from '../shared/form/muted.ts';
import { More } from './elder/More.tsx';
import { usePageTitle } from '../shared/usePageTitle.ts';

const cardTitle = (text: string) => <h3 style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal' }}>{text}</h3>;

function Header({ view }: { view: CaseView }) {
  const { t, lang, elder } = usePrefs();
  // 长辈模式: the matter and its status; the number, the date and the window to quote behind 更多说明.
  const reference = [
    <Typography.Text key="number" style={MUTED}>{t('case_number', { number: view.number })}</Typography.Text>,
    view.submittedAt && <Typography.Text key="on" style={MUTED}>{t('case_submittedOn', { day: lang === 'zh' ? day(view.submittedAt) : plainDay(view.submittedAt, lang) })}</Typography.Text>,
    view.intake && <Typography.Text key="intake" style={MUTED}>{t('regionIntake')}{t('colon')}<IntakeName intake={view.intake} /></Typography.Text>,
  ];
  return (
    <header>
      <Typography.Title id="case-title" level={1} style={{ marginBottom: 4 }} lang="zh-CN">{view.matter.name}</Typography.Title>
      <Space wrap size={[8, 4]}>
        <Tag color={STATUS_COLOR[view.status]} variant="outlined" style={{ fontSize: 'inherit', paddingBlock: 2 }}>{CASE_STATUS_TEXT[view.status]}</Tag>
        {!elder && reference}
      </Space>
      {elder && <More><Space wrap size={[8, 4]}>{reference}</Space></More>}
    </header>
  );
}

/** The problems that stop a submit, each a link to its field or material. */
function SubmitErrors({ message, details, onField, matterId }: { message: string; details: (ErrorDetail & { label?: string })[]; onField(key: string): void; matterId: string }) {
  const { lang } = usePrefs();
  const go = (path: string) => {
    if (path.startsWith('form.')) return onField(path.slice(5));
    if (path.startsWith('materials.')) {
      const el = document.getElementById(materialDomId(path.slice(10)));
      el?.scrollIntoView({ block: 'start' });
      el?.focus();
    }
  };
  return (
    <Alert type="error" showIcon title={message} description={details.length > 0 && (
      <ul style={{ margin: '4px 0 0', paddingInlineStart: '1.2em' }}>
        {details.map((d) => (
          <li key={d.path + d.message}>
            {d.path.startsWith('answers.')
              ? <Link to={`/matters/${matterId}/apply`}>{lang === 'zh' ? <>{d.message}{word('colon')}{d.path.slice(8)}</> : word('fv_answer')}</Link>
              : <a href={`#${d.path.startsWith('materials.') ? materialDomId(d.path.slice(10)) : `field-${d.path.slice(5)}`}`} onClick={(e) => { e.preventDefault(); go(d.path); }}>{d.label && lang !== 'zh' ? <><Zh>{d.label}</Zh>{word('colon')}</> : null}{d.code ? serverDetailText(d) : d.message}</a>}
          </li>
        ))}
      </ul>
    )} />
  );
}

function Draft({ view, setView, reload, onSubmitted }: { view: CaseView; setView(v: CaseView): void; reload(): void; onSubmitted(): void }) {
  const { t } = usePrefs();
  const formRef = useRef<SchemaFormHandle>(null);
  const [busy, setBusy] = useState(false);
  // Back from changing an answer (?review=1): straight to the check page again.
  const [search, setSearch] = useSearchParams();
  const [reviewing, setReviewing] = useState(search.get('review') === '1');
  useEffect(() => {
    if (search.has('review')) setSearch({}, { replace: true });
  }, []);
  const toTop = (id: string) => requestAnimationFrame(() => {
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
  });
  const [problem, setProblem] = useState<{ message: string; details: (ErrorDetail & { label?: string })[] } | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const save = useCallback(async (changes: Record<string, unknown>) => {
    await put<CaseView>(`/api/cases/${view.id}/form`, { values: changes });
  }, [view.id]);
  const plan = view.plan;
  if (!plan) return <Alert type="warning" showIcon title={t('case_noPlan')} description={<Link to={`/matters/${view.matter.id}/apply`}>{t('case_noPlanLink')}</Link>} />;
  const required = view.materials.filter((m) => m.status === 'required');
  const missing = required.filter((m) => !m.deferrable && m.files.length === 0);
  const fileCount = view.materials.reduce((n, m) => n + m.files.length, 0);

  /** Saves what is typed, then shows every answer on the check page (from the server, as it will be submitted). */
  const review = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const flushed = await formRef.current?.flush();
      if (flushed && flushed.invalid.length > 0) {
        setProblem({ message: t('case_formInvalid'), details: flushed.errors });
        requestAnimationFrame(() => problemRef.current?.focus());
        return;
      }
      setView(await get<CaseView>(`/api/cases/${view.id}`));
      setReviewing(true);
      toTop('review-title');
    } catch (e) {
      setProblem({ message: errorText(e), details: [] });
      requestAnimationFrame(() => problemRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const next = await post<CaseView>(`/api/cases/${view.id}/submit`);
      onSubmitted();
      setView(next);
      window.scrollTo({ top: 0 });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'network', word('error_network'));
      formRef.current?.showErrors(err.details);
      // Each problem with the name of its field or material (catalogue data), for a language the server's sentences are not in.
      const named = err.details.map((d) => ({ ...d, label: d.path.startsWith('form.') ? plan.form.fields.find((f) => f.key === d.path.slice(5))?.label : plan.materials.find((m) => m.id === d.path.slice(10))?.name }));
      setProblem({ message: err.code === 'incomplete-application' ? t('case_incomplete') : err.message, details: named });
      requestAnimationFrame(() => problemRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };
  const edit = (then: () => void) => {
    setReviewing(false);
    setProblem(null);
    requestAnimationFrame(then);
  };
  const problemBox = (
    <div ref={problemRef} tabIndex={-1} style={{ outline: 'none' }} aria-live="assertive">
      {problem && <SubmitErrors message={problem.message} details={problem.details} matterId={view.matter.id} onField={(k) => edit(() => formRef.current?.focusField(k))} />}
    </div>
  );

  return (
    <>
    {reviewing && (
      <Review view={{ ...view, plan }} busy={busy} problem={problemBox} onSubmit={submit}
        precheck={<PrecheckPanel url={`/api/cases/${view.id}/precheck`} audience="applicant" version={fileCount} />}
        onEditSection={(key) => edit(() => formRef.current?.focusField(key))}
        onEditMaterials={() => edit(() => toTop('draft-materials'))} onBack={() => edit(() => toTop('form-title'))} />
    )}
    {/* Kept mounted while checking: the form holds what was typed, and 修改 comes back to it. */}
    <div hidden={reviewing}>
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('case_threeSteps')}
        description={<More>{t('case_autoSave')}</More>} />
      <PlanSummary plan={plan} matterId={view.matter.id} />
      <section aria-labelledby="form-title">
        <Typography.Title id="form-title" level={3} style={{ fontSize: '1.25em' }}>{t('case_step1')}</Typography.Title>
        <More><Typography.Paragraph style={MUTED}>
          {t('case_oneForm', { items: plan.items.length, fields: plan.form.fields.length })}
        </Typography.Paragraph></More>
        <SchemaForm ref={formRef} form={plan.form} initialValues={view.form} save={save} idPrefix="field" headingLevel={4} />
      </section>
      <div id="draft-materials" tabIndex={-1} style={{ outline: 'none' }}><DraftMaterials view={view} onUploaded={reload} /></div>
      {!reviewing && <PrecheckPanel url={`/api/cases/${view.id}/precheck`} rerunUrl={`/api/cases/${view.id}/precheck`} audience="applicant" version={fileCount} />}
      <Card title={cardTitle(t('case_step3'))}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
            <li>{t('case_formSaved')}</li>
            <li>{t('case_materialsLine')}{required.length === 0 ? t('case_noUpload') : `${t('case_toUpload', { n: required.length })}${missing.length === 0 ? t('case_allUploaded') : t('case_stillMissing', { n: missing.length })}`}{t('case_period')}</li>
            <li>{t('case_nextStepLine', { n: plan.items.length })}</li>
          </ul>
          {!reviewing && problemBox}
          <Button type="primary" size="large" block loading={busy} onClick={review} disabled={!plan.complete || plan.situation?.eligible === false}>{t('case_toReview')}</Button>
        </Space>
      </Card>
    </Space>
    </div>
    </>
  );
}

function StatusNotice({ view }: { view: CaseView }) {
  const { t } = usePrefs();
  const days = view.plan?.timeLimit.workingDays;
  switch (view.status) {
    case 'submitted':
      return <Alert type="info" showIcon title={t('case_submitted')} description={<More>{t('case_submittedText')}</More>} />;
    case 'accepted':
    case 'in-progress':
      return <Alert type="info" showIcon title={`${t('case_accepted')}${days ? t('case_acceptedDays', { n: days }) : ''}`} description={<More>{t('case_acceptedText')}</More>} />;
    case 'completed':
      // With an item refused or stopped the outcome says so: "已全部办结" would claim every item was done.
      return <Alert type={view.outcome?.nextSteps.length ? 'warning' : 'success'} showIcon title={view.outcome?.nextSteps.length ? <Zh>{view.outcome.summary}</Zh> : t('case_allDone')}
        description={<More>{view.outcome ? <Zh>{view.outcome.summary}。</Zh> : ''}{t('case_doneText')}</More>} />;
    case 'withdrawn':
      return <Alert type="warning" showIcon title={t('case_withdrawnTitle')} description={t('case_withdrawnText')}
        action={<LinkButton to={`/matters/${view.matter.id}/apply`} size="small">{t('case_applyAgain')}</LinkButton>} />;
    case 'rejected': {
      if (view.rejection) {
        return <Alert type="error" showIcon title={<>{t('case_rejectedKind')}<Zh>{view.rejection.kindLabel}</Zh></>}
          description={<><Zh>{view.rejection.reason}。</Zh>{t('case_rejectedRemedy')}</>} />;
      }
      const list = view.corrections.map((c: Correction | string) => (typeof c === 'string' ? c : `${c.subject}：${c.problem}；${c.correction}`));
      return (
        <Alert type="error" showIcon title={t('case_rejectedCorrect')}
          description={(
            <>
              <ol style={{ margin: '4px 0 8px', paddingInlineStart: '1.2em' }} lang="zh-CN">{list.map((c) => <li key={c}>{c}</li>)}</ol>
              <LinkButton to={`/matters/${view.matter.id}/apply`} type="primary">{t('case_correctAndApply')}</LinkButton>
            </>
          )} />
      );
    }
    default:
      return null;
  }
}

function Submitted({ view, setView, reload, justSubmitted }: { view: CaseView; setView(v: CaseView): void; reload(): void; justSubmitted: boolean }) {
  const { t } = usePrefs();
  const [modal, holder] = Modal.useModal();
  const [error, setError] = useState<string | null>(null);
  const withdraw = () => modal.confirm({
    title: t('case_withdrawConfirm'),
    content: t('case_withdrawConfirmText'),
    okText: t('case_withdrawOk'),
    okButtonProps: { danger: true },
    cancelText: t('case_withdrawCancel'),
    focusable: { autoFocusButton: 'cancel' },
    onOk: async () => {
      try {
        setView(await post<CaseView>(`/api/cases/${view.id}/withdraw`));
        setError(null);
      } catch (e) {
        setError(errorText(e));
      }
    },
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {holder}
      {justSubmitted && <Confirmation view={view} />}
      <StatusNotice view={view} />
      <Corrections view={view} onChange={setView} onUploaded={reload} />
      <SupplementRequests view={view} onChange={setView} onUploaded={reload} />
      <DeferredMaterials view={view} onUploaded={reload} />
      <CommitmentsFollowed view={view} onChange={reload} />
      {view.status !== 'draft' && <CaseFeesCard key={view.status} caseId={view.id} onChange={reload} />}
      {view.progress.length > 0 && <Progress view={view} />}
      <CaseResults view={view} />
      {view.documents.length > 0 && (
        <Card title={cardTitle(t('case_documents'))}>
          <Space wrap>
            {view.documents.map((d) => (
              <Button key={d.kind} href={d.url} target="_blank" rel="noopener noreferrer">{DOCUMENT_TEXT[d.kind]}{t('case_pdfNewWindow')}</Button>
            ))}
          </Space>
        </Card>
      )}
      {['accepted', 'in-progress', 'completed'].includes(view.status) && <RatingPanel caseId={view.id} />}
      {view.status === 'completed' && <RecommendationsPanel caseId={view.id} />}
      <Collapse items={[{
        key: 'application',
        label: t('case_myApplication'),
        children: (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {view.plan && <FormSummary form={view.plan.form} values={view.form} />}
            <section aria-label={t('case_submittedMaterials')}>
              <Typography.Title level={4} style={{ fontSize: '1.05em' }}>{t('case_submittedMaterials')}</Typography.Title>
              {view.materials.filter((m) => m.status === 'required').map((m) => (
                <div key={m.id}>
                  <Zh>{m.name}</Zh>{m.files.length === 0 && <Typography.Text style={MUTED}>{t('case_notUploaded', { deferred: m.deferrable ? t('case_deferredLater') : '' })}</Typography.Text>}
                  <FileList caseId={view.id} files={m.files} />
                </div>
              ))}
              <ExemptMaterials view={view} />
            </section>
          </Space>
        ),
      }]} />
      {withdrawable(view.status) && (
        <Card title={cardTitle(t('case_withdraw'))}>
          <Typography.Paragraph>{t('case_withdrawHint')}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Button danger onClick={withdraw}>{t('case_withdraw')}</Button>
        </Card>
      )}
    </Space>
  );
}

function CasePage({ id }: { id: string }) {
  const { t } = usePrefs();
  const { data: view, error, set: setView, reload } = useLoad(() => get<CaseView>(`/api/cases/${id}`), [id]);
  const [justSubmitted, setJustSubmitted] = useState(false);
  if (error && !view) {
    return error.status === 404 || error.status === 400
      ? <Result status="404" title={t('case_notFound')} subTitle={t('case_notFoundSub')} extra={<LinkButton to="/cases" type="primary">{t('case_backToCases')}</LinkButton>} />
      : <Alert type="error" showIcon title={error.message} action={<Button onClick={reload}>{t('case_retry')}</Button>} />;
  }
  if (!view) return <Spin description={t('loading')} />;
  return (
    <article aria-labelledby="case-title">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Link to="/cases">{t('case_backLink')}</Link>
        <Header view={view} />
        {view.status === 'draft'
          ? <Draft key={view.id} view={view} setView={setView} reload={reload} onSubmitted={() => setJustSubmitted(true)} />
          : <Submitted view={view} setView={setView} reload={reload} justSubmitted={justSubmitted} />}
      </Space>
    </article>
  );
}

export default function CaseDetail() {
  const { t } = usePrefs();
  usePageTitle(t('case_pageTitle'));
  const { id = '' } = useParams();
  return (
    <RequireApplicant what={t('case_what')}>
      <CasePage id={id} />
    </RequireApplicant>
  );
}
