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
import { usePrefs } from '../shared/prefs.tsx';

const KIND_TEXT = { material: 'wbMaterial', field: 'wbFormField', question: 'wbQuestion' } as const;

interface Picked { note: string }

/** Ticks a material or field on or off, keeping the notes of the others. */
function toggle(map: Record<string, Picked>, key: string, on: boolean): Record<string, Picked> {
  const next = { ...map };
  if (on) next[key] = next[key] ?? { note: '' };
  else delete next[key];
  return next;
}

function Choice({ id, label, picked, onPick, onNote }: { id: string; label: string; picked: Picked | undefined; onPick(on: boolean): void; onNote(note: string): void }) {
  const { t } = usePrefs();
  return (
    <div style={{ paddingBlock: 4 }}>
      <Checkbox checked={picked !== undefined} onChange={(e) => onPick(e.target.checked)}>{label}</Checkbox>
      {picked && (
        <Input id={id} aria-label={t('wbNoteOnCorrectingOptional', { label })} placeholder={t('wbWhatIsRequiredHere')} value={picked.note} maxLength={500}
          onChange={(e) => onNote(e.target.value)} style={{ marginTop: 4, marginInlineStart: 24, width: 'calc(100% - 24px)' }} />
      )}
    </div>
  );
}

export function SupplementDialog({ base, view, onClose, onDone }: { base: string; view: TaskView; onClose(): void; onDone(text: string): void }) {
  const { t } = usePrefs();
  const [materials, setMaterials] = useState<Record<string, Picked>>({});
  const [fields, setFields] = useState<Record<string, Picked>>({});
  const [questions, setQuestions] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();
  const ok = async () => {
    const asked = Object.keys(materials).length + Object.keys(fields).length + questions.filter((q) => q.trim()).length;
    if (asked === 0 || !note.trim()) {
      setError(asked === 0 ? t('wbChooseTheMaterialsTo') : t('wbWriteTheExplanationWhat'));
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
      onDone(t('wbTheApplicantWasAsked'));
    }
  };
  return (
    <Modal open title={t('wbAskForMoreMaterials')} onCancel={onClose} onOk={ok} okText={t('wbSendTheRequest')} cancelText={t('wbCancel')} confirmLoading={busy} width={680}>
      <Typography.Paragraph>{t('wbTellAtOnceEvery')}</Typography.Paragraph>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
        <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>{t('wbMaterialsToCorrect')}</legend>
        {view.materials.map((m) => (
          <Choice key={m.id} id={`supplement-material-${m.id}`} label={m.name} picked={materials[m.id]}
            onPick={(on) => setMaterials((x) => toggle(x, m.id, on))} onNote={(n) => setMaterials((x) => ({ ...x, [m.id]: { note: n } }))} />
        ))}
      </fieldset>
      {view.form.fields.length > 0 && (
        <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
          <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>{t('wbFormFieldsTheApplicant')}</legend>
          {view.form.fields.map((f) => (
            <Choice key={f.key} id={`supplement-field-${f.key}`} label={f.label} picked={fields[f.key]}
              onPick={(on) => setFields((x) => toggle(x, f.key, on))} onNote={(n) => setFields((x) => ({ ...x, [f.key]: { note: n } }))} />
          ))}
        </fieldset>
      )}
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
        <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>{t('wbOtherQuestionsForThe')}</legend>
        {questions.map((q, i) => (
          <div key={i} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
            <Input aria-label={t('wbQuestion2', { p0: i + 1 })} value={q} maxLength={200} onChange={(e) => setQuestions((x) => x.map((y, j) => (j === i ? e.target.value : y)))} />
            <Button type="link" danger onClick={() => setQuestions((x) => x.filter((_, j) => j !== i))} aria-label={t('wbRemoveQuestion', { p0: i + 1 })}>{t('wbRemove')}</Button>
          </div>
        ))}
        <Button onClick={() => setQuestions((x) => [...x, ''])} disabled={questions.length >= 10}>{t('wbAddAQuestion')}</Button>
      </fieldset>
      <label htmlFor="supplement-note" style={{ display: 'block', marginBottom: 4 }}>{t('wbExplanationRequired')}</label>
      <Input.TextArea id="supplement-note" value={note} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} aria-required onChange={(e) => setNote(e.target.value)} />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

/** One request and what came for each entry. */
function Request({ caseId, r, n }: { caseId: string; r: SupplementRecord; n: number }) {
  const { t } = usePrefs();
  return (
    <div style={{ width: '100%' }}>
      <Typography.Text strong>{t('wbCorrectionRound')} {n} {t('wbSep12')}</Typography.Text>{' '}
      {r.answeredAt ? <Tag color="green">{t('wbCorrected')}</Tag> : <Tag color="orange">{t('wbAwaitingCorrections')}</Tag>}
      <div><Typography.Text type="secondary">{fmtTime(r.requestedAt)} {r.requestedBy} {t('wbRequired')}</Typography.Text>{r.note}</div>
      <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
        {r.entries.map((e) => (
          <li key={`${e.kind}:${e.key}`}>
            <Tag>{t(KIND_TEXT[e.kind])}</Tag><span lang="zh-CN">{e.name}</span>{e.note ? <Typography.Text type="secondary">{t('wbSep')}<span lang="zh-CN">{e.note}</span>{t('wbSep2')}</Typography.Text> : null}
            {e.kind === 'material' && (e.files.length === 0
              ? <div><Typography.Text type="secondary">{t('wbNotUploadedYet')}</Typography.Text></div>
              : <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {e.files.map((f) => <li key={f.id}><a href={`/api/cases/${caseId}/files/${f.id}`} target="_blank" rel="noreferrer">{t('wbViewTheCorrectedMaterial')}<span lang="zh-CN">{f.name}</span></a> <Typography.Text type="secondary">{fmtTime(f.uploadedAt)} {t('wbUpload')}</Typography.Text></li>)}
              </ul>)}
            {e.kind !== 'material' && <div>{e.answer !== null ? <>{t('wbApplicantSNote')}<span style={{ overflowWrap: 'anywhere' }}>{e.answer}</span></> : <Typography.Text type="secondary">{t('wbNoAnswerYet')}</Typography.Text>}</div>}
          </li>
        ))}
      </ul>
      {r.answeredAt && <Typography.Text type="secondary">{fmtTime(r.answeredAt)} {r.answeredBy} {t('wbConfirmCorrectedAndResume')}</Typography.Text>}
    </div>
  );
}

export function SupplementHistory({ caseId, list }: { caseId: string; list: SupplementRecord[] }) {
  const { t } = usePrefs();
  if (list.length === 0) return null;
  return (
    <Section title={t('wbCorrectionHistory')}>
      <List dataSource={list} renderItem={(r, i) => <List.Item><Request caseId={caseId} r={r} n={i + 1} /></List.Item>} />
    </Section>
  );
}
