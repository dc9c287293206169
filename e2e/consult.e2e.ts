/**
 * A person behind the assistant, on a desktop: 张建国 arrives from the assistant's hand-off with his
 * question already written and sends it; the 人社 reviewer answers it in the workbench; he reads the
 * answer under 我的咨询 and confirms it resolved his question. A visitor without a case asks at the
 * window: the clerk records it, answers it for the service centre, and records the visitor's confirmation.
 * Screenshots in e2e/screenshots/consult-*.png.
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
const WALK_IN = '政务服务中心周六能办业务吗？';

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

  it('is recorded at the window for a visitor without a case, answered by SMS and closed by the clerk', async () => {
    step('walk-in');
    await page.context().clearCookies();
    await logIn(page, 'window', '/window');
    await page.getByRole('link', { name: '来访咨询登记' }).click();
    await page.getByLabel('来访群众姓名').fill('李来访');
    await page.getByLabel('手机号', { exact: true }).fill('13901990002');
    await page.getByLabel('内容', { exact: true }).fill(WALK_IN);
    await page.getByRole('button', { name: '登记' }).click();
    await text(page.getByRole('alert').filter({ hasText: '已登记' }), '已登记咨询，编号 ZX', '示例市政务服务和数据管理局', '139****0002');
    await text(page.getByRole('article', { name: /^咨询 ZX/ }), WALK_IN, '来访群众：李来访，手机 139****0002', '待答复');
    await shot(page, 'consult-04-walk-in', { fullPage: false });
    // What concerns no matter is the service centre's to answer: at this same window, on its start page.
    await page.getByRole('link', { name: '返回综合窗口' }).click();
    const item = page.getByRole('article', { name: /^咨询 ZX/ });
    await text(item, WALK_IN, '窗口来访');
    await item.getByLabel('答复内容').fill('周六上午 9:00-12:00 综合窗口可以办理。');
    await item.getByRole('button', { name: '发送答复' }).click();
    await text(page.locator('.ant-message'), '已答复');
    await page.getByRole('link', { name: '来访咨询登记' }).click();
    const answered = page.getByRole('article', { name: /^咨询 ZX/ });
    await text(answered, '周六上午 9:00-12:00', '短信告知群众');
    await answered.getByRole('button', { name: '群众确认已解决' }).click();
    await text(page.getByRole('article', { name: /^咨询 ZX/ }), '已办结');
    await shot(page, 'consult-05-walk-in-closed', { fullPage: false });
  });
});
