/**
 * Every page of every face, at a desk (1280 × 800) and on a phone (375 × 812), anonymous and logged
 * in as each role: axe-core finds no serious or critical WCAG 2.1 A/AA violation, each page has one
 * main landmark, exactly one h1 and a title of its own, and the first Tab is a skip link that puts
 * focus in main. The pages hold data: a finished 新生儿出生 case (with licences in the wallet), a
 * restaurant case waiting at the window and one in the health commission's queue.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { Api, completedNewborn } from './support/api.ts';
import { axeFindings, describeFindings, expectSkipLink, structure, withAxe } from './support/axe.ts';
import { open } from './support/browser.ts';
import { count, visible } from './support/see.ts';
import { onStage } from './support/stage.ts';
import { onFailure } from './support/steps.ts';
import { acceptedRestaurantCase, HEALTH_ITEM, logIn, submittedRestaurantCase, type Accepted } from './support/staff.ts';

const stage = onStage();
let newborn: string;
let verifyLink: string;
let waiting: Accepted;
let dispatched: Accepted;

// expect.poll (in approve) works only inside a test, so the data is made by the first one.
it('makes the cases the pages show', async () => {
  const base = stage.server.base;
  newborn = await completedNewborn(base);
  waiting = await submittedRestaurantCase(base);
  dispatched = await acceptedRestaurantCase(base);
  const me = await Api.login(base, 'wangfang');
  const { licenses } = await me.call<{ licenses: { verifyUrl: string }[] }>('GET', '/api/wallet');
  verifyLink = licenses[0]?.verifyUrl ?? '';
  expect(verifyLink).toMatch(/\/verify\//);
}, 180_000);

type Size = 'desktop' | 'phone';

const LANDING: Record<string, string> = { wangfang: '/cases', window: '/window', admin: '/admin', auditor: '/admin/dashboard' };

/** A fresh page of the given size, logged in as `username` (anonymous when null). */
async function visitor(size: Size, username: string | null, label: string): Promise<Page> {
  const { context, page } = await open(stage.browser, stage.server.base, size);
  await withAxe(context);
  if (size === 'desktop') await page.setViewportSize({ width: 1280, height: 800 });
  onFailure(`a11y-FAILED-${label}-${size}`, () => page, () => stage.server);
  onTestFailed(() => context.close());
  if (username) await logIn(page, username, LANDING[username] ?? '/workbench');
  return page;
}

/**
 * Opens `path`, waits until its h1 is there and the network is quiet, then checks everything. Returns
 * the title and what is wrong, so that one run lists every page's problems, not only the first.
 */
async function check(page: Page, path: string, size: Size): Promise<{ title: string; problems: string[] }> {
  const label = `${path} (${size})`;
  await page.goto(path);
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const s = await structure(page);
  const problems: string[] = [];
  if (s.mains !== 1) problems.push(`${s.mains} main landmarks`);
  if (s.h1s.length !== 1) problems.push(`${s.h1s.length} h1 headings: ${s.h1s.join(' | ')}`);
  if (s.title === '') problems.push('no page title');
  problems.push(...describeFindings(await axeFindings(page)));
  await expectSkipLink(page, label).catch((e: Error) => problems.push(e.message.split('\n')[0] ?? 'skip link'));
  return { title: s.title, problems: problems.map((p) => `${label}: ${p}`) };
}

/** Checks each path, and that no two of them share a title. */
async function checkAll(page: Page, paths: string[], size: Size): Promise<void> {
  const titles = new Map<string, string>();
  const problems: string[] = [];
  for (const path of paths) {
    const r = await check(page, path, size);
    const before = [...titles].find(([, t]) => t === r.title);
    if (before) problems.push(`${path} (${size}): the same title as ${before[0]}: ${r.title}`);
    titles.set(path, r.title);
    problems.push(...r.problems);
  }
  await page.context().close();
  expect(problems, problems.join('\n')).toEqual([]);
}

const SIZES: Size[] = ['desktop', 'phone'];

