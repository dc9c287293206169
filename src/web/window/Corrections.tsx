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
import { usePrefs } from '../shared/prefs.tsx';

/** A row of the notice as the clerk edits it: `subject` is 'm:<material>' or 'f:<field>'. */
export interface CorrectionRow {
  subject: string;
  problem: string;
  correction: string;
}

const blankRow = (): CorrectionRow => ({ subject: '', problem: '', correction: '' });

export function CorrectionsDialog({ caseView, initial, onClose, onDone }: { caseView: CaseView; initial: CorrectionRow[]; onClose(): void; onDone(): void }) {
  const { t } = usePrefs();
  const [rows, setRows] = useState<CorrectionRow[]>(initial.length > 0 ? initial : [blankRow()]);
  const [deadline, setDeadline] = useState('');
  const { busy, error, setError, run } = useAction();
  const options = [
    { label: t('winMaterials'), options: (caseView.plan?.materials ?? []).filter((m) => m.status === 'required').map((m) => ({ value: `m:${m.id}`, label: m.name })) },
    { label: t('winApplicationFormFields'), options: (caseView.plan?.form.fields ?? []).map((f) => ({ value: `f:${f.key}`, label: f.label })) },
  ];
  const set = (i: number, k: keyof CorrectionRow, v: string) => setRows((r) => r.map((x, j) => (j === i ? { ...x, [k]: v } : x)));
  const ok = async () => {
    const list = rows.map((r) => ({ subject: r.subject, problem: r.problem.trim(), correction: r.correction.trim() }));
    const incomplete = list.findIndex((r) => !r.subject || !r.problem || !r.correction);
    if (list.length === 0 || incomplete >= 0) {
      setError(list.length === 0 ? t('winListAtLeastOne') : t('winItemIsIncompleteThe', { p0: incomplete + 1 }));
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
    <Modal open title={t('winTellCorrectionsAtOnce')} onCancel={onClose} onOk={ok} okText={t('winTellCorrectionsAndPrint')} cancelText={t('winCancel')} confirmLoading={busy} width={760}>
      <Typography.Paragraph>{t('winPreFilledFromThe')}</Typography.Paragraph>
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((r, i) => (
          <li key={i} style={{ marginBottom: 16 }}>
            <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, margin: 0 }}>
              <legend style={{ fontSize: 14, width: 'auto', paddingInline: 4, marginBottom: 0 }}>{t('winStep')} {i + 1} {t('winCorrectionS')}</legend>
              <label style={{ display: 'block', marginBottom: 8 }}>{t('winSubjectMaterialOrForm')}
                <Select value={r.subject || undefined} options={options} placeholder={t('winChooseAMaterialOr')} showSearch optionFilterProp="label" style={{ width: '100%' }}
                  aria-label={t('winSubjectOfCorrection', { p0: i + 1 })} onChange={(v: string) => set(i, 'subject', v)} />
              </label>
              <label style={{ display: 'block', marginBottom: 8 }}>{t('winProblem')}
                <Input.TextArea value={r.problem} maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} onChange={(e) => set(i, 'problem', e.target.value)} />
              </label>
              <label style={{ display: 'block', marginBottom: 8 }}>{t('winRequirement')}
                <Input.TextArea value={r.correction} maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} onChange={(e) => set(i, 'correction', e.target.value)} />
              </label>
              <Button size="small" danger onClick={() => setRows((x) => x.filter((_, j) => j !== i))} aria-label={t('winRemoveCorrection', { p0: i + 1 })}>{t('winRemove')}</Button>
            </fieldset>
          </li>
        ))}
      </ol>
      <Space wrap>
        <Button onClick={() => setRows((x) => [...x, blankRow()])}>{t('winAddACorrection')}</Button>
        <label>{t('winCorrectionDueDateOptional')}<Input type="date" min={today()} value={deadline} style={{ width: 180, marginInlineStart: 8 }} onChange={(e) => setDeadline(e.target.value)} /></label>
      </Space>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

export function RejectDialog({ caseView, onClose, onDone }: { caseView: CaseView; onClose(): void; onDone(): void }) {
  const { t } = usePrefs();
  const [kind, setKind] = useState<'outside-remit' | 'not-eligible' | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();
  const ok = async () => {
    if (!kind || reason.trim() === '') {
      setError(t('winChooseTheReasonFor'));
      return;
    }
    if (await run(() => thenOpen(() => `/api/cases/${caseView.id}/documents/rejection.pdf`, async () => { await post(`/api/window/cases/${caseView.id}/reject`, { kind, reason: reason.trim() }); }))) {
      onClose();
      onDone();
    }
  };
  return (
    <Modal open title={t('winNotAccepted2')} onCancel={onClose} onOk={ok} okText={t('winRefuseAndPrintThe')} okButtonProps={{ danger: true }} cancelText={t('winCancel')} confirmLoading={busy} width={640}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('winIncompleteOrNonConforming')} />
      <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} style={{ display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 12 }}>
        <Radio value="outside-remit">{t('winTheMatterIsOutside')}</Radio>
        <Radio value="not-eligible">{t('winTheApplicantIsNot')}</Radio>
      </Radio.Group>
      <label style={{ display: 'block' }}>{t('winDetails')}
        <Input.TextArea value={reason} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} onChange={(e) => setReason(e.target.value)} />
      </label>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('winTheNoticeStatesThe')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

