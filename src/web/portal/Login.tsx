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
/** Words for the unified identity service buttons (Chinese first); kept here, beside the only page that shows them. */
const OIDC_TEXT = {
  zh: {
    applicant: '使用统一身份认证登录', staff: '工作人员统一身份认证登录', or: '或使用本平台账号登录',
    failed: '统一身份认证登录未成功，请重新登录', 'oidc-staff-unknown': '您在本平台还没有工作人员账号，请联系系统管理员开通后再登录',
    'oidc-level-too-low': '您的实名等级不足，请先在统一身份认证提升实名等级后再登录', 'oidc-provider-unavailable': '统一身份认证服务暂时无法访问，请稍后再试或使用本平台账号登录',
    'oidc-login-failed': '已取消或未完成统一身份认证登录',
  },
  en: {
    applicant: 'Log in with unified identity', staff: 'Staff single sign-on', or: 'or log in with a platform account',
    failed: 'Unified identity log-in did not succeed; please try again', 'oidc-staff-unknown': 'You have no staff account on this platform yet; ask the administrator to open one',
    'oidc-level-too-low': 'Your real-name verification level is too low; raise it at the unified identity service first', 'oidc-provider-unavailable': 'The unified identity service cannot be reached; try again later or use a platform account',
    'oidc-login-failed': 'The unified identity log-in was cancelled or not completed',
  },
} as const;
type OidcFailure = 'oidc-staff-unknown' | 'oidc-level-too-low' | 'oidc-provider-unavailable' | 'oidc-login-failed';
const OIDC_FAILURES = new Set<string>(['oidc-staff-unknown', 'oidc-level-too-low', 'oidc-provider-unavailable', 'oidc-login-failed']);

export default function Login() {
  usePageTitle('登录');
  const { login } = useAuth();
  const { t, lang } = usePrefs();
  const navigate = useNavigate();
  const query = new URLSearchParams(useLocation().search);
  // Only a path of this site: a crafted link must not send someone elsewhere after logging in.
  const next = safeReturnTo(query.get('next') ?? query.get('returnTo'));
  // Back from a failed unified identity log-in: the server names the reason by code, the words are ours.
  const failure = query.get('oidcError');
  const [error, setError] = useState<string | null>(failure === null ? null : OIDC_TEXT[lang][OIDC_FAILURES.has(failure) ? failure as OidcFailure : 'failed']);
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
            {providers.applicant && <Button type="primary" block href={oidcStart('applicant')}>{OIDC_TEXT[lang].applicant}</Button>}
            {providers.staff && <Button block href={oidcStart('staff')}>{OIDC_TEXT[lang].staff}</Button>}
          </Space>
          <Divider plain>{OIDC_TEXT[lang].or}</Divider>
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
        <Form.Item label={t('username')} name="username" rules={[{ required: true, message: '请输入用户名' }]}><Input autoComplete="username" /></Form.Item>
        <Form.Item label={t('password')} name="password" rules={[{ required: true, message: '请输入密码' }]}><Input.Password autoComplete="current-password" /></Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>{t('login')}</Button>
      </Form>
    </Card>
  );
}
