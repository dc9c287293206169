/**
 * The guide's wide tables as cards on a phone: one card per item and per material, every column a line,
 * and each material's exemptions said in a sentence (who is spared it, and on what grounds).
 */
import { Card, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ExemptionKind, MaterialKind } from '../../../core/catalog/types.ts';
import { joinClauses } from '../../../core/planning/labels.ts';
import { fillNodes } from '../../shared/fillNodes.tsx';
import { days, formText } from '../../shared/planLabels.ts';
import { usePrefs } from '../../shared/prefs.tsx';
import { GuideFees, type CatalogueFees } from '../../shared/Fees.tsx';
import { GuideSample } from './MaterialKind.tsx';

export interface GuideItem { id: string; name: string; department: string; required: boolean; conditions: string[]; timeLimit: { promised: number; legal: number }; periods: { name: string; days: number }[]; fees: CatalogueFees }
export interface GuideMaterial { id: string; name: string; copies: number; form: string; when: string[]; exemptions: { kind: ExemptionKind; evidence: string }[]; deferrable: boolean; kind?: MaterialKind | null; sample?: string | null }

function Line({ label, children }: { label: string; children: ReactNode }) {
  return <><dt>{label}</dt><dd>{children}</dd></>;
}

export function ItemCards({ items, elder }: { items: GuideItem[]; elder: boolean }) {
  const { t } = usePrefs();
  return (
    <ul className="phone-cards" aria-label={t('items')}>
      {items.map((i) => (
        <li key={i.id}>
          <Card size="small">
            <Typography.Text strong lang="zh-CN">{i.name}</Typography.Text> {i.required ? <Tag color="red">{t('guide_required')}</Tag> : <Tag>{t('guide_optional')}</Tag>}
            <dl>
              <Line label={t('guide_department')}><span lang="zh-CN">{i.department}</span></Line>
              <Line label={t('guide_promised')}>{days(i.timeLimit.promised)}</Line>
              {i.conditions.length > 0 && <Line label={t('guide_conditions')}><span lang="zh-CN">{joinClauses(i.conditions)}</span></Line>}
              {!elder && <Line label={t('guide_legal')}>{days(i.timeLimit.legal)}</Line>}
              {!elder && i.periods.length > 0 && <Line label={t('guide_periodsShort')}>{i.periods.map((p) => <span key={p.name}><span lang="zh-CN">{p.name}</span> {t('guide_periodDays', { days: p.days })}{t('clauseSep')}</span>)}</Line>}
              {!elder && <Line label={t('guide_fees')}><GuideFees fees={i.fees} /></Line>}
            </dl>
          </Card>
        </li>
      ))}
    </ul>
  );
}

export function MaterialCards({ materials }: { materials: GuideMaterial[] }) {
  const { t } = usePrefs();
  return (
    <ul className="phone-cards" aria-label={t('materials')}>
      {materials.map((m) => (
        <li key={m.id}>
          <Card size="small">
            <Typography.Text strong lang="zh-CN" id={`material-card-${m.id}`}>{m.name}</Typography.Text>
            <span id={`material-card-${m.id}-tail`} hidden>{t('guide_exemptionsTail')}</span>
            <dl>
              <Line label={t('guide_copiesShort')}>{t('guide_copiesN', { n: m.copies, form: formText(m.form) })}</Line>
              {m.when.length > 0 && <Line label={t('guide_when')}><span lang="zh-CN">{joinClauses(m.when)}</span></Line>}
              {m.deferrable && <Line label={t('guide_deferrable')}>{t('guide_deferrableYes')}</Line>}
            </dl>
            <GuideSample m={m} />
            {m.exemptions.length > 0 && (
              <ul style={{ margin: '8px 0 0', paddingInlineStart: '1.2em' }} aria-labelledby={`material-card-${m.id} material-card-${m.id}-tail`}>
                {m.exemptions.map((x) => <li key={x.kind + x.evidence}>{fillNodes(t(`guide_exempt_${x.kind}`), { evidence: <span lang="zh-CN">{x.evidence}</span> })}</li>)}
              </ul>
            )}
          </Card>
        </li>
      ))}
    </ul>
  );
}
