/**
 * 为您推荐 (issue 14), on a desktop: once 王芳's 新生儿出生 case is finished, her home page recommends
 * the social security card with its reason and a link to its guide, and school admission later with
 * its date, with no WCAG violation; the finished case's own page shows the same. Screenshot in e2e/screenshots/recommend-home.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { completedNewborn } from './support/api.ts';
import { axeFindings, describeFindings, withAxe } from './support/axe.ts';
import { open, shot } from './support/browser.ts';
import { text, url, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn } from './support/staff.ts';

const stage = onStage();
let page: Page;
let caseId = '';
const step = journey('recommend', () => page, () => stage.server);

beforeAll(async () => {
  const opened = await open(stage.browser, stage.server.base, 'desktop');
  await withAxe(opened.context);
  page = opened.page;
});

describe('为您推荐 after a finished newborn case', () => {
  it('recommends the social security card now and school admission later, each with its reason', async () => {
    step('home');
    const base = stage.server.base;
    caseId = await completedNewborn(base);
    await logIn(page, 'wangfang', '/');
    const panel = page.getByRole('region', { name: '为您推荐' });
    await visible(panel);
    await text(panel, '社会保障卡居民服务', '就医', '您已办结：新生儿出生', '以后要办的', '教育入学', '六周岁', /\d{4}年\d{1,2}月\d{1,2}日起可以办理/);
    // The panel adds no serious or critical WCAG violation to the home page.
    expect(describeFindings(await axeFindings(page))).toEqual([]);
    await shot(page, 'recommend-home');
  }, 180_000);

  it('links the recommendation to its guide', async () => {
    step('guide');
    await page.getByRole('region', { name: '为您推荐' }).getByRole('link', { name: /社会保障卡居民服务/ }).click();
    await url(page, /\/matters\/social-security-card$/);
    await visible(page.getByRole('heading', { level: 1, name: /社会保障卡/ }));
  });

  it('shows the recommendations on the finished case\'s page too', async () => {
    step('case');
    await page.goto(`/cases/${caseId}`);
    await text(page.getByRole('region', { name: '为您推荐' }), '社会保障卡居民服务', '以后要办的');
  });
});
