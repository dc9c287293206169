/**
 * A case found on the server, and followed without an account. The clerk (window) finds 陈晓梅's
 * accepted 开办餐饮店 case by her ID number in 查找办件 (the list shows it masked) and opens it;
 * then someone with only the printed receipt opens its QR link in a browser that never logged in and
 * sees the matter and each item's status, and nobody's name or number. Screenshots in
 * e2e/screenshots/progress-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../src/server/testing/pdf-text.ts';
import { Api } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { noText, text, url, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { acceptedRestaurantCase, HEALTH_ITEM, logIn, VISITOR, type Accepted } from './support/staff.ts';

const stage = onStage();
let page: Page;
let c: Accepted;
let link = '';

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
  c = await acceptedRestaurantCase(stage.server.base);
});

const step = journey('progress', () => page, () => stage.server);
const masked = `${VISITOR.idNumber.slice(0, 6)}********${VISITOR.idNumber.slice(-4)}`;

describe('the window finds a case on the server; a walk-in follows it from the receipt', () => {
  it('the clerk finds the case by the applicant\'s ID number and opens it', async () => {
    step('search');
    await logIn(page, 'window', '/window');
    const search = page.getByLabel('按证件号码查找');
    await search.fill(VISITOR.idNumber);
    await search.press('Enter');
    const results = page.getByRole('region', { name: '查找结果' });
    await text(results, c.number, masked, '开办餐饮店');
    await noText(results, VISITOR.idNumber);
    await shot(page, 'progress-window-search');
    await results.getByRole('link', { name: c.number, exact: true }).click();
    await url(page, new RegExp(`/window/cases/${c.id}$`));
    await text(page.locator('body'), c.number);
  });

  it('the receipt carries a query code and a QR link to the public progress page', async () => {
    step('receipt');
    const clerk = await Api.login(stage.server.base, 'window');
    const r = await fetch(`${stage.server.base}/api/cases/${c.id}/documents/receipt.pdf`, { headers: { cookie: clerk.cookie }, signal: AbortSignal.timeout(15_000) });
    expect(r.status).toBe(200);
    const pdf = await readPdf(Buffer.from(await r.arrayBuffer()));
    const code = /查询码：([0-9A-Z]{6})/.exec(pdf.text)?.[1];
    expect(code).toBeTruthy();
    const qr = new URL(pdf.qr[0] ?? '');
    expect([qr.pathname, qr.searchParams.get('n'), qr.searchParams.get('c')]).toEqual(['/progress', c.number, code]);
    link = `${qr.pathname}${qr.search}`;
  });

  it('a browser that never logged in opens the link and sees each item\'s status, nothing personal', async () => {
    step('public');
    const anonymous = (await open(stage.browser, stage.server.base, 'phone')).page;
    try {
      await anonymous.goto(link);
      await visible(anonymous.getByRole('heading', { level: 1, name: '办件进度查询' }));
      const items = anonymous.getByRole('list', { name: '各事项办理情况' });
      await text(items, HEALTH_ITEM.name, '已分发到部门', '应于');
      const main = anonymous.locator('body');
      await text(main, '开办餐饮店', c.number, '预计办结');
      for (const personal of [VISITOR.name, VISITOR.idNumber, masked, VISITOR.phone]) await noText(main, personal);
      await shot(anonymous, 'progress-public');
      // A mistyped code gets the same answer as an unknown number.
      await anonymous.getByLabel('查询码').fill('AAAAAA');
      await anonymous.getByRole('button', { name: /查\s*询/ }).click();
      await text(main, '未找到该办件');
    } finally {
      await anonymous.context().close();
    }
  });
});
