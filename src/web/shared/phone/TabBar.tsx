/**
 * The applicant face's bottom tab bar on a phone: 首页, 办件, 卡包, 我的. 我的 is the log-in link for a
 * visitor and, once logged in, a sheet with the account's own actions (the header has no room for them).
 */
import { Button, Drawer, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { SubjectSwitcher } from '../../portal/SubjectSwitcher.tsx';
import { usePrefs } from '../prefs.tsx';
import './phone.css';

/** Outline icons, drawn for this bar only (decorative: each tab is named by its word). */
const ICONS: Record<string, ReactNode> = {
  home: <path d="M3 11 12 4l9 7M5 10v10h5v-6h4v6h5V10" />,
  cases: <path d="M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7" />,
  wallet: <path d="M3 7h18v12H3zM3 11h18M7 15h4" />,
  me: <path d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c1-4 4-6 8-6s7 2 8 6" />,
};

function Icon({ name }: { name: string }) {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {ICONS[name]}
    </svg>
  );
}

export function TabBar() {
  const { t, lang } = usePrefs();
  const { account, logout } = useAuth();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [sheet, setSheet] = useState(false);
  const here = encodeURIComponent(pathname + search);
  return (
    <>
      <nav aria-label={t('tabNav')} className="phone-tabs">
        <NavLink to="/" end><Icon name="home" />{t('tabHome')}</NavLink>
        <NavLink to="/cases"><Icon name="cases" />{t('tabCases')}</NavLink>
        <NavLink to="/wallet"><Icon name="wallet" />{t('tabWallet')}</NavLink>
        {account
          ? <button type="button" aria-haspopup="dialog" aria-expanded={sheet} onClick={() => setSheet(true)}><Icon name="me" />{t('tabMe')}</button>
          // From the home page each role goes on to its own face; from elsewhere, back to where it was.
          : <NavLink to={pathname === '/login' ? `/login${search}` : pathname === '/' ? '/login' : `/login?next=${here}`}><Icon name="me" />{t('tabMe')}</NavLink>}
      </nav>
      <Drawer open={sheet} onClose={() => setSheet(false)} placement="bottom" size="auto" title={t('tabMe')} closable={{ 'aria-label': t('close') }}>
        {account && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Text strong lang="zh-CN">{account.displayName}</Typography.Text>
            <SubjectSwitcher tone="light" />
            <Link to="/account/password" onClick={() => setSheet(false)}>{t('changePassword')}</Link>
            <Button block size="large" onClick={() => { setSheet(false); void logout().then(() => navigate('/')); }}>{/* One child: the button lays its children out as flex items, which would put spaces in its name. */}<span>{t('logout')}{lang === 'zh' ? '（' : ' ('}<span lang="zh-CN">{account.displayName}</span>{lang === 'zh' ? '）' : ')'}</span></Button>
          </Space>
        )}
      </Drawer>
    </>
  );
}
