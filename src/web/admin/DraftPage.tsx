/**
 * One draft: where it stands (起草 → 征求意见 → 批准 → 发布), what may be done now by whom, and its
 * four views: the documents with their check, the live plan preview, the diff and the opinions.
 */
import { Alert, Button, Descriptions, Grid, Modal, Space, Spin, Steps, Tabs, Typography, message } from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { post } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { awaitsMe, editable, errorText, fmtTime, get, LoadError, mayEdit, myAsk, refreshPublic, StatusTag, useMatters } from './common.tsx';
import { DiffView, useDiff } from './DiffView.tsx';
import { DraftEditor, type EditorHandle } from './DraftEditor.tsx';
import { OpinionForm, OpinionRecord } from './Opinions.tsx';
import { PlanPreview } from './PlanPreview.tsx';
import { Simulation } from './Simulation.tsx';
import type { Defect, DiffView as Diff, DraftDetail } from './types.ts';
import { WithData, SLOT } from '../window/ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';

const TABS = ['edit', 'preview', 'diff', 'opinions'] as const;
type Tab = (typeof TABS)[number];

function stepOf(d: DraftDetail): { current: number; status: 'process' | 'error' | 'finish' } {
  switch (d.status) {
    case 'draft': return { current: 0, status: 'process' };
    case 'revision': return { current: 0, status: 'error' };
    case 'in-review': return { current: 1, status: 'process' };
    case 'approved': return { current: 3, status: 'process' };
    case 'published': return { current: 3, status: 'finish' };
  }
}

