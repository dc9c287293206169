/** Log-in for every role; afterwards each goes to its own face. */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { ApiError } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import { usePageTitle } from '../shared/usePageTitle.ts';

const HOME = { applicant: '/cases', window: '/window', reviewer: '/workbench', lead: '/workbench', admin: '/admin', auditor: '/admin' } as const;

export default function Login() {
  usePageTitle('登录');
  const { login } = useAuth();
  const { t } = usePrefs();
  const navigate = useNavigate();
  const next = new URLSearchParams(useLocation().search).get('next');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('login')}</Typography.Title>} style={{ maxWidth: 420, margin: '24px auto' }}>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
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
