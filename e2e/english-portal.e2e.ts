/**
 * The portal in English (issue 15): every page an anonymous visitor and an applicant open shows no
 * Chinese outside catalogue content (marked lang="zh-CN"), on a desktop and on a phone, in elder mode
 * too. The applicant is 王芳 with a completed 新生儿出生 case (results, rating, e-licences in the wallet).
 */
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { completedNewborn } from './support/api.ts';
import { open } from './support/browser.ts';
import { noChinese, useEnglish } from './support/english.ts';
import { onStage } from './support/stage.ts';

const stage = onStage();
let page: Page;
let newborn: string | undefined;

/** A page in English, on `size`, with elder mode on or off. */
async function english(size: 'desktop' | 'phone', elder = false): Promise<Page> {
  const opened = await open(stage.browser, stage.server.base, size);
  await useEnglish(opened.page);
  if (elder) await opened.page.addInitScript(() => localStorage.setItem('onething.elder', 'on'));
  return opened.page;
}

/** Opens `path`, waits for `ready` (a text the page shows once loaded), and finds no Chinese outside data. */
async function check(path: string, ready: string): Promise<void> {
  await page.goto(path);
  await page.getByText(ready).first().waitFor({ timeout: 15_000 });
  await noChinese(page, path);
}

const PUBLIC: [string, string][] = [
  ['/', 'For individuals'],
  ['/?q=%E5%87%BA%E7%94%9F', 'Results for'],
  ['/?q=zzzzqqq', 'Nothing found'],
  ['/matters/newborn-birth', 'Apply online'],
  ['/matters/restaurant-opening', 'Apply online'],
  ['/matters/newborn-birth/apply', 'Question 1'],
  ['/matters/newborn-birth/apply?offline=1', 'Question 1'],
  ['/matters/no-such-matter/apply', 'Matter not found'],
  ['/login', 'User name'],
  ['/progress', 'Application number'],
  ['/progress?n=NOPE&c=NOPE', 'Application number'],
  ['/no/such/page', 'Page not found'],
  ['/cases', 'Please log in first'],
  ['/wallet', 'Please log in first'],
  ['/account/password', 'Please log in first'],
];

describe('the portal in English, no Chinese outside catalogue content', () => {
  for (const [size, elder] of [['desktop', false], ['phone', false], ['desktop', true]] as const) {
    it(`public pages (${size}${elder ? ', elder mode' : ''})`, async () => {
      page = await english(size, elder);
      for (const [path, ready] of PUBLIC) await check(path, ready);
      await page.close();
    });
  }

  for (const size of ['desktop', 'phone'] as const) {
    it(`an applicant's pages (${size})`, async () => {
      newborn ??= await completedNewborn(stage.server.base);
      page = await english(size);
      await page.goto('/login?next=%2Fcases');
      await page.getByLabel('User name', { exact: true }).fill('wangfang');
      await page.getByLabel('Password', { exact: true }).fill('Demo@2026');
      await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(/\/cases$/);
      await check('/cases', 'newest first');
      await check(`/cases/${newborn}`, 'Results');
      await check('/wallet', 'Holder');
      await check('/account/password', 'Current password');
      await check('/consult', 'Sent by me');
      await check('/', 'For individuals');
      await check('/matters/newborn-birth/apply', 'Question 1');
      await page.close();
    });
  }
});
