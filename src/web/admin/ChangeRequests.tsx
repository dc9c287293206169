/** Change requests (clause 5.4): anyone with a role files one (matter and reason); the administrator opens a draft from it. */
import { Alert, Button, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { post } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import { useAction, useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, get, LoadError, named, Section, useDepartments, useMatters } from './common.tsx';
import type { ChangeRequestView, DraftDetail } from './types.ts';
import { usePrefs } from '../shared/prefs.tsx';
import type { MessageKey } from '../shared/messages/index.ts';

const STATE: Record<ChangeRequestView['status'], { text: MessageKey; color: string }> = {
  open: { text: 'admOpen', color: 'gold' },
  drafting: { text: 'admDrafting', color: 'blue' },
  closed: { text: 'admCompleted', color: 'green' },
};

const ROLE: Record<string, MessageKey> = { admin: 'admSystemAdministrator', lead: 'admLeadDepartment', reviewer: 'admDepartmentReviewer', window: 'admWindow', auditor: 'admAuditor' };

export function ChangeRequests() {
  const { t } = usePrefs();
  const { account } = useAuth();
  const navigate = useNavigate();
  const admin = account?.role === 'admin';
  const matters = useMatters();
  const departments = useDepartments();
  const [status, setStatus] = useState<'' | ChangeRequestView['status']>('');
  const q = useLoad(() => get<{ changeRequests: ChangeRequestView[] }>(`/api/admin/change-requests${status ? `?status=${status}` : ''}`), [status]);
  const rows = q.data?.changeRequests ?? [];
  const [form] = Form.useForm<{ matterId: string; reason: string }>();
  const [params] = useSearchParams();
  const fileAction = useAction();
  const { busy, msg, holder, run } = useToastAction<string>();

  const file = async (v: { matterId: string; reason: string }) => {
    if (await fileAction.run(() => post('/api/admin/change-requests', { matterId: v.matterId, reason: v.reason.trim() }))) {
      msg.success(t('admChangeRequestForSubmitted', { p0: matters.name(v.matterId) }));
      form.resetFields();
      q.reload();
    }
  };

  const openDraft = async (r: ChangeRequestView) => {
    const opened = await run(r.id, async () => {
      const d = await post<DraftDetail>(`/api/admin/change-requests/${r.id}/open-draft`);
      navigate(`/admin/drafts/${d.id}`);
    }, t('admDraftedFromIt', { name: r.matter.name }));
    // Someone else may have opened it meanwhile: show the list as it is now.
    if (!opened) void q.reload();
  };

  const filing = (
    <Section title={t('admRequestAChangeTo')}>
      <Typography.Paragraph type="secondary">{t('admIfAGuideMaterial')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={file} style={{ maxWidth: 640 }} requiredMark="optional" initialValues={{ matterId: params.get('matter') ?? undefined }}>
        <Form.Item label={t('admMatters')} name="matterId" rules={[{ required: true, message: t('admChooseAMatter') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={matters.loading} placeholder={t('admChooseTheMatterTo')} options={matters.list.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item label={t('admReasonForTheChange')} name="reason" rules={[{ required: true, whitespace: true, message: t('admGiveTheReasonFor') }, { max: 2000, message: t('admAtMost2000Characters') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('admSayWhatShouldChange')} />
        </Form.Item>
        {fileAction.error && <Alert type="error" showIcon title={fileAction.error} role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={fileAction.busy}>{t('admSubmitTheChangeRequest')}</Button>
      </Form>
    </Section>
  );
  const listing = (
    <Section title={t('admChangeRequests2', { n: rows.length })} extra={<Button onClick={q.reload} loading={q.loading}>{t('admRefresh')}</Button>}>
      <Typography.Paragraph type="secondary">{admin ? t('admAllChangeRequests') : account?.role === 'lead' ? t('admRequestsYouMadeAnd') : t('admRequestsYouMade')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <label htmlFor="cr-status">{t('admStatus')}</label>
        <Select id="cr-status" value={status} onChange={setStatus} style={{ width: 160 }}
          options={[{ value: '', label: t('admAll') }, ...(['open', 'drafting', 'closed'] as const).map((s) => ({ value: s, label: t(STATE[s].text) }))]} />
      </Space>
      {q.error && <LoadError error={q.error} retry={q.reload} />}
      <List loading={q.loading} dataSource={rows} locale={{ emptyText: <Empty description={t('admNoChangeRequests')} /> }} renderItem={(r) => (
        <List.Item actions={[
          ...(admin && r.status === 'open' ? [<Button key="d" type="primary" loading={busy === r.id} onClick={() => void openDraft(r)} aria-label={t('admDraftFromIt', { name: r.matter.name })}>{t('admDraftFromIt2')}</Button>] : []),
          ...(r.draftId && account?.role !== 'window' ? [<Link key="v" to={`/admin/drafts/${r.draftId}`} aria-label={t('admViewDraft', { name: r.matter.name })}>{t('admViewDraft2')}</Link>] : []),
        ]}>
          <div style={{ width: '100%' }}>
            <div className="admin-row"><strong lang="zh-CN">{r.matter.name}</strong><Tag color={STATE[r.status].color}>{t(STATE[r.status].text)}</Tag></div>
            <Typography.Paragraph style={{ margin: '4px 0' }}><span lang="zh-CN">{r.reason}</span></Typography.Paragraph>
            <Typography.Text type="secondary">
              <span lang="zh-CN">{r.requestedBy.name}</span>{t('admSep')}{named(t, ROLE, r.requestedBy.role)}{r.requestedBy.department ? <> · <span lang="zh-CN">{departments.name(r.requestedBy.department)}</span></> : ''}{t('admSep10')} {fmtTime(r.requestedAt)} {t('admRequested')}
              {r.closedAt ? t('admCompleted2', { p0: fmtTime(r.closedAt) }) : ''}
            </Typography.Text>
          </div>
        </List.Item>
      )} />
    </Section>
  );
  return (
    <div className="admin-stack">
      {holder}
      {!admin && filing}
      {listing}
      {admin && filing}
    </div>
  );
}
