/** Administration: failed deliveries (dead letters) with retry, registering a department system (secret shown once), audit chain verification. */
import { Alert, Button, Empty, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import { pages } from '../shared/pager.tsx';
import { ScrollRegion } from '../shared/ScrollRegion.tsx';
import { useAction, useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, get, LoadError, Section, useDepartments } from './common.tsx';
import type { AuditVerification, DeadLetter } from './types.ts';
import { Knowledge } from './Knowledge.tsx';
import { Reports } from './Reports.tsx';
import { CatalogueSync } from './CatalogueSync.tsx';

export function Tools() {
  const { account } = useAuth();
  const admin = account?.role === 'admin';
  return (
    <div className="admin-stack">
      <AuditCheck />
      <Knowledge />
      <Reports />
      {admin && <CatalogueSync />}
      {admin && <DeadLetters />}
      {admin && <ApiClient />}
    </div>
  );
}

function AuditCheck() {
  const [result, setResult] = useState<(AuditVerification & { at: string }) | null>(null);
  const { busy, error, run } = useAction();
  const verify = () => run(async () => {
    const r = await get<AuditVerification>('/api/audit/verify');
    setResult({ ...r, at: new Date().toISOString() });
  });
  return (
    <Section title="审计日志校验">
      <Typography.Paragraph type="secondary">审计日志逐条以 SM3 摘要链接，每条另有以平台密钥计算的 HMAC-SM3 校验码，并定期以平台 SM2 签名记录检查点（条数与末条摘要），另存一份于数据库之外：任何一条被修改、删除、插入、调换或伪造，以及末尾被截断，校验都会发现。</Typography.Paragraph>
      <Button type="primary" onClick={() => void verify()} loading={busy}>校验审计日志</Button>
      <div role="status" aria-live="polite" style={{ marginTop: 12 }}>
        {error && <Alert type="error" showIcon title={error} />}
        {result && (result.ok
          ? <Alert type="success" showIcon title={`审计日志完整：${result.entries} 条记录全部校验通过`} description={`${result.checkpoints} 个签名检查点有效${result.anchoredTo ? `，最近一个覆盖至第 ${result.anchoredTo} 条` : ''}。校验时间 ${fmtTime(result.at)}`} />
          : <Alert type="error" showIcon title={`审计日志校验未通过：发现 ${result.problems.length + result.more} 处问题`} description={(
            <>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {result.problems.map((p, i) => <li key={i}>{p.seq > 0 ? `第 ${p.seq} 条：` : ''}{p.reason}</li>)}
              </ul>
              {result.more > 0 && <div>另有 {result.more} 处问题未列出。</div>}
              <div>此前 {result.entries} 条校验通过。请保全数据库与数据目录，并报告安全负责人。</div>
            </>
          )} />)}
      </div>
    </Section>
  );
}

const KINDS: Record<string, string> = { dispatch: '派发办件', message: '短信通知' };

function DeadLetters() {
  const q = useLoad(() => get<{ deadLetters: DeadLetter[] }>('/api/admin/dead-letters'), []);
  const rows = q.data?.deadLetters ?? [];
  const { busy, holder, run } = useToastAction<number>();
  const retry = async (d: DeadLetter) => {
    if (await run(d.id, () => post(`/api/admin/dead-letters/${d.id}/retry`), `已重新排队投递 #${d.id}`)) q.reload();
  };
  return (
    <Section title={`投递失败（死信，${rows.length}）`} extra={<Button onClick={q.reload} loading={q.loading}>刷新</Button>}>
      {holder}
      <Typography.Paragraph type="secondary">向部门系统推送的办件、通知多次重试仍失败的，停在这里。排除对方系统故障后可重新投递。</Typography.Paragraph>
      {q.error && <LoadError error={q.error} retry={q.reload} />}
      <ScrollRegion label="投递失败的消息">
        <Table<DeadLetter> rowKey="id" size="small" loading={q.loading} dataSource={rows} pagination={pages(rows.length)}
          locale={{ emptyText: <Empty description="没有投递失败的消息" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
          columns={[
            { title: '编号', dataIndex: 'id', width: 70, render: (n: number) => `#${n}` },
            { title: '类型', dataIndex: 'kind', width: 90, render: (k: string) => KINDS[k] ?? k },
            { title: '投递标识', dataIndex: 'deliveryId', render: (v: string) => <span className="mono">{v}</span> },
            { title: '尝试次数', dataIndex: 'attempts', width: 90 },
            { title: '最后错误', dataIndex: 'lastError', render: (v: string | null) => <span style={{ overflowWrap: 'anywhere' }}>{v === 'fetch failed' ? '无法连接对方系统（fetch failed）' : v ?? '—'}</span> },
            { title: '产生时间', dataIndex: 'createdAt', width: 150, render: (v: string) => fmtTime(v) },
            { title: '操作', key: 'op', width: 110, render: (_: unknown, d) => (
              <Popconfirm title={`重新投递 #${d.id}？`} okText="重新投递" cancelText="取消" onConfirm={() => retry(d)}>
                <Button size="small" loading={busy === d.id} aria-label={`重新投递 #${d.id}`}>重新投递</Button>
              </Popconfirm>
            ) },
          ]} />
      </ScrollRegion>
    </Section>
  );
}

interface ClientValues { department: string; name: string; webhookUrl?: string }

function ApiClient() {
  const departments = useDepartments();
  const [form] = Form.useForm<ClientValues>();
  const { busy, error, run } = useAction();
  const [created, setCreated] = useState<{ id: string; secret: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const register = (v: ClientValues) => {
    setCopied(false);
    return run(async () => {
      const r = await post<{ id: string; secret: string }>('/api/admin/api-clients', { department: v.department, name: v.name.trim(), ...(v.webhookUrl?.trim() ? { webhookUrl: v.webhookUrl.trim() } : {}) });
      setCreated({ ...r, name: v.name.trim() });
      form.resetFields();
    });
  };
  return (
    <Section title="登记部门系统">
      <Typography.Paragraph type="secondary">部门业务系统以客户端编号和密钥签名调用接口、接收推送。密钥只在登记时显示一次，系统中加密保存，无法再次查看。</Typography.Paragraph>
      {created && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} closable={{ onClose: () => setCreated(null) }} title={`已登记“${created.name}”。请立即复制密钥并安全交给对方系统管理员，关闭后无法再次查看。`}
          description={
            <div className="admin-stack" style={{ gap: 8, marginTop: 8 }}>
              <div>客户端编号：<span className="mono">{created.id}</span></div>
              <div>密钥：</div>
              <div className="secret" aria-label="密钥">{created.secret}</div>
              <Space>
                <Button onClick={() => navigator.clipboard?.writeText(created.secret).then(() => setCopied(true), () => setCopied(false))}>复制密钥</Button>
                <span role="status">{copied ? '已复制到剪贴板' : ''}</span>
              </Space>
            </div>
          } />
      )}
      <Form form={form} layout="vertical" onFinish={register} style={{ maxWidth: 560 }} requiredMark="optional">
        <Form.Item label="部门" name="department" rules={[{ required: true, message: '请选择部门' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={departments.loading} options={departments.list.map((d) => ({ value: d.code, label: d.name }))} placeholder="选择部门" />
        </Form.Item>
        <Form.Item label="系统名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写系统名称' }, { max: 100, message: '最多 100 字' }]}>
          <Input placeholder="如：公安人口管理系统" autoComplete="off" />
        </Form.Item>
        <Form.Item label="推送地址" name="webhookUrl" rules={[{ type: 'url', message: '请填写完整的网址，如 https://…' }]} extra="办件派发、状态变化时向该地址推送。">
          <Input placeholder="https://" autoComplete="off" inputMode="url" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>登记并生成密钥</Button>
      </Form>
    </Section>
  );
}
