/**
 * 亮证 (issue 15): the holder shows a licence from the wallet as a code valid for five minutes;
 * anyone scanning it sees 已核验 with the issuer and the time of checking, in Beijing time; after
 * five minutes, or altered, the code is refused in plain Chinese; nobody can show another's licence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WalletLicense } from '../../../contracts/results.ts';
import type { PresentationAnswer } from '../../../contracts/presentation.ts';
import { newbornBirthCertificate } from '../../testing/decide.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

describe.each(DIALECTS)('亮证 on %s', (dialect) => {
  let h: Harness;
  let parent: string;
  let licence: WalletLicense;
  beforeAll(async () => {
    // 02:00 UTC is 10:00 in Beijing: the page must say 10:00, not 02:00.
    h = await startHarness(dialect, {}, '2026-12-07T02:00:00Z');
    parent = await h.login('wangfang');
    licence = await newbornBirthCertificate(h, parent);
  }, 120_000);
  afterAll(async () => h?.close());

  const present = async (cookie = parent, id = licence.id) => h.request('POST', `/api/wallet/licenses/${id}/presentation`, { cookie });
  const tokenOf = (p: PresentationAnswer) => p.url.slice(p.url.indexOf('/verify/p/') + '/verify/p/'.length);

  it('gives the holder a QR code and a six-digit code valid for five minutes', async () => {
    const r = await present();
    expect(r.statusCode, r.body).toBe(201);
    const p = r.json() as PresentationAnswer;
    expect(p.qr).toMatch(/^data:image\/png;base64,/);
    expect(p.code).toMatch(/^\d{6}$/);
    expect(p.url).toContain('/verify/p/');
    expect(p.expiresAt).toBe('2026-12-07T02:05:00.000Z');
  });

  it('shows whoever scans it the licence as 已核验, with the issuer, the same code and the time in Beijing', async () => {
    const p = (await present()).json() as PresentationAnswer;
    h.clock.advance(60_000);
    const check = await h.request('GET', `/api/public/presentations/${tokenOf(p)}`);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ valid: true, code: p.code, checkedAt: '2026-12-07T02:01:00.000Z', license: { name: licence.name, issuer: licence.departmentName, holder: '李**' } });
    const page = await h.request('GET', `/verify/p/${tokenOf(p)}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    for (const text of ['高效办成一件事', '已核验', licence.departmentName, p.code, '2026-12-07 10:01']) expect(page.body).toContain(text);
  });

  it('refuses the code once its five minutes are over, saying so in Chinese', async () => {
    const p = (await present()).json() as PresentationAnswer;
    h.clock.advance(5 * 60_000);
    const check = await h.request('GET', `/api/public/presentations/${tokenOf(p)}`);
    expect(check.statusCode).toBe(410);
    expect(check.json()).toMatchObject({ code: 'presentation-expired', message: expect.stringContaining('已过期') });
    const page = await h.request('GET', `/verify/p/${tokenOf(p)}`);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('亮证码已过期');
    expect(page.body).not.toContain('已核验');
  });

  it('refuses an altered code: stretching its time breaks its signature', async () => {
    const token = tokenOf((await present()).json() as PresentationAnswer);
    const [payload, mac] = token.split('.') as [string, string];
    const bytes = Buffer.from(payload, 'base64url');
    bytes.writeUInt32BE(bytes.readUInt32BE(16) + 86_400, 16); // a day longer
    const forged = `${bytes.toString('base64url')}.${mac}`;
    for (const t of [forged, 'not-a-token', `${token}x`]) {
      const check = await h.request('GET', `/api/public/presentations/${t}`);
      expect(check.statusCode, t).toBe(400);
      expect(check.json()).toMatchObject({ code: 'presentation-invalid', details: [{ path: 'params.token' }] });
    }
    expect((await h.request('GET', `/verify/p/${forged}`)).body).toContain('亮证码无效');
  });

  it('lets nobody show a licence that is not theirs', async () => {
    const other = await present(await h.login('zhangjianguo'));
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'not-found' });
    expect((await present(await h.login('window'))).statusCode).toBe(403);
    expect((await h.request('POST', `/api/wallet/licenses/${licence.id}/presentation`)).statusCode).toBe(401);
  });

  it('puts the platform name and the time of checking on the plain licence page too', async () => {
    const page = await h.request('GET', `/verify/${licence.id}`);
    expect(page.body).toContain('电子证照有效');
    expect(page.body).toContain('高效办成一件事');
    expect(page.body).toContain('核验时间');
    expect(page.body).toContain(licence.departmentName);
  });
});
