/** The page frame of every face: brand, navigation, language and elder-mode switches. */
import { Button, ConfigProvider, Layout, Space, theme, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { MouseEvent, ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Assistant } from '../portal/assistant/Assistant.tsx';
import { SubjectSwitcher } from '../portal/SubjectSwitcher.tsx';
import { loginHref, useAuth } from './auth.tsx';
import { ElderToggle } from './ElderToggle.tsx';
import { TabBar } from './phone/TabBar.tsx';
import { usePhone } from './phone/usePhone.ts';
import { usePrefs } from './prefs.tsx';

/**
 * Ant Design's defaults for secondary text, links, placeholders and status colours fall short of
 * WCAG AA (4.5:1) on white and on the grey page background: darker shades of the same hues.
 */
const CONTRAST = {
  colorTextSecondary: 'rgba(0, 0, 0, 0.68)', colorTextTertiary: 'rgba(0, 0, 0, 0.64)', colorTextDescription: 'rgba(0, 0, 0, 0.64)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)', colorLink: '#0050b3', colorLinkHover: '#003a8c', colorInfo: '#0050b3',
  colorSuccess: '#237804', colorWarning: '#ad4e00', colorError: '#a8071a',
} as const;

/** The skip link moves focus itself: a bare #main would also work, but would leave the hash in the address. */
function skipToMain(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  const main = document.getElementById('main');
  main?.focus();
  main?.scrollIntoView();
}

export function Shell({ children }: { children: ReactNode }) {
  const { lang, setLang, elder, t } = usePrefs();
  const { account, logout } = useAuth();
  const navigate = useNavigate();
  // On a phone the applicant face trades the wrapping header for one row and a bottom tab bar; staff keep theirs.
  const tabs = usePhone() && (!account || account.role === 'applicant');
  const switches = (
    <>
      <ElderToggle />
      {/* The switch names the other language in that language, and says so. */}
      <Button size="small" lang={lang === 'zh' ? 'en' : 'zh-CN'} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('language')}</Button>
    </>
  );
  const elderTheme = elder ? { fontSize: 20, colorText: '#000000', colorPrimary: '#0b3d91', controlHeight: 48, colorTextSecondary: '#1f1f1f', colorTextDescription: '#1f1f1f' } : {};
  return (
    // Button names stay as written (受理, not 受 理): what the user reads is what a screen reader says.
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ algorithm: theme.defaultAlgorithm, token: { colorPrimary: '#c0392b', ...CONTRAST, ...elderTheme } }} button={{ autoInsertSpace: false }}>
      <Layout style={{ minHeight: '100vh' }} className={tabs ? 'phone-face' : undefined}>
        <a href="#main" className="skip-link" onClick={skipToMain}>{t('skipToMain')}</a>
        <Layout.Header style={{ background: '#c0392b', paddingInline: 16, height: 'auto', lineHeight: 1.4, paddingBlock: 10 }}>
          {tabs ? (
            <nav aria-label={t('mainNav')} className="phone-header">
              <Link to="/" style={{ color: '#fff', fontSize: elder ? 22 : 18, fontWeight: 700 }}>{t('brand')}</Link>
              <Space size="small">
                {switches}
              </Space>
            </nav>
          ) : (
          <nav aria-label={t('mainNav')} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, justifyContent: 'space-between' }}>
            <Link to="/" style={{ color: '#fff', fontSize: elder ? 26 : 20, fontWeight: 700 }}>{t('brand')}</Link>
            <Space wrap size="small">
              {account?.role === 'applicant' && <Link to="/cases" style={{ color: '#fff' }}>{t('myCases')}</Link>}
              {account?.role === 'applicant' && <Link to="/wallet" style={{ color: '#fff' }}>{t('wallet')}</Link>}
              <SubjectSwitcher />
              {account?.role === 'window' && <Link to="/window" style={{ color: '#fff' }}>{t('navWindow')}</Link>}
              {(account?.role === 'reviewer' || account?.role === 'lead') && <Link to="/workbench" style={{ color: '#fff' }}>{t('navWorkbench')}</Link>}
              {account && account.role !== 'applicant' && <Link to="/admin" style={{ color: '#fff' }}>{account.role === 'window' ? t('navChangeRequests') : t('navAdmin')}</Link>}
              {switches}
              {account && <Link to="/account/password" style={{ color: '#fff' }}>{t('changePassword')}</Link>}
              {account
                ? <Button size="small" onClick={() => logout().then(() => navigate('/'))}><span>{t('logout')}{lang === 'zh' ? '（' : ' ('}<span lang="zh-CN">{account.displayName}</span>{lang === 'zh' ? '）' : ')'}</span></Button>
                : <Button size="small" onClick={() => navigate(loginHref())}>{t('login')}</Button>}
            </Space>
          </nav>
          )}
        </Layout.Header>
        {/* A plain main: Layout.Content is a main element too, and a page has one. */}
        <main id="main" tabIndex={-1} className="shell-main">{children}</main>
        <Layout.Footer style={{ textAlign: 'center' }}>
          <Typography.Text type="secondary">{t('slogan')} · {t('footerHotline')}</Typography.Text>
        </Layout.Footer>
        <Assistant />
        {tabs && <TabBar />}
      </Layout>
    </ConfigProvider>
  );
}
