/** The applicant's pages need an applicant logged in; others get a way to log in and come back. */
import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useAuth } from '../../shared/auth.tsx';
import { LinkButton } from '../../shared/LinkButton.tsx';
import { fillNodes, Zh } from '../../shared/fillNodes.tsx';
import { usePrefs } from '../../shared/prefs.tsx';

export function RequireApplicant({ children, what }: { children: ReactNode; what: string }) {
  const { t } = usePrefs();
  const { account, ready } = useAuth();
  const location = useLocation();
  if (!ready) return <Spin description={t('loading')} />;
  const next = encodeURIComponent(location.pathname + location.search);
  if (!account) {
    return (
      <Result status="info" title={t('loginFirst')} subTitle={t('req_loginSub', { what })}
        extra={<LinkButton to={`/login?next=${next}`} type="primary" size="large">{t('login')}</LinkButton>} />
    );
  }
  if (account.role !== 'applicant') {
    return (
      <Result status="warning" title={t('req_notApplicant')} subTitle={fillNodes(t('req_notApplicantSub', { what }), { role: <Zh>{account.roleName}</Zh> })}
        extra={<LinkButton to={`/login?next=${next}`}>{t('req_switch')}</LinkButton>} />
    );
  }
  return <>{children}</>;
}
