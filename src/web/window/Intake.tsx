/** The application taken at the window: the one form, the materials handed in, and the submission. */
import { Alert, Button, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { EXEMPTION_TEXT, MATERIAL_FORM_TEXT, MATERIAL_MEDIUM_TEXT, workingDaysText } from '../../core/planning/labels.ts';
import { validateFormValues } from '../../core/planning/validate-form.ts';
import { api, ApiError, get, post, put } from '../shared/api.ts';
import { useToastAction } from '../shared/useAction.ts';
import { fieldSpecs, FormSummary, isMasked, SchemaForm, type SchemaFormHandle } from '../shared/form/index.ts';
import type { CaseView, Plan } from './types.ts';
import { CommitmentAtCounter } from './CommitmentAtCounter.tsx';
import { Section, visitors } from './ui.tsx';

/** Required fields still empty or wrong in what the server holds (masked personal values count as filled). */
function formProblems(plan: Plan, values: Record<string, unknown>): { key: string; message: string }[] {
  const specs = fieldSpecs(plan.form);
  return validateFormValues(plan.form, values)
    .filter((e) => e.code !== 'unknown-field')
    .map((e) => ({ key: e.path.replace(/^form\./, ''), message: e.message }))
    .filter((e) => !isMasked(specs.get(e.key), values[e.key]));
}

export function FormStep({ caseView, plan, onBack, onNext }: { caseView: CaseView; plan: Plan; onBack(): void; onNext(): void }) {
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
      if (r && r.invalid.length > 0) for (const key of r.invalid) if (!list.some((p) => p.key === key)) list.push({ key, label: specs.get(key)?.label ?? key, message: '填写有误，未保存' });
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
        一张表汇集本件全部事项所需的信息，已从电子证照和共享数据预填的请与申请人核对。
      </Typography.Paragraph>
      <SchemaForm ref={ref} idPrefix="win-field" form={plan.form} initialValues={caseView.form}
        save={async (changes) => { await put(`/api/cases/${caseView.id}/form`, { values: changes }); }} />
      {problems.length > 0 && (
        <Alert type="error" showIcon role="alert" title={`还有 ${problems.length} 项需要填写或改正`} description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {problems.map((p) => (
              <li key={p.key}><Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => ref.current?.focusField(p.key)}>{p.label}：{p.message}</Button></li>
            ))}
          </ul>
        } />
      )}
      <Space wrap>
        <Button size="large" onClick={onBack}>上一步：引导问答</Button>
        <Button type="primary" size="large" onClick={next} loading={busy}>下一步：收取材料</Button>
      </Space>
    </Space>
  );
}

