/** The live plan beside the questions: situation and why, items to choose, materials, time limit, reductions. */
import { Alert, Card, Checkbox, Divider, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { fillNodes, Zh } from '../../shared/fillNodes.tsx';
import { days, WHY } from '../../shared/planLabels.ts';
import { usePrefs } from '../../shared/prefs.tsx';
import { word } from '../../shared/words.ts';
import type { Plan, PlannedItem } from '../../../core/planning/types.ts';
import { PlanMaterials, Reductions } from './PlanMaterials.tsx';
import { Folded, MoreGroup, MoreToggle } from '../elder/More.tsx';

export function planSummary(p: Plan): ReactNode {
  if (p.situation && !p.situation.eligible) return fillNodes(word('apply_summaryIneligible'), { situation: <Zh>{p.situation.name}</Zh> });
  const required = p.materials.filter((m) => m.status === 'required').length;
  const exempt = p.materials.length - required;
  const head = p.complete && p.situation ? fillNodes(word('apply_summarySituation'), { situation: <Zh>{p.situation.name}</Zh> }) : word('apply_summarySoFar');
  return <>{head}{word('apply_summaryBody', { items: p.items.length, required, exempt, days: days(p.timeLimit.workingDays) })}</>;
}

function ItemRow({ item, names, onToggle }: { item: PlannedItem; names: Map<string, string>; onToggle(id: string, on: boolean): void }) {
  const { t } = usePrefs();
  const why = WHY[item.why];
  const body = (
    <span>
      <span style={{ fontWeight: 500 }} lang="zh-CN">{item.name}</span> <Tag color={why.color}>{why.label}</Tag>
      <Folded as="span">
        <br />
        <Typography.Text type="secondary">
          <Zh>{item.department.name}</Zh> · {t('apply_stepOf', { n: item.stage + 1 })} · {days(item.timeLimit.promised)}
          {item.why === 'needed-by' && fillNodes(t('apply_neededBy'), { names: <Zh>{(item.neededBy ?? []).map((n) => names.get(n) ?? n).join('」「')}</Zh> })}
        </Typography.Text>
      </Folded>
    </span>
  );
  return (
    <li style={{ padding: '6px 0' }}>
      {item.optional
        ? <Checkbox checked disabled={item.why === 'needed-by'} onChange={(e) => onToggle(item.id, e.target.checked)} ><span className="visually-hidden">{t('apply_alsoDo', { name: '' })}</span>{body}</Checkbox>
        : body}
    </li>
  );
}

export function PlanPanel({ plan, onToggle, busy, notice }: { plan: Plan; onToggle(id: string, on: boolean): void; busy?: boolean; notice?: string }) {
  const { t, elder } = usePrefs();
  const names = new Map(plan.items.map((i) => [i.id, i.name]));
  const s = plan.situation;
  const ineligible = s !== null && !s.eligible;
  const list = { listStyle: 'none', margin: 0, padding: 0 } as const;
  return (
    <MoreGroup>
    <Card className="apply-plan" title={<Typography.Title level={3} id="plan-title" style={{ margin: 0 }}>{t('apply_yourPlan')} {busy && <Spin size="small" />}</Typography.Title>}>
      <section aria-labelledby="plan-title">
        <Typography.Paragraph strong aria-live="polite" role="status">{planSummary(plan)}</Typography.Paragraph>
        <MoreToggle />
        {notice && <Alert type="info" showIcon title={notice} style={{ marginBottom: 12 }} />}
        {ineligible && (
          <Alert type="error" showIcon title={<strong><Zh>{s.name}</Zh>{t('apply_cannotJoin')}</strong>} description={<div style={{ fontSize: '1.1em' }} lang="zh-CN">{s.advice}</div>} style={{ marginBottom: 12 }} />
        )}
        {s && !ineligible && (
          <>
            <Typography.Title level={4}>{t('apply_situation')} <Tag color="green">{t('apply_canJoin')}</Tag></Typography.Title>
            <Typography.Paragraph style={{ marginBottom: 4 }}><strong lang="zh-CN">{s.name}</strong></Typography.Paragraph>
            {s.description && <Folded><Typography.Paragraph lang="zh-CN">{s.description}</Typography.Paragraph></Folded>}
          </>
        )}
        {s && s.why.length > 0 && (
          <Folded>
            <details style={{ marginBottom: 12 }}>
              <summary style={{ cursor: 'pointer' }}>{t('apply_whySituation')}</summary>
              <ul lang="zh-CN">{s.why.map((w) => <li key={w}>{w}</li>)}</ul>
            </details>
          </Folded>
        )}
        {!ineligible && (
          <>
            <Typography.Title level={4}>{t('apply_itemsAtOnce', { n: plan.items.length })} {!plan.complete && <Tag>{t('apply_afterAnswers')}</Tag>}</Typography.Title>
            <ul style={list}>{plan.items.map((i) => <ItemRow key={i.id} item={i} names={names} onToggle={onToggle} />)}</ul>
            {plan.notChosen.length > 0 && (
              <>
                <Typography.Text type="secondary">{t('apply_alsoCan')}</Typography.Text>
                <ul style={list}>
                  {plan.notChosen.map((i) => (
                    <li key={i.id} style={{ padding: '6px 0' }}>
                      <Checkbox checked={false} onChange={(e) => onToggle(i.id, e.target.checked)}>
                        <span className="visually-hidden">{t('apply_alsoDo', { name: '' })}</span><Zh>{i.name}</Zh> <Folded as="span"><Typography.Text type="secondary">· <Zh>{i.department.name}</Zh></Typography.Text></Folded>
                      </Checkbox>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <Divider style={{ margin: '12px 0' }} />
            <PlanMaterials materials={plan.materials} />
            <Divider style={{ margin: '12px 0' }} />
            <Typography.Title level={4}>{t('apply_timeLimit')}</Typography.Title>
            {/* 长辈模式: the promised time in one short sentence; the legal limit and what is saved behind 更多说明. */}
            <Typography.Paragraph>{t('apply_promise')}<strong>{days(plan.timeLimit.workingDays)}</strong>{elder ? t('apply_promisedEnd') : t('apply_promiseRest', { legal: days(plan.timeLimit.legalWorkingDays) })}</Typography.Paragraph>
            <Folded>
              {elder && <Typography.Paragraph>{t('apply_promise')}<strong>{days(plan.timeLimit.workingDays)}</strong>{t('apply_promiseRest', { legal: days(plan.timeLimit.legalWorkingDays) })}</Typography.Paragraph>}
              <Reductions plan={plan} />
            </Folded>
          </>
        )}
      </section>
    </Card>
    </MoreGroup>
  );
}
