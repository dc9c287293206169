/**
 * A person behind the assistant, on a desktop: 张建国 arrives from the assistant's hand-off with his
 * question already written and sends it; the 人社 reviewer answers it in the workbench; he reads the
 * answer under 我的咨询 and confirms it resolved his question. Screenshots in e2e/screenshots/consult-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, it } from 'vitest';
import { open, shot } from './support/browser.ts';
import { text, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn } from './support/staff.ts';

const stage = onStage();
let page: Page;
const step = journey('consult', () => page, () => stage.server);
const QUESTION = '退休一件事能不能委托子女代办？';

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
});

describe('咨询 answered by a person', () => {
  it('sends the question the assistant handed over', async () => {
    step('ask');
    await logIn(page, 'zhangjianguo', '/cases');
    await page.goto(`/consult?from=ask&matter=retirement&q=${encodeURIComponent(QUESTION)}`);
    await text(page.locator('main'), '智能客服没能确切回答您的问题');
    await visible(page.getByLabel('内容'));
    await page.getByRole('button', { name: '提交' }).click();
    await text(page.locator('.ant-message'), '已提交，编号 ZX');
    const mine = page.getByRole('article', { name: /^咨询 ZX/ });
    await text(mine, QUESTION, '待答复', '示例市人力资源和社会保障局');
    await shot(page, 'consult-01-sent', { fullPage: false });
  });

  it('is answered by the department in its workbench', async () => {
    step('answer');
    await page.context().clearCookies();
    await logIn(page, 'rs-reviewer', '/workbench');
    await page.getByRole('tab', { name: '咨询投诉' }).click();
    const item = page.getByRole('article', { name: /^咨询 ZX/ });
    await text(item, QUESTION, '智能客服转人工');
    await item.getByLabel('答复内容').fill('可以委托，受托人须携带委托书和本人身份证到窗口办理。');
    await item.getByRole('button', { name: '发送答复' }).click();
    await text(page.locator('.ant-message'), '已答复，答复将送达申请人');
    await shot(page, 'consult-02-answered', { fullPage: false });
  });

  it('reaches the applicant, who confirms it resolved the question', async () => {
    step('confirm');
    await page.context().clearCookies();
    await logIn(page, 'zhangjianguo', '/cases');
    await page.goto('/consult');
    const mine = page.getByRole('article', { name: /^咨询 ZX/ });
    await text(mine, '可以委托，受托人须携带委托书', '已答复，待确认');
    await mine.getByRole('button', { name: '问题已解决' }).click();
    await text(page.getByRole('article', { name: /^咨询 ZX/ }), '已办结');
    await shot(page, 'consult-03-closed', { fullPage: false });
  });
});
