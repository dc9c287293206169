/**
 * 法人切换 in the frame: whom the applicant acts as now (本人 or one of the enterprises the unified
 * identity service lets them act for), and a choice to switch. Shown only when there is someone to
 * switch to. Switching replaces the session, so the page is loaded again: every list on it (cases,
 * applications, licences) then belongs to the new subject.
 */
import { Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { errorText, get, post } from '../shared/api.ts';
import { useAuth } from '../shared/auth.tsx';
import { usePrefs } from '../shared/prefs.tsx';

interface Enterprise {
  uscc: string;
  name: string;
}

interface Acting {
  actingFor: Enterprise | null;
  enterprises: Enterprise[];
}

/** A case page belongs to one subject; after switching, its list is where to land. */
function afterSwitch(): string {
  const { pathname, search } = window.location;
  return /^\/cases\/[0-9a-f-]{36}/.test(pathname) ? '/cases' : pathname + search;
}

export function SubjectSwitcher({ tone = 'dark' }: { tone?: 'dark' | 'light' }) {
  const { t } = usePrefs();
  const { account } = useAuth();
  const id = useId();
  const [acting, setActing] = useState<Acting | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const applicant = account?.role === 'applicant';
  useEffect(() => {
    if (!applicant) return;
    let live = true;
    get<Acting>('/api/auth/act-as').then((a) => live && setActing(a), () => live && setActing(null));
    return () => {
      live = false;
    };
  }, [applicant, account?.id]);
  if (!applicant || !acting || acting.enterprises.length === 0) return null;

  const choose = async (uscc: string) => {
    setBusy(true);
    setError(null);
    try {
      await post('/api/auth/act-as', { uscc: uscc === '' ? null : uscc });
      window.location.assign(afterSwitch());
    } catch (e) {
      setError(t('switchFailed', { error: errorText(e) }));
      setBusy(false);
    }
  };
  const color = tone === 'dark' ? '#fff' : undefined;
  return (
    <span className="subject-switcher" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, flexWrap: 'wrap', color }}>
      <label htmlFor={id} title={t('switchHint')}>{t('switchLabel')}</label>
      <select id={id} value={acting.actingFor?.uscc ?? ''} disabled={busy} onChange={(e) => void choose(e.target.value)}
        style={{ maxWidth: 240, minHeight: 28, borderRadius: 4, border: '1px solid #d9d9d9', color: '#000', background: '#fff' }}>
        <option value="">{t('switchPerson', { name: account.displayName })}</option>
        {acting.enterprises.map((e) => <option key={e.uscc} value={e.uscc} lang="zh-CN">{e.name}</option>)}
      </select>
      {error && <Typography.Text role="alert" type={tone === 'dark' ? undefined : 'danger'} style={{ color }}>{error}</Typography.Text>}
    </span>
  );
}
