/**
 * 补正 in the workbench: asking for the item's materials and facts at once (一次性告知), each with
 * its own note; and the task's history of requests with what came in answer (files, facts).
 */
import { Alert, Button, Checkbox, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { fmtTime, Section } from '../window/ui.tsx';
import type { SupplementRecord, TaskView } from './common.tsx';

const KIND_TEXT = { material: '材料', field: '表单项', question: '问题' } as const;

interface Picked { note: string }

/** Ticks a material or field on or off, keeping the notes of the others. */
function toggle(map: Record<string, Picked>, key: string, on: boolean): Record<string, Picked> {
  const next = { ...map };
  if (on) next[key] = next[key] ?? { note: '' };
  else delete next[key];
  return next;
}

function Choice({ id, label, picked, onPick, onNote }: { id: string; label: string; picked: Picked | undefined; onPick(on: boolean): void; onNote(note: string): void }) {
  return (
    <div style={{ paddingBlock: 4 }}>
      <Checkbox checked={picked !== undefined} onChange={(e) => onPick(e.target.checked)}>{label}</Checkbox>
      {picked && (
        <Input id={id} aria-label={`「${label}」的补正说明（选填）`} placeholder="这一项的要求（选填），如：复印件模糊，请上传清晰照片" value={picked.note} maxLength={500}
          onChange={(e) => onNote(e.target.value)} style={{ marginTop: 4, marginInlineStart: 24, width: 'calc(100% - 24px)' }} />
      )}
    </div>
  );
}

export function SupplementDialog({ base, view, onClose, onDone }: { base: string; view: TaskView; onClose(): void; onDone(text: string): void }) {
  const [materials, setMaterials] = useState<Record<string, Picked>>({});
  const [fields, setFields] = useState<Record<string, Picked>>({});
  const [questions, setQuestions] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();
  const ok = async () => {
    const asked = Object.keys(materials).length + Object.keys(fields).length + questions.filter((q) => q.trim()).length;
    if (asked === 0 || !note.trim()) {
      setError(asked === 0 ? '请选择需要补正的材料，或需要申请人说明的表单项或问题' : '请写明补充说明：缺什么、为什么、怎么补');
      return;
    }
    const body = {
      materials: Object.entries(materials).map(([id, p]) => ({ id, ...(p.note.trim() ? { note: p.note.trim() } : {}) })),
      facts: [
        ...Object.entries(fields).map(([field, p]) => ({ field, ...(p.note.trim() ? { note: p.note.trim() } : {}) })),
        ...questions.map((q) => q.trim()).filter(Boolean).map((question) => ({ question })),
      ],
      note: note.trim(),
    };
    if (await run(() => post(`${base}/supplement`, body))) {
      onClose();
      onDone('已通知申请人补正，计时暂停');
    }
  };
  return (
    <Modal open title="要求补充材料" onCancel={onClose} onOk={ok} okText="发送补充通知" cancelText="取消" confirmLoading={busy} width={680}>
      <Typography.Paragraph>一次性告知需要补正的全部材料和情况。发出后本子件计时暂停，申请人补齐后恢复。</Typography.Paragraph>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
        <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>需补正的材料</legend>
        {view.materials.map((m) => (
          <Choice key={m.id} id={`supplement-material-${m.id}`} label={m.name} picked={materials[m.id]}
            onPick={(on) => setMaterials((x) => toggle(x, m.id, on))} onNote={(n) => setMaterials((x) => ({ ...x, [m.id]: { note: n } }))} />
        ))}
      </fieldset>
      {view.form.fields.length > 0 && (
        <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
          <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>需申请人重新填写或说明的表单项</legend>
          {view.form.fields.map((f) => (
            <Choice key={f.key} id={`supplement-field-${f.key}`} label={f.label} picked={fields[f.key]}
              onPick={(on) => setFields((x) => toggle(x, f.key, on))} onNote={(n) => setFields((x) => ({ ...x, [f.key]: { note: n } }))} />
          ))}
        </fieldset>
      )}
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
        <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>需申请人说明的其他问题</legend>
        {questions.map((q, i) => (
          <div key={i} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
            <Input aria-label={`问题 ${i + 1}`} value={q} maxLength={200} onChange={(e) => setQuestions((x) => x.map((y, j) => (j === i ? e.target.value : y)))} />
            <Button type="link" danger onClick={() => setQuestions((x) => x.filter((_, j) => j !== i))} aria-label={`删除问题 ${i + 1}`}>删除</Button>
          </div>
        ))}
        <Button onClick={() => setQuestions((x) => [...x, ''])} disabled={questions.length >= 10}>添加一个问题</Button>
      </fieldset>
      <label htmlFor="supplement-note" style={{ display: 'block', marginBottom: 4 }}>补充说明（必填）</label>
      <Input.TextArea id="supplement-note" value={note} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} aria-required onChange={(e) => setNote(e.target.value)} />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

/** One request and what came for each entry. */
function Request({ caseId, r, n }: { caseId: string; r: SupplementRecord; n: number }) {
  return (
    <div style={{ width: '100%' }}>
      <Typography.Text strong>第 {n} 次补正</Typography.Text>{' '}
      {r.answeredAt ? <Tag color="green">已补正</Tag> : <Tag color="orange">等待补正</Tag>}
      <div><Typography.Text type="secondary">{fmtTime(r.requestedAt)} {r.requestedBy} 要求：</Typography.Text>{r.note}</div>
      <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
        {r.entries.map((e) => (
          <li key={`${e.kind}:${e.key}`}>
            <Tag>{KIND_TEXT[e.kind]}</Tag>{e.name}{e.note ? <Typography.Text type="secondary">（{e.note}）</Typography.Text> : null}
            {e.kind === 'material' && (e.files.length === 0
              ? <div><Typography.Text type="secondary">尚未上传</Typography.Text></div>
              : <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {e.files.map((f) => <li key={f.id}><a href={`/api/cases/${caseId}/files/${f.id}`} target="_blank" rel="noreferrer">查看补正材料：{f.name}</a> <Typography.Text type="secondary">{fmtTime(f.uploadedAt)} 上传</Typography.Text></li>)}
              </ul>)}
            {e.kind !== 'material' && <div>{e.answer !== null ? <>申请人说明：<span style={{ overflowWrap: 'anywhere' }}>{e.answer}</span></> : <Typography.Text type="secondary">尚未作答</Typography.Text>}</div>}
          </li>
        ))}
      </ul>
      {r.answeredAt && <Typography.Text type="secondary">{fmtTime(r.answeredAt)} {r.answeredBy} 确认已补正，恢复计时</Typography.Text>}
    </div>
  );
}

export function SupplementHistory({ caseId, list }: { caseId: string; list: SupplementRecord[] }) {
  if (list.length === 0) return null;
  return (
    <Section title="补正记录">
      <List dataSource={list} renderItem={(r, i) => <List.Item><Request caseId={caseId} r={r} n={i + 1} /></List.Item>} />
    </Section>
  );
}
