/**
 * One case for its applicant. A draft: the plan, the one form (saved by itself), the materials to upload,
 * and submit. Afterwards: the progress of each item, supplements asked for, documents, withdraw, rating.
 */
import { Alert, Button, Card, Collapse, Modal, Result, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, errorText, get, post, put, type ErrorDetail } from '../shared/api.ts';
import { FormSummary, SchemaForm, type SchemaFormHandle } from '../shared/form/index.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { usePrefs } from '../shared/prefs.tsx';
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
import { CASE_STATUS_TEXT, DOCUMENT_TEXT, STATUS_COLOR, day, withdrawable, type CaseView, type Correction } from './case/types.ts';
import { MUTED } from '../shared/form/muted.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';

const cardTitle = (text: string) => <h3 style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal' }}>{text}</h3>;

function Header({ view }: { view: CaseView }) {
  return (
    <header>
      <Typography.Title id="case-title" level={1} style={{ marginBottom: 4 }}>{view.matter.name}</Typography.Title>
      <Space wrap size={[8, 4]}>
        <Tag color={STATUS_COLOR[view.status]} variant="outlined" style={{ fontSize: 'inherit', paddingBlock: 2 }}>{CASE_STATUS_TEXT[view.status]}</Tag>
        <Typography.Text style={MUTED}>办件编号 {view.number}</Typography.Text>
        {view.submittedAt && <Typography.Text style={MUTED}>提交于 {day(view.submittedAt)}</Typography.Text>}
      </Space>
    </header>
  );
}

/** The problems that stop a submit, each a link to its field or material. */
function SubmitErrors({ message, details, onField, matterId }: { message: string; details: ErrorDetail[]; onField(key: string): void; matterId: string }) {
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
              ? <Link to={`/matters/${matterId}/apply`}>{d.message}：{d.path.slice(8)}</Link>
              : <a href={`#${d.path.startsWith('materials.') ? materialDomId(d.path.slice(10)) : `field-${d.path.slice(5)}`}`} onClick={(e) => { e.preventDefault(); go(d.path); }}>{d.message}</a>}
          </li>
        ))}
      </ul>
    )} />
  );
}

function Draft({ view, setView, reload, onSubmitted }: { view: CaseView; setView(v: CaseView): void; reload(): void; onSubmitted(): void }) {
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
  const [problem, setProblem] = useState<{ message: string; details: ErrorDetail[] } | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const save = useCallback(async (changes: Record<string, unknown>) => {
    await put<CaseView>(`/api/cases/${view.id}/form`, { values: changes });
  }, [view.id]);
  const plan = view.plan;
  if (!plan) return <Alert type="warning" showIcon title="还没有办理方案" description={<Link to={`/matters/${view.matter.id}/apply`}>请先回答几个问题，生成您的办理方案</Link>} />;
  const required = view.materials.filter((m) => m.status === 'required');
  const missing = required.filter((m) => !m.deferrable && m.files.length === 0);

  /** Saves what is typed, then shows every answer on the check page (from the server, as it will be submitted). */
  const review = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const flushed = await formRef.current?.flush();
      if (flushed && flushed.invalid.length > 0) {
        setProblem({ message: '申请表中还有填写有误的地方，请先改正：', details: flushed.errors });
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
      const err = e instanceof ApiError ? e : new ApiError(0, 'network', '网络连接中断，请稍后重试');
      formRef.current?.showErrors(err.details);
      setProblem({ message: err.code === 'incomplete-application' ? '申请还不完整，请补充以下内容后再提交：' : err.message, details: err.details });
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
        onEditSection={(key) => edit(() => formRef.current?.focusField(key))}
        onEditMaterials={() => edit(() => toTop('draft-materials'))} onBack={() => edit(() => toTop('form-title'))} />
    )}
    {/* Kept mounted while checking: the form holds what was typed, and 修改 comes back to it. */}
    <div hidden={reviewing}>
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title="只需三步：填写申请表、上传材料、提交申请。"
        description="填写内容会自动保存，您可以随时离开，之后从“我的办件”回来继续。" />
      <PlanSummary plan={plan} matterId={view.matter.id} />
      <section aria-labelledby="form-title">
        <Typography.Title id="form-title" level={3} style={{ fontSize: '1.25em' }}>第一步：填写申请表</Typography.Title>
        <Typography.Paragraph style={MUTED}>
          {plan.items.length} 个事项只需填这一张表，共 {plan.form.fields.length} 项；已为您预填了能从政府部门获取的信息，请核对。
        </Typography.Paragraph>
        <SchemaForm ref={formRef} form={plan.form} initialValues={view.form} save={save} idPrefix="field" headingLevel={4} />
      </section>
      <div id="draft-materials" tabIndex={-1} style={{ outline: 'none' }}><DraftMaterials view={view} onUploaded={reload} /></div>
      <Card title={cardTitle('第三步：核对并提交')}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
            <li>申请表：填写内容已自动保存，提交时会再检查一遍。</li>
            <li>材料：{required.length === 0 ? '无需上传' : `需上传 ${required.length} 份，${missing.length === 0 ? '已全部上传' : `还差 ${missing.length} 份`}`}。</li>
            <li>下一步核对全部信息、确认承诺后提交；提交后由综合窗口统一受理，{plan.items.length} 个事项由各部门同时或依次办理，不用再跑各部门。</li>
          </ul>
          {!reviewing && problemBox}
          <Button type="primary" size="large" block loading={busy} onClick={review} disabled={!plan.complete || plan.situation?.eligible === false}>下一步：核对并提交</Button>
        </Space>
      </Card>
    </Space>
    </div>
    </>
  );
}

