/**
 * For tests: a log-in through the test provider over real HTTP, as a browser makes it (redirects
 * followed by hand, cookies carried, the provider's dev log-in form submitted).
 */
import type { TestProvider } from './test-provider.ts';

/** A tiny cookie jar: name → value, from Set-Cookie headers. */
export class Jar {
  readonly cookies = new Map<string, string>();
  take(r: Response): void {
    for (const c of r.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      const value = pair.slice(i + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(pair.slice(0, i));
      else this.cookies.set(pair.slice(0, i), value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Start at onething (`base`), sign in at the provider as `login`, and stop at onething's callback answer. */
export async function logInThrough(base: string, op: TestProvider, audience: 'applicant' | 'staff', login: string, returnTo: string, jar = new Jar()): Promise<{ answer: Response; jar: Jar }> {
  const start = await fetch(`${base}/api/auth/oidc/${audience}/start?returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual', headers: { cookie: jar.header() } });
  if (start.status !== 302) throw new Error(`start answered ${start.status}: ${await start.text()}`);
  jar.take(start);
  const providerJar = new Jar();
  let url = start.headers.get('location') as string;
  if (!url.startsWith(`${op.issuer}/auth?`)) throw new Error(`start went to ${url}, not the provider`);
  for (let hops = 0; !url.startsWith(base); hops++) {
    if (hops > 10) throw new Error(`too many redirects, at ${url}`);
    let r = await fetch(url, { redirect: 'manual', headers: { cookie: providerJar.header() } });
    providerJar.take(r);
    if (r.status === 200 && (await r.clone().text()).includes('name="prompt" value="login"')) {
      r = await fetch(url, { method: 'POST', redirect: 'manual', headers: { cookie: providerJar.header(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ prompt: 'login', login, password: 'any' }) });
      providerJar.take(r);
    }
    const next = r.headers.get('location');
    if (!next) throw new Error(`provider answered ${r.status} at ${url}: ${(await r.text()).slice(0, 300)}`);
    url = new URL(next, url).href;
  }
  const answer = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.take(answer);
  return { answer, jar };
}
