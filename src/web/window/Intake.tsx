/** The application taken at the window: the one form, the materials handed in, and the submission. */
import { Alert, Button, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { validateFormValues } from '../../core/planning/validate-form.ts';
import { api, ApiError, get, post, put } from '../shared/api.ts';
import { useToastAction } from '../shared/useAction.ts';
import { errorText, fieldSpecs, FormSummary, isMasked, SchemaForm, type SchemaFormHandle } from '../shared/form/index.ts';
import type { CaseView, Plan } from './types.ts';
import { CommitmentAtCounter } from './CommitmentAtCounter.tsx';
import { Section, visitors } from './ui.tsx';
import { days, exemptionText, formText, mediumText } from '../shared/planLabels.ts';
import { usePrefs } from '../shared/prefs.tsx';

/** Required fields still empty or wrong in what the server holds (masked personal values count as filled). */
function formProblems(plan: Plan, values: Record<string, unknown>): { key: string; message: string }[] {
  const specs = fieldSpecs(plan.form);
  return validateFormValues(plan.form, values)
    .filter((e) => e.code !== 'unknown-field')
    .map((e) => ({ key: e.path.replace(/^form\./, ''), message: errorText(e) }))
    .filter((e) => !isMasked(specs.get(e.key), values[e.key]));
}

export function FormStep({ caseView, plan, onBack, onNext }: { caseView: CaseView; plan: Plan; onBack(): void; onNext(): void }) {
  const { t } = usePrefs();
  const ref = useRef<SchemaFormHandle>(null);
  const [problems, setProblems] = useState<{ key: string; label: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const specs = fieldSpecs(plan.form);

  const next = async () => {
    setBusy(true);
    try {
      const r = await ref.current?.flush();
      const fresh = await get<CaseView>(`/api/cases/${caseView.id}`);
      const list = formProblems(plan, fresh.form).map((p) => ({ ...p, label: specs.get(p.key)?.label ?? p.key }));
      if (r && r.invalid.length > 0) for (const key of r.invalid) if (!list.some((p) => p.key === key)) list.push({ key, label: specs.get(key)?.label ?? key, message: t('winSomeEntriesAreWrong') });
      setProblems(list);
      if (list.length === 0) onNext();
      else ref.current?.showErrors(list.map((p) => ({ path: `form.${p.key}`, message: p.message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('winOneFormGathersEverything')}
      </Typography.Paragraph>
      <SchemaForm ref={ref} idPrefix="win-field" form={plan.form} initialValues={caseView.form}
        save={async (changes) => { await put(`/api/cases/${caseView.id}/form`, { values: changes }); }} />
      {problems.length > 0 && (
        <Alert type="error" showIcon role="alert" title={t('winFieldSStillTo', { n: problems.length })} description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {problems.map((p) => (
              <li key={p.key}><Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => ref.current?.focusField(p.key)}>{p.label}{t('winSep4')}{p.message}</Button></li>
            ))}
          </ul>
        } />
      )}
      <Space wrap>
        <Button size="large" onClick={onBack}>{t('winBackGuidedQuestions')}</Button>
        <Button type="primary" size="large" onClick={next} loading={busy}>{t('winNextMaterials')}</Button>
      </Space>
    </Space>
  );
}

/** A button that opens the file chooser: the file input stays out of sight and out of the tab order. */
export function FileButton({ label, of, onFile, busy }: { label: string; of: string; onFile(f: File): void; busy: boolean }) {
  const { t } = usePrefs();
  const input = useRef<HTMLInputElement>(null);
  const accessibleLabel = t('winSep10', { label, of });
  return (
    <>
      <input ref={input} type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-label={accessibleLabel} tabIndex={-1} style={{ display: 'none' }}
        onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) onFile(f); }} />
      <Button onClick={() => input.current?.click()} loading={busy} aria-label={accessibleLabel}>{label}</Button>
    </>
  );
}

export async function uploadFile(caseId: string, materialId: string, file: File): Promise<void> {
  const body = new FormData();
  body.append('file', file);
  await api('POST', `/api/cases/${caseId}/materials/${encodeURIComponent(materialId)}/files`, body);
}

export function MaterialsStep({ caseView, plan, reload, onBack, onNext }: { caseView: CaseView; plan: Plan; reload(): void; onBack(): void; onNext(): void }) {
  const { t } = usePrefs();
  const { busy, holder, run } = useToastAction<string>();
  const files = new Map(caseView.materials.map((m) => [m.id, m.files]));
  const required = plan.materials.filter((m) => m.status === 'required');
  const missing = required.filter((m) => (files.get(m.id) ?? []).length === 0);

  const onFile = async (materialId: string, name: string, f: File) => {
    if (await run(materialId, () => uploadFile(caseView.id, materialId, f), t('winReceived3', { name, name1: f.name }))) reload();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {holder}
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('winTakeEachMaterialScan')}
      </Typography.Paragraph>
      <List bordered dataSource={plan.materials} renderItem={(m) => {
        const own = files.get(m.id) ?? [];
        return (
          <List.Item>
            <div style={{ width: '100%' }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
                <Typography.Text strong><span lang="zh-CN">{m.name}</span></Typography.Text>
                {m.status === 'exempt' ? <Tag color="blue">{t('winExempt')}</Tag> : own.length > 0 ? <Tag color="green">{t('winTaken')} {own.length} {t('winCopIes2')}</Tag> : <Tag color="red">{t('winNotTaken')}</Tag>}
              </div>
              <Typography.Text type="secondary">
                {m.copies} {t('winCopIes')} {formText(m.form)} · {mediumText(m.medium)}{m.deferrable ? t('winCanBeHandedIn2') : ''}
              </Typography.Text>
              {m.exemption && <div><Tag color="blue">{exemptionText(m.exemption.kind)}</Tag><span lang="zh-CN">{m.exemption.evidence}</span></div>}
              {own.length > 0 && (
                <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                  {own.map((f) => <li key={f.id}><a href={`/api/cases/${caseView.id}/files/${f.id}`} target="_blank" rel="noreferrer"><span lang="zh-CN">{f.name}</span></a></li>)}
                </ul>
              )}
              {m.status === 'required' && (
                <div style={{ marginTop: 8 }}>
                  <FileButton label={own.length > 0 ? t('winUploadAnotherCopy') : t('winUploadAScan')} of={m.name} busy={busy === m.id} onFile={(f) => void onFile(m.id, m.name, f)} />
                </div>
              )}
              <CommitmentAtCounter caseView={caseView} plan={plan} material={m} onDone={reload} />
            </div>
          </List.Item>
        );
      }} />
      {missing.length > 0 && (
        <Alert type="warning" showIcon title={t('winMaterialSNotTaken', { n: missing.length })} description={missing.map((m) => <span key={m.id}><span lang="zh-CN">{m.name}</span>{m.deferrable ? t('winDeferrable2') : ''}</span>).reduce<ReactNode[]>((all, x, i) => (i ? [...all, t('winSep2'), x] : [x]), [])} />
      )}
      <Space wrap>
        <Button size="large" onClick={onBack}>{t('winBackApplicationForm')}</Button>
        <Button type="primary" size="large" onClick={onNext}>{t('winNextReviewAndSubmit')}</Button>
      </Space>
    </Space>
  );
}

export function ReviewStep({ caseView, plan, onBack, onForm, onSubmitted }: { caseView: CaseView; plan: Plan; onBack(): void; onForm(): void; onSubmitted(): void }) {
  const { t } = usePrefs();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const visitor = visitors.get(caseView.id);
  const files = new Map(caseView.materials.map((m) => [m.id, m.files.length]));

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await post(`/api/cases/${caseView.id}/submit`);
      onSubmitted();
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };
  const formErrors = error instanceof ApiError && error.details.some((d) => d.path.startsWith('form.'));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Section title={t('winSummary')}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'matter', label: t('winMatter'), children: caseView.matter.name },
          ...(visitor ? [{ key: 'who', label: t('winApplicant2'), children: visitor.name }] : []),
          ...(caseView.assisted ? [{ key: 'assisted', label: t('winAssistedOrByProxy'), children: <span lang="zh-CN">{t('winSep12', { by: caseView.assisted.by, authority: caseView.assisted.authority ?? '' })}</span> }] : []),
          ...(plan.situation ? [{ key: 'situation', label: t('winSituation'), children: plan.situation.name }] : []),
          { key: 'items', label: t('winItemsIncluded'), children: plan.items.map((i) => i.name).join(t('winSep2')) },
          { key: 'days', label: t('winCommittedTime'), children: days(plan.timeLimit.workingDays) },
        ]} />
      </Section>
      <Section title={t('winApplicationForm2')} extra={<Button onClick={onForm}>{t('winChange')}</Button>}>
        <FormSummary form={plan.form} values={caseView.form} />
      </Section>
      <Section title={t('winMaterials')} extra={<Button onClick={onBack}>{t('winChange')}</Button>}>
        <List size="small" dataSource={plan.materials} renderItem={(m) => (
          <List.Item>
            <span><span lang="zh-CN">{m.name}</span></span>
            {m.status === 'exempt' ? <Tag color="blue">{t('winExempt')}</Tag> : (files.get(m.id) ?? 0) > 0 ? <Tag color="green">{t('winTaken')}</Tag> : <Tag color={m.deferrable ? 'orange' : 'red'}>{t('winNotTaken')}{m.deferrable ? t('winDeferrable2') : ''}</Tag>}
          </List.Item>
        )} />
      </Section>
      {error && (
        <Alert type="error" showIcon role="alert" title={error.message} description={error instanceof ApiError && error.details.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>{error.details.map((d) => <li key={d.path + d.message}>{d.message}</li>)}</ul>
        ) : undefined} action={formErrors ? <Button onClick={onForm}>{t('winChangeTheApplicationForm')}</Button> : undefined} />
      )}
      <Space wrap>
        <Button size="large" onClick={onBack}>{t('winBackMaterials')}</Button>
        <Button type="primary" size="large" onClick={submit} loading={busy}>{t('winSubmitTheApplication')}</Button>
      </Space>
    </Space>
  );
}
