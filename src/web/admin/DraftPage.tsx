/**
 * One draft: where it stands (起草 → 征求意见 → 批准 → 发布), what may be done now by whom, and its
 * four views: the documents with their check, the live plan preview, the diff and the opinions.
 */
import { Alert, Button, Descriptions, Grid, Popconfirm, Space, Spin, Steps, Tabs, Typography, message } from 'antd';
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

  if (q.error) return <Space orientation="vertical"><Link to="/admin/drafts">← 返回目录草稿</Link><LoadError error={q.error} retry={q.reload} /></Space>;
  if (!draft) return <Spin description="加载中…" />;

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
      setNotice({ type: 'error', text: errorText(e), details: details.map((x) => `${x.path}：${x.message}`) });
    } finally {
      setBusy(null);
    }
  };

  const submit = () => act('submit', async () => {
    if (editor.current && !(await editor.current.flush())) throw new Error('当前文件有 YAML 语法错误，尚未保存，请先修正');
    return post<DraftDetail>(`/api/admin/drafts/${draft.id}/submit`);
  }, (d) => `已提交，征求 ${d.review.asked.map((a) => a.department.name).join('、')} 的意见`);
  const approve = () => act('approve', () => post<DraftDetail>(`/api/admin/drafts/${draft.id}/approve`), () => '已批准，可以发布');
  const publish = () => act('publish', async () => {
    const r = await post<{ version: number; publishedAt: string; draft: DraftDetail }>(`/api/admin/drafts/${draft.id}/publish`);
    // Read here, after the publication: what it changed, for the browser's copies to refresh.
    const published = await get<Diff>(`/api/admin/drafts/${draft.id}/diff`).catch(() => null);
    refreshPublic(published?.matters.map((m) => m.id) ?? []);
    void matters.reload();
    return r.draft;
  }, (d) => `已发布为事项目录第 ${d.publishedVersion} 版，各渠道即时生效`);

  return (
    <div className="admin-stack">
      {holder}
      <Link to="/admin/drafts">← 返回目录草稿</Link>
      <div className="admin-row">
        <Typography.Title level={3} style={{ margin: 0 }}>{draft.title}</Typography.Title>
        <StatusTag status={draft.status} />
      </div>
      <Steps size="small" responsive={false} titlePlacement={narrow ? 'vertical' : 'horizontal'} current={step.current} status={step.status} aria-label="目录变更流程" items={[
        { title: '起草', content: draft.status === 'revision' ? '退回修改' : undefined },
        { title: '征求意见', content: draft.review.round > 0 ? `第 ${draft.review.round} 轮` : undefined },
        { title: '批准', content: draft.approvedAt ? fmtTime(draft.approvedAt) : undefined },
        { title: '发布', content: draft.publishedVersion !== null ? `第 ${draft.publishedVersion} 版` : undefined },
      ]} />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={[
        { key: 'reason', label: '变更理由', children: draft.reason, span: 'filled' as const },
        { key: 'by', label: '起草', children: `${draft.createdBy.name} · ${fmtTime(draft.createdAt)}` },
        { key: 'base', label: '基于', children: `第 ${draft.baseVersion} 版` },
        ...(draft.matterId ? [{ key: 'matter', label: '一件事', children: `${matters.name(draft.matterId)}${draft.department ? `（牵头：${draft.department.name}）` : ''}` }] : []),
        ...(draft.changeRequestId ? [{ key: 'cr', label: '来源', children: <Link to="/admin/change-requests">变更申请</Link> }] : []),
        { key: 'updated', label: '最近修改', children: fmtTime(draft.updatedAt) },
      ]} />

      <section className="action-bar" aria-label="办理">
        <div className="admin-stack" aria-live="polite" style={{ gap: 10 }}>
          {notice && (
            <Alert type={notice.type} showIcon title={notice.text} closable={{ onClose: () => setNotice(null) }}
              description={notice.details && notice.details.length > 0 ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{notice.details.slice(0, 20).map((x) => <li key={x}>{x}</li>)}</ul> : undefined} />
          )}
          {editable(draft) && (mayEdit(account, draft) ? (
            <div className="admin-row" style={{ justifyContent: 'space-between' }}>
              <Typography.Text>
                {draft.status === 'revision' ? '已退回修改：请按“审查意见”修改后重新提交。' : '修改文件并检查无误后，提交征求所涉部门意见。'}
                {changed === 0 ? <Typography.Text type="warning" strong> 尚未修改任何文件。</Typography.Text>
                  : changed ? <Typography.Text> 已修改 {changed} 个文件；</Typography.Text> : null}
                {draft.defectCount > 0 ? <Typography.Text type="danger" strong> 还有 {draft.defectCount} 处问题，修正后才能提交。</Typography.Text>
                  : changed !== 0 ? <Typography.Text type="success" strong> 检查通过，没有问题。</Typography.Text> : null}
              </Typography.Text>
              <Space wrap>
                <Button onClick={() => setTab('diff')}>查看变更对比</Button>
                <Button type="primary" onClick={() => void submit()} loading={busy === 'submit'} disabled={draft.defectCount > 0 || changed === 0}>提交征求意见</Button>
              </Space>
            </div>
          ) : <Typography.Text>草稿由起草方修改中，提交后征求意见。</Typography.Text>)}

          {draft.status === 'in-review' && (
            <div className="admin-stack" style={{ gap: 10 }}>
              <Typography.Text>
                正在征求意见（第 {draft.review.round} 轮）：{agreed.length}/{draft.review.asked.length} 个部门已同意
                {missing.length > 0 && `，等待 ${missing.map((a) => a.department.name).join('、')}`}。
              </Typography.Text>
              {admin && (
                <Space wrap>
                  <Button type="primary" onClick={() => void approve()} loading={busy === 'approve'} disabled={missing.length > 0}>批准</Button>
                  {missing.length > 0 && <Typography.Text type="secondary">各部门均同意后才能批准。</Typography.Text>}
                </Space>
              )}
              {awaitsMe(account, draft) && ask && (
                <Alert type="info" showIcon title="本部门需提出意见" description={
                  <div style={{ marginTop: 8 }}>
                    <Typography.Paragraph>请先在下方“变更对比”“方案预览”中核对本次变更。</Typography.Paragraph>
                    <OpinionForm draft={draft} department={ask.department.name} onDone={(d, text) => { setDraft(d); msg.success(text); }} />
                  </div>
                } />
              )}
              {ask?.opinion && <Typography.Text>本部门已提出意见：{ask.opinion.opinion === 'agree' ? '同意' : '不同意'}（{ask.opinion.by.name}，{fmtTime(ask.opinion.at)}）。</Typography.Text>}
            </div>
          )}

          {draft.status === 'approved' && (
            <div className="admin-row" style={{ justifyContent: 'space-between' }}>
              <Typography.Text style={{ flex: '1 1 400px' }}>已于 {fmtTime(draft.approvedAt)} 由 {draft.approvedBy?.name} 批准。发布后成为新的目录版本，办事指南、办理方案和各渠道立即使用新版本；已受理的办件仍按原版本办理。</Typography.Text>
              {admin && (
                <Space>
                  <Popconfirm title="发布为新的目录版本？" description="发布后立即对外生效，不能撤回（如需更改请再起草新版本）。" okText="确认发布" cancelText="取消" onConfirm={() => publish()}>
                    <Button type="primary" loading={busy === 'publish'}>发布</Button>
                  </Popconfirm>
                </Space>
              )}
            </div>
          )}

          {draft.status === 'published' && <Published draft={draft} diff={diff.data} />}
        </div>
      </section>

      {admin && draft.status !== 'published' && <Simulation key={draft.updatedAt} draft={draft} />}

      <Tabs activeKey={tab} onChange={setTab} items={[
        { key: 'edit', label: canEdit ? `文件与检查${draft.defectCount > 0 ? `（${draft.defectCount} 处问题）` : ''}` : '文件', children: <DraftEditor draft={draft} canEdit={canEdit} matters={matters} onDefects={checked} onChanged={() => { void q.reload(); setVersion((v) => v + 1); }} handle={editor} /> },
        { key: 'preview', label: '方案预览', children: <PlanPreview draft={draft} version={version} matters={matters} /> },
        { key: 'diff', label: '变更对比', children: tab === 'diff' ? <DiffView draftId={draft.id} diff={diff} /> : null },
        { key: 'opinions', label: `审查意见${draft.opinions.length > 0 ? `（${draft.opinions.length}）` : ''}`, children: <OpinionRecord draft={draft} /> },
      ]} />
    </div>
  );
}

/** After publication: the version, and the public guides of the matters it changed, to see the change live. */
function Published({ draft, diff }: { draft: DraftDetail; diff: Diff | null }) {
  const matters = diff?.matters ?? [];
  return (
    <Alert type="success" showIcon title={`已于 ${fmtTime(draft.publishedAt)} 发布为事项目录第 ${draft.publishedVersion} 版`}
      description={matters.length > 0 ? (
        <span>查看对外公开的办事指南：{matters.map((m, i) => <span key={m.id}>{i > 0 && '、'}<Link to={`/matters/${m.id}`}>{m.name}</Link></span>)}</span>
      ) : <Link to="/admin/versions">查看版本记录</Link>} />
  );
}
