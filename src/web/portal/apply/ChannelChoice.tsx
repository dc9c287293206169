/** The last step of an eligible plan: apply online (one form, uploads) or go to the window with a list. */
import { Alert, Button, Card, Col, Row, Typography } from 'antd';
import type { Account } from '../../shared/auth.tsx';
import { fillNodes } from '../../shared/fillNodes.tsx';
import { usePrefs } from '../../shared/prefs.tsx';
import { useFocusOnMount } from './useFocusOnMount.ts';

export interface ChannelProps {
  account: Account | null;
  busy: boolean;
  error: string | null;
  onOnline(): void;
  onOffline(): void;
  onBack(): void;
}

export function ChannelChoice({ account, busy, error, onOnline, onOffline, onBack }: ChannelProps) {
  const { t } = usePrefs();
  const notApplicant = account !== null && account.role !== 'applicant';
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section aria-labelledby="channel-title" className="apply-step">
      <Typography.Title level={3} id="channel-title" ref={heading} tabIndex={-1}>{t('apply_channelTitle')}</Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={12}>
          <Card style={{ height: '100%' }}>
            <Typography.Title level={4}>{t('apply_online')}</Typography.Title>
            <Typography.Paragraph>{t('apply_onlineText')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              {account === null ? t('apply_needLogin')
                : notApplicant ? t('apply_notApplicant')
                : fillNodes(t('apply_loggedInAs'), { name: <span lang="zh-CN">{account.displayName}</span> })}
            </Typography.Paragraph>
            <Button type="primary" size="large" block loading={busy} disabled={notApplicant} onClick={onOnline}>
              {account === null ? t('apply_loginToApply') : t('apply_startOnline')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} sm={12}>
          <Card style={{ height: '100%' }}>
            <Typography.Title level={4}>{t('apply_window')}</Typography.Title>
            <Typography.Paragraph>{t('apply_windowText')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('apply_noLogin')}</Typography.Paragraph>
            <Button size="large" block onClick={onOffline}>{t('apply_makeList')}</Button>
          </Card>
        </Col>
      </Row>
      <Button size="large" style={{ marginTop: 16 }} onClick={onBack}>{t('apply_backToAnswers')}</Button>
    </section>
  );
}
