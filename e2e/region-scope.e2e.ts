/**
 * 属地管辖 of figures in the browser (issue 12): 示例市's lead reads the dashboard, whose 辖区 select
 * offers 示例市 and the district and county below it, never 示例二市 or the province above.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { open, shot } from './support/browser.ts';
import { text, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn } from './support/staff.ts';

const stage = onStage();
let page: Page;
const step = journey('region-scope', () => page, () => stage.server);

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
});

describe('a lead’s dashboard counts their own regions', () => {
  it('offers 示例市’s lead only 示例市 and the regions below it', async () => {
    step('lead-dashboard');
    await logIn(page, 'rs-lead', '/admin/dashboard');
    const box = page.getByRole('combobox', { name: '辖区' });
    await visible(box);
    await text(page.getByRole('main'), '上级辖区的数字含其下级辖区的合计', '示例县');
    await box.click();
    const options = page.locator('.ant-select-dropdown .ant-select-item-option');
    await visible(options.filter({ hasText: '示例省示例市示例县' }).first());
    const labels = await options.allInnerTexts();
    expect(labels).toEqual(expect.arrayContaining(['示例省示例市', '示例省示例市示例区', '示例省示例市示例县']));
    expect(labels.some((l) => l.includes('示例二市'))).toBe(false);
    expect(labels).not.toContain('示例省');
    await shot(page, 'region-scope-lead-dashboard');
  }, 120_000);
});
