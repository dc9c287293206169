/**
 * 智能预审 (issue 14), on a phone: 好味餐饮's agent uploads a photo of the food-safety rules list whose
 * printed credit code has a wrong check digit; the machine's OCR reads it and the draft 一次性告知 on
 * the upload step says so, masked, before anything is submitted; the check-your-answers page shows
 * the same notice (and, on the way, a form's sample PDF linked from the upload step). The picture is
 * made by the test. Screenshot in e2e/screenshots/precheck-notice.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/core/planning/types.ts';
import { usccCheckChar } from '../src/core/fields/validators.ts';
import { cardPdf, pdfToPng } from '../src/server/modules/precheck/fixtures.ts';
import { fillForm } from '../src/server/testing/fill.ts';
import { Api } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { text, visible } from './support/see.ts';
import { logIn, RESTAURANT_ANSWERS } from './support/staff.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';

const stage = onStage();
let page: Page;
let caseId = '';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-e2e-precheck-'));
const MATERIAL = 'food-safety-rules';
const BODY = '91990100MA01HW8K2';
// The enterprise's real code ends in its check character; the photo carries another one.
const WRONG = BODY + (usccCheckChar(BODY) === '1' ? '2' : '1');
const step = journey('precheck', () => page, () => stage.server);

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'phone')).page;
  const agent = await Api.login(stage.server.base, 'haowei');
  caseId = (await agent.call<{ id: string }>('POST', '/api/cases', { matterId: 'restaurant-opening' })).id;
  const { plan } = await agent.call<{ plan: Plan }>('PUT', `/api/cases/${caseId}/answers`, { answers: RESTAURANT_ANSWERS });
  await agent.call('PUT', `/api/cases/${caseId}/form`, { values: fillForm(plan, { healthCheckStaffCount: 3, foodStaffCount: 6 }) });
  const png = await pdfToPng(await cardPdf(['保证食品安全的规章制度目录清单', '名称 示例市好味餐饮管理有限公司', `统一社会信用代码 ${WRONG}`, '一、食品安全自查制度', '二、从业人员健康管理制度']));
  fs.writeFileSync(path.join(dir, '规章制度目录.png'), png);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the draft 一次性告知 after an upload', () => {
  it('reads the uploaded photo and says the credit code on it is wrong, before submitting', async () => {
    step('upload');
    await logIn(page, 'haowei', `/cases/${caseId}`);
    // On the way, 材料样本 (5.2.6 a) on the upload step: a form to fill in links to its printable sample.
    const sample = page.locator('#material-food-staff-list').getByRole('link', { name: '查看样本（PDF）：需体检从业人员名单' });
    await visible(sample);
    const pdf = await page.request.get(await sample.getAttribute('href') as string);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await page.locator(`#material-${MATERIAL} input[type=file]`).setInputFiles(path.join(dir, '规章制度目录.png'));
    const notice = page.getByTestId('precheck');
    await visible(notice);
    await text(notice, '一次性告知（草稿）');
    // OCR takes a few seconds on a shared machine; the panel asks again until it is done.
    await visible(notice.getByText(/统一社会信用代码 919901\*+\w{4} 不正确/), 90_000);
    await text(notice, '保证食品安全的规章制度目录清单', '须改正', '校验码');
    await notice.scrollIntoViewIfNeeded();
    await shot(page, 'precheck-notice', { fullPage: false });
  }, 150_000);

  it('shows the same notice on the check-your-answers page', async () => {
    step('review');
    await page.goto(`/cases/${caseId}?review=1`);
    await visible(page.getByRole('heading', { name: /核对提交/ }));
    const notice = page.getByTestId('precheck');
    await visible(notice.getByText(/统一社会信用代码 919901\*+\w{4} 不正确/), 30_000);
  }, 60_000);
});
