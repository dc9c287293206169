/**
 * 补正 at the window (行政许可法 §32): the dialog that tells every correction at once, a row per
 * material or form field; the case waiting in 待补正, where the clerk takes what the applicant brings
 * and resumes the check; and 不予受理, only for a matter outside the remit or an applicant not eligible.
 */
import { Alert, Button, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../shared/api.ts';
import { useAction, useToastAction } from '../shared/useAction.ts';
import { FileButton, uploadFile } from './Intake.tsx';
import type { CaseView, QueueRow } from './types.ts';
import { Section, thenOpen, today } from './ui.tsx';

/** A row of the notice as the clerk edits it: `subject` is 'm:<material>' or 'f:<field>'. */
export interface CorrectionRow {
  subject: string;
  problem: string;
  correction: string;
}

const blankRow = (): CorrectionRow => ({ subject: '', problem: '', correction: '' });

export function CorrectionsDialog({ caseView, initial, onClose, onDone }: { caseView: CaseView; initial: CorrectionRow[]; onClose(): void; onDone(): void }) {
  const [rows, setRows] = useState<CorrectionRow[]>(initial.length > 0 ? initial : [blankRow()]);
  const [deadline, setDeadline] = useState('');
  const { busy, error, setError, run } = useAction();
  const options = [
    { label: '材料', options: (caseView.plan?.materials ?? []).filter((m) => m.status === 'required').map((m) => ({ value: `m:${m.id}`, label: m.name })) },
    { label: '申请表填写事项', options: (caseView.plan?.form.fields ?? []).map((f) => ({ value: `f:${f.key}`, label: f.label })) },
  ];
  const set = (i: number, k: keyof CorrectionRow, v: string) => setRows((r) => r.map((x, j) => (j === i ? { ...x, [k]: v } : x)));
  const ok = async () => {
    const list = rows.map((r) => ({ subject: r.subject, problem: r.problem.trim(), correction: r.correction.trim() }));
    const incomplete = list.findIndex((r) => !r.subject || !r.problem || !r.correction);
    if (list.length === 0 || incomplete >= 0) {
      setError(list.length === 0 ? '请至少列出一项需补正的内容' : `第 ${incomplete + 1} 项未填写完整：补正对象、存在问题、补正要求都要填写`);
      return;
    }
    const items = list.map((r) => ({ ...(r.subject.startsWith('m:') ? { material: r.subject.slice(2) } : { field: r.subject.slice(2) }), problem: r.problem, correction: r.correction }));
    const body = { items, ...(deadline ? { deadline } : {}) };
    if (await run(() => thenOpen(() => `/api/cases/${caseView.id}/documents/corrections.pdf`, async () => { await post(`/api/window/cases/${caseView.id}/corrections`, body); }))) {
      onClose();
      onDone();
    }
  };
  return (
    <Modal open title="一次性告知补正" onCancel={onClose} onOk={ok} okText="告知补正并打印通知书" cancelText="取消" confirmLoading={busy} width={760}>
      <Typography.Paragraph>已按缺少或不符合要求的材料预填，请逐项核对、修改或补充。所有需补正的内容须一次告知；申请保留，申请人补正后继续审查，无需重新申请。</Typography.Paragraph>
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((r, i) => (
          <li key={i} style={{ marginBottom: 16 }}>
            <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, margin: 0 }}>
              <legend style={{ fontSize: 14, width: 'auto', paddingInline: 4, marginBottom: 0 }}>第 {i + 1} 项补正</legend>
              <label style={{ display: 'block', marginBottom: 8 }}>补正对象（材料或表单项）
                <Select value={r.subject || undefined} options={options} placeholder="请选择材料或表单项" showSearch optionFilterProp="label" style={{ width: '100%' }}
                  aria-label={`第 ${i + 1} 项补正对象`} onChange={(v: string) => set(i, 'subject', v)} />
              </label>
              <label style={{ display: 'block', marginBottom: 8 }}>存在问题
                <Input.TextArea value={r.problem} maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} onChange={(e) => set(i, 'problem', e.target.value)} />
              </label>
              <label style={{ display: 'block', marginBottom: 8 }}>补正要求
                <Input.TextArea value={r.correction} maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} onChange={(e) => set(i, 'correction', e.target.value)} />
              </label>
              <Button size="small" danger onClick={() => setRows((x) => x.filter((_, j) => j !== i))} aria-label={`删除第 ${i + 1} 项补正`}>删除此项</Button>
            </fieldset>
          </li>
        ))}
      </ol>
      <Space wrap>
        <Button onClick={() => setRows((x) => [...x, blankRow()])}>增加一项补正</Button>
        <label>补正期限（可不填）<Input type="date" min={today()} value={deadline} style={{ width: 180, marginInlineStart: 8 }} onChange={(e) => setDeadline(e.target.value)} /></label>
      </Space>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

