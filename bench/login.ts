/**
 * Log-in timing, which must not tell whether an account exists: an unknown account and a locked
 * one, each against a wrong password on a real account (the baseline), measured in the same run.
 */
import { startHarness } from '../src/server/testing/harness.ts';
import { timeAsync } from './measure.ts';

export async function benchLogin(seconds: number): Promise<boolean> {
  console.log('\n## Log-in timing (unknown and locked accounts against a wrong password)');
  const h = await startHarness('sqlite', { ONETHING_LOCKOUT_FAILURES: '1000000' }, new Date().toISOString());
  const locked = await startHarness('sqlite', { ONETHING_LOCKOUT_FAILURES: '1' }, new Date().toISOString());
  try {
    const login = (target: typeof h, username: string, password: string) => target.request('POST', '/api/auth/login', { body: { username, password } });
    await login(locked, 'rs-lead', 'Wrong@2026');
    const each = seconds / 3;
    const wrong = await timeAsync(() => login(h, 'wsjk-lead', 'Wrong@2026'), each, 3);
    const unknown = await timeAsync((i) => login(h, `nobody-${i}`, 'Wrong@2026'), each, 3);
    const lockedOut = await timeAsync(() => login(locked, 'rs-lead', 'Demo@2026'), each, 3);
    const ratio = (t: { p50us: number }) => t.p50us / wrong.p50us;
    console.log(`wrong password (baseline)  p50 ${(wrong.p50us / 1000).toFixed(1)} ms`);
    console.log(`unknown account            p50 ${(unknown.p50us / 1000).toFixed(1)} ms  ${ratio(unknown).toFixed(2)}× the baseline`);
    console.log(`locked account             p50 ${(lockedOut.p50us / 1000).toFixed(1)} ms  ${ratio(lockedOut).toFixed(2)}× the baseline`);
    const met = [unknown, lockedOut].every((t) => ratio(t) > 0.8 && ratio(t) < 1.25);
    console.log(met ? 'target met: within 0.8–1.25× the baseline' : 'target NOT met: 0.8–1.25× the baseline');
    return met;
  } finally {
    await h.close();
    await locked.close();
  }
}
