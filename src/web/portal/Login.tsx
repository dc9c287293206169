/** Log-in for every role; afterwards back to the page it was opened from, else each role's own face. */
import { Alert, Button, Card, Divider, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ProvidersAnswer } from '../../contracts/oidc.ts';
import { get } from '../shared/api.ts';
import { useLocation, useNavigate } from 'react-router-dom';
import type { ApiError } from '../shared/api.ts';
import { safeReturnTo, useAuth } from '../shared/auth.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import { usePageTitle } from '../shared/usePageTitle.ts';

const HOME = { applicant: '/cases', window: '/window', reviewer: '/workbench', lead: '/workbench', admin: '/admin', auditor: '/admin' } as const;
type OidcFailure = 'oidc-staff-unknown' | 'oidc-level-too-low' | 'oidc-provider-unavailable' | 'oidc-login-failed';
const OIDC_FAILURES = new Set<string>(['oidc-staff-unknown', 'oidc-level-too-low', 'oidc-provider-unavailable', 'oidc-login-failed']);

export default function Login() {
  const { login } = useAuth();
  const { t } = usePrefs();
  usePageTitle(t('login'));
  const navigate = useNavigate();
  const query = new URLSearchParams(useLocation().search);
  // Only a path of this site: a crafted link must not send someone elsewhere after logging in.
  const next = safeReturnTo(query.get('next') ?? query.get('returnTo'));
  // Back from a failed unified identity log-in: the server names the reason by code, the words are ours.
  const failure = query.get('oidcError');
  const [error, setError] = useState<string | null>(failure === null ? null : t(OIDC_FAILURES.has(failure) ? `login_oidc_${failure as OidcFailure}` : 'login_oidc_failed'));
  const [busy, setBusy] = useState(false);
  // Which unified identity log-ins this deployment has on; none: only the password form shows.
  const [providers, setProviders] = useState<ProvidersAnswer>({ applicant: false, staff: false });
  useEffect(() => {
    get<ProvidersAnswer>('/api/auth/providers').then(setProviders, () => undefined);
  }, []);
  // A full navigation: the server answers with a redirect to the identity service.
  const oidcStart = (audience: 'applicant' | 'staff') => `/api/auth/oidc/${audience}/start${next ? `?returnTo=${encodeURIComponent(next)}` : ''}`;
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('login')}</Typography.Title>} style={{ maxWidth: 420, margin: '24px auto' }}>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
      {(providers.applicant || providers.staff) && (
        <>
          <Space direction="vertical" style={{ width: '100%' }}>
            {providers.applicant && <Button type="primary" block href={oidcStart('applicant')}>{t('login_oidc_applicant')}</Button>}
            {providers.staff && <Button block href={oidcStart('staff')}>{t('login_oidc_staff')}</Button>}
          </Space>
          <Divider plain>{t('login_oidc_or')}</Divider>
        </>
      )}
      <Form layout="vertical" onFinish={async (v: { username: string; password: string }) => {
        setBusy(true);
        try {
          const account = await login(v.username, v.password);
          navigate(next ?? HOME[account.role]);
        } catch (e) {
          setError((e as ApiError).message);
        } finally {
          setBusy(false);
        }
      }}>
        <Form.Item label={t('username')} name="username" rules={[{ required: true, message: t('login_usernameRequired') }]}><Input autoComplete="username" /></Form.Item>
        <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('login_passwordRequired') }]}><Input.Password autoComplete="current-password" /></Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>{t('login')}</Button>
      </Form>
    </Card>
  );
}
