/** Each route names itself in the browser's title bar and history: page first, then the site. */
import { useEffect } from 'react';
import { usePrefs } from './prefs.tsx';

export function usePageTitle(title: string | null | undefined): void {
  const { t } = usePrefs();
  const full = title ? t('pageTitle', { title }) : null;
  useEffect(() => {
    if (full) document.title = full;
  }, [full]);
}
