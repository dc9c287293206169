/**
 * The verification page in the verifier's language (issue 15): `?lang=` from the holder's portal, else
 * the phone's Accept-Language; in English every sentence is English and the licence's own words stay
 * Chinese inside lang="zh-CN"; the wallet's links and QR codes carry the holder's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WalletLicense } from '../../../contracts/results.ts';
import type { PresentationAnswer } from '../../../contracts/presentation.ts';
import { newbornBirthCertificate } from '../../testing/decide.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { licenseSection, messageSection, verifyLang, verifyPage } from './verifyPage.ts';

/** Chinese outside elements marked lang="zh-CN" (the tags themselves and <html lang> aside). */
function chineseOutsideData(html: string): string[] {
  let rest = html.replace(/<html lang="[^"]*">/, '');
  // Innermost first, so a marked span inside a marked span goes too.
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(/<(\w+)[^>]*lang="zh-CN"[^>]*>[^<]*<\/\1>/g, '');
  }
  return rest.match(/[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]+/g) ?? [];
}

const shown = {
  valid: true, revoked: false,
  license: { name: '出生医学证明', number: '9900****0001', holder: '李*宝', issuer: '示例市卫生健康委员会', issuedAt: '2026-12-07', validity: '长期有效' },
};

describe('the verification page\'s language', () => {
  it('takes ?lang first, then the first of Chinese or English the phone asks for, Chinese otherwise', () => {
    expect(verifyLang('en', 'zh-CN,zh;q=0.9')).toBe('en');
    expect(verifyLang('zh', 'en-GB')).toBe('zh');
    expect(verifyLang(undefined, 'en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(verifyLang(undefined, 'fr-FR, zh-TW;q=0.5, en;q=0.7')).toBe('en');
    expect(verifyLang(undefined, 'zh-CN;q=0.9, en;q=0.8')).toBe('zh');
    expect(verifyLang('fr', 'de')).toBe('zh');
    expect(verifyLang(undefined, undefined)).toBe('zh');
  });

  it('says everything in English but the licence\'s own words, which stay marked as Chinese', () => {
    const page = verifyPage(licenseSection(shown, new Date('2026-12-07T02:00:00Z'), 'en', '123456'), 'en');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('✔ Verified');
    expect(page).toContain('10:00 (Beijing time)');
    expect(page).toContain('with no end date');
    expect(page).toContain('<span lang="zh-CN">示例市卫生健康委员会</span>');
    expect(chineseOutsideData(page)).toEqual([]);
    const range = licenseSection({ ...shown, license: { ...shown.license, validity: '2026-12-07 至 2031-12-06' } }, new Date(), 'en');
    expect(range).toContain('from 2026-12-07 to 2031-12-06');
    for (const kind of ['not-found', 'gone', 'expired', 'invalid'] as const) expect(chineseOutsideData(verifyPage(messageSection(kind, 'en'), 'en'))).toEqual([]);
  });

  it('stays as it was in Chinese', () => {
    const page = verifyPage(licenseSection(shown, new Date('2026-12-07T02:00:00Z'), 'zh'), 'zh');
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('✔ 电子证照有效');
    expect(page).toContain('10:00（北京时间）');
    expect(page).toContain('长期有效');
    expect(page).not.toMatch(/Verified|Beijing time/);
  });
});

describe.each(DIALECTS)('the verification page over HTTP on %s', (dialect) => {
  let h: Harness;
  let parent: string;
  let licence: WalletLicense;
  beforeAll(async () => {
    h = await startHarness(dialect, {}, '2026-12-07T02:00:00Z');
    parent = await h.login('wangfang');
    licence = await newbornBirthCertificate(h, parent, '?lang=en');
  }, 120_000);
  afterAll(async () => h?.close());

  const path = (url: string) => url.slice(url.indexOf('/verify/'));

  it('opens the wallet\'s link in the holder\'s language, and otherwise in the phone\'s', async () => {
    expect(licence.verifyUrl).toMatch(/\/verify\/[0-9a-f-]{36}\?lang=en$/);
    const english = await h.request('GET', path(licence.verifyUrl));
    expect(english.statusCode).toBe(200);
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('The e-licence is valid');
    expect(english.body).toContain(`<span lang="zh-CN">${licence.departmentName}</span>`);
    expect(chineseOutsideData(english.body)).toEqual([]);

    const bare = path(licence.verifyUrl).replace('?lang=en', '');
    const chinese = await h.request('GET', bare, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(chinese.body).toContain('<html lang="zh-CN">');
    expect(chinese.body).toContain('电子证照有效');
    expect((await h.request('GET', bare, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).body).toContain('Issued by');
    expect((await h.request('GET', '/api/wallet?lang=fr', { cookie: parent })).statusCode).toBe(400);
  });

  it('words 亮证 in the holder\'s language too, the code and a missing licence included', async () => {
    const p = (await h.request('POST', `/api/wallet/licenses/${licence.id}/presentation?lang=en`, { cookie: parent })).json() as PresentationAnswer;
    expect(p.url).toMatch(/\?lang=en$/);
    const page = await h.request('GET', path(p.url));
    expect(page.body).toContain('✔ Verified');
    expect(page.body).toContain(p.code);
    expect(chineseOutsideData(page.body)).toEqual([]);
    const forged = await h.request('GET', `${path(p.url).replace('?lang=en', '')}x?lang=en`);
    expect([forged.statusCode, chineseOutsideData(forged.body)]).toEqual([400, []]);
    expect(forged.body).toContain('The licence code is not valid');
    const missing = await h.request('GET', '/verify/00000000-0000-0000-0000-000000000000', { headers: { 'accept-language': 'en' } });
    expect([missing.statusCode, chineseOutsideData(missing.body)]).toEqual([404, []]);
    expect(missing.body).toContain('E-licence not found');
  });
});