export function DraftPage() {
  const { t } = usePrefs();
  const { id = '' } = useParams();
  const { account } = useAuth();
  const [params, setParams] = useSearchParams();
  const asked = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : null;
  const q = useLoad(() => get<DraftDetail>(`/api/admin/drafts/${id}`), [id]);
  const { data: draft, set: setDraft } = q;
  /** Bumped at every saved change: the preview and the diff read the draft again. */
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ type: 'success' | 'error' | 'info'; text: string; details?: string[] } | null>(null);
  const [msg, holder] = message.useMessage();
  const editor = useRef<EditorHandle | null>(null);
  /** The published matters, for their names here, in the file list and in the preview. */
  const matters = useMatters();
  const narrow = !Grid.useBreakpoint().sm;
  /** What the draft changes, read again at every saved change: for the editor's count, the diff tab and, once published, the guides to see. */
  const diff = useDiff(id, version);
  /** How many files the draft changed (for the editor: nothing to submit while it is none); null while unknown. */
  const changed = diff.error ? null : diff.data?.documents.length ?? null;

  if (q.error) return <Space orientation="vertical"><Link to="/admin/drafts">{t('admBackToCatalogueDrafts')}</Link><LoadError error={q.error} retry={q.reload} /></Space>;
  if (!draft) return <Spin description={t('admLoading')} />;

  const canEdit = mayEdit(account, draft) && editable(draft);
  /** Editors start at the documents; everyone else at what changed. */
  const tab: Tab = asked ?? (canEdit ? 'edit' : 'diff');
  const admin = account?.role === 'admin';
  const ask = myAsk(account, draft);
  const agreed = draft.review.asked.filter((a) => a.opinion?.opinion === 'agree');
  const missing = draft.review.asked.filter((a) => a.opinion?.opinion !== 'agree');
  const step = stepOf(draft);
  const setTab = (t: string) => setParams((p) => { const n = new URLSearchParams(p); n.set('tab', t); return n; }, { replace: true });

  const checked = (defects: Defect[]) => {
    setDraft((d) => (d ? { ...d, defects, defectCount: defects.length } : d));
    setVersion((v) => v + 1);
  };

  const act = async (what: string, run: () => Promise<DraftDetail>, text: (d: DraftDetail) => string) => {
    setBusy(what);
    setNotice(null);
    try {
      const d = await run();
      setDraft(d);
      setVersion((v) => v + 1);
      msg.success(text(d));
    } catch (e) {
      const details = (e as { details?: { path: string; message: string }[] }).details ?? [];
      setNotice({ type: 'error', text: errorText(e), details: details.map((x) => t('admSep20', { path: x.path, message: x.message })) });
    } finally {
      setBusy(null);
    }
  };

  const submit = () => act('submit', async () => {
    if (editor.current && !(await editor.current.flush())) throw new Error(t('admTheCurrentFileHas2'));
    return post<DraftDetail>(`/api/admin/drafts/${draft.id}/submit`);
  }, (d) => t('admSubmittedAskingForOpinions', { p0: d.review.asked.map((a) => a.department.name).join('、') }));
  const approve = () => Modal.confirm({
    title: t('formApproveTitle'), content: t('formApproveContent'), okText: t('formApproveOk'), cancelText: t('formCancel'),
    onOk: () => act('approve', () => post<DraftDetail>(`/api/admin/drafts/${draft.id}/approve`), () => t('admApprovedReadyToPublish')),
  });
  const publish = () => act('publish', async () => {
    const r = await post<{ version: number; publishedAt: string; draft: DraftDetail }>(`/api/admin/drafts/${draft.id}/publish`);
    // Read here, after the publication: what it changed, for the browser's copies to refresh.
    const published = await get<Diff>(`/api/admin/drafts/${draft.id}/diff`).catch(() => null);
    refreshPublic(published?.matters.map((m) => m.id) ?? []);
    void matters.reload();
    return r.draft;
  }, (d) => t('admPublishedAsCatalogueVersion', { publishedVersion: d.publishedVersion ?? '' }));

  return (
    <div className="admin-stack">
      {holder}
      <Link to="/admin/drafts">{t('admBackToCatalogueDrafts')}</Link>
      <div className="admin-row">
        <Typography.Title level={3} style={{ margin: 0 }}><span lang="zh-CN">{draft.title}</span></Typography.Title>
        <StatusTag status={draft.status} />
      </div>
      <Steps size="small" responsive={false} titlePlacement={narrow ? 'vertical' : 'horizontal'} current={step.current} status={step.status} aria-label={t('admCatalogueChangeProcess')} items={[
        { title: t('admDraft'), content: draft.status === 'revision' ? t('admSentBackForChanges') : undefined },
        { title: t('admConsultation'), content: draft.review.round > 0 ? t('admRound', { round: draft.review.round }) : undefined },
        { title: t('admApproval'), content: draft.approvedAt ? fmtTime(draft.approvedAt) : undefined },
        { title: t('admPublication'), content: draft.publishedVersion !== null ? t('admVersion', { publishedVersion: draft.publishedVersion ?? '' }) : undefined },
      ]} />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={[
        { key: 'reason', label: t('admReasonForTheChange'), children: draft.reason, span: 'filled' as const },
        { key: 'by', label: t('admDraft'), children: `${draft.createdBy.name} · ${fmtTime(draft.createdAt)}` },
        { key: 'base', label: t('admBasedOn'), children: t('admVersion2', { baseVersion: draft.baseVersion }) },
        ...(draft.matterId ? [{ key: 'matter', label: t('admMatters'), children: <><span lang="zh-CN">{matters.name(draft.matterId)}</span>{draft.department ? <WithData text={t('admMatterLead', { name: SLOT })} data={draft.department.name} /> : ''}</> }] : []),
        ...(draft.changeRequestId ? [{ key: 'cr', label: t('admSource'), children: <Link to="/admin/change-requests">{t('admChangeRequests')}</Link> }] : []),
        { key: 'updated', label: t('admLastChanged'), children: fmtTime(draft.updatedAt) },
      ]} />

      <section className="action-bar" aria-label={t('admNextStep')}>
        <div className="admin-stack" aria-live="polite" style={{ gap: 10 }}>
          {notice && (
            <Alert type={notice.type} showIcon title={notice.text} closable={{ onClose: () => setNotice(null) }}
              description={notice.details && notice.details.length > 0 ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{notice.details.slice(0, 20).map((x) => <li key={x}>{x}</li>)}</ul> : undefined} />
          )}
          {editable(draft) && (mayEdit(account, draft) ? (
            <div className="admin-row" style={{ justifyContent: 'space-between' }}>
              <Typography.Text>
                {draft.status === 'revision' ? t('admSentBackChangeIt') : t('admChangeTheFilesCheck')}
                {changed === 0 ? <Typography.Text type="warning" strong> {t('admNoFileChangedYet')}</Typography.Text>
                  : changed ? <Typography.Text> {t('admChanged')} {changed} {t('admFileS2')}</Typography.Text> : null}
                {draft.defectCount > 0 ? <Typography.Text type="danger" strong> {t('admStill')} {draft.defectCount} {t('admProblemSToFix')}</Typography.Text>
                  : changed !== 0 ? <Typography.Text type="success" strong> {t('admCheckPassedNoProblems')}</Typography.Text> : null}
              </Typography.Text>
              <Space wrap>
                <Button onClick={() => setTab('diff')}>{t('admSeeTheChanges')}</Button>
                <Button type="primary" onClick={() => void submit()} loading={busy === 'submit'} disabled={draft.defectCount > 0 || changed === 0}>{t('admSubmitForConsultation')}</Button>
              </Space>
            </div>
          ) : <Typography.Text>{t('admTheDrafterIsChanging')}</Typography.Text>)}

          {draft.status === 'in-review' && (
            <div className="admin-stack" style={{ gap: 10 }}>
              <Typography.Text>
                {t('admConsultationUnderWayRound')} {draft.review.round} {t('admSep22')}{agreed.length}/{draft.review.asked.length} {t('admDepartmentSAgreed')}
                {missing.length > 0 && <>{t('admWaitingFor')}<span lang="zh-CN">{missing.map((a) => a.department.name).join('、')}</span></>}{t('admPeriod')}
              </Typography.Text>
              {admin && (
                <Space wrap>
                  <Button type="primary" onClick={() => void approve()} loading={busy === 'approve'} disabled={missing.length > 0}>{t('admApproval')}</Button>
                  {missing.length > 0 && <Typography.Text type="secondary">{t('admApprovalNeedsEveryDepartment')}</Typography.Text>}
                </Space>
              )}
              {awaitsMe(account, draft) && ask && ask.officer.role !== account?.role && (
                <Alert type="info" showIcon title={t('formOfficerNote')} description={t('formOfficerNoteDetail', { role: t(ask.officer.role === 'lead' ? 'formOfficerLead' : 'formOfficerReviewer') })} />
              )}
              {awaitsMe(account, draft) && ask && ask.officer.role === account?.role && (
                <Alert type="info" showIcon title={t('admYourDepartmentSOpinion')} description={
                  <div style={{ marginTop: 8 }}>
                    <Typography.Paragraph>{t('admFirstCheckThisChange')}</Typography.Paragraph>
                    <OpinionForm draft={draft} department={ask.department.name} onDone={(d, text) => { setDraft(d); msg.success(text); }} />
                  </div>
                } />
              )}
              {ask?.opinion && <Typography.Text>{t('admYourDepartmentSOpinion2')}{ask.opinion.opinion === 'agree' ? t('admAgree') : t('admDisagree')}{t('admSep')}<span lang="zh-CN">{ask.opinion.by.name}</span>{t('admSep12')}{fmtTime(ask.opinion.at)}{t('admSep23')}</Typography.Text>}
            </div>
          )}

          {draft.status === 'approved' && (
            <div className="admin-row" style={{ justifyContent: 'space-between' }}>
              <Typography.Text style={{ flex: '1 1 400px' }}>{t('admOn')} {fmtTime(draft.approvedAt)} {t('admApprovedBy')} <span lang="zh-CN">{draft.approvedBy?.name}</span> {t('admOncePublishedItBecomes')}</Typography.Text>
              {admin && (
                <Space>
                  <Button type="primary" loading={busy === 'publish'} onClick={() => Modal.confirm({
                    title: t('formPublishTitle'), content: t('formPublishContent'), okText: t('formPublishOk'), cancelText: t('formCancel'), onOk: () => publish(),
                  })}>{t('admPublication')}</Button>
                </Space>
              )}
            </div>
          )}

          {draft.status === 'published' && <Published draft={draft} diff={diff.data} />}
        </div>
      </section>

      {admin && draft.status !== 'published' && <Simulation key={draft.updatedAt} draft={draft} />}

      <Tabs activeKey={tab} onChange={setTab} items={[
        { key: 'edit', label: canEdit ? `${t('admFilesTab')}${draft.defectCount > 0 ? t('admFileProblems', { n: draft.defectCount }) : ''}` : t('admFile'), children: <DraftEditor draft={draft} canEdit={canEdit} matters={matters} onDefects={checked} onChanged={() => { void q.reload(); setVersion((v) => v + 1); }} handle={editor} /> },
        { key: 'preview', label: t('admPlanPreview'), children: <PlanPreview draft={draft} version={version} matters={matters} /> },
        { key: 'diff', label: t('admChanges2'), children: tab === 'diff' ? <DiffView draftId={draft.id} diff={diff} /> : null },
        { key: 'opinions', label: `${t('admOpinionsTab')}${draft.opinions.length > 0 ? t('admCountParen', { n: draft.opinions.length }) : ''}`, children: <OpinionRecord draft={draft} /> },
      ]} />
    </div>
  );
}

/** After publication: the version, and the public guides of the matters it changed, to see the change live. */
function Published({ draft, diff }: { draft: DraftDetail; diff: Diff | null }) {
  const { t } = usePrefs();
  const matters = diff?.matters ?? [];
  return (
    <Alert type="success" showIcon title={t('admPublishedOnAsCatalogue', { p0: fmtTime(draft.publishedAt), publishedVersion: draft.publishedVersion ?? '' })}
      description={matters.length > 0 ? (
        <span>{t('admSeeThePublicService')}{matters.map((m, i) => <span key={m.id}>{i > 0 && t('admSep3')}<Link to={`/matters/${m.id}`}><span lang="zh-CN">{m.name}</span></Link></span>)}</span>
      ) : <Link to="/admin/versions">{t('admSeeTheVersions')}</Link>} />
  );
}
