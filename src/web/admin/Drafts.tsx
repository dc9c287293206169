/** The catalogue drafts: the list (filtered by status) and a new draft (title, reason, the matter for a lead). */
import { Alert, Button, Empty, Form, Grid, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { post } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import { pages } from '../shared/pager.tsx';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, get, LoadError, Section, STATUS, StatusTag, useMatters } from './common.tsx';
import type { DraftDetail, DraftStatus, DraftView } from './types.ts';
import { usePrefs } from '../shared/prefs.tsx';

interface NewValues { title: string; reason: string; matterId?: string }

function NewDraft({ onClose, matter }: { onClose(): void; matter: string | null }) {
  const { t } = usePrefs();
  const { account } = useAuth();
  const navigate = useNavigate();
  const matters = useMatters();
  const lead = account?.role === 'lead';
  const options = matters.list.filter((m) => !lead || m.lead.code === account?.department).map((m) => ({ value: m.id, label: t('admLead2', { name: m.name, name1: m.lead.name }) }));
  const { busy, error, run } = useAction();
  const create = (v: NewValues) => run(async () => {
    const d = await post<DraftDetail>('/api/admin/drafts', { title: v.title.trim(), reason: v.reason.trim(), ...(v.matterId ? { matterId: v.matterId } : {}) });
    navigate(`/admin/drafts/${d.id}`);
  });
  return (
    <Section title={t('admNewCatalogueDraft')}>
      <Typography.Paragraph type="secondary">{t('admADraftCopiesThe')}</Typography.Paragraph>
      <Form<NewValues> layout="vertical" onFinish={create} style={{ maxWidth: 640 }} requiredMark="optional" initialValues={{ matterId: matter ?? undefined }}>
        <Form.Item label={t('admTitle')} name="title" rules={[{ required: true, whitespace: true, message: t('admEnterATitle') }, { max: 100, message: t('admAtMost100Characters') }]}>
          <Input placeholder={t('admEGShortenThe')} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('admReasonForTheChange')} name="reason" rules={[{ required: true, whitespace: true, message: t('admGiveTheReasonFor') }, { max: 2000, message: t('admAtMost2000Characters') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('admSayWhyItChanges')} />
        </Form.Item>
        <Form.Item label={lead ? t('admMatterYourDepartmentLeads') : t('admMatterConcerned')} name="matterId"
          rules={lead ? [{ required: true, message: t('admALeadDepartmentDrafting') }] : []}
          extra={lead ? t('admALeadDepartmentCan') : t('admOptionalWhenChosenThe')}>
          <Select allowClear={!lead} showSearch={{ optionFilterProp: 'label' }} loading={matters.loading} options={options} placeholder={t('admChooseAMatter2')} notFoundContent={t('admNoMatterToChoose')} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>{t('admCreateTheDraft')}</Button>
          <Button onClick={onClose}>{t('admCancel')}</Button>
        </Space>
      </Form>
    </Section>
  );
}

const FILTERS: DraftStatus[] = ['draft', 'in-review', 'revision', 'approved', 'published'];

function Asked({ d }: { d: DraftView }) {
  const { t } = usePrefs();
  if (d.review.round === 0) return <Typography.Text type="secondary">{t('admNotSubmitted')}</Typography.Text>;
  const ok = d.review.asked.filter((a) => a.opinion?.opinion === 'agree').length;
  return <span>{t('admRoundN', { n: d.review.round })} {ok}/{d.review.asked.length} {t('admAgree')}</span>;
}

export function Drafts() {
  const { t } = usePrefs();
  const { account } = useAuth();
  const narrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const creating = params.get('new') === '1';
  const status = (params.get('status') ?? '') as DraftStatus | '';
  const q = useLoad(() => get<{ drafts: DraftView[] }>(`/api/admin/drafts${status ? `?status=${status}` : ''}`), [status]);
  const rows = q.data?.drafts ?? [];
  const canCreate = account?.role === 'admin' || account?.role === 'lead';
  const set = (k: string, v: string | null) => setParams((p) => { const n = new URLSearchParams(p); if (v) n.set(k, v); else n.delete(k); return n; });
  const link = (d: DraftView) => <Link className="title-link" to={`/admin/drafts/${d.id}`}><span lang="zh-CN">{d.title}</span></Link>;
  return (
    <div className="admin-stack">
      {creating && canCreate && <NewDraft matter={params.get('matter')} onClose={() => set('new', null)} />}
      <Section title={t('admCatalogueDrafts2', { n: rows.length })} extra={<Space wrap>{canCreate && !creating && <Button type="primary" onClick={() => set('new', '1')}>{t('admNewDraft')}</Button>}<Button onClick={q.reload} loading={q.loading}>{t('admRefresh')}</Button></Space>}>
        {account?.role === 'reviewer' && <Typography.Paragraph type="secondary">{t('admDraftsOnWhichYour')}</Typography.Paragraph>}
        <Space wrap style={{ marginBottom: 12 }} align="center">
          <label htmlFor="draft-status">{t('admStatus')}</label>
          <Select id="draft-status" value={status} onChange={(v) => set('status', v || null)} style={{ width: 180 }}
            options={[{ value: '', label: t('admAll') }, ...FILTERS.map((s) => ({ value: s, label: t(STATUS[s].text) }))]} />
        </Space>
        {q.error && <LoadError error={q.error} retry={q.reload} />}
        {narrow ? (
          <List loading={q.loading} dataSource={rows} locale={{ emptyText: <Empty description={t('admNoDrafts')} /> }} renderItem={(d) => (
            <List.Item>
              <List.Item.Meta title={link(d)} description={
                <Space orientation="vertical" size={2}>
                  <Space size={4} wrap><StatusTag status={d.status} />{d.defectCount > 0 && <Tag color="red">{d.defectCount} {t('admProblemS')}</Tag>}</Space>
                  <span><span lang="zh-CN">{d.createdBy.name}</span> · {fmtTime(d.updatedAt)} {t('admUpdated')}</span>
                  <Asked d={d} />
                </Space>
              } />
            </List.Item>
          )} />
        ) : (
          <Table<DraftView> rowKey="id" loading={q.loading} dataSource={rows} pagination={pages(rows.length)}
            locale={{ emptyText: <Empty description={t('admNoDrafts')} /> }}
            columns={[
              { title: t('admTitle'), key: 'title', render: (_: unknown, d) => <>{link(d)}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.reason.length > 40 ? `${d.reason.slice(0, 40)}…` : d.reason}</Typography.Text></div></> },
              { title: t('admStatus'), dataIndex: 'status', render: (s: DraftStatus, d) => <><StatusTag status={s} />{d.publishedVersion !== null && <div>{t('admVersionN', { n: d.publishedVersion })}</div>}</> },
              { title: t('admCheck'), key: 'defects', render: (_: unknown, d) => (d.defectCount > 0 ? <Tag color="red">{d.defectCount} {t('admProblemS')}</Tag> : <Tag color="green">{t('admNoProblems')}</Tag>) },
              { title: t('admConsultation'), key: 'asked', render: (_: unknown, d) => <Asked d={d} /> },
              { title: t('admDraft'), key: 'by', render: (_: unknown, d) => <><span lang="zh-CN">{d.createdBy.name}</span>{d.department && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('admLead')}<span lang="zh-CN">{d.department.name}</span></Typography.Text></div>}</> },
              { title: t('admUpdated2'), dataIndex: 'updatedAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{fmtTime(v)}</span> },
            ]} />
        )}
      </Section>
    </div>
  );
}
