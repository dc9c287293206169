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

interface NewValues { title: string; reason: string; matterId?: string }

function NewDraft({ onClose, matter }: { onClose(): void; matter: string | null }) {
  const { account } = useAuth();
  const navigate = useNavigate();
  const matters = useMatters();
  const lead = account?.role === 'lead';
  const options = matters.list.filter((m) => !lead || m.lead.code === account?.department).map((m) => ({ value: m.id, label: `${m.name}（牵头：${m.lead.name}）` }));
  const { busy, error, run } = useAction();
  const create = (v: NewValues) => run(async () => {
    const d = await post<DraftDetail>('/api/admin/drafts', { title: v.title.trim(), reason: v.reason.trim(), ...(v.matterId ? { matterId: v.matterId } : {}) });
    navigate(`/admin/drafts/${d.id}`);
  });
  return (
    <Section title="新建目录草稿">
      <Typography.Paragraph type="secondary">草稿复制现行已发布的事项目录，修改后提交征求所涉部门意见，经批准后发布为新版本。标题和理由将在版本记录中公开。</Typography.Paragraph>
      <Form<NewValues> layout="vertical" onFinish={create} style={{ maxWidth: 640 }} requiredMark="optional" initialValues={{ matterId: matter ?? undefined }}>
        <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 100, message: '最多 100 字' }]}>
          <Input placeholder="如：压缩新生儿出生登记承诺时限" autoComplete="off" />
        </Form.Item>
        <Form.Item label="变更理由" name="reason" rules={[{ required: true, whitespace: true, message: '请写明变更理由' }, { max: 2000, message: '最多 2000 字' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder="写明为什么变更、依据什么（政策文件、群众反映、评估结果等）" />
        </Form.Item>
        <Form.Item label={lead ? '本部门牵头的一件事' : '涉及的一件事'} name="matterId"
          rules={lead ? [{ required: true, message: '牵头部门起草变更时须选择本部门牵头的一件事' }] : []}
          extra={lead ? '牵头部门只能为本部门牵头的一件事起草变更。' : '选填；选择后由该一件事的牵头部门共同起草，方案预览默认打开它。'}>
          <Select allowClear={!lead} showSearch={{ optionFilterProp: 'label' }} loading={matters.loading} options={options} placeholder="选择一件事" notFoundContent="没有可选的一件事" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>创建草稿</Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      </Form>
    </Section>
  );
}

const FILTERS: DraftStatus[] = ['draft', 'in-review', 'revision', 'approved', 'published'];

function Asked({ d }: { d: DraftView }) {
  if (d.review.round === 0) return <Typography.Text type="secondary">未提交</Typography.Text>;
  const ok = d.review.asked.filter((a) => a.opinion?.opinion === 'agree').length;
  return <span>第 {d.review.round} 轮 · {ok}/{d.review.asked.length} 同意</span>;
}

export function Drafts() {
  const { account } = useAuth();
  const narrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const creating = params.get('new') === '1';
  const status = (params.get('status') ?? '') as DraftStatus | '';
  const q = useLoad(() => get<{ drafts: DraftView[] }>(`/api/admin/drafts${status ? `?status=${status}` : ''}`), [status]);
  const rows = q.data?.drafts ?? [];
  const canCreate = account?.role === 'admin' || account?.role === 'lead';
  const set = (k: string, v: string | null) => setParams((p) => { const n = new URLSearchParams(p); if (v) n.set(k, v); else n.delete(k); return n; });
  const link = (d: DraftView) => <Link className="title-link" to={`/admin/drafts/${d.id}`}>{d.title}</Link>;
  return (
    <div className="admin-stack">
      {creating && canCreate && <NewDraft matter={params.get('matter')} onClose={() => set('new', null)} />}
      <Section title={`目录草稿（${rows.length}）`} extra={<Space wrap>{canCreate && !creating && <Button type="primary" onClick={() => set('new', '1')}>新建草稿</Button>}<Button onClick={q.reload} loading={q.loading}>刷新</Button></Space>}>
        {account?.role === 'reviewer' && <Typography.Paragraph type="secondary">这里列出征求本部门意见的草稿。</Typography.Paragraph>}
        <Space wrap style={{ marginBottom: 12 }} align="center">
          <label htmlFor="draft-status">状态</label>
          <Select id="draft-status" value={status} onChange={(v) => set('status', v || null)} style={{ width: 180 }}
            options={[{ value: '', label: '全部' }, ...FILTERS.map((s) => ({ value: s, label: STATUS[s].text }))]} />
        </Space>
        {q.error && <LoadError error={q.error} retry={q.reload} />}
        {narrow ? (
          <List loading={q.loading} dataSource={rows} locale={{ emptyText: <Empty description="暂无草稿" /> }} renderItem={(d) => (
            <List.Item>
              <List.Item.Meta title={link(d)} description={
                <Space orientation="vertical" size={2}>
                  <Space size={4} wrap><StatusTag status={d.status} />{d.defectCount > 0 && <Tag color="red">{d.defectCount} 处问题</Tag>}</Space>
                  <span>{d.createdBy.name} · {fmtTime(d.updatedAt)} 更新</span>
                  <Asked d={d} />
                </Space>
              } />
            </List.Item>
          )} />
        ) : (
          <Table<DraftView> rowKey="id" loading={q.loading} dataSource={rows} pagination={pages(rows.length)}
            locale={{ emptyText: <Empty description="暂无草稿" /> }}
            columns={[
              { title: '标题', key: 'title', render: (_: unknown, d) => <>{link(d)}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.reason.length > 40 ? `${d.reason.slice(0, 40)}…` : d.reason}</Typography.Text></div></> },
              { title: '状态', dataIndex: 'status', render: (s: DraftStatus, d) => <><StatusTag status={s} />{d.publishedVersion !== null && <div>第 {d.publishedVersion} 版</div>}</> },
              { title: '检查', key: 'defects', render: (_: unknown, d) => (d.defectCount > 0 ? <Tag color="red">{d.defectCount} 处问题</Tag> : <Tag color="green">无问题</Tag>) },
              { title: '征求意见', key: 'asked', render: (_: unknown, d) => <Asked d={d} /> },
              { title: '起草', key: 'by', render: (_: unknown, d) => <>{d.createdBy.name}{d.department && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>牵头：{d.department.name}</Typography.Text></div>}</> },
              { title: '更新时间', dataIndex: 'updatedAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{fmtTime(v)}</span> },
            ]} />
        )}
      </Section>
    </div>
  );
}
