/** The plan in a few lines: the situation, the items handled together, and what the applicant is spared. */
import { Alert, Card, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Plan } from './types.ts';
import { days } from '../../shared/planLabels.ts';
import { MUTED } from '../../shared/form/muted.ts';
import { workingDaysText } from '../../../core/planning/labels.ts';

export function PlanSummary({ plan, matterId }: { plan: Plan; matterId: string }) {
  const r = plan.reductions;
  const spared = [
    r.trips.before > r.trips.after ? `少跑 ${r.trips.before - r.trips.after} 次` : null,
    r.forms.before > r.forms.after ? `少填 ${r.forms.before - r.forms.after} 张表` : null,
    r.fields.before > r.fields.after ? `少填 ${r.fields.before - r.fields.after} 项信息` : null,
    r.materials.before > r.materials.after ? `少交 ${r.materials.before - r.materials.after} 份材料` : null,
  ].filter(Boolean);
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>办理方案</h3>}>
      {!plan.complete && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="还有问题没有回答"
          description={<>需要先回答：{plan.nextQuestion?.text ?? ''} 请<Link to={`/matters/${matterId}/apply`}>重新回答问题并开始申请</Link>。</>} />
      )}
      {plan.situation && (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            <Typography.Text strong>您的情形：</Typography.Text>{plan.situation.name}
            {plan.situation.eligible ? <Tag color="green" style={{ marginInlineStart: 8 }}>可一次办理</Tag> : <Tag color="red" style={{ marginInlineStart: 8 }}>不能联办</Tag>}
          </Typography.Paragraph>
          {plan.situation.description && <Typography.Paragraph style={MUTED}>{plan.situation.description}</Typography.Paragraph>}
          {!plan.situation.eligible && plan.situation.advice && <Alert type="error" showIcon title={plan.situation.advice} style={{ marginBottom: 12 }} />}
        </>
      )}
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text strong>一张表、一次提交，同时办理以下 {plan.items.length} 个事项</Typography.Text>
        ，{plan.timeLimit.workingDays === 0 ? '即办即结' : `承诺 ${workingDaysText(plan.timeLimit.workingDays)}内全部办结`}：
      </Typography.Paragraph>
      <ol style={{ paddingInlineStart: '1.5em', marginTop: 0 }}>
        {plan.items.map((i) => (
          <li key={i.id} style={{ marginBottom: 6 }}>
            <div>{i.name}</div>
            <Typography.Text style={MUTED}>{i.department.name} · {days(i.timeLimit.promised)} · 办理结果：{i.result.name}</Typography.Text>
          </li>
        ))}
      </ol>
      {plan.notChosen.length > 0 && (
        <Typography.Paragraph style={MUTED}>
          可以一并办理但未选择：{plan.notChosen.map((n) => n.name).join('、')}。
        </Typography.Paragraph>
      )}
      {spared.length > 0 && <Typography.Paragraph style={{ marginBottom: 0 }}>与分别办理相比：{spared.join(' · ')}。</Typography.Paragraph>}
    </Card>
  );
}
