/** After the decision: the printed documents, progress, deferred materials, material circulation and result delivery. */
import { Alert, Button, Form, Input, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../shared/api.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { useAction, useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { FileButton, uploadFile } from './Intake.tsx';
import type { CaseView, Movement } from './types.ts';
import { dueText } from '../../core/calendar/workdays.ts';
import { DOCUMENT, fmtTime, LoadError, MOVEMENT, Section, today } from './ui.tsx';

const WAYBILL = /^[A-Za-z0-9-]{6,40}$/;

export function Documents({ caseView }: { caseView: CaseView }) {
  if (caseView.documents.length === 0) return null;
  return (
    <Section title="文书打印">
      <Space wrap>
        {caseView.documents.map((d) => (
          <Button key={d.kind} href={d.url} target="_blank" rel="noreferrer" size="large">打印{DOCUMENT[d.kind] ?? d.kind}（PDF）</Button>
        ))}
      </Space>
    </Section>
  );
}

export function Progress({ caseView }: { caseView: CaseView }) {
  return (
    <Section title="各部门办理进度">
      <List dataSource={caseView.progress} renderItem={(p) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
              <Typography.Text strong>{p.name}</Typography.Text>
              <Tag color={p.status === 'approved' ? 'green' : p.status === 'refused' || p.status === 'stopped' ? 'red' : p.status === 'supplement' ? 'orange' : 'blue'}>{p.statusLabel}</Tag>
            </div>
            <Typography.Text type="secondary">{p.department.name}{p.dueDate ? ` · 办理期限 ${dueText(p.dueDate, p.dueProvisional)}` : ''}{p.decidedOn ? ` · ${p.decidedOn} 办结` : ''}</Typography.Text>
            {p.result && <div>办理结果：{p.result.name}{p.result.ref ? `（编号 ${p.result.ref}）` : ''}</div>}
            {p.reasons && <div>不予办理理由：{p.reasons.join('；')}</div>}
            {p.supplement && <div>需补充：{p.supplement.materials.join('、')}{p.supplement.note ? `（${p.supplement.note}）` : ''}</div>}
          </div>
        </List.Item>
      )} />
    </Section>
  );
}

export function DeferredMaterials({ caseView, reload }: { caseView: CaseView; reload(): void }) {
  const { busy, holder, run: act } = useToastAction<string>();
  if (caseView.deferred.length === 0) return null;
  const day = today();
  const name = (id: string) => caseView.materials.find((m) => m.id === id)?.name ?? id;
  const files = (id: string) => caseView.materials.find((m) => m.id === id)?.files.filter((f) => f.status === 'attached') ?? [];
  const run = async (id: string, action: () => Promise<unknown>, done: string) => {
    if (await act(id, action, done)) reload();
  };
  return (
    <Section title="容缺材料补交">
      {holder}
      <List dataSource={caseView.deferred} renderItem={(d) => {
        const own = files(d.material);
        const late = !d.suppliedOn && d.deadline < day;
        return (
          <List.Item>
            <div style={{ width: '100%' }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
                <Typography.Text strong>{name(d.material)}</Typography.Text>
                {d.suppliedOn ? <Tag color={d.late ? 'orange' : 'green'}>{d.suppliedOn} 已补交{d.late ? '（逾期）' : ''}</Tag> : <Tag color={late ? 'red' : 'gold'}>{late ? '已逾期未补交' : '待补交'}</Tag>}
              </div>
              <Typography.Text type="secondary">补交期限 {d.deadline}</Typography.Text>
              {own.length > 0 && <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>{own.map((f) => <li key={f.id}><a href={`/api/cases/${caseView.id}/files/${f.id}`} target="_blank" rel="noreferrer">{f.name}</a></li>)}</ul>}
              {!d.suppliedOn && (
                <Space wrap style={{ marginTop: 8 }}>
                  <FileButton label={own.length > 0 ? '再上传一份' : '上传补交材料'} of={name(d.material)} busy={busy === d.material}
                    onFile={(f) => void run(d.material, () => uploadFile(caseView.id, d.material, f), `已上传：${f.name}`)} />
                  <Button type="primary" disabled={own.length === 0} loading={busy === d.material}
                    onClick={() => void run(d.material, () => post(`/api/window/cases/${caseView.id}/deferred/${encodeURIComponent(d.material)}`), `已登记补交「${name(d.material)}」`)}>
                    登记补交
                  </Button>
                </Space>
              )}
            </div>
          </List.Item>
        );
      }} />
    </Section>
  );
}

interface MoveValues {
  kind: 'handover' | 'courier' | 'return';
  to?: string;
  materialId?: string;
  waybill?: string;
}

export function Circulation({ caseView, version = 0 }: { caseView: CaseView; version?: number }) {
  const list = useLoad(() => get<{ movements: Movement[] }>(`/api/cases/${caseView.id}/circulation`), [caseView.id, version]);
  const [form] = Form.useForm<MoveValues>();
  const kind = Form.useWatch('kind', form);
  /** The running action: 'send' for the form below, or the id of the movement being received. */
  const { busy, holder, run } = useToastAction<string>();
  const departments = [...new Map(caseView.progress.map((p) => [p.department.code, p.department.name])).entries()];
  const materialName = (id: string | null) => (id ? caseView.materials.find((m) => m.id === id)?.name ?? id : '全部材料');
  const paper = caseView.materials.filter((m) => m.status === 'required');

  const send = async (v: MoveValues) => {
    const sent = await run('send', () => post('/api/circulation', {
      caseId: caseView.id, kind: v.kind, to: v.kind === 'return' ? 'applicant' : v.to,
      ...(v.materialId ? { materialId: v.materialId } : {}), ...(v.kind === 'courier' && v.waybill ? { waybill: v.waybill.trim() } : {}),
    }), '已登记材料流转，综合窗口电子印章已签名');
    if (sent) {
      form.resetFields();
      list.reload();
    }
  };
  const receive = async (id: string) => {
    if (await run(id, () => post(`/api/circulation/${id}/receive`), '已签收')) void list.reload();
  };

  return (
    <Section title="材料流转">
      {holder}
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      <List loading={list.loading} dataSource={list.data?.movements ?? []} locale={{ emptyText: '还没有流转记录' }} renderItem={(m) => (
        <List.Item actions={m.to === 'zwfw' && !m.received ? [<Button key="r" type="primary" loading={busy === m.id} onClick={() => void receive(m.id)}>签收</Button>] : []}>
          <div>
            <div>
              <Tag>{MOVEMENT[m.kind] ?? m.kind}</Tag>{m.kind.startsWith('result-') ? '办理结果' : materialName(m.materialId)}：{m.fromName} → {m.toName}
              {m.waybill ? `，运单号 ${m.waybill}` : ''}{m.kind === 'result-pickup' && m.receivedBy ? `，领取人 ${m.receivedBy}` : ''}
            </div>
            <Typography.Text type="secondary">
              {fmtTime(m.sentAt)} 发出 · {m.received ? `${fmtTime(m.receivedAt)} 签收` : '待签收'}
              {' · '}{m.senderVerified ? '发送方签章有效' : '发送方签章无效'}{m.received ? (m.receiverVerified ? '，接收方签章有效' : '，接收方签章无效') : ''}
            </Typography.Text>
          </div>
        </List.Item>
      )} />
      <Typography.Title level={4} style={{ fontSize: 15, marginTop: 16 }}>登记材料交接或寄递</Typography.Title>
      <Form<MoveValues> form={form} layout="vertical" onFinish={send} initialValues={{ kind: 'handover' }} style={{ maxWidth: 560 }}>
        <Form.Item label="流转方式" name="kind">
          <Radio.Group aria-label="流转方式" options={[{ value: 'handover', label: '当面交接' }, { value: 'courier', label: '寄递' }, { value: 'return', label: '退回申请人' }]} />
        </Form.Item>
        {kind !== 'return' && (
          <Form.Item label="接收部门" name="to" rules={[{ required: true, message: '请选择接收部门' }]}>
            <Select placeholder="请选择" options={departments.map(([code, n]) => ({ value: code, label: n }))} />
          </Form.Item>
        )}
        <Form.Item label="材料" name="materialId" extra="不选表示本件全部纸质材料。">
          <Select allowClear placeholder="全部材料" options={paper.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        {kind === 'courier' && (
          <Form.Item label="运单号" name="waybill" rules={[{ required: true, message: '寄递须填写运单号' }, { pattern: WAYBILL, message: '运单号为 6–40 位字母、数字或连字符' }]}>
            <Input autoComplete="off" style={{ maxWidth: 320 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy === 'send'}>登记流转</Button>
      </Form>
    </Section>
  );
}

interface DeliveryValues {
  method: 'pickup' | 'post';
  recipient: string;
  waybill?: string;
}

export function Delivery({ caseView, onDone }: { caseView: CaseView; onDone(): void }) {
  const [form] = Form.useForm<DeliveryValues>();
  const method = Form.useWatch('method', form);
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const results = caseView.progress.filter((p) => p.status === 'approved' && p.result);
  const send = async (v: DeliveryValues) => {
    if (await run(() => post(`/api/window/cases/${caseView.id}/deliveries`, { method: v.method, recipient: v.recipient.trim(), ...(v.method === 'post' ? { waybill: (v.waybill ?? '').trim() } : {}) }))) {
      setDone(v.method === 'post' ? `已登记邮寄送达，运单号 ${v.waybill}` : `已登记 ${v.recipient} 窗口领取`);
      form.resetFields();
      onDone();
    }
  };
  return (
    <Section title="结果送达">
      {results.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>还没有办结的结果可以送达。部门准予办理后，在这里登记窗口领取或邮寄。</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>可送达的结果：{results.map((p) => `${p.result?.name}${p.result?.ref ? `（${p.result.ref}）` : ''}`).join('、')}</Typography.Paragraph>
          {done && <Alert type="success" showIcon title={done} role="status" style={{ marginBottom: 12 }} />}
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
          <Form<DeliveryValues> form={form} layout="vertical" onFinish={send} initialValues={{ method: 'pickup' }} style={{ maxWidth: 560 }}>
            <Form.Item label="送达方式" name="method">
              <Radio.Group aria-label="送达方式" options={[{ value: 'pickup', label: '窗口领取' }, { value: 'post', label: '邮寄送达' }]} />
            </Form.Item>
            <Form.Item label={method === 'post' ? '收件人姓名' : '领取人姓名'} name="recipient" rules={[{ required: true, whitespace: true, message: method === 'post' ? '请填写收件人姓名' : '请填写领取人姓名' }, { max: 50, message: '最多 50 个字' }]}
              extra={method === 'post' ? undefined : '核验领取人身份证件后填写；代领的写明代领人。'}>
              <Input autoComplete="off" style={{ maxWidth: 320 }} />
            </Form.Item>
            {method === 'post' && (
              <Form.Item label="运单号" name="waybill" rules={[{ required: true, message: '邮寄送达须填写运单号' }, { pattern: WAYBILL, message: '运单号为 6–40 位字母、数字或连字符' }]}>
                <Input autoComplete="off" style={{ maxWidth: 320 }} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={busy}>登记送达</Button>
          </Form>
        </>
      )}
    </Section>
  );
}

export function Rejected({ caseView }: { caseView: CaseView }) {
  if (caseView.rejection) {
    return (
      <Section title={`不予受理：${caseView.rejection.kindLabel}`}>
        <Typography.Paragraph>{caseView.rejection.reason}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">已告知申请人：可以自收到通知书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。</Typography.Paragraph>
      </Section>
    );
  }
  return (
    <Section title="不予受理：需补正的内容">
      <ol style={{ paddingInlineStart: 20 }}>
        {caseView.corrections.map((c, i) => <li key={i}><b>{c.subject}</b>：{c.problem}；{c.correction}</li>)}
      </ol>
      <LinkButton to={`/window/new?matter=${encodeURIComponent(caseView.matter.id)}&from=${caseView.id}`} type="primary" size="large">补正后重新申请</LinkButton>
    </Section>
  );
}
