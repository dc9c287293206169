/**
 * The portal in English (issue 15): every page an anonymous visitor and an applicant open shows no
 * Chinese outside catalogue content (marked lang="zh-CN"), on a desktop and on a phone, in elder mode
 * too. The applicant is 王芳 with a completed 新生儿出生 case (results, rating, e-licences in the wallet,
 * and the verification page its QR code opens), and a draft she fills in: hints, notes and the
 * messages for a wrong value in English, the form's own labels and options in Chinese as data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../src/core/planning/types.ts';
import { httpCall, login, newborn as newbornApi } from '../src/server/testing/api-call.ts';
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
      // The verification page the licence's QR code opens, in the holder's language (server-rendered).
      const link = new URL(await page.locator('a[href*="/verify/"]').first().getAttribute('href') ?? '', stage.server.base);
      expect(link.searchParams.get('lang')).toBe('en');
      await check(`${link.pathname}${link.search}`, 'The e-licence is valid');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await check('/account/password', 'Current password');
      await check('/consult', 'Sent by me');
      await check('/', 'For individuals');
      await check('/matters/newborn-birth/apply', 'Question 1');
      await page.close();
    });
  }

  it('a draft form filled in, a wrong value and its correction (desktop)', async () => {
    const call = httpCall(stage.server.base);
    const me = await login(call, 'wangfang');
    const id = await newbornApi.create(call, me);
    const plan: Plan = await newbornApi.answer(call, me, id);
    const formats = (plan.form.schema.properties ?? {}) as Record<string, { format?: string }>;
    const mobile = plan.form.fields.find((f) => formats[f.key]?.format === 'cn-mobile');
    expect(mobile, 'the newborn form asks for a mobile number').toBeTruthy();
    const key = mobile?.key as string;
    page = await english('desktop');
    await page.goto('/login?next=%2Fcases');
    await page.getByLabel('User name', { exact: true }).fill('wangfang');
    await page.getByLabel('Password', { exact: true }).fill('Demo@2026');
    await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/cases$/);
    await check(`/cases/${id}`, 'Step 1: fill in the form');
    // A pre-filled personal number shows masked, with a button to type it again.
    const again = page.locator(`#field-${key}-refill`);
    if (await again.count() > 0) {
      await again.click();
      await noChinese(page, 'the draft, typing a masked number again');
    }
    const input = page.locator(`#field-${key}`);
    await input.fill('12345');
    await input.press('Tab');
    await page.getByText('A mobile number has 11 digits and starts with 1').first().waitFor({ timeout: 10_000 });
    await noChinese(page, 'the draft with a wrong mobile number');
    // Checking before submitting lists what is wrong: the field's name as data, the problem in English.
    await page.getByRole('button', { name: 'Next: check and submit' }).click();
    await page.getByText('Some entries in the form are wrong').first().waitFor({ timeout: 10_000 });
    await noChinese(page, 'the draft\'s list of wrong entries');
    await input.fill('13800138000');
    await input.press('Tab');
    await page.getByText(/Saved \(/).first().waitFor({ timeout: 10_000 });
    await noChinese(page, 'the draft, corrected and saved');
    // The check-your-answers page: every answer as data, every word around it in English.
    await page.getByRole('button', { name: 'Next: check and submit' }).click();
    await page.getByText('Check and submit: please check the following').first().waitFor({ timeout: 10_000 });
    await noChinese(page, 'the draft\'s check-your-answers page');
    // Submitted with what is still missing: the server's refusal, each problem named (as data) and said in English.
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Submit the application' }).click();
    await page.getByText('The application is not complete').first().waitFor({ timeout: 10_000 });
    await noChinese(page, 'the draft refused as incomplete');
    await page.close();
  });
});
