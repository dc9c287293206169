/** The one set of materials (to bring, and spared with the reason) and what joint handling saves. */
import { Tag, Typography } from 'antd';
import { fillNodes, Zh } from '../../shared/fillNodes.tsx';
import { days, EXEMPT, formText, mediumText } from '../../shared/planLabels.ts';
import { usePrefs } from '../../shared/prefs.tsx';
import type { Plan, PlannedMaterial } from '../../../core/planning/types.ts';
import { Folded } from '../elder/More.tsx';

export function MaterialLine({ m }: { m: PlannedMaterial }) {
  const { t } = usePrefs();
  return (
    <li style={{ padding: '6px 0' }}>
      <span style={{ fontWeight: 500 }} lang="zh-CN">{m.name}</span>
      {m.deferrable && <> <Tag color="orange">{t('apply_deferrable')}</Tag></>}
      {/* 长辈模式 (inside a 更多说明 group): the name; copies, form and alternatives folded. */}
      <Folded as="span"><br /><Typography.Text type="secondary">{t('apply_copies', { n: m.copies })} · {formText(m.form)} · {mediumText(m.medium)}</Typography.Text></Folded>
      <Folded>
        {m.alternatives.map((a) => (
          <div key={a.evidence}><Typography.Text type="secondary">{fillNodes(t('apply_alternative'), { evidence: <Zh>{a.evidence}</Zh> })}</Typography.Text></div>
        ))}
      </Folded>
    </li>
  );
}

export function ExemptLine({ m }: { m: PlannedMaterial }) {
  const { t } = usePrefs();
  const kind = m.exemption ? EXEMPT[m.exemption.kind] : null;
  return (
    <li style={{ padding: '6px 0' }}>
      <span lang="zh-CN">{m.name}</span> {kind && <Tag color={kind.color}>{t('apply_spared', { kind: kind.label })}</Tag>}
      {m.exemption && <Folded as="span"><br /><Typography.Text type="secondary" lang="zh-CN">{m.exemption.evidence}</Typography.Text></Folded>}
    </li>
  );
}

export function PlanMaterials({ materials }: { materials: PlannedMaterial[] }) {
  const { t } = usePrefs();
  const required = materials.filter((m) => m.status === 'required');
  const exempt = materials.filter((m) => m.status === 'exempt');
  const list = { listStyle: 'none', margin: 0, padding: 0 } as const;
  return (
    <>
      <Typography.Title level={4}>{t('apply_toHandIn', { n: required.length })}</Typography.Title>
      {required.length === 0 ? <Typography.Paragraph>{t('apply_noMaterials')}</Typography.Paragraph> : <ul style={list}>{required.map((m) => <MaterialLine key={m.id} m={m} />)}</ul>}
      {exempt.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>{t('apply_notNeeded', { n: exempt.length })}</Typography.Title>
          <ul style={list}>{exempt.map((m) => <ExemptLine key={m.id} m={m} />)}</ul>
        </>
      )}
    </>
  );
}

const MEASURES: (keyof Plan['reductions'])[] = ['items', 'forms', 'fields', 'materials', 'trips', 'workingDays'];

export function Reductions({ plan }: { plan: Plan }) {
  const { t } = usePrefs();
  return (
    <>
      <Typography.Title level={5}>{t('apply_reductions')}</Typography.Title>
      <dl className="apply-reductions">
        {MEASURES.map((key) => {
          const unit = key === 'workingDays' ? '' : t(`apply_u_${key}`);
          const { before, after } = plan.reductions[key];
          // Working days read 即办 when there are none; other measures are counts.
          const [was, now] = key === 'workingDays' ? [days(before), days(after)] : [`${before} ${unit}`.trim(), `${after} ${unit}`.trim()];
          return (
            <div key={key}>
              <dt>{t(`apply_m_${key}`)}</dt>
              <dd>
                <span aria-hidden><s>{was}</s> → <strong>{now}</strong></span>
                <span className="apply-sr-only">{t('apply_reductionSr', { was, now })}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}
