/** Changing one's own password, for every role: the policy's rules checked as they are typed, the server's refusals shown as given. */
import { Alert, Button, Card, Form, Input, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { checkPassword, PASSWORD_MAX, PASSWORD_MIN } from '../../core/accounts/password.ts';
import { ApiError, post } from './api.ts';
import { useAuth, type Account } from './auth.tsx';
import { ERROR_TEXT, MUTED } from './form/muted.ts';
import { LinkButton } from './LinkButton.tsx';
import { usePrefs } from './prefs.tsx';
import { useAction } from './useAction.ts';
import { usePageTitle } from './usePageTitle.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The server names fields as body.<name>; the form's fields have the same names. */
const FIELDS = { 'body.currentPassword': 'currentPassword', 'body.newPassword': 'newPassword' } as const;

const OK_TEXT = { color: '#237804' };
const LIMITS = { min: PASSWORD_MIN, max: PASSWORD_MAX };

function Rules({ password, username }: { password: string; username: string }) {
  const { t } = usePrefs();
  return (
    <ul aria-label={t('pw_rules')} style={{ listStyle: 'none', paddingLeft: 0, margin: '0 0 16px' }}>
      {checkPassword(password, username).map((c) => {
        const met = password !== '' && c.ok;
        return (
          <li key={c.rule} style={password === '' ? MUTED : met ? OK_TEXT : ERROR_TEXT}>
            <span aria-hidden="true">{password === '' ? '○' : met ? '✓' : '✗'} </span>
            {t(`pw_rule_${c.rule}`, LIMITS)}
            {password !== '' && <span style={{ position: 'absolute', left: -10000 }}>{met ? t('pw_met') : t('pw_unmet')}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export default function ChangePassword() {
  const { t } = usePrefs();
  usePageTitle(t('changePassword'));
  const { account, ready } = useAuth();
  if (!ready) return <Spin description={t('loading')} />;
  if (!account) {
    return (
      <Result status="info" title={t('loginFirst')} subTitle={t('pw_loginSub')}
        extra={<LinkButton to={`/login?next=${encodeURIComponent('/account/password')}`} type="primary" size="large">{t('login')}</LinkButton>} />
    );
  }
  return <PasswordForm account={account} />;
}

function PasswordForm({ account }: { account: Account }) {
  const { t, lang } = usePrefs();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState<number | null>(null);
  const submit = async (v: Values) => {
    setDone(null);
    let ended = 0;
    const ok = await run(async () => {
      try {
        ended = (await post<{ sessionsEnded: number }>('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword })).sessionsEnded;
      } catch (e) {
        // Put each of the server's field messages under its field, besides the message above the form.
        if (e instanceof ApiError) {
          form.setFields(e.details.flatMap((d) => {
            const name = FIELDS[d.path as keyof typeof FIELDS];
            return name ? [{ name, errors: [d.message] }] : [];
          }));
        }
        throw e;
      }
    });
    if (ok) {
      form.resetFields();
      setDone(ended);
    }
  };
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('changePassword')}</Typography.Title>} style={{ maxWidth: 520, margin: '24px auto' }}>
      <Typography.Paragraph style={MUTED}>
        {t('pw_account')}<span lang="zh-CN">{account.displayName}</span>{lang === 'zh' ? '（' : ' ('}{account.username}{lang === 'zh' ? '）' : ')'}{t('pw_accountRest')}
      </Typography.Paragraph>
      {done !== null && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} role="status" message={t('pw_changed')}
          description={done > 0 ? t('pw_endedOthers', { n: done }) : t('pw_nextTime')} />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} role="alert" message={error} />}
      <Form form={form} layout="vertical" requiredMark={false} onValuesChange={() => setError(null)} onFinish={submit}>
        <Form.Item label={t('pw_current')} name="currentPassword" rules={[{ required: true, message: t('pw_currentRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label={t('pw_new')} name="newPassword" rules={[
          { required: true, message: t('pw_newRequired') },
          { validator: async (_, value: string | undefined) => {
            const broken = checkPassword(value ?? '', account.username).filter((c) => !c.ok);
            if (value && broken.length > 0) throw new Error(lang === 'zh' ? broken.map((c) => c.problem).join('；') : broken.map((c) => t(`pw_problem_${c.rule}`, LIMITS)).join(' '));
          } },
        ]}>
          <Input.Password autoComplete="new-password" aria-describedby="password-rules" />
        </Form.Item>
        <div id="password-rules"><Rules password={newPassword} username={account.username} /></div>
        <Form.Item label={t('pw_confirm')} name="confirmPassword" dependencies={['newPassword']} rules={[
          { required: true, message: t('pw_confirmRequired') },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('pw_mismatch'));
            },
          }),
        ]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>{t('changePassword')}</Button>
      </Form>
    </Card>
  );
}
