/** Administration: failed deliveries (dead letters) with retry, registering a department system (secret shown once), audit chain verification. */
import { Alert, Button, Empty, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import { pages } from '../shared/pager.tsx';
import { ScrollRegion } from '../shared/ScrollRegion.tsx';
import { useAction, useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, get, LoadError, named, Section, useDepartments } from './common.tsx';
import type { AuditVerification, DeadLetter } from './types.ts';
import { Knowledge } from './Knowledge.tsx';
import { Reports } from './Reports.tsx';
import { CatalogueSync } from './CatalogueSync.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import type { MessageKey } from '../shared/messages/index.ts';

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
  const { t } = usePrefs();
  const [result, setResult] = useState<(AuditVerification & { at: string }) | null>(null);
  const { busy, error, run } = useAction();
  const verify = () => run(async () => {
    const r = await get<AuditVerification>('/api/audit/verify');
    setResult({ ...r, at: new Date().toISOString() });
  });
  return (
    <Section title={t('admAuditLogCheck')}>
      <Typography.Paragraph type="secondary">{t('admEveryAuditLogEntry')}</Typography.Paragraph>
      <Button type="primary" onClick={() => void verify()} loading={busy}>{t('admCheckTheAuditLog')}</Button>
      <div role="status" aria-live="polite" style={{ marginTop: 12 }}>
        {error && <Alert type="error" showIcon title={error} />}
        {result && (result.ok
          ? <Alert type="success" showIcon title={t('admAuditLogIntactAll', { entries: result.entries })} description={t('admSignedCheckpointSValid', { checkpoints: result.checkpoints, p1: result.anchoredTo ? t('admAnchoredTo', { n: result.anchoredTo }) : '', p2: fmtTime(result.at) })} />
          : <Alert type="error" showIcon title={t('admAuditLogCheckFailed', { p0: result.problems.length + result.more })} description={(
            <>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {result.problems.map((p, i) => <li key={i}>{p.seq > 0 ? t('admEntry', { seq: p.seq }) : ''}<span lang="zh-CN">{p.reason}</span></li>)}
              </ul>
              {result.more > 0 && <div>{t('admAnother')} {result.more} {t('admProblemSNotListed')}</div>}
              <div>{t('admThe')} {result.entries} {t('admEntriesBeforeItVerified')}</div>
            </>
          )} />)}
      </div>
    </Section>
  );
}

const KINDS: Record<string, MessageKey> = { dispatch: 'admCaseDispatch', message: 'admSmsNotices' };

function DeadLetters() {
  const { t } = usePrefs();
  const q = useLoad(() => get<{ deadLetters: DeadLetter[] }>('/api/admin/dead-letters'), []);
  const rows = q.data?.deadLetters ?? [];
  const { busy, holder, run } = useToastAction<number>();
  const retry = async (d: DeadLetter) => {
    if (await run(d.id, () => post(`/api/admin/dead-letters/${d.id}/retry`), t('admDeliveryQueuedAgain', { id: d.id }))) q.reload();
  };
  return (
    <Section title={t('admFailedDeliveriesDeadLetters', { n: rows.length })} extra={<Button onClick={q.reload} loading={q.loading}>{t('admRefresh')}</Button>}>
      {holder}
      <Typography.Paragraph type="secondary">{t('admCasesAndNoticesPushed')}</Typography.Paragraph>
      {q.error && <LoadError error={q.error} retry={q.reload} />}
      <ScrollRegion label={t('admFailedMessages')}>
        <Table<DeadLetter> rowKey="id" size="small" loading={q.loading} dataSource={rows} pagination={pages(rows.length)}
          locale={{ emptyText: <Empty description={t('admNoFailedMessages')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
          columns={[
            { title: t('admNo'), dataIndex: 'id', width: 70, render: (n: number) => `#${n}` },
            { title: t('admType'), dataIndex: 'kind', width: 90, render: (k: string) => named(t, KINDS, k) },
            { title: t('admDeliveryKey'), dataIndex: 'deliveryId', render: (v: string) => <span className="mono">{v}</span> },
            { title: t('admAttempts'), dataIndex: 'attempts', width: 90 },
            { title: t('admLastError'), dataIndex: 'lastError', render: (v: string | null) => <span style={{ overflowWrap: 'anywhere' }}>{v === 'fetch failed' ? t('admCannotReachTheOther') : v ?? '—'}</span> },
            { title: t('admCreated2'), dataIndex: 'createdAt', width: 150, render: (v: string) => fmtTime(v) },
            { title: t('admActions'), key: 'op', width: 110, render: (_: unknown, d) => (
              <Popconfirm title={t('admDeliverAgain', { id: d.id })} okText={t('admDeliverAgain2')} cancelText={t('admCancel')} onConfirm={() => retry(d)}>
                <Button size="small" loading={busy === d.id} aria-label={t('admDeliverAgain3', { id: d.id })}>{t('admDeliverAgain2')}</Button>
              </Popconfirm>
            ) },
          ]} />
      </ScrollRegion>
    </Section>
  );
}

interface ClientValues { department: string; name: string; webhookUrl?: string }

function ApiClient() {
  const { t } = usePrefs();
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
    <Section title={t('admRegisterADepartmentSystem')}>
      <Typography.Paragraph type="secondary">{t('admDepartmentSystemsCallThe')}</Typography.Paragraph>
      {created && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} closable={{ onClose: () => setCreated(null) }} title={t('admRegisteredCopyTheSecret', { name: created.name })}
          description={
            <div className="admin-stack" style={{ gap: 8, marginTop: 8 }}>
              <div>{t('admClientId')}<span className="mono">{created.id}</span></div>
              <div>{t('admSecret')}</div>
              <div className="secret" aria-label={t('admSecret2')}>{created.secret}</div>
              <Space>
                <Button onClick={() => navigator.clipboard?.writeText(created.secret).then(() => setCopied(true), () => setCopied(false))}>{t('admCopyTheSecret')}</Button>
                <span role="status">{copied ? t('admCopiedToTheClipboard') : ''}</span>
              </Space>
            </div>
          } />
      )}
      <Form form={form} layout="vertical" onFinish={register} style={{ maxWidth: 560 }} requiredMark="optional">
        <Form.Item label={t('admDepartment')} name="department" rules={[{ required: true, message: t('admChooseADepartment') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={departments.loading} options={departments.list.map((d) => ({ value: d.code, label: d.name }))} placeholder={t('admChooseADepartment2')} />
        </Form.Item>
        <Form.Item label={t('admSystemName')} name="name" rules={[{ required: true, whitespace: true, message: t('admEnterTheSystemName') }, { max: 100, message: t('admAtMost100Characters') }]}>
          <Input placeholder={t('admEG')} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('admPushAddress')} name="webhookUrl" rules={[{ type: 'url', message: t('admEnterAFullWeb') }]} extra={t('admCasesDispatchedAndStatus')}>
          <Input placeholder="https://" autoComplete="off" inputMode="url" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>{t('admRegisterAndMakeA')}</Button>
      </Form>
    </Section>
  );
}