export function RejectDialog({ caseView, onClose, onDone }: { caseView: CaseView; onClose(): void; onDone(): void }) {
  const [kind, setKind] = useState<'outside-remit' | 'not-eligible' | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();
  const ok = async () => {
    if (!kind || reason.trim() === '') {
      setError('请选择不予受理的理由，并写明具体情况');
      return;
    }
    if (await run(() => thenOpen(() => `/api/cases/${caseView.id}/documents/rejection.pdf`, async () => { await post(`/api/window/cases/${caseView.id}/reject`, { kind, reason: reason.trim() }); }))) {
      onClose();
      onDone();
    }
  };
  return (
    <Modal open title="不予受理" onCancel={onClose} onOk={ok} okText="不予受理并打印通知书" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={busy} width={640}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="材料不齐全或不符合法定形式的，不应不予受理，请改为“一次性告知补正”。" />
      <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} style={{ display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 12 }}>
        <Radio value="outside-remit">申请事项不属于本中心受理范围</Radio>
        <Radio value="not-eligible">申请人不具备申请资格</Radio>
      </Radio.Group>
      <label style={{ display: 'block' }}>具体情况
        <Input.TextArea value={reason} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} onChange={(e) => setReason(e.target.value)} />
      </label>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>通知书载明申请行政复议（六十日内）和提起行政诉讼（六个月内）的权利。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

/** A case waiting for corrections: what was told, what has come, and the clerk taking the rest at the counter. */
export function Correcting({ caseView, reload }: { caseView: CaseView; reload(): void }) {
  const told = caseView.correction;
  const { busy, holder, run } = useToastAction<string>();
  const [values, setValues] = useState<Record<string, string>>({});
  const resume = useAction();
  if (!told) return null;
  const onFile = async (material: string, name: string, f: File) => {
    if (await run(material, () => uploadFile(caseView.id, material, f), `已收取「${name}」：${f.name}`)) reload();
  };
  const resubmit = async () => {
    const given = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
    if (await resume.run(() => post(`/api/cases/${caseView.id}/resubmit`, { values: given }))) reload();
  };
  return (
    <Section title="待补正">
      {holder}
      <Alert type="warning" showIcon style={{ marginBottom: 12 }}
        title={`已于 ${told.requestedOn} 一次性告知 ${told.items.length} 项补正${told.deadline ? `，补正期限 ${told.deadline}` : ''}`}
        description="申请人可在网上逐项上传后提交“已补正”，也可到窗口补正：在下方收取材料、更正表单项后继续受理审查。" />
      <ol style={{ paddingInlineStart: 20 }}>
        {told.items.map((x) => {
          const files = x.material !== undefined ? caseView.materials.find((m) => m.id === x.material)?.files ?? [] : [];
          return (
            <li key={x.material ?? x.field} style={{ marginBottom: 12 }}>
              <Space wrap><b>{x.name}</b>{x.field !== undefined && <Tag>申请表填写事项</Tag>}{x.supplied ? <Tag color="green">已补正</Tag> : <Tag color="orange">待补正</Tag>}</Space>
              <div>存在问题：{x.problem}；补正要求：{x.correction}</div>
              {files.length > 0 && (
                <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                  {files.map((f) => <li key={f.id}><a href={`/api/cases/${caseView.id}/files/${f.id}`} target="_blank" rel="noreferrer">查看：{f.name}</a></li>)}
                </ul>
              )}
              {x.material !== undefined && <FileButton label="收取补正材料" of={x.name} busy={busy === x.material} onFile={(f) => void onFile(x.material as string, x.name, f)} />}
              {x.field !== undefined && (
                <label style={{ display: 'block', maxWidth: 480 }}>更正后的“{x.name}”
                  <Input value={values[x.field] ?? ''} maxLength={200} onChange={(e) => setValues((v) => ({ ...v, [x.field as string]: e.target.value }))} />
                </label>
              )}
            </li>
          );
        })}
      </ol>
      {resume.error && <Alert type="error" showIcon title={resume.error} role="alert" style={{ marginBottom: 12 }} />}
      <Button type="primary" size="large" loading={resume.busy} onClick={() => void resubmit()}>补正已收齐，继续受理审查</Button>
    </Section>
  );
}

/** The last day to tell corrections (§32), warned from one working day before; past it the application counts as accepted on receipt. */
export function CorrectionTerm({ row }: { row: QueueRow }) {
  if (row.resubmittedOn) return <Tag color="cyan">已补正（{row.resubmittedOn}）</Tag>;
  const t = row.correctionTerm;
  if (!t) return <>—</>;
  const color = t.overdue ? 'red' : t.daysLeft <= 1 ? 'orange' : 'default';
  return (
    <Space size={4} wrap>
      <span>{t.lastDay}{t.provisional ? '（暂定）' : ''}</span>
      <Tag color={color}>{t.text}</Tag>
    </Space>
  );
}
