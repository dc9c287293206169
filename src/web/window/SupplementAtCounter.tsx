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

type Progress = CaseView['progress'][number];

function Request({ caseView, p, reload }: { caseView: CaseView; p: Progress; reload(): void }) {
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
    if (await run('confirm', () => post(`/api/cases/${caseView.id}/tasks/${encodeURIComponent(p.item)}/supplement-provided`, { facts }), `已为申请人确认补正「${p.name}」，部门恢复计时`)) reload();
  };
  return (
    <div style={{ width: '100%' }}>
      {holder}
      <Typography.Text strong>{p.name}</Typography.Text><Typography.Text type="secondary">（{p.department.name}，{s.requestedOn} 要求）</Typography.Text>
      <div>{s.note}</div>
      <List size="small" dataSource={entries} renderItem={(e) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <Typography.Text>{e.name}</Typography.Text>{e.note && <Typography.Text type="secondary">（{e.note}）</Typography.Text>}
            {e.kind === 'material' ? (
              <Space wrap style={{ display: 'flex', marginTop: 4 }}>
                {fresh(e.key).length > 0 ? <Tag color="green">已收取 {fresh(e.key).length} 份</Tag> : <Tag color="orange">待收取</Tag>}
                <FileButton label="扫描上传" of={e.name} busy={busy === e.key} onFile={(f) => void run(e.key, () => uploadFile(caseView.id, e.key, f), `已上传：${f.name}`).then((ok) => ok && reload())} />
              </Space>
            ) : (
              <Input aria-label={`申请人说明：${e.name}`} value={answers[e.key] ?? ''} maxLength={1000} style={{ marginTop: 4 }}
                onChange={(ev) => setAnswers((a) => ({ ...a, [e.key]: ev.target.value }))} />
            )}
          </div>
        </List.Item>
      )} />
      {missing.length > 0 && <Alert type="info" showIcon title={`还缺：${missing.map((e) => `「${e.name}」`).join('')}`} style={{ marginBottom: 8 }} />}
      <Button type="primary" disabled={missing.length > 0} loading={busy === 'confirm'} onClick={() => void confirm()}>确认已补正</Button>
    </div>
  );
}

export function SupplementAtCounter({ caseView, reload }: { caseView: CaseView; reload(): void }) {
  const open = caseView.progress.filter((p) => p.status === 'supplement' && p.supplement?.entries);
  if (open.length === 0) return null;
  return (
    <Section title="部门要求补正（窗口代收）">
      <Typography.Paragraph type="secondary">申请人到窗口补正的，逐项收取材料、记录说明后代为确认，部门恢复计时。</Typography.Paragraph>
      <List dataSource={open} renderItem={(p) => <List.Item><Request caseView={caseView} p={p} reload={reload} /></List.Item>} />
    </Section>
  );
}
