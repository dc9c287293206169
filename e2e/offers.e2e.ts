/**
 * 免申即享 (issue 14), on a desktop: the run finds 王芳 from shared data; her home page shows 育儿补贴
 * under 免申即享 with why she qualifies, and she confirms it with one click; the public 公示
 * lists her as 王*; once the 公示 is over, the 卫健委 reviewer sees the figures and confirms the grant
 * (二次确认) in the workbench, and 王芳's home page shows it granted. Screenshots in e2e/screenshots/offers-*.png.
 */
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Api } from './support/api.ts';
import { axeFindings, describeFindings, withAxe } from './support/axe.ts';
import { open, shot } from './support/browser.ts';
import { chineseOutsideData, useEnglish } from './support/english.ts';
import { count, text, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn, shanghaiDay } from './support/staff.ts';

const stage = onStage();
let page: Page;
const step = journey('offers', () => page, () => stage.server);

beforeAll(async () => {
  const opened = await open(stage.browser, stage.server.base, 'desktop');
  await withAxe(opened.context);
  page = opened.page;
});

describe('免申即享: found from shared data, confirmed with one click, confirmed again by the department', () => {
  it('shows 王芳 the 育儿补贴 she qualifies for, and she confirms it with one click', async () => {
    step('offer');
    // The worker runs the policies at start; the department's own run finds nobody twice.
    await (await Api.login(stage.server.base, 'wsjk-reviewer')).call('POST', '/api/department/offers/run', {});
    await logIn(page, 'wangfang', '/');
    const panel = page.getByRole('region', { name: /免申即享/ });
    await visible(panel);
    await text(panel, '育儿补贴', '待您确认', '示例市卫生健康委员会');
    await panel.getByRole('button', { name: '符合条件的依据' }).click();
    await text(panel, '是未满 3 周岁婴幼儿的登记监护人：是');
    // Checked once the panel has finished opening: mid-fade, its text is paler than it will be.
    await count(panel.locator('[class*="ant-motion-collapse"]'), 0);
    expect(describeFindings(await axeFindings(page))).toEqual([]);
    await shot(page, 'offers-home');
    await panel.getByRole('button', { name: '一键确认' }).click();
    await text(panel, '公示中', /公示至 \d{4}年\d{1,2}月\d{1,2}日/);
  }, 180_000);

  it('lists her in the public 公示 with her name masked', async () => {
    step('publicity');
    await page.context().clearCookies();
    await page.goto('/offers/publicity');
    await visible(page.getByRole('heading', { level: 1, name: '免申即享政策公示' }));
    const row = page.getByRole('row').filter({ hasText: '育儿补贴' });
    await text(row, '王*', '示例市卫生健康委员会');
    expect(await page.getByRole('main').innerText()).not.toContain('王芳');
    await visible(row.getByRole('button', { name: '提出异议' }));
    expect(describeFindings(await axeFindings(page))).toEqual([]);
  });

  it('reads in English outside the catalogue\'s own words, the 公示 and the applicant\'s panel alike', async () => {
    step('english');
    const english = await open(stage.browser, stage.server.base, 'desktop');
    try {
      await useEnglish(english.page);
      await english.page.goto('/offers/publicity');
      await visible(english.page.getByRole('row').filter({ hasText: '育儿补贴' }).getByRole('button', { name: 'Object' }));
      expect(await chineseOutsideData(english.page)).toEqual([]);
      const [name, value] = (await Api.login(stage.server.base, 'wangfang')).cookie.split('=') as [string, string];
      await english.context.addCookies([{ name, value, url: stage.server.base }]);
      await english.page.goto('/');
      const panel = english.page.getByRole('region', { name: /Benefits without application/ });
      await text(panel, 'On public notice');
      expect(await chineseOutsideData(english.page)).toEqual([]);
    } finally {
      await english.context.close();
    }
  });

  it('the department confirms the grant once the 公示 is over, and 王芳 sees it granted', async () => {
    step('decision');
    // A browser cannot wait five working days: the 公示 of this offer is moved to have ended yesterday.
    const db = new SQLite(path.join(stage.server.dataDir, 'onething.sqlite'));
    db.prepare("update offers set publicity_from = ?, publicity_until = ?, objection_until = ? where policy_id = 'childcare-subsidy'").run(shanghaiDay(-10), shanghaiDay(-1), shanghaiDay(-1));
    db.close();
    await logIn(page, 'wsjk-reviewer', '/workbench/offers');
    const figures = page.getByRole('table').filter({ hasText: '符合条件' });
    await text(figures, '育儿补贴');
    const entry = page.locator('[data-offer="childcare-subsidy"]');
    await text(entry, '王芳', '待二次确认');
    await shot(page, 'offers-workbench');
    await entry.getByRole('button', { name: '确认兑现' }).click();
    await text(entry, '已兑现');
    await page.context().clearCookies();
    await logIn(page, 'wangfang', '/');
    await text(page.getByRole('region', { name: /免申即享/ }), '育儿补贴', '已兑现');
  });
});
