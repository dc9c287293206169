/**
 * What a department asked to be supplied (补正): each material with an upload, each fact with an
 * input, and “我已补正” once all are there; and materials accepted on commitment still to bring (容缺).
 */
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../shared/api.ts';
import { useAction } from '../../shared/useAction.ts';
import { MaterialUpload } from './MaterialUpload.tsx';
import type { CaseView } from './types.ts';
import { MUTED } from '../../shared/form/muted.ts';
import { plainDay } from '../../shared/dates.ts';
import { Zh } from '../../shared/fillNodes.tsx';
import { usePrefs } from '../../shared/prefs.tsx';

export function SupplementRequests({ view, onChange, onUploaded }: { view: CaseView; onChange(v: CaseView): void; onUploaded(): void }) {
  const { t } = usePrefs();
  const open = view.progress.filter((p) => p.status === 'supplement' && p.supplement);
  if (open.length === 0) return null;
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal', color: '#ad4e00' }}>{t('sp_title')}</h3>} style={{ borderColor: '#faad14' }}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {open.map((p) => <Request key={p.item} view={view} p={p} onChange={onChange} onUploaded={onUploaded} />)}
      </Space>
    </Card>
  );
}

type Progress = CaseView['progress'][number];

/** One department's request: an upload for each material, an input for each fact, and “我已补正”. */
function Request({ view, p, onChange, onUploaded }: { view: CaseView; p: Progress; onChange(v: CaseView): void; onUploaded(): void }) {
  const { t, lang } = usePrefs();
  const { busy, error, setError, run } = useAction();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const s = p.supplement;
  if (!s) return null;
  const materials = new Map(view.materials.map((m) => [m.id, m]));
  const planned = new Map((view.plan?.materials ?? []).map((m) => [m.id, m]));
  const since = s.requestedAt ?? s.requestedOn;
  // A material counts as supplied by a file uploaded after the request, as the server counts it.
  const fresh = (id: string) => (materials.get(id)?.files ?? []).some((f) => f.status === 'attached' && (f.createdAt ?? '') > since);
  const entries = s.entries ?? [];
  const facts = entries.filter((e) => e.kind !== 'material');
  const confirm = () => {
    const missing = entries.filter((e) => (e.kind === 'material' ? !fresh(e.key) : !(answers[e.key] ?? '').trim()));
    if (missing.length > 0) {
      setError(t('sp_missing', { names: missing.map((e) => `「${e.name}」`).join('') }));
      return;
    }
    const body = { facts: facts.map((e) => ({ key: e.key, value: (answers[e.key] ?? '').trim() })) };
    void run(async () => onChange(await post<CaseView>(`/api/cases/${view.id}/tasks/${encodeURIComponent(p.item)}/supplement-provided`, body)));
  };
  return (
    <section aria-label={t('sp_request')}>
      <Typography.Paragraph>
        <Typography.Text strong lang="zh-CN">{p.department.name}</Typography.Text>（<Zh>{p.name}</Zh>{t('sp_askedOn', { day: plainDay(s.requestedOn, lang) })}<Zh>{s.note}</Zh>
      </Typography.Paragraph>
      <Typography.Paragraph style={MUTED}>{t('sp_text')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {entries.length === 0 && s.materials.map((name) => <Typography.Text key={name} lang="zh-CN">{name}</Typography.Text>)}
        {entries.filter((e) => e.kind === 'material').map((e) => {
          const m = materials.get(e.key);
          const text = <>{e.note ? <>{t('sp_note')}<Zh>{e.note}。</Zh></> : ''}{fresh(e.key) ? t('sp_uploaded') : t('sp_uploadPlease')}</>;
          return m
            ? <MaterialUpload key={e.key} caseId={view.id} material={m} planned={planned.get(e.key)} onUploaded={() => { setError(null); onUploaded(); }} note={text} />
            : <Typography.Text key={e.key}><Zh>{e.name}</Zh>{t('colon')}{text}</Typography.Text>;
        })}
        {facts.map((e) => (
          <div key={e.key}>
            <label htmlFor={`supplement-${p.item}-${e.key}`} style={{ display: 'block', fontWeight: 600, marginBottom: 4 }} lang="zh-CN">{e.name}</label>
            {e.note && <Typography.Paragraph style={{ ...MUTED, margin: '0 0 4px' }}>{t('sp_note')}<Zh>{e.note}</Zh></Typography.Paragraph>}
            <Input.TextArea id={`supplement-${p.item}-${e.key}`} value={answers[e.key] ?? ''} maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} aria-required
              onChange={(ev) => { setAnswers((a) => ({ ...a, [e.key]: ev.target.value })); setError(null); }} />
          </div>
        ))}
        <Button type="primary" size="large" loading={busy} onClick={confirm}>{t('sp_confirm')}</Button>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Space>
    </section>
  );
}

export function DeferredMaterials({ view, onUploaded }: { view: CaseView; onUploaded(): void }) {
  const { t, lang } = usePrefs();
  const open = view.deferred.filter((d) => !d.suppliedOn);
  if (open.length === 0 || view.status === 'withdrawn' || view.status === 'rejected') return null;
  const materials = new Map(view.materials.map((m) => [m.id, m]));
  const planned = new Map((view.plan?.materials ?? []).map((m) => [m.id, m]));
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal' }}>{t('df_title')}</h3>}>
      <Typography.Paragraph>{t('df_text')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {open.map((d) => {
          const m = materials.get(d.material);
          return m
            ? <MaterialUpload key={d.material} caseId={view.id} material={m} planned={planned.get(d.material)} onUploaded={onUploaded} note={t('df_by', { day: plainDay(d.deadline, lang) })} />
            : <Typography.Text key={d.material}><Zh>{d.material}</Zh>{t('colon')}{t('df_by', { day: plainDay(d.deadline, lang) })}</Typography.Text>;
        })}
      </Space>
    </Card>
  );
}