/** A button that opens the file chooser: the file input stays out of sight and out of the tab order. */
export function FileButton({ label, of, onFile, busy }: { label: string; of: string; onFile(f: File): void; busy: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const accessibleLabel = `${label}：${of}`;
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
  const { busy, holder, run } = useToastAction<string>();
  const files = new Map(caseView.materials.map((m) => [m.id, m.files]));
  const required = plan.materials.filter((m) => m.status === 'required');
  const missing = required.filter((m) => (files.get(m.id) ?? []).length === 0);

  const onFile = async (materialId: string, name: string, f: File) => {
    if (await run(materialId, () => uploadFile(caseView.id, materialId, f), `已收取「${name}」：${f.name}`)) reload();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {holder}
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        逐份收取材料，纸质材料扫描后上传（PDF、JPG、PNG）。缺少的材料也可以先提交，在受理审查时选择容缺受理或一次性告知补正。
      </Typography.Paragraph>
      <List bordered dataSource={plan.materials} renderItem={(m) => {
        const own = files.get(m.id) ?? [];
        return (
          <List.Item>
            <div style={{ width: '100%' }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
                <Typography.Text strong>{m.name}</Typography.Text>
                {m.status === 'exempt' ? <Tag color="blue">免提交</Tag> : own.length > 0 ? <Tag color="green">已收取 {own.length} 份</Tag> : <Tag color="red">未收取</Tag>}
              </div>
              <Typography.Text type="secondary">
                {m.copies} 份 · {MATERIAL_FORM_TEXT[m.form]} · {MATERIAL_MEDIUM_TEXT[m.medium]}{m.deferrable ? ' · 可容缺后补' : ''}
              </Typography.Text>
              {m.exemption && <div><Tag color="blue">{EXEMPTION_TEXT[m.exemption.kind]}</Tag>{m.exemption.evidence}</div>}
              {own.length > 0 && (
                <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                  {own.map((f) => <li key={f.id}><a href={`/api/cases/${caseView.id}/files/${f.id}`} target="_blank" rel="noreferrer">{f.name}</a></li>)}
                </ul>
              )}
              {m.status === 'required' && (
                <div style={{ marginTop: 8 }}>
                  <FileButton label={own.length > 0 ? '再上传一份' : '上传扫描件'} of={m.name} busy={busy === m.id} onFile={(f) => void onFile(m.id, m.name, f)} />
                </div>
              )}
              <CommitmentAtCounter caseView={caseView} plan={plan} material={m} onDone={reload} />
            </div>
          </List.Item>
        );
      }} />
      {missing.length > 0 && (
        <Alert type="warning" showIcon title={`还有 ${missing.length} 份材料未收取`} description={missing.map((m) => `${m.name}${m.deferrable ? '（可容缺）' : ''}`).join('、')} />
      )}
      <Space wrap>
        <Button size="large" onClick={onBack}>上一步：填写申请表</Button>
        <Button type="primary" size="large" onClick={onNext}>下一步：核对并提交</Button>
      </Space>
    </Space>
  );
}

export function ReviewStep({ caseView, plan, onBack, onForm, onSubmitted }: { caseView: CaseView; plan: Plan; onBack(): void; onForm(): void; onSubmitted(): void }) {
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
      <Section title="申请概要">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'matter', label: '一件事', children: caseView.matter.name },
          ...(visitor ? [{ key: 'who', label: '申请人', children: visitor.name }] : []),
          ...(caseView.assisted ? [{ key: 'assisted', label: '帮办代办', children: `${caseView.assisted.by}（${caseView.assisted.authority}）` }] : []),
          ...(plan.situation ? [{ key: 'situation', label: '办理情形', children: plan.situation.name }] : []),
          { key: 'items', label: '涉及事项', children: plan.items.map((i) => i.name).join('、') },
          { key: 'days', label: '承诺时限', children: workingDaysText(plan.timeLimit.workingDays) },
        ]} />
      </Section>
      <Section title="申请表" extra={<Button onClick={onForm}>修改</Button>}>
        <FormSummary form={plan.form} values={caseView.form} />
      </Section>
      <Section title="材料" extra={<Button onClick={onBack}>修改</Button>}>
        <List size="small" dataSource={plan.materials} renderItem={(m) => (
          <List.Item>
            <span>{m.name}</span>
            {m.status === 'exempt' ? <Tag color="blue">免提交</Tag> : (files.get(m.id) ?? 0) > 0 ? <Tag color="green">已收取</Tag> : <Tag color={m.deferrable ? 'orange' : 'red'}>未收取{m.deferrable ? '（可容缺）' : ''}</Tag>}
          </List.Item>
        )} />
      </Section>
      {error && (
        <Alert type="error" showIcon role="alert" title={error.message} description={error instanceof ApiError && error.details.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>{error.details.map((d) => <li key={d.path + d.message}>{d.message}</li>)}</ul>
        ) : undefined} action={formErrors ? <Button onClick={onForm}>去修改申请表</Button> : undefined} />
      )}
      <Space wrap>
        <Button size="large" onClick={onBack}>上一步：收取材料</Button>
        <Button type="primary" size="large" onClick={submit} loading={busy}>提交申请</Button>
      </Space>
    </Space>
  );
}
