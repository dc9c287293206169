/** Changing one's own password, for every role: the policy's rules checked as they are typed, the server's refusals shown as given. */
import { Alert, Button, Card, Form, Input, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { checkPassword, passwordProblems } from '../../core/accounts/password.ts';
import { ApiError, post } from './api.ts';
import { useAuth, type Account } from './auth.tsx';
import { ERROR_TEXT, MUTED } from './form/muted.ts';
import { LinkButton } from './LinkButton.tsx';
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

function Rules({ password, username }: { password: string; username: string }) {
  return (
    <ul aria-label="密码要求" style={{ listStyle: 'none', paddingLeft: 0, margin: '0 0 16px' }}>
      {checkPassword(password, username).map((c) => {
        const met = password !== '' && c.ok;
        return (
          <li key={c.rule} style={password === '' ? MUTED : met ? OK_TEXT : ERROR_TEXT}>
            <span aria-hidden="true">{password === '' ? '○' : met ? '✓' : '✗'} </span>
            {c.text}
            {password !== '' && <span style={{ position: 'absolute', left: -10000 }}>{met ? '（已满足）' : '（未满足）'}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export default function ChangePassword() {
  usePageTitle('修改密码');
  const { account, ready } = useAuth();
  if (!ready) return <Spin description="加载中…" />;
  if (!account) {
    return (
      <Result status="info" title="请先登录" subTitle="登录后即可修改密码。"
        extra={<LinkButton to={`/login?next=${encodeURIComponent('/account/password')}`} type="primary" size="large">登录</LinkButton>} />
    );
  }
  return <PasswordForm account={account} />;
}

function PasswordForm({ account }: { account: Account }) {
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
    <Card title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>修改密码</Typography.Title>} style={{ maxWidth: 520, margin: '24px auto' }}>
      <Typography.Paragraph style={MUTED}>
        账号：{account.displayName}（{account.username}）。修改成功后，本账号在其他浏览器或设备上的登录将全部退出，当前登录保持有效。
      </Typography.Paragraph>
      {done !== null && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} role="status" message="密码已修改"
          description={done > 0 ? `已退出本账号的其他 ${done} 处登录。下次登录请使用新密码。` : '下次登录请使用新密码。'} />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} role="alert" message={error} />}
      <Form form={form} layout="vertical" requiredMark={false} onValuesChange={() => setError(null)} onFinish={submit}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={[
          { required: true, message: '请输入新密码' },
          { validator: async (_, value: string | undefined) => {
            const problems = passwordProblems(value ?? '', account.username);
            if (value && problems.length > 0) throw new Error(problems.join('；'));
          } },
        ]}>
          <Input.Password autoComplete="new-password" aria-describedby="password-rules" />
        </Form.Item>
        <div id="password-rules"><Rules password={newPassword} username={account.username} /></div>
        <Form.Item label="确认新密码" name="confirmPassword" dependencies={['newPassword']} rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>修改密码</Button>
      </Form>
    </Card>
  );
}
