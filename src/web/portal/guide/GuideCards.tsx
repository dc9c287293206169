/**
 * The guide's wide tables as cards on a phone: one card per item and per material, every column a line,
 * and each material's exemptions said in a sentence (who is spared it, and on what grounds).
 */
import { Card, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ExemptionKind } from '../../../core/catalog/types.ts';
import { joinClauses, workingDaysText } from '../../../core/planning/labels.ts';
import { exemptionSentence } from './exemptions.ts';

export interface GuideItem { id: string; name: string; department: string; required: boolean; conditions: string[]; timeLimit: { promised: number; legal: number }; periods: { name: string; days: number }[]; fees: { free: boolean } }
export interface GuideMaterial { id: string; name: string; copies: number; form: string; when: string[]; exemptions: { kind: ExemptionKind; evidence: string }[]; deferrable: boolean }

const FORM: Record<string, string> = { original: '原件', copy: '复印件', 'original-and-copy': '原件及复印件' };

function Line({ label, children }: { label: string; children: ReactNode }) {
  return <><dt>{label}</dt><dd>{children}</dd></>;
}

export function ItemCards({ items, elder }: { items: GuideItem[]; elder: boolean }) {
  return (
    <ul className="phone-cards" aria-label="涉及事项">
      {items.map((i) => (
        <li key={i.id}>
          <Card size="small">
            <Typography.Text strong>{i.name}</Typography.Text> {i.required ? <Tag color="red">必办</Tag> : <Tag>可选</Tag>}
            <dl>
              <Line label="部门">{i.department}</Line>
              <Line label="承诺时限">{workingDaysText(i.timeLimit.promised)}</Line>
              {i.conditions.length > 0 && <Line label="办理条件">{joinClauses(i.conditions)}</Line>}
              {!elder && <Line label="法定时限">{workingDaysText(i.timeLimit.legal)}</Line>}
              {!elder && i.periods.length > 0 && <Line label="公示、公告">{i.periods.map((p) => `${p.name} ${p.days} 天`).join('；')}</Line>}
              {!elder && <Line label="收费">{i.fees.free ? '不收费' : '收费'}</Line>}
            </dl>
          </Card>
        </li>
      ))}
    </ul>
  );
}

export function MaterialCards({ materials }: { materials: GuideMaterial[] }) {
  return (
    <ul className="phone-cards" aria-label="申请材料">
      {materials.map((m) => (
        <li key={m.id}>
          <Card size="small">
            <Typography.Text strong>{m.name}</Typography.Text>
            <dl>
              <Line label="份数">{`${m.copies} 份 ${FORM[m.form] ?? m.form}`}</Line>
              {m.when.length > 0 && <Line label="何时需要">{joinClauses(m.when)}</Line>}
              {m.deferrable && <Line label="容缺">可容缺后补</Line>}
            </dl>
            {m.exemptions.length > 0 && (
              <ul style={{ margin: '8px 0 0', paddingInlineStart: '1.2em' }} aria-label={`${m.name}：可免提交的情形`}>
                {m.exemptions.map((x) => <li key={x.kind + x.evidence}>{exemptionSentence(x.kind, x.evidence)}</li>)}
              </ul>
            )}
          </Card>
        </li>
      ))}
    </ul>
  );
}
