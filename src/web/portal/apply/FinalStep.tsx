/** What the last step shows when it is not the channel choice: advice for an ineligible situation, or the draft case to go on with. */
import { Alert, Button, Space, Typography } from 'antd';
import type { Plan } from '../../../core/planning/types.ts';
import { LinkButton } from '../../shared/LinkButton.tsx';
import { usePrefs } from '../../shared/prefs.tsx';
import { useFocusOnMount } from './useFocusOnMount.ts';

export function Ineligible({ plan, onBack }: { plan: Plan; onBack(): void }) {
  const { t } = usePrefs();
  const s = plan.situation;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section aria-labelledby="advice-title" className="apply-step">
      <Typography.Title level={3} id="advice-title" ref={heading} tabIndex={-1}>{t('apply_ineligibleTitle')}</Typography.Title>
      <Alert
        type="warning"
        showIcon
        title={<strong lang="zh-CN">{s?.name}</strong>}
        description={<Typography.Paragraph style={{ fontSize: '1.15em', marginBottom: 0 }}>{s?.advice ? <span lang="zh-CN">{s.advice}</span> : t('apply_ineligibleAdvice')}</Typography.Paragraph>}
      />
      <Typography.Paragraph style={{ marginTop: 12 }}>{t('apply_ineligibleHint')}</Typography.Paragraph>
      <Space wrap>
        <Button size="large" type="primary" onClick={onBack}>{t('apply_backToAnswers')}</Button>
        <LinkButton to={`/matters/${plan.matter.id}`} size="large">{t('apply_viewGuide')}</LinkButton>
      </Space>
    </section>
  );
}

export function OnlineContinue({ plan, busy, error, onOpen, onBack, back = false }: { plan: Plan; busy: boolean; error: string | null; onOpen(): void; onBack(): void; back?: boolean }) {
  const { t } = usePrefs();
  const ready = plan.complete && plan.situation?.eligible === true;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section aria-labelledby="continue-title" className="apply-step">
      <Typography.Title level={3} id="continue-title" ref={heading} tabIndex={-1}>{back ? t('apply_updated') : t('apply_draftCreated')}</Typography.Title>
      <Typography.Paragraph>{t('apply_checkPlan')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Space wrap>
        <Button size="large" onClick={onBack}>{t('apply_viewAnswers')}</Button>
        {ready && <Button size="large" type="primary" loading={busy} onClick={onOpen}>{back ? t('apply_backToReview') : t('apply_continue')}</Button>}
      </Space>
    </section>
  );
}
