/** Change requests (clause 5.4): anyone with a role files one (matter and reason); the administrator opens a draft from it. */
import { Alert, Button, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { post } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import { useAction, useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, get, LoadError, Section, useDepartments, useMatters } from './common.tsx';
import type { ChangeRequestView, DraftDetail } from './types.ts';

const STATE: Record<ChangeRequestView['status'], { text: string; color: string }> = {
  open: { text: '待处理', color: 'gold' },
  drafting: { text: '起草中', color: 'blue' },
  closed: { text: '已办结', color: 'green' },
};

const ROLE: Record<string, string> = { admin: '系统管理员', lead: '牵头部门', reviewer: '部门审批人员', window: '综合窗口', auditor: '审计人员' };

export function ChangeRequests() {
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
      msg.success(`已提交“${matters.name(v.matterId)}”的变更申请`);
      form.resetFields();
      q.reload();
    }
  };

  const openDraft = async (r: ChangeRequestView) => {
    const opened = await run(r.id, async () => {
      const d = await post<DraftDetail>(`/api/admin/change-requests/${r.id}/open-draft`);
      navigate(`/admin/drafts/${d.id}`);
    }, `已据此起草：${r.matter.name}`);
    // Someone else may have opened it meanwhile: show the list as it is now.
    if (!opened) void q.reload();
  };

  const filing = (
    <Section title="申请变更一件事">
      <Typography.Paragraph type="secondary">发现办事指南、材料、时限等需要调整的，写明理由提交申请；系统管理员据此起草新版本，经所涉部门同意后发布（GB/T 45836 5.4）。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={file} style={{ maxWidth: 640 }} requiredMark="optional" initialValues={{ matterId: params.get('matter') ?? undefined }}>
        <Form.Item label="一件事" name="matterId" rules={[{ required: true, message: '请选择一件事' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={matters.loading} placeholder="选择需要变更的一件事" options={matters.list.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item label="变更理由" name="reason" rules={[{ required: true, whitespace: true, message: '请写明变更理由' }, { max: 2000, message: '最多 2000 字' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder="写明哪里需要变更、为什么（如：出生登记已实现即时办结，承诺时限可由 2 个工作日压缩为 1 个）" />
        </Form.Item>
        {fileAction.error && <Alert type="error" showIcon title={fileAction.error} role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={fileAction.busy}>提交变更申请</Button>
      </Form>
    </Section>
  );
  const listing = (
    <Section title={`变更申请（${rows.length}）`} extra={<Button onClick={q.reload} loading={q.loading}>刷新</Button>}>
      <Typography.Paragraph type="secondary">{admin ? '全部变更申请。' : account?.role === 'lead' ? '本人提出的，以及涉及本部门牵头的一件事的变更申请。' : '本人提出的变更申请。'}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <label htmlFor="cr-status">状态</label>
        <Select id="cr-status" value={status} onChange={setStatus} style={{ width: 160 }}
          options={[{ value: '', label: '全部' }, ...(['open', 'drafting', 'closed'] as const).map((s) => ({ value: s, label: STATE[s].text }))]} />
      </Space>
      {q.error && <LoadError error={q.error} retry={q.reload} />}
      <List loading={q.loading} dataSource={rows} locale={{ emptyText: <Empty description="暂无变更申请" /> }} renderItem={(r) => (
        <List.Item actions={[
          ...(admin && r.status === 'open' ? [<Button key="d" type="primary" loading={busy === r.id} onClick={() => void openDraft(r)} aria-label={`据此起草：${r.matter.name}`}>据此起草</Button>] : []),
          ...(r.draftId && account?.role !== 'window' ? [<Link key="v" to={`/admin/drafts/${r.draftId}`} aria-label={`查看草稿：${r.matter.name}`}>查看草稿</Link>] : []),
        ]}>
          <div style={{ width: '100%' }}>
            <div className="admin-row"><strong>{r.matter.name}</strong><Tag color={STATE[r.status].color}>{STATE[r.status].text}</Tag></div>
            <Typography.Paragraph style={{ margin: '4px 0' }}>{r.reason}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {r.requestedBy.name}（{ROLE[r.requestedBy.role] ?? r.requestedBy.role}{r.requestedBy.department ? ` · ${departments.name(r.requestedBy.department)}` : ''}）· {fmtTime(r.requestedAt)} 提出
              {r.closedAt ? ` · ${fmtTime(r.closedAt)} 办结` : ''}
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
