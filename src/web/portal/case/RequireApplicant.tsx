/** The applicant's pages need an applicant logged in; others get a way to log in and come back. */
import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useAuth } from '../../shared/auth.tsx';
import { LinkButton } from '../../shared/LinkButton.tsx';

export function RequireApplicant({ children, what }: { children: ReactNode; what: string }) {
  const { account, ready } = useAuth();
  const location = useLocation();
  if (!ready) return <Spin description="加载中…" />;
  const next = encodeURIComponent(location.pathname + location.search);
  if (!account) {
    return (
      <Result status="info" title="请先登录" subTitle={`登录后即可查看${what}。`}
        extra={<LinkButton to={`/login?next=${next}`} type="primary" size="large">登录</LinkButton>} />
    );
  }
  if (account.role !== 'applicant') {
    return (
      <Result status="warning" title="此页面供申请人使用" subTitle={`您当前以「${account.roleName}」身份登录，请使用申请人账号查看${what}。`}
        extra={<LinkButton to={`/login?next=${next}`}>切换账号</LinkButton>} />
    );
  }
  return <>{children}</>;
}
