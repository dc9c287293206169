/**
 * 亮证 and the app's edges, on a desktop (issue 15): 王芳's finished 新生儿出生 case puts the child's
 * licences in her wallet as cards (holder, issuer, dates, status); 亮证 shows a QR code and a six-digit
 * code; a stranger's browser, with no log-in, opens the code's link and sees 已核验 with the platform's
 * name, the issuer, the same code and the time of checking; a tampered code is refused. An unknown
 * address shows a page that helps, and logging in from a guide page comes back to it.
 * Screenshots in e2e/screenshots/wallet-cards-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { completedNewborn } from './support/api.ts';
import { expectAccessible, expectSkipLink, structure, withAxe } from './support/axe.ts';
import { open, shot } from './support/browser.ts';
import { readQr } from './support/qr.ts';
import { text, url, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn } from './support/staff.ts';

const stage = onStage();
let page: Page;
let shown = '';
let code = '';
const step = journey('wallet-cards', () => page, () => stage.server);

beforeAll(async () => {
  const opened = await open(stage.browser, stage.server.base, 'desktop');
  await withAxe(opened.context);
  page = opened.page;
});

describe('亮证: a licence shown from the wallet and checked by a stranger', () => {
  it('shows each licence as a card with holder, issuer, dates and status, and 亮证 gives a QR code and a code', async () => {
    step('card');
    await completedNewborn(stage.server.base);
    await logIn(page, 'wangfang', '/wallet');
    const birth = page.getByRole('group').filter({ has: page.getByRole('heading', { level: 3, name: '出生医学证明' }) });
    await text(birth, '持证人', '李小宝', '签发机关', '卫生健康', '签发日期', '有效期', '长期有效', '状态', '有效');
    await birth.getByRole('button', { name: /亮证/ }).click();
    const dialog = page.getByRole('dialog', { name: /亮证：出生医学证明/ });
    const qr = dialog.getByRole('img', { name: /亮证二维码/ });
    await visible(qr);
    await text(dialog, '亮证码', '有效期至', '北京时间', '还剩');
    code = /\b(\d{6})\b/.exec(await dialog.innerText())?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    shown = (await readQr(qr)) ?? '';
    expect(shown).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/verify\/p\//);
    await shot(page, 'wallet-cards-01-show', { fullPage: false });
    await expectAccessible(page, 'wallet with 亮证 open');
  });

  it('opens for a stranger, not logged in, as 已核验 with the platform, the issuer, the same code and the time', async () => {
    step('verify');
    const stranger = await open(stage.browser, stage.server.base, 'phone');
    await withAxe(stranger.context);
    try {
      await stranger.page.goto(shown);
      await visible(stranger.page.getByRole('heading', { level: 1, name: /已核验/ }));
      await text(stranger.page.locator('body'), '高效办成一件事', '电子证照核验', '出生医学证明', '签发机关', '卫生健康', '亮证码', code, '核验时间', '北京时间');
      // The child's name is masked for whoever scans it.
      expect(await stranger.page.locator('body').innerText()).not.toContain('李小宝');
      await shot(stranger.page, 'wallet-cards-02-verified');
      await expectAccessible(stranger.page, 'verification page');
      // A code altered by hand is refused, in words a person understands.
      await stranger.page.goto(`${shown.slice(0, -2)}AA`);
      await visible(stranger.page.getByRole('heading', { level: 1, name: '亮证码无效' }));
    } finally {
      await stranger.context.close();
    }
  });
});

describe('the edges of the web app', () => {
  it('answers an unknown address with a page that helps', async () => {
    step('not-found');
    await page.goto('/no-such-page');
    await visible(page.getByRole('heading', { level: 1, name: '没有找到这个页面' }));
    const main = page.getByRole('main');
    for (const name of [/回到首页/, /查看我的办件/, /查询办理进度/, /在线咨询/]) await visible(main.getByRole('link', { name }));
    expect(await structure(page)).toMatchObject({ mains: 1, h1s: ['没有找到这个页面'], title: '没有找到这个页面 - 高效办成一件事' });
    await expectSkipLink(page, 'not-found');
    await expectAccessible(page, 'not-found');
    // The search box there finds the guide.
    await main.getByRole('searchbox').fill('新生儿');
    await main.getByRole('searchbox').press('Enter');
    await url(page, /\/\?q=/);
    await shot(page, 'wallet-cards-03-search-from-404', { fullPage: false });
  });

  it('comes back to the guide page it was on after logging in', async () => {
    step('login-return');
    await page.context().clearCookies();
    await page.goto('/matters/newborn-birth');
    await visible(page.getByRole('heading', { level: 1 }));
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: /登\s*录/ }).click();
    await url(page, /\/login\?next=%2Fmatters%2Fnewborn-birth$/);
    await page.getByLabel('用户名', { exact: true }).fill('wangfang');
    await page.getByLabel('密码', { exact: true }).fill('Demo@2026');
    await page.getByRole('main').getByRole('button', { name: /登\s*录/ }).click();
    await url(page, /\/matters\/newborn-birth$/);
    // A link that tries to send her to another site after logging in lands on her own page instead.
    await page.context().clearCookies();
    await page.goto('/login?next=%2F%2Fevil.example%2F');
    await page.getByLabel('用户名', { exact: true }).fill('wangfang');
    await page.getByLabel('密码', { exact: true }).fill('Demo@2026');
    await page.getByRole('main').getByRole('button', { name: /登\s*录/ }).click();
    await url(page, /127\.0\.0\.1:\d+\/cases$/);
  });
});