/** A case waiting for corrections: what was told, what has come, and the clerk taking the rest at the counter. */
export function Correcting({ caseView, reload }: { caseView: CaseView; reload(): void }) {
  const { t } = usePrefs();
  const told = caseView.correction;
  const { busy, holder, run } = useToastAction<string>();
  const [values, setValues] = useState<Record<string, string>>({});
  const resume = useAction();
  if (!told) return null;
  const onFile = async (material: string, name: string, f: File) => {
    if (await run(material, () => uploadFile(caseView.id, material, f), t('winReceived3', { name, name1: f.name }))) reload();
  };
  const resubmit = async () => {
    const given = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
    if (await resume.run(() => post(`/api/cases/${caseView.id}/resubmit`, { values: given }))) reload();
  };
  return (
    <Section title={t('winAwaitingCorrections')}>
      {holder}
      <Alert type="warning" showIcon style={{ marginBottom: 12 }}
        title={t('winOnCorrectionSWere', { requestedOn: told.requestedOn, n: told.items.length, p2: told.deadline ? t('winCorrectionsDueBy', { deadline: told.deadline }) : '' })}
        description={t('winTheApplicantCanUpload')} />
      <ol style={{ paddingInlineStart: 20 }}>
        {told.items.map((x) => {
          const files = x.material !== undefined ? caseView.materials.find((m) => m.id === x.material)?.files ?? [] : [];
          return (
            <li key={x.material ?? x.field} style={{ marginBottom: 12 }}>
              <Space wrap><b><span lang="zh-CN">{x.name}</span></b>{x.field !== undefined && <Tag>{t('winApplicationFormFields')}</Tag>}{x.supplied ? <Tag color="green">{t('winCorrected')}</Tag> : <Tag color="orange">{t('winAwaitingCorrections')}</Tag>}</Space>
              <div>{t('winProblem2')}{x.problem}{t('winRequirement2')}{x.correction}</div>
              {files.length > 0 && (
                <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                  {files.map((f) => <li key={f.id}><a href={`/api/cases/${caseView.id}/files/${f.id}`} target="_blank" rel="noreferrer">{t('winView')}<span lang="zh-CN">{f.name}</span></a></li>)}
                </ul>
              )}
              {x.material !== undefined && <FileButton label={t('winTakeCorrectedMaterial')} of={x.name} busy={busy === x.material} onFile={(f) => void onFile(x.material as string, x.name, f)} />}
              {x.field !== undefined && (
                <label style={{ display: 'block', maxWidth: 480 }}>{t('winCorrected2')}<span lang="zh-CN">{x.name}</span>”
                  <Input value={values[x.field] ?? ''} maxLength={200} onChange={(e) => setValues((v) => ({ ...v, [x.field as string]: e.target.value }))} />
                </label>
              )}
            </li>
          );
        })}
      </ol>
      {resume.error && <Alert type="error" showIcon title={resume.error} role="alert" style={{ marginBottom: 12 }} />}
      <Button type="primary" size="large" loading={resume.busy} onClick={() => void resubmit()}>{t('winAllCorrectionsInContinue')}</Button>
    </Section>
  );
}

/** The last day to tell corrections (§32), warned from one working day before; past it the application counts as accepted on receipt. */
export function CorrectionTerm({ row }: { row: QueueRow }) {
  const { t } = usePrefs();
  if (row.resubmittedOn) return <Tag color="cyan">{t('winCorrected3')}{row.resubmittedOn}{t('winSep9')}</Tag>;
  const term = row.correctionTerm;
  if (!term) return <>—</>;
  const color = term.overdue ? 'red' : term.daysLeft <= 1 ? 'orange' : 'default';
  return (
    <Space size={4} wrap>
      <span>{term.lastDay}{term.provisional ? t('winProvisional') : ''}</span>
      <Tag color={color}>{term.overdue ? t('winTermOverdue') : term.daysLeft === 0 ? t('winTermToday') : t('winTermLeft', { n: term.daysLeft })}</Tag>
    </Space>
  );
}
