/** The plan in a few lines: the situation, the items handled together, and what the applicant is spared. */
import { Alert, Card, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Plan } from './types.ts';
import { days } from '../../shared/planLabels.ts';
import { MUTED } from '../../shared/form/muted.ts';
import { Zh } from '../../shared/fillNodes.tsx';
import { usePrefs } from '../../shared/prefs.tsx';

export function PlanSummary({ plan, matterId }: { plan: Plan; matterId: string }) {
  const { t } = usePrefs();
  const r = plan.reductions;
  const spared = [
    r.trips.before > r.trips.after ? t('ps_trips', { n: r.trips.before - r.trips.after }) : null,
    r.forms.before > r.forms.after ? t('ps_forms', { n: r.forms.before - r.forms.after }) : null,
    r.fields.before > r.fields.after ? t('ps_fields', { n: r.fields.before - r.fields.after }) : null,
    r.materials.before > r.materials.after ? t('ps_materials', { n: r.materials.before - r.materials.after }) : null,
  ].filter(Boolean);
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('ps_title')}</h3>}>
      {!plan.complete && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('ps_unanswered')}
          description={<>{t('ps_answerFirst')}<Zh>{plan.nextQuestion?.text ?? ''}</Zh>{t('ps_please')}<Link to={`/matters/${matterId}/apply`}>{t('ps_reanswer')}</Link>{t('case_period')}</>} />
      )}
      {plan.situation && (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            <Typography.Text strong>{t('ps_yourSituation')}</Typography.Text><Zh>{plan.situation.name}</Zh>
            {plan.situation.eligible ? <Tag color="green" style={{ marginInlineStart: 8 }}>{t('ps_oneGo')}</Tag> : <Tag color="red" style={{ marginInlineStart: 8 }}>{t('ps_notJoint')}</Tag>}
          </Typography.Paragraph>
          {plan.situation.description && <Typography.Paragraph style={MUTED} lang="zh-CN">{plan.situation.description}</Typography.Paragraph>}
          {!plan.situation.eligible && plan.situation.advice && <Alert type="error" showIcon title={<Zh>{plan.situation.advice}</Zh>} style={{ marginBottom: 12 }} />}
        </>
      )}
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('ps_oneForm', { n: plan.items.length })}</Typography.Text>
        {plan.timeLimit.workingDays === 0 ? t('ps_sameDay') : t('ps_within', { days: days(plan.timeLimit.workingDays) })}
      </Typography.Paragraph>
      <ol style={{ paddingInlineStart: '1.5em', marginTop: 0 }}>
        {plan.items.map((i) => (
          <li key={i.id} style={{ marginBottom: 6 }}>
            <div lang="zh-CN">{i.name}</div>
            <Typography.Text style={MUTED}><Zh>{i.department.name}</Zh> · {days(i.timeLimit.promised)} · {t('ps_result')}<Zh>{i.result.name}</Zh></Typography.Text>
          </li>
        ))}
      </ol>
      {plan.notChosen.length > 0 && (
        <Typography.Paragraph style={MUTED}>
          {t('ps_notChosen')}<Zh>{plan.notChosen.map((n) => n.name).join('、')}</Zh>{t('case_period')}
        </Typography.Paragraph>
      )}
      {spared.length > 0 && <Typography.Paragraph style={{ marginBottom: 0 }}>{t('ps_compared')}{spared.join(' · ')}{t('case_period')}</Typography.Paragraph>}
    </Card>
  );
}
