/**
 * Chromium for browser journeys, driven by playwright-core (no bundled browser): Debian's
 * /usr/bin/chromium unless CHROMIUM_PATH says otherwise. Pages at phone size or desktop size, and
 * screenshots under e2e/screenshots/ (git-ignored) for looking at afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../screenshots');

export const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
export const DESKTOP = { viewport: { width: 1280, height: 900 } } as const;

export async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: apt-get install chromium fonts-wqy-microhei (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });
}

export interface Opened {
  context: BrowserContext;
  page: Page;
}

/** A fresh context (own cookies and storage) with one page, at phone or desktop size. */
export async function open(browser: Browser, base: string, size: 'phone' | 'desktop' = 'phone'): Promise<Opened> {
  const context = await browser.newContext({ ...(size === 'phone' ? PHONE : DESKTOP), baseURL: base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** Saves a PNG as e2e/screenshots/<name>.png: the whole page, or only what is in view. */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Chromium draws no frame for a tab in the background (after a document opened in a new tab), so a
  // screenshot of it would wait until its timeout.
  await page.bringToFront();
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled', timeout: 30_000 });
  return file;
}
