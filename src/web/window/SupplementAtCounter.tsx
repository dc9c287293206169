/**
 * A department's supplement request answered at the counter: the clerk scans each requested
 * material, types what the visitor says for each fact, and confirms 已补正 for them.
 */
import { Alert, Button, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../shared/api.ts';
import { useToastAction } from '../shared/useAction.ts';
import { FileButton, uploadFile } from './Intake.tsx';
import type { CaseView } from './types.ts';
import { Section } from './ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';

type Progress = CaseView['progress'][number];

function Request({ caseView, p, reload }: { caseView: CaseView; p: Progress; reload(): void }) {
  const { t } = usePrefs();
  const { busy, holder, run } = useToastAction<string>();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const s = p.supplement;
  if (!s) return null;
  const entries = s.entries ?? [];
  const since = s.requestedAt ?? s.requestedOn;
  const fresh = (id: string) => (caseView.materials.find((m) => m.id === id)?.files ?? []).filter((f) => f.status === 'attached' && (f.createdAt ?? '') > since);
  const missing = entries.filter((e) => (e.kind === 'material' ? fresh(e.key).length === 0 : !(answers[e.key] ?? '').trim()));
  const confirm = async () => {
    const facts = entries.filter((e) => e.kind !== 'material').map((e) => ({ key: e.key, value: (answers[e.key] ?? '').trim() }));
    if (await run('confirm', () => post(`/api/cases/${caseView.id}/tasks/${encodeURIComponent(p.item)}/supplement-provided`, { facts }), t('winCorrectionOfConfirmedFor', { name: p.name }))) reload();
  };
  return (
    <div style={{ width: '100%' }}>
      {holder}
      <Typography.Text strong><span lang="zh-CN">{p.name}</span></Typography.Text><Typography.Text type="secondary">{t('winSep8')}<span lang="zh-CN">{p.department.name}</span>{t('winSep14')}{s.requestedOn} {t('winRequired')}</Typography.Text>
      <div>{s.note}</div>
      <List size="small" dataSource={entries} renderItem={(e) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <Typography.Text><span lang="zh-CN">{e.name}</span></Typography.Text>{e.note && <Typography.Text type="secondary">{t('winSep8')}{e.note}{t('winSep9')}</Typography.Text>}
            {e.kind === 'material' ? (
              <Space wrap style={{ display: 'flex', marginTop: 4 }}>
                {fresh(e.key).length > 0 ? <Tag color="green">{t('winTaken')} {fresh(e.key).length} {t('winCopIes2')}</Tag> : <Tag color="orange">{t('winToTake')}</Tag>}
                <FileButton label={t('winUploadAScan2')} of={e.name} busy={busy === e.key} onFile={(f) => void run(e.key, () => uploadFile(caseView.id, e.key, f), t('winUploaded', { name: f.name })).then((ok) => ok && reload())} />
              </Space>
            ) : (
              <Input aria-label={t('winApplicantSNote', { name: e.name })} value={answers[e.key] ?? ''} maxLength={1000} style={{ marginTop: 4 }}
                onChange={(ev) => setAnswers((a) => ({ ...a, [e.key]: ev.target.value }))} />
            )}
          </div>
        </List.Item>
      )} />
      {missing.length > 0 && <Alert type="info" showIcon title={<>{t('winStillMissing', { p0: '' })}<span lang="zh-CN">{missing.map((e) => `「${e.name}」`).join('')}</span></>} style={{ marginBottom: 8 }} />}
      <Button type="primary" disabled={missing.length > 0} loading={busy === 'confirm'} onClick={() => void confirm()}>{t('winConfirmCorrected')}</Button>
    </div>
  );
}

export function SupplementAtCounter({ caseView, reload }: { caseView: CaseView; reload(): void }) {
  const { t } = usePrefs();
  const open = caseView.progress.filter((p) => p.status === 'supplement' && p.supplement?.entries);
  if (open.length === 0) return null;
  return (
    <Section title={t('winCorrectionsAskedByA')}>
      <Typography.Paragraph type="secondary">{t('winWhenTheApplicantCorrects')}</Typography.Paragraph>
      <List dataSource={open} renderItem={(p) => <List.Item><Request caseView={caseView} p={p} reload={reload} /></List.Item>} />
    </Section>
  );
}