describe.each(SIZES)('every page at %s size', (size) => {
  it('public pages, anonymous', async () => {
    const page = await visitor(size, null, 'public');
    await checkAll(page, ['/', '/matters/newborn-birth', '/matters/restaurant-opening', '/matters/newborn-birth/apply', '/login', '/progress'], size);
  });

  // A page of its own, outside the app's shell, with no repeated blocks to skip: axe, title and h1 only.
  it('licence verification, anonymous', async () => {
    const page = await visitor(size, null, 'verify');
    await page.goto(new URL(verifyLink).pathname);
    const s = await structure(page);
    const problems = [...(s.h1s.length === 1 ? [] : [`${s.h1s.length} h1 headings`]), ...(s.title ? [] : ['no title']), ...describeFindings(await axeFindings(page))];
    await page.context().close();
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the applicant\'s pages', async () => {
    const page = await visitor(size, 'wangfang', 'applicant');
    await checkAll(page, ['/', '/matters/newborn-birth/apply', '/cases', `/cases/${newborn}`, '/wallet', '/account/password'], size);
  });

  it('the window console', async () => {
    const page = await visitor(size, 'window', 'window');
    await checkAll(page, ['/window', '/window/new', `/window/cases/${waiting.id}`, '/admin/change-requests'], size);
  });

  it('the department workbench, a reviewer', async () => {
    const reviewer = await visitor(size, 'wsjk-reviewer', 'reviewer');
    await checkAll(reviewer, ['/workbench', `/workbench/tasks/${dispatched.id}/${HEALTH_ITEM.id}`], size);
  });

  it('the department workbench, a lead', async () => {
    const lead = await visitor(size, 'wsjk-lead', 'lead');
    await checkAll(lead, ['/workbench', '/workbench/oversight', '/workbench/rectifications'], size);
  });

  it('the admin console\'s tabs, the administrator', async () => {
    const admin = await visitor(size, 'admin', 'admin');
    await checkAll(admin, ['/admin/todo', '/admin/drafts', '/admin/change-requests', '/admin/versions', '/admin/catalogue', '/admin/catalogue/items', '/admin/dashboard', '/admin/appeals', '/admin/tools'], size);
  });

  it('the admin console, the auditor', async () => {
    const auditor = await visitor(size, 'auditor', 'auditor');
    await checkAll(auditor, ['/admin/audit'], size);
  });
});

describe('长辈模式', () => {
  it('lays the home page and the guide out as one column of larger type and fewer words', async () => {
    const page = await visitor('desktop', null, 'elder');
    await page.goto('/');
    await page.getByRole('link', { name: '新生儿出生“一件事”' }).waitFor();
    const standard = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const columns = () => page.evaluate(() => new Set([...document.querySelectorAll('[role="tabpanel"]:not([hidden]) .stage-board > .ant-col')].map((c) => Math.round(c.getBoundingClientRect().left))).size);
    expect(await columns()).toBe(2);
    await visible(page.getByRole('main').getByText('一次告知 · 一表申请', { exact: false }));

    await page.getByRole('button', { name: '长辈模式' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.elder)).toBe('on');
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(standard + 4);
    expect(await columns()).toBe(1);
    // Polled: Ant Design's transitions take a moment to reach the elder sizes.
    const tile = () => page.locator('.stage-board').getByRole('link', { name: '新生儿出生“一件事”' }).evaluate((a) => ({ size: Math.round(parseFloat(getComputedStyle(a).fontSize)), height: a.getBoundingClientRect().height }));
    await expect.poll(async () => (await tile()).size, { timeout: 3_000 }).toBeGreaterThanOrEqual(24);
    await expect.poll(async () => (await tile()).height, { timeout: 3_000 }).toBeGreaterThanOrEqual(44);
    await count(page.getByRole('main').getByText(/牵头：/), 0);
    await count(page.getByRole('main').getByText('一次告知 · 一表申请', { exact: false }), 0);

    await page.goto('/matters/newborn-birth');
    await page.locator('h1').waitFor();
    await count(page.getByRole('columnheader', { name: '法定时限' }), 0);
    await count(page.getByRole('button', { name: /设定依据/ }), 0);
    // The items table; the table of where to apply (#section-place) has its own 承诺时限 column.
    await visible(page.locator('#section-items').getByRole('columnheader', { name: '承诺时限' }));
    const problems = describeFindings(await axeFindings(page));
    await page.context().close();
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
