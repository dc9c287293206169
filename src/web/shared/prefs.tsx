/** Language (中文 first, English second) and the elder-friendly mode, remembered in the browser. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { fill, messages, setActiveLang, type Lang, type MessageKey } from './messages/index.ts';

interface Prefs {
  lang: Lang;
  elder: boolean;
  setLang(lang: Lang): void;
  setElder(on: boolean): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

const PrefsContext = createContext<Prefs | null>(null);

function stored<T extends string>(key: string, fallback: T): T {
  try {
    return (localStorage.getItem(key) as T | null) ?? fallback;
  } catch {
    return fallback;
  }
}

export function PrefsProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(() => stored<Lang>('onething.lang', 'zh'));
  const [elder, setElder] = useState(() => stored<string>('onething.elder', 'off') === 'on');
  // Set while rendering, before any child asks the server, so an error answered in English reads in English.
  setActiveLang(lang);
  useEffect(() => {
    localStorage.setItem('onething.lang', lang);
    localStorage.setItem('onething.elder', elder ? 'on' : 'off');
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.documentElement.dataset.elder = elder ? 'on' : 'off';
  }, [lang, elder]);
  const t = (key: MessageKey, params?: Record<string, string | number>) => fill(messages[lang][key] ?? messages.zh[key], params);
  return <PrefsContext.Provider value={{ lang, elder, setLang, setElder, t }}>{children}</PrefsContext.Provider>;
}

export function usePrefs(): Prefs {
  const p = useContext(PrefsContext);
  if (!p) throw new Error('PrefsProvider missing');
  return p;
}
