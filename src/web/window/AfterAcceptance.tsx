/** After the decision: the printed documents, progress, deferred materials, material circulation and result delivery. */
import { Alert, Button, Form, Input, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../shared/api.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { useAction, useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { FileButton, uploadFile } from './Intake.tsx';
import type { CaseView, Movement } from './types.ts';
import { DOCUMENT, dueWords, fmtTime, LoadError, MOVEMENT, named, Section, TASK_STATUS, today } from './ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';

const WAYBILL = /^[A-Za-z0-9-]{6,40}$/;

export function Documents({ caseView }: { caseView: CaseView }) {
  const { t } = usePrefs();
  if (caseView.documents.length === 0) return null;
  return (
    <Section title={t('winDocumentsToPrint')}>
      <Space wrap>
        {caseView.documents.map((d) => (
          <Button key={d.kind} href={d.url} target="_blank" rel="noreferrer" size="large">{t('winPrint')}{named(t, DOCUMENT, d.kind)}{t('winPdf')}</Button>
        ))}
      </Space>
    </Section>
  );
}

export function Progress({ caseView }: { caseView: CaseView }) {
  const { t } = usePrefs();
  return (
    <Section title={t('winProgressAtEachDepartment')}>
      <List dataSource={caseView.progress} renderItem={(p) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
              <Typography.Text strong><span lang="zh-CN">{p.name}</span></Typography.Text>
              <Tag color={p.status === 'approved' ? 'green' : p.status === 'refused' || p.status === 'stopped' ? 'red' : p.status === 'supplement' ? 'orange' : 'blue'}>{p.awaiting === 'payment' ? t('winTaskAwaitingPayment') : named(t, TASK_STATUS, p.status)}</Tag>
            </div>
            <Typography.Text type="secondary"><span lang="zh-CN">{p.department.name}</span>{p.dueDate ? t('winDue', { p0: dueWords(t, p.dueDate, p.dueProvisional) }) : ''}{p.decidedOn ? t('winCompleted', { decidedOn: p.decidedOn }) : ''}</Typography.Text>
            {p.result && <div>{t('winResult')}<span lang="zh-CN">{p.result.name}</span>{p.result.ref ? t('winNo', { ref: p.result.ref }) : ''}</div>}
            {p.reasons && <div>{t('winReasonForRefusal')}{p.reasons.join(t('winSep'))}</div>}
            {p.supplement && <div>{t('winToSupplement')}{p.supplement.materials.join(t('winSep2'))}{p.supplement.note ? t('winSep3', { note: p.supplement.note }) : ''}</div>}
          </div>
        </List.Item>
      )} />
    </Section>
  );
}

export function DeferredMaterials({ caseView, reload }: { caseView: CaseView; reload(): void }) {
  const { t } = usePrefs();
  const { busy, holder, run: act } = useToastAction<string>();
  if (caseView.deferred.length === 0) return null;
  const day = today();
  const name = (id: string) => caseView.materials.find((m) => m.id === id)?.name ?? id;
  const files = (id: string) => caseView.materials.find((m) => m.id === id)?.files.filter((f) => f.status === 'attached') ?? [];
  const run = async (id: string, action: () => Promise<unknown>, done: string) => {
    if (await act(id, action, done)) reload();
  };
  return (
    <Section title={t('winDeferredMaterialsToHand')}>
      {holder}
      <List dataSource={caseView.deferred} renderItem={(d) => {
        const own = files(d.material);
        const late = !d.suppliedOn && d.deadline < day;
        return (
          <List.Item>
            <div style={{ width: '100%' }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
                <Typography.Text strong lang="zh-CN">{name(d.material)}</Typography.Text>
                {d.suppliedOn ? <Tag color={d.late ? 'orange' : 'green'}>{d.suppliedOn} {t('winHandedIn')}{d.late ? t('winLate') : ''}</Tag> : <Tag color={late ? 'red' : 'gold'}>{late ? t('winOverdueNotHandedIn') : t('winAwaiting')}</Tag>}
              </div>
              <Typography.Text type="secondary">{t('winDueDate')} {d.deadline}</Typography.Text>
              {own.length > 0 && <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>{own.map((f) => <li key={f.id}><a href={`/api/cases/${caseView.id}/files/${f.id}`} target="_blank" rel="noreferrer"><span lang="zh-CN">{f.name}</span></a></li>)}</ul>}
              {!d.suppliedOn && (
                <Space wrap style={{ marginTop: 8 }}>
                  <FileButton label={own.length > 0 ? t('winUploadAnotherCopy') : t('winUploadTheMaterial')} of={name(d.material)} busy={busy === d.material}
                    onFile={(f) => void run(d.material, () => uploadFile(caseView.id, d.material, f), t('winUploaded', { name: f.name }))} />
                  <Button type="primary" disabled={own.length === 0} loading={busy === d.material}
                    onClick={() => void run(d.material, () => post(`/api/window/cases/${caseView.id}/deferred/${encodeURIComponent(d.material)}`), t('winRecordedTheHandIn', { p0: name(d.material) }))}>
                    {t('winRecordHandIn')}
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
  const { t } = usePrefs();
  const list = useLoad(() => get<{ movements: Movement[] }>(`/api/cases/${caseView.id}/circulation`), [caseView.id, version]);
  const [form] = Form.useForm<MoveValues>();
  const kind = Form.useWatch('kind', form);
  /** The running action: 'send' for the form below, or the id of the movement being received. */
  const { busy, holder, run } = useToastAction<string>();
  const departments = [...new Map(caseView.progress.map((p) => [p.department.code, p.department.name])).entries()];
  const materialName = (id: string | null) => (id ? caseView.materials.find((m) => m.id === id)?.name ?? id : t('winAllMaterials'));
  const paper = caseView.materials.filter((m) => m.status === 'required');

  const send = async (v: MoveValues) => {
    const sent = await run('send', () => post('/api/circulation', {
      caseId: caseView.id, kind: v.kind, to: v.kind === 'return' ? 'applicant' : v.to,
      ...(v.materialId ? { materialId: v.materialId } : {}), ...(v.kind === 'courier' && v.waybill ? { waybill: v.waybill.trim() } : {}),
    }), t('winMaterialTransferRecordedAnd'));
    if (sent) {
      form.resetFields();
      list.reload();
    }
  };
  const receive = async (id: string) => {
    if (await run(id, () => post(`/api/circulation/${id}/receive`), t('winReceived'))) void list.reload();
  };

  return (
    <Section title={t('winMaterialTransfers')}>
      {holder}
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      <List loading={list.loading} dataSource={list.data?.movements ?? []} locale={{ emptyText: t('winNoTransfersYet') }} renderItem={(m) => (
        <List.Item actions={m.to === 'zwfw' && !m.received ? [<Button key="r" type="primary" loading={busy === m.id} onClick={() => void receive(m.id)}>{t('winReceive')}</Button>] : []}>
          <div>
            <div>
              <Tag>{named(t, MOVEMENT, m.kind)}</Tag>{m.kind.startsWith('result-') ? t('winResult2') : m.materialId ? <span lang="zh-CN">{materialName(m.materialId)}</span> : materialName(m.materialId)}{t('winSep4')}<span lang="zh-CN">{m.fromName}</span> → <span lang="zh-CN">{m.toName}</span>
              {m.waybill ? t('winWaybill', { waybill: m.waybill }) : ''}{m.kind === 'result-pickup' && m.receivedBy ? t('winCollectedBy', { receivedBy: m.receivedBy }) : ''}
            </div>
            <Typography.Text type="secondary">
              {fmtTime(m.sentAt)} {t('winSent')} {m.received ? t('winReceived2', { p0: fmtTime(m.receivedAt) }) : t('winAwaitingReceipt')}
              {' · '}{m.senderVerified ? t('winSenderSSealValid') : t('winSenderSSealInvalid')}{m.received ? (m.receiverVerified ? t('winReceiverSSealValid') : t('winReceiverSSealInvalid')) : ''}
            </Typography.Text>
          </div>
        </List.Item>
      )} />
      <Typography.Title level={4} style={{ fontSize: 15, marginTop: 16 }}>{t('winRecordAHandOver')}</Typography.Title>
      <Form<MoveValues> form={form} layout="vertical" onFinish={send} initialValues={{ kind: 'handover' }} style={{ maxWidth: 560 }}>
        <Form.Item label={t('winTransferType')} name="kind">
          <Radio.Group aria-label={t('winTransferType')} options={[{ value: 'handover', label: t('winHandOverInPerson') }, { value: 'courier', label: t('winCourier') }, { value: 'return', label: t('winReturnToTheApplicant') }]} />
        </Form.Item>
        {kind !== 'return' && (
          <Form.Item label={t('winReceivingDepartment')} name="to" rules={[{ required: true, message: t('winChooseTheReceivingDepartment') }]}>
            <Select placeholder={t('winChoose')} options={departments.map(([code, n]) => ({ value: code, label: n }))} />
          </Form.Item>
        )}
        <Form.Item label={t('winMaterials')} name="materialId" extra={t('winLeaveEmptyForAll')}>
          <Select allowClear placeholder={t('winAllMaterials')} options={paper.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        {kind === 'courier' && (
          <Form.Item label={t('winWaybillNumber')} name="waybill" rules={[{ required: true, message: t('winACourierTransferNeeds') }, { pattern: WAYBILL, message: t('winTheWaybillNumberHas') }]}>
            <Input autoComplete="off" style={{ maxWidth: 320 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy === 'send'}>{t('winRecordTransfer')}</Button>
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
  const { t } = usePrefs();
  const [form] = Form.useForm<DeliveryValues>();
  const method = Form.useWatch('method', form);
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const results = caseView.progress.filter((p) => p.status === 'approved' && p.result);
  const send = async (v: DeliveryValues) => {
    if (await run(() => post(`/api/window/cases/${caseView.id}/deliveries`, { method: v.method, recipient: v.recipient.trim(), ...(v.method === 'post' ? { waybill: (v.waybill ?? '').trim() } : {}) }))) {
      setDone(v.method === 'post' ? t('winPostalDeliveryRecordedWaybill', { waybill: v.waybill ?? '' }) : t('winCollectionAtTheWindow', { recipient: v.recipient }));
      form.resetFields();
      onDone();
    }
  };
  return (
    <Section title={t('winDeliveringResults')}>
      {results.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('winNoCompletedResultTo')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>{t('winResultToDeliver')}<span lang="zh-CN">{results.map((p) => `${p.result?.name}${p.result?.ref ? `（${p.result.ref}）` : ''}`).join('、')}</span></Typography.Paragraph>
          {done && <Alert type="success" showIcon title={done} role="status" style={{ marginBottom: 12 }} />}
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
          <Form<DeliveryValues> form={form} layout="vertical" onFinish={send} initialValues={{ method: 'pickup' }} style={{ maxWidth: 560 }}>
            <Form.Item label={t('winDelivery')} name="method">
              <Radio.Group aria-label={t('winDelivery')} options={[{ value: 'pickup', label: t('winCollectAtTheWindow') }, { value: 'post', label: t('winByPost') }]} />
            </Form.Item>
            <Form.Item label={method === 'post' ? t('winRecipientSName') : t('winCollectorSName')} name="recipient" rules={[{ required: true, whitespace: true, message: method === 'post' ? t('winEnterTheRecipientS') : t('winEnterTheCollectorS') }, { max: 50, message: t('winAtMost50Characters') }]}
              extra={method === 'post' ? undefined : t('winFillInAfterChecking')}>
              <Input autoComplete="off" style={{ maxWidth: 320 }} />
            </Form.Item>
            {method === 'post' && (
              <Form.Item label={t('winWaybillNumber')} name="waybill" rules={[{ required: true, message: t('winPostalDeliveryNeedsA') }, { pattern: WAYBILL, message: t('winTheWaybillNumberHas') }]}>
                <Input autoComplete="off" style={{ maxWidth: 320 }} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={busy}>{t('winRecordDelivery')}</Button>
          </Form>
        </>
      )}
    </Section>
  );
}

export function Rejected({ caseView }: { caseView: CaseView }) {
  const { t } = usePrefs();
  if (caseView.rejection) {
    return (
      <Section title={t('winNotAccepted', { kindLabel: caseView.rejection.kindLabel })}>
        <Typography.Paragraph><span lang="zh-CN">{caseView.rejection.reason}</span></Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('winTheApplicantHasBeen')}</Typography.Paragraph>
      </Section>
    );
  }
  return (
    <Section title={t('winNotAcceptedWhatTo')}>
      <ol style={{ paddingInlineStart: 20 }}>
        {caseView.corrections.map((c, i) => <li key={i}><b>{c.subject}</b>{t('winSep4')}{c.problem}{t('winSep')}{c.correction}</li>)}
      </ol>
      <LinkButton to={`/window/new?matter=${encodeURIComponent(caseView.matter.id)}&from=${caseView.id}`} type="primary" size="large">{t('winCorrectAndApplyAgain')}</LinkButton>
    </Section>
  );
}
