/** The live plan beside the questions: situation and why, items to choose, materials, time limit, reductions. */
import { Alert, Card, Checkbox, Divider, Spin, Tag, Typography } from 'antd';
import { days, WHY } from '../../shared/planLabels.ts';
import type { Plan, PlannedItem } from '../../../core/planning/types.ts';
import { PlanMaterials, Reductions } from './PlanMaterials.tsx';

export function planSummary(p: Plan): string {
  if (p.situation && !p.situation.eligible) return `按您的回答，属于「${p.situation.name}」，不能通过本一件事联办，请看下方的办理建议。`;
  const required = p.materials.filter((m) => m.status === 'required').length;
  const exempt = p.materials.length - required;
  const head = p.complete && p.situation ? `办理情形：${p.situation.name}。` : '按目前的回答：';
  return `${head}一次办理 ${p.items.length} 个事项，需提交 ${required} 项材料（${exempt} 项免提交），承诺 ${days(p.timeLimit.workingDays)}办结。`;
}

function ItemRow({ item, names, onToggle }: { item: PlannedItem; names: Map<string, string>; onToggle(id: string, on: boolean): void }) {
  const why = WHY[item.why];
  const body = (
    <span>
      <span style={{ fontWeight: 500 }}>{item.name}</span> <Tag color={why.color}>{why.label}</Tag>
      <br />
      <Typography.Text type="secondary">
        {item.department.name} · 第 {item.stage + 1} 步 · {days(item.timeLimit.promised)}
        {item.why === 'needed-by' && `；「${(item.neededBy ?? []).map((n) => names.get(n) ?? n).join('」「')}」需要它的结果，不能取消`}
      </Typography.Text>
    </span>
  );
  return (
    <li style={{ padding: '6px 0' }}>
      {item.optional
        ? <Checkbox checked disabled={item.why === 'needed-by'} onChange={(e) => onToggle(item.id, e.target.checked)} aria-label={`一并办理：${item.name}`}>{body}</Checkbox>
        : body}
    </li>
  );
}

export function PlanPanel({ plan, onToggle, busy, notice }: { plan: Plan; onToggle(id: string, on: boolean): void; busy?: boolean; notice?: string }) {
  const names = new Map(plan.items.map((i) => [i.id, i.name]));
  const s = plan.situation;
  const ineligible = s !== null && !s.eligible;
  const list = { listStyle: 'none', margin: 0, padding: 0 } as const;
  return (
    <Card className="apply-plan" title={<Typography.Title level={3} id="plan-title" style={{ margin: 0 }}>您的办理方案 {busy && <Spin size="small" />}</Typography.Title>}>
      <section aria-labelledby="plan-title">
        <Typography.Paragraph strong aria-live="polite" role="status">{planSummary(plan)}</Typography.Paragraph>
        {notice && <Alert type="info" showIcon title={notice} style={{ marginBottom: 12 }} />}
        {ineligible && (
          <Alert type="error" showIcon title={<strong>{s.name}：不能通过本一件事联办</strong>} description={<div style={{ fontSize: '1.1em' }}>{s.advice}</div>} style={{ marginBottom: 12 }} />
        )}
        {s && !ineligible && (
          <>
            <Typography.Title level={4}>办理情形 <Tag color="green">可以联办</Tag></Typography.Title>
            <Typography.Paragraph style={{ marginBottom: 4 }}><strong>{s.name}</strong></Typography.Paragraph>
            {s.description && <Typography.Paragraph>{s.description}</Typography.Paragraph>}
          </>
        )}
        {s && s.why.length > 0 && (
          <details style={{ marginBottom: 12 }}>
            <summary style={{ cursor: 'pointer' }}>为什么是这个情形</summary>
            <ul>{s.why.map((w) => <li key={w}>{w}</li>)}</ul>
          </details>
        )}
        {!ineligible && (
          <>
            <Typography.Title level={4}>一次办理 {plan.items.length} 个事项 {!plan.complete && <Tag>回答完问题后确定</Tag>}</Typography.Title>
            <ul style={list}>{plan.items.map((i) => <ItemRow key={i.id} item={i} names={names} onToggle={onToggle} />)}</ul>
            {plan.notChosen.length > 0 && (
              <>
                <Typography.Text type="secondary">也可以一并办理（勾选即加入）：</Typography.Text>
                <ul style={list}>
                  {plan.notChosen.map((i) => (
                    <li key={i.id} style={{ padding: '6px 0' }}>
                      <Checkbox checked={false} onChange={(e) => onToggle(i.id, e.target.checked)} aria-label={`一并办理：${i.name}`}>
                        {i.name} <Typography.Text type="secondary">· {i.department.name}</Typography.Text>
                      </Checkbox>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <Divider style={{ margin: '12px 0' }} />
            <PlanMaterials materials={plan.materials} />
            <Divider style={{ margin: '12px 0' }} />
            <Typography.Title level={4}>办理时限</Typography.Title>
            <Typography.Paragraph>承诺 <strong>{days(plan.timeLimit.workingDays)}</strong>办结（法定 {days(plan.timeLimit.legalWorkingDays)}），部分事项同时办理。</Typography.Paragraph>
            <Reductions plan={plan} />
          </>
        )}
      </section>
    </Card>
  );
}
