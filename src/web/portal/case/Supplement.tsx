/** What a department asked to be supplied (补正), and materials accepted on commitment still to bring (容缺). */
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../shared/api.ts';
import { useAction } from '../../shared/useAction.ts';
import { MaterialUpload } from './MaterialUpload.tsx';
import type { CaseView } from './types.ts';
import { MUTED } from '../../shared/form/muted.ts';

export function SupplementRequests({ view, onChange, onUploaded }: { view: CaseView; onChange(v: CaseView): void; onUploaded(): void }) {
  const { busy, error, run } = useAction();
  /** The item whose “我已补正” was pressed: only its button spins. */
  const [item, setItem] = useState<string | null>(null);
  const open = view.progress.filter((p) => p.status === 'supplement' && p.supplement);
  if (open.length === 0) return null;
  const materials = new Map(view.materials.map((m) => [m.id, m]));
  const planned = new Map((view.plan?.materials ?? []).map((m) => [m.id, m]));
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal', color: '#ad4e00' }}>需要您补正材料</h3>} style={{ borderColor: '#faad14' }}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {open.map((p) => (
          <section key={p.item} aria-label={`${p.name}的补正要求`}>
            <Typography.Paragraph>
              <Typography.Text strong>{p.department.name}</Typography.Text>（{p.name}）于 {p.supplement?.requestedOn} 要求补正：{p.supplement?.note}
            </Typography.Paragraph>
            <Typography.Paragraph style={MUTED}>补正期间该事项暂停计时。请上传下列材料后点击“我已补正”，部门会继续办理。</Typography.Paragraph>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {(p.supplement?.materials ?? []).map((id) => {
                const m = materials.get(id);
                return m
                  ? <MaterialUpload key={id} caseId={view.id} material={m} planned={planned.get(id)} onUploaded={onUploaded}
                      note={m.status === 'exempt' ? `这份材料原本由部门直接获取（${m.exemption?.evidence ?? ''}）。如果无法在线上传，请带上材料到综合窗口补正，或拨打 12345 咨询。` : undefined} />
                  : <Typography.Text key={id}>{id}</Typography.Text>;
              })}
              <Button type="primary" size="large" loading={busy && item === p.item} onClick={() => {
                setItem(p.item);
                void run(async () => onChange(await post<CaseView>(`/api/cases/${view.id}/tasks/${encodeURIComponent(p.item)}/supplement-provided`)));
              }}>我已补正，请继续办理</Button>
            </Space>
          </section>
        ))}
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Space>
    </Card>
  );
}

export function DeferredMaterials({ view, onUploaded }: { view: CaseView; onUploaded(): void }) {
  const open = view.deferred.filter((d) => !d.suppliedOn);
  if (open.length === 0 || view.status === 'withdrawn' || view.status === 'rejected') return null;
  const materials = new Map(view.materials.map((m) => [m.id, m]));
  const planned = new Map((view.plan?.materials ?? []).map((m) => [m.id, m]));
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal' }}>待补交的容缺材料</h3>}>
      <Typography.Paragraph>您的申请已容缺受理。请在期限前补交下列材料（可上传，也可送到综合窗口）。</Typography.Paragraph>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {open.map((d) => {
          const m = materials.get(d.material);
          return m
            ? <MaterialUpload key={d.material} caseId={view.id} material={m} planned={planned.get(d.material)} onUploaded={onUploaded} note={`请于 ${d.deadline} 前补交`} />
            : <Typography.Text key={d.material}>{d.material}：请于 {d.deadline} 前补交</Typography.Text>;
        })}
      </Space>
    </Card>
  );
}