function StatusNotice({ view }: { view: CaseView }) {
  const days = view.plan?.timeLimit.workingDays;
  switch (view.status) {
    case 'submitted':
      return <Alert type="info" showIcon title="申请已提交" description="综合窗口会尽快审核您的申请并受理，受理后各部门开始办理。结果会通过消息通知您。" />;
    case 'accepted':
    case 'in-progress':
      return <Alert type="info" showIcon title={`已受理，正在办理${days ? `（承诺 ${days} 个工作日内全部办结）` : ''}`} description="各事项的进度见下方。需要您补充材料时，会在这里和消息中提醒您。" />;
    case 'completed':
      // With an item refused or stopped the outcome says so: "已全部办结" would claim every item was done.
      return <Alert type={view.outcome?.nextSteps.length ? 'warning' : 'success'} showIcon title={view.outcome?.nextSteps.length ? view.outcome.summary : '已全部办结'}
        description={`${view.outcome ? `${view.outcome.summary}。` : ''}办理结果和文书见下方；电子证照已放入“我的卡包”。欢迎对本次办理进行评价。`} />;
    case 'withdrawn':
      return <Alert type="warning" showIcon title="申请已撤回" description="各部门已停止办理，已提交的材料已退回。如需办理，请重新申请。"
        action={<LinkButton to={`/matters/${view.matter.id}/apply`} size="small">重新申请</LinkButton>} />;
    case 'rejected': {
      if (view.rejection) {
        return <Alert type="error" showIcon title={`申请不予受理：${view.rejection.kindLabel}`}
          description={`${view.rejection.reason}。如不服，可以自收到不予受理通知书之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。`} />;
      }
      const list = view.corrections.map((c: Correction | string) => (typeof c === 'string' ? c : `${c.subject}：${c.problem}；${c.correction}`));
      return (
        <Alert type="error" showIcon title="申请不予受理，请按以下要求补正后重新申请"
          description={(
            <>
              <ol style={{ margin: '4px 0 8px', paddingInlineStart: '1.2em' }}>{list.map((c) => <li key={c}>{c}</li>)}</ol>
              <LinkButton to={`/matters/${view.matter.id}/apply`} type="primary">补正后重新申请</LinkButton>
            </>
          )} />
      );
    }
    default:
      return null;
  }
}

function Submitted({ view, setView, reload, justSubmitted }: { view: CaseView; setView(v: CaseView): void; reload(): void; justSubmitted: boolean }) {
  const [modal, holder] = Modal.useModal();
  const [error, setError] = useState<string | null>(null);
  const withdraw = () => modal.confirm({
    title: '确定要撤回申请吗？',
    content: '撤回后，各部门将停止办理，已提交的材料会退回；已经办结的事项不受影响。如需继续办理，需要重新申请。',
    okText: '确定撤回',
    okButtonProps: { danger: true },
    cancelText: '不撤回',
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
      {view.progress.length > 0 && <Progress view={view} />}
      <CaseResults view={view} />
      {view.documents.length > 0 && (
        <Card title={cardTitle('受理文书')}>
          <Space wrap>
            {view.documents.map((d) => (
              <Button key={d.kind} href={d.url} target="_blank" rel="noopener noreferrer">{DOCUMENT_TEXT[d.kind]}（PDF，新窗口打开）</Button>
            ))}
          </Space>
        </Card>
      )}
      {['accepted', 'in-progress', 'completed'].includes(view.status) && <RatingPanel caseId={view.id} />}
      {view.status === 'completed' && <RecommendationsPanel caseId={view.id} />}
      <Collapse items={[{
        key: 'application',
        label: '我提交的申请（申请表与材料）',
        children: (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {view.plan && <FormSummary form={view.plan.form} values={view.form} />}
            <section aria-label="已提交的材料">
              <Typography.Title level={4} style={{ fontSize: '1.05em' }}>已提交的材料</Typography.Title>
              {view.materials.filter((m) => m.status === 'required').map((m) => (
                <div key={m.id}>
                  {m.name}{m.files.length === 0 && <Typography.Text style={MUTED}>（未上传{m.deferrable ? '，容缺后补' : ''}）</Typography.Text>}
                  <FileList caseId={view.id} files={m.files} />
                </div>
              ))}
              <ExemptMaterials view={view} />
            </section>
          </Space>
        ),
      }]} />
      {withdrawable(view.status) && (
        <Card title={cardTitle('撤回申请')}>
          <Typography.Paragraph>全部事项办结前，您可以撤回申请。</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Button danger onClick={withdraw}>撤回申请</Button>
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
      ? <Result status="404" title="没有找到该办件" subTitle="办件不存在，或不是您本人的办件。" extra={<LinkButton to="/cases" type="primary">返回我的办件</LinkButton>} />
      : <Alert type="error" showIcon title={error.message} action={<Button onClick={reload}>重试</Button>} />;
  }
  if (!view) return <Spin description={t('loading')} />;
  return (
    <article aria-labelledby="case-title">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Link to="/cases">‹ 我的办件</Link>
        <Header view={view} />
        {view.status === 'draft'
          ? <Draft key={view.id} view={view} setView={setView} reload={reload} onSubmitted={() => setJustSubmitted(true)} />
          : <Submitted view={view} setView={setView} reload={reload} justSubmitted={justSubmitted} />}
      </Space>
    </article>
  );
}

export default function CaseDetail() {
  usePageTitle('办件详情');
  const { id = '' } = useParams();
  return (
    <RequireApplicant what="办件详情">
      <CasePage id={id} />
    </RequireApplicant>
  );
}
