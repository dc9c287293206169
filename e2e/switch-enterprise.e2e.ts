/**
 * 法人切换 in the portal (李娜, who may act for her snack shop): she logs in through the unified
 * identity service (a real oidc-provider on 127.0.0.1), sees herself as the subject in the header,
 * switches to the shop and sees the shop's applications instead of her own, starts one for it, and
 * switches back — on the desktop and, from the 我的 sheet, on a phone.
 * Screenshots in e2e/screenshots/switch-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../src/core/fields/validators.ts';
import { startTestProvider, type TestProvider } from '../src/server/modules/identity/oidc/test-provider.ts';
import { freePort, startServerProcess, type ServerProcess } from '../src/server/testing/server-process.ts';
import { Numbers } from '../src/server/testing/plaintext.ts';
import { launch, open, shot } from './support/browser.ts';
import { text, url, visible } from './support/see.ts';
import { E2E_FIELD_KEY, ensureWebBuilt, type E2eServer } from './support/server.ts';
import { journey } from './support/steps.ts';

const shop = { uscc: `91990100MA01TX7K3${usccCheckChar('91990100MA01TX7K3')}`, name: '示例市李记小吃店有限公司' };
const ACCOUNTS = { 'li-na': { name: '李娜', id_number: new Numbers().idNumber(), loa: 3, enterprises: [shop] } };
const GUARD = pathToFileURL(path.join(import.meta.dirname, 'support/orphan-guard.mjs')).href;

let op: TestProvider;
let child: ServerProcess;
let server: E2eServer;
let browser: Browser;
let desktop: Page;
let phone: Page;
let current: () => Page = () => desktop;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-e2e-'));

beforeAll(async () => {
  ensureWebBuilt();
  // The server's address must be known before the provider registers its callback.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  op = await startTestProvider(ACCOUNTS, [`${base}/api/auth/oidc/applicant/callback`], [`${base}/login`]);
  child = await startServerProcess({
    ONETHING_DATA_DIR: dataDir, ONETHING_E2E_TEMP_DIR: dataDir, ONETHING_FIELD_KEY: E2E_FIELD_KEY,
    ONETHING_OIDC_ISSUER: op.issuer, ONETHING_OIDC_CLIENT_ID: op.clientId, ONETHING_OIDC_CLIENT_SECRET: op.clientSecret, ONETHING_OIDC_SCOPES: 'openid profile identity',
  }, { port, readyTimeoutMs: 45_000, nodeArgs: ['--import', GUARD], stdin: 'pipe' });
  server = { base, port, dataDir, output: child.output, stop: async () => void (await child.kill('SIGTERM', 5_000)) };
  browser = await launch();
  desktop = (await open(browser, base, 'desktop')).page;
  phone = (await open(browser, base, 'phone')).page;
});
afterAll(async () => {
  await browser?.close();
  await child?.kill('SIGTERM', 5_000);
  await op?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const step = journey('switch', () => current(), () => server);
const subject = (within: Page | Locator) => within.getByLabel('办理主体');

/** The portal's 统一身份认证 button, the provider's own log-in form, and back to 我的办件. */
async function logIn(page: Page): Promise<void> {
  await page.goto('/login?next=/cases');
  await page.getByRole('link', { name: '使用统一身份认证登录' }).or(page.getByRole('button', { name: '使用统一身份认证登录' })).click();
  await page.locator('input[name="login"]').fill('li-na');
  await page.locator('input[name="password"]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await url(page, /\/cases$/);
}

/** A draft application as whoever the page's session acts for now (what 开始办理 makes first). */
async function startApplication(page: Page, matterId: string): Promise<void> {
  const r = await page.request.post('/api/cases', { data: { matterId }, headers: { origin: server.base } });
  expect(r.status(), await r.text()).toBe(201);
}

describe('an agent switches between herself and the enterprise she acts for', () => {
  it('logs in through the unified identity service and sees herself as the subject', async () => {
    step('login');
    await logIn(desktop);
    await expect.poll(() => subject(desktop).inputValue()).toBe('');
    await text(subject(desktop).locator('option:checked'), '本人（李娜）');
    await startApplication(desktop, 'newborn-birth');
    await desktop.reload();
    await text(desktop.getByRole('main'), '共 1 件', '新生儿出生');
    await shot(desktop, 'switch-01-herself');
  });

  it('switches to the shop and sees its applications, not her own', async () => {
    step('to-shop');
    await subject(desktop).selectOption({ label: shop.name });
    await expect.poll(() => subject(desktop).inputValue()).toBe(shop.uscc);
    await visible(desktop.getByText('您还没有办件'));
    await startApplication(desktop, 'restaurant-opening');
    await desktop.reload();
    await text(desktop.getByRole('main'), '共 1 件', '开办餐饮店');
    await expect(desktop.getByRole('main').textContent()).resolves.not.toContain('新生儿出生');
    await shot(desktop, 'switch-02-shop');
  });

  it('switches back and sees her own application again', async () => {
    step('back');
    await subject(desktop).selectOption({ label: '本人（李娜）' });
    await expect.poll(() => subject(desktop).inputValue()).toBe('');
    await text(desktop.getByRole('main'), '共 1 件', '新生儿出生');
    await expect(desktop.getByRole('main').textContent()).resolves.not.toContain('开办餐饮店');
  });

  it('on a phone finds the switcher in the 我的 sheet', async () => {
    step('phone');
    current = () => phone;
    await logIn(phone);
    await phone.getByRole('navigation', { name: '底部导航' }).getByRole('button', { name: '我的' }).click();
    const sheet = phone.getByRole('dialog', { name: '我的' });
    await subject(sheet).selectOption({ label: shop.name });
    await url(phone, /\/cases$/);
    await text(phone.getByRole('main'), '开办餐饮店');
    await phone.getByRole('navigation', { name: '底部导航' }).getByRole('button', { name: '我的' }).click();
    await expect.poll(() => subject(phone.getByRole('dialog', { name: '我的' })).inputValue()).toBe(shop.uscc);
    await shot(phone, 'switch-03-phone');
  });
});
