/**
 * 属地管辖 in the browser (issue 12): the guide's 办理地 select shows each item's implementing
 * department, window and promised limit for the region chosen (示例县's own market regulator, 4
 * working days), and a logged-in enterprise's own region by default (示例区's window); the admin
 * dashboard's 辖区 select and the regions rolled up; on the way, a material's sample PDF from the
 * guide's material table. Screenshots in e2e/screenshots/regions-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { open, shot } from './support/browser.ts';
import { card, text, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn } from './support/staff.ts';

const stage = onStage();
let page: Page;
const step = journey('regions', () => page, () => stage.server);

async function choose(p: Page, label: string, option: string): Promise<void> {
  const box = p.getByRole('combobox', { name: label });
  await box.click();
  await p.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: option }).first().click();
}

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
});

describe('jurisdictions on the guide and the dashboard', () => {
  it('shows the handling in the place chosen on the guide', async () => {
    step('guide');
    await page.goto('/matters/restaurant-opening');
    await visible(page.getByRole('heading', { level: 1, name: /餐饮/ }));
    const place = card(page, /办理地|的办理/);
    await text(place, '示例市市场监督管理局');
    await choose(page, '办理地', '示例省示例市示例县');
    await text(card(page, /示例省示例市示例县/), '示例市示例县市场监督管理局', '示例县政务服务中心', '4 个工作日');
    await shot(page, 'regions-guide-county');
    // 材料样本 (5.2.6 a) in the guide's material table: a form's sample is a PDF the platform prints.
    const sample = page.getByRole('link', { name: '查看样本（PDF）：公众聚集场所投入使用、营业前消防安全检查告知承诺书' });
    await visible(sample);
    const pdf = await page.request.get(await sample.getAttribute('href') as string);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  }, 120_000);

  it('starts from the logged-in enterprise’s own region', async () => {
    step('own-region');
    await logIn(page, 'haowei', '/matters/restaurant-opening');
    await text(card(page, /示例省示例市示例区/), '示例区政务服务中心');
  }, 120_000);

  it('lets the administrator read the dashboard per region, rolled up', async () => {
    step('dashboard');
    await logIn(page, 'admin', '/admin/dashboard');
    await visible(page.getByRole('combobox', { name: '辖区' }));
    await text(page.getByRole('main'), '上级辖区的数字含其下级辖区的合计', '示例二市');
    await choose(page, '辖区', '示例省示例二市');
    await shot(page, 'regions-dashboard');
  }, 120_000);
});
