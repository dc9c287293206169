/** The one set of materials (to bring, and spared with the reason) and what joint handling saves. */
import { Tag, Typography } from 'antd';
import { MATERIAL_FORM_TEXT, MATERIAL_MEDIUM_TEXT, workingDaysText } from '../../../core/planning/labels.ts';
import { EXEMPT } from '../../shared/planLabels.ts';
import type { Plan, PlannedMaterial } from '../../../core/planning/types.ts';

export function MaterialLine({ m }: { m: PlannedMaterial }) {
  return (
    <li style={{ padding: '6px 0' }}>
      <span style={{ fontWeight: 500 }}>{m.name}</span>
      {m.deferrable && <> <Tag color="orange">可容缺后补</Tag></>}
      <br />
      <Typography.Text type="secondary">{m.copies} 份 · {MATERIAL_FORM_TEXT[m.form]} · {MATERIAL_MEDIUM_TEXT[m.medium]}</Typography.Text>
      {m.alternatives.map((a) => (
        <div key={a.evidence}><Typography.Text type="secondary">已领取{a.evidence}的，可用电子证照代替</Typography.Text></div>
      ))}
    </li>
  );
}

export function ExemptLine({ m }: { m: PlannedMaterial }) {
  const kind = m.exemption ? EXEMPT[m.exemption.kind] : null;
  return (
    <li style={{ padding: '6px 0' }}>
      <span>{m.name}</span> {kind && <Tag color={kind.color}>免提交 · {kind.label}</Tag>}
      {m.exemption && <><br /><Typography.Text type="secondary">{m.exemption.evidence}</Typography.Text></>}
    </li>
  );
}

export function PlanMaterials({ materials }: { materials: PlannedMaterial[] }) {
  const required = materials.filter((m) => m.status === 'required');
  const exempt = materials.filter((m) => m.status === 'exempt');
  const list = { listStyle: 'none', margin: 0, padding: 0 } as const;
  return (
    <>
      <Typography.Title level={4}>需要提交的材料（{required.length} 项）</Typography.Title>
      {required.length === 0 ? <Typography.Paragraph>不需要提交材料。</Typography.Paragraph> : <ul style={list}>{required.map((m) => <MaterialLine key={m.id} m={m} />)}</ul>}
      {exempt.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>无需提交（{exempt.length} 项）</Typography.Title>
          <ul style={list}>{exempt.map((m) => <ExemptLine key={m.id} m={m} />)}</ul>
        </>
      )}
    </>
  );
}

const MEASURES: { key: keyof Plan['reductions']; label: string; unit: string }[] = [
  { key: 'items', label: '申请次数', unit: '次' },
  { key: 'forms', label: '填写表单', unit: '张' },
  { key: 'fields', label: '填写项', unit: '项' },
  { key: 'materials', label: '提交材料', unit: '项' },
  { key: 'trips', label: '跑动次数', unit: '次' },
  { key: 'workingDays', label: '办理时间', unit: '' },
];

export function Reductions({ plan }: { plan: Plan }) {
  return (
    <>
      <Typography.Title level={5}>一件事一起办，比分别办理减少</Typography.Title>
      <dl className="apply-reductions">
        {MEASURES.map(({ key, label, unit }) => {
          const { before, after } = plan.reductions[key];
          // Working days read 即办 when there are none; other measures are counts.
          const [was, now] = key === 'workingDays' ? [workingDaysText(before), workingDaysText(after)] : [`${before} ${unit}`, `${after} ${unit}`];
          return (
            <div key={key}>
              <dt>{label}</dt>
              <dd>
                <span aria-hidden><s>{was}</s> → <strong>{now}</strong></span>
                <span className="apply-sr-only">分别办理 {was}，一起办 {now}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}
