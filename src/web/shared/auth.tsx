/** Who is logged in, shared by every page; log-in and log-out. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { get, post } from './api.ts';

export interface Account {
  id: string;
  username: string;
  role: 'applicant' | 'window' | 'reviewer' | 'lead' | 'admin' | 'auditor';
  roleName: string;
  displayName: string;
  department: string | null;
}

interface Auth {
  account: Account | null;
  ready: boolean;
  login(username: string, password: string): Promise<Account>;
  logout(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * Where to go back to after logging in: a path of this site only. Anything else (another site,
 * `//host`, `/\\host`, a scheme, the log-in page itself) gives null, and the role's own home is used.
 */
export function safeReturnTo(raw: string | null | undefined): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || /[\u0000-\u001f]/.test(raw)) return null;
  const url = new URL(raw, 'http://same.invalid');
  if (url.origin !== 'http://same.invalid' || url.pathname === '/login') return null;
  return url.pathname + url.search + url.hash;
}

/** The log-in page, coming back to `here` (by default the page shown now; the home page needs no way back). */
export function loginHref(here: string = window.location.pathname + window.location.search): string {
  const back = safeReturnTo(here);
  return back && back !== '/' ? `/login?next=${encodeURIComponent(back)}` : '/login';
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    get<{ account: Account }>('/api/auth/me').then((r) => setAccount(r.account), () => setAccount(null)).finally(() => setReady(true));
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    const r = await post<{ account: Account }>('/api/auth/login', { username, password });
    setAccount(r.account);
    return r.account;
  }, []);
  const logout = useCallback(async () => {
    const r = await post<{ ok: boolean; endSessionUrl?: string }>('/api/auth/logout');
    setAccount(null);
    // Logged in through the unified identity service: log out there too, which comes back to /login.
    if (r?.endSessionUrl) window.location.assign(r.endSessionUrl);
  }, []);
  return <AuthContext.Provider value={{ account, ready, login, logout }}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const a = useContext(AuthContext);
  if (!a) throw new Error('AuthProvider missing');
  return a;
}
