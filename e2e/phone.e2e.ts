/**
 * The portal on a phone (375 × 812): the guide as cards with each material's exemptions in words and a
 * sticky 在线办理; the bottom tab bar (首页, 办件, 卡包, 我的) instead of the header; home with life
 * stages as a navigator, frequent matters and the cases in progress; and an application checked on its
 * 核对提交 page (one answer changed through its 修改 link, the declaration required) up to the
 * confirmation with the case number, the expected day and the next step. 智能客服 opens as a sheet as
 * wide as the screen, with the focus in it, and closes by Esc or its close button back to its opener.
 * Screenshots in e2e/screenshots/phone-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/core/planning/types.ts';
import { NEWBORN_ANSWERS } from '../src/server/testing/api-call.ts';
import { fillForm } from '../src/server/testing/fill.ts';
import { scrollWidth } from './support/a11y.ts';
import { Api } from './support/api.ts';
import { axeFindings, describeFindings, withAxe } from './support/axe.ts';
import { open, shot } from './support/browser.ts';
import { attribute, count, hidden, text, url, visible } from './support/see.ts';
import { journey, onFailure } from './support/steps.ts';
import { onStage } from './support/stage.ts';

const stage = onStage();
let page: Page;
let caseId = '';
let caseNumber = '';

beforeAll(async () => {
  const opened = await open(stage.browser, stage.server.base, 'phone');
  await withAxe(opened.context);
  page = opened.page;
});

const step = journey('phone', () => page, () => stage.server);
const tabs = () => page.getByRole('navigation', { name: '底部导航' });

/** No serious or critical WCAG 2.1 A/AA finding on the page as it is now. */
async function accessible(): Promise<void> {
  const problems = describeFindings(await axeFindings(page));
  expect(problems, problems.join('\n')).toEqual([]);
}

/** The element's box lies wholly above the top edge of the tab bar (or of `bar`): nothing of it is covered. */
async function aboveTabBar(locator: Locator, over: Locator = tabs()): Promise<void> {
  const bar = await over.boundingBox();
  const box = await locator.boundingBox();
  expect(bar && box, 'both on screen').toBeTruthy();
  if (bar && box) expect(box.y + box.height).toBeLessThanOrEqual(bar.y + 0.5);
}

describe('the portal on a phone', () => {
  it('shows the guide as cards, each material with its exemptions in sentences, and a sticky 在线办理', async () => {
    step('guide');
    await page.goto('/matters/newborn-birth');
    await visible(page.getByRole('heading', { level: 1, name: '新生儿出生“一件事”' }));
    const materials = page.getByRole('list', { name: '申请材料', exact: true });
    await visible(materials);
    await count(page.locator('#section-materials table'), 0);
    await count(page.locator('#section-items table'), 0);
    const marriage = materials.getByRole('listitem').filter({ hasText: '父母结婚证' }).first();
    await text(marriage, '1 份', '免提交：部门通过数据共享获取');
    await text(materials, '已有居民身份证电子证照的，免提交');
    await visible(page.getByRole('list', { name: '涉及事项', exact: true }).getByText('出生医学证明签发', { exact: false }).first());
    // 在线办理 stays at the foot of the screen, above the tab bar, wherever the page is scrolled.
    const apply = page.getByRole('link', { name: '在线办理' });
    await visible(apply);
    await aboveTabBar(apply);
    await page.mouse.wheel(0, 1500);
    await visible(apply);
    await aboveTabBar(apply);
    // At the very end, the page's foot is not under the 在线办理 bar either.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await aboveTabBar(page.getByRole('button', { name: '智能客服' }), page.locator('.phone-action'));
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'phone-01-guide', { fullPage: false });
    await accessible();
  });

  it('has a bottom tab bar instead of the header; home shows life stages as a navigator and frequent matters', async () => {
    step('home');
    await count(page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: /登\s*录/ }), 0);
    await tabs().getByRole('link', { name: '首页' }).click();
    await url(page, /\/$/);
    await attribute(tabs().getByRole('link', { name: '首页' }), 'aria-current', 'page');
    const navigator = page.getByRole('navigation', { name: '按人生阶段找' });
    await visible(navigator.getByRole('link', { name: /养老/ }));
    await navigator.getByRole('link', { name: /养老/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('退休“一件事”');
    // The guide just opened comes first among the frequent matters.
    const frequent = page.getByRole('region', { name: '常办事项' });
    await expect.poll(async () => (await frequent.getByRole('link').first().innerText())).toBe('新生儿出生');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'phone-02-home', { fullPage: false });
    // The last thing on the page (the 智能客服 opener) is not under the tab bar.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await aboveTabBar(page.getByRole('button', { name: '智能客服' }));
  });

  it('logs in through 我的 and moves between 办件, 卡包 and 我的', async () => {
    step('tabs');
    // The case to check and submit below, started by the mother through the API.
    const me = await Api.login(stage.server.base, 'wangfang');
    ({ id: caseId } = await me.call<{ id: string }>('POST', '/api/cases', { matterId: 'newborn-birth' }));
    const { plan } = await me.call<{ plan: Plan }>('PUT', `/api/cases/${caseId}/answers`, { answers: NEWBORN_ANSWERS, chosenItems: [] });
    await me.call('PUT', `/api/cases/${caseId}/form`, { values: fillForm(plan, { newbornName: '李小宝' }) });
    ({ number: caseNumber } = await me.call<{ number: string }>('GET', `/api/cases/${caseId}`));

    await tabs().getByRole('link', { name: '我的' }).click();
    await url(page, /\/login$/);
    await page.getByLabel('用户名', { exact: true }).fill('wangfang');
    await page.getByLabel('密码', { exact: true }).fill('Demo@2026');
    await page.getByRole('main').getByRole('button', { name: /登\s*录/ }).click();
    await url(page, /\/cases$/);
    await attribute(tabs().getByRole('link', { name: '办件' }), 'aria-current', 'page');
    await tabs().getByRole('link', { name: '卡包' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '我的卡包' }));
    await tabs().getByRole('button', { name: '我的' }).click();
    const sheet = page.getByRole('dialog', { name: '我的' });
    await visible(sheet.getByRole('button', { name: '退出（王芳）' }));
    await visible(sheet.getByRole('link', { name: '修改密码' }));
    await shot(page, 'phone-03-me', { fullPage: false });
    await accessible();
    await page.keyboard.press('Escape');
    await hidden(sheet);
    await tabs().getByRole('link', { name: '首页' }).click();
    const mine = page.getByRole('region', { name: '我正在办的事' });
    await text(mine, '新生儿出生“一件事”', '未提交（草稿）');
    await mine.getByRole('link', { name: `查看办件 ${caseNumber}` }).click();
    await url(page, new RegExp(`/cases/${caseId}$`));
  });

  it('checks every answer before submitting, changes one through its link and must tick the declaration', async () => {
    step('check');
    await page.getByRole('button', { name: '下一步：核对并提交' }).click();
    const check = page.getByRole('region', { name: /^核对提交/ });
    await text(check, '宝宝随父亲还是母亲落户？', '随母亲落户', '新生儿姓名', '李小宝', '本次不需要上传材料');
    await visible(check.getByRole('button', { name: /^修改：/ }).first());
    await shot(page, 'phone-04-check');
    await accessible();

    await check.getByRole('link', { name: '修改：宝宝随父亲还是母亲落户？' }).click();
    await url(page, /\/matters\/newborn-birth\/apply\?case=/);
    const group = page.getByRole('radiogroup', { name: '宝宝随父亲还是母亲落户？' });
    await visible(group);
    await group.getByRole('radio', { name: '随父亲落户', exact: true }).check();
    await page.getByRole('button', { name: '改好了，返回核对' }).click();
    await url(page, new RegExp(`/cases/${caseId}$`));
    await text(page.getByRole('region', { name: /^核对提交/ }), '随父亲落户');

    await page.getByRole('button', { name: '提交申请' }).click();
    await visible(page.getByText('请先阅读并勾选承诺，再提交申请'));
    await accessible();
    await page.getByRole('checkbox', { name: /本人承诺所填信息真实有效/ }).check();
    await page.getByRole('button', { name: '提交申请' }).click();
    const done = page.getByRole('region', { name: '提交成功' });
    await text(done, `办件编号：${caseNumber}`, /预计办结：\d{4}年\d{1,2}月\d{1,2}日/, '承诺 5 个工作日', '下一步：综合窗口审核您的申请并受理');
    await visible(page.getByText('已提交，等待受理'));
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'phone-05-confirmation', { fullPage: false });
    await accessible();
  });

  it('keeps the tab bar and the content clear of each other in 长辈模式', async () => {
    step('elder');
    await page.getByRole('button', { name: '长辈模式' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.elder)).toBe('on');
    await tabs().getByRole('link', { name: '首页' }).click();
    await visible(page.getByRole('navigation', { name: '按人生阶段找' }));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await aboveTabBar(page.getByRole('button', { name: '智能客服' }));
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'phone-06-elder', { fullPage: false });
  });
});

describe('智能客服 on a phone', () => {
  it('opens as a sheet as wide as the screen, focus inside, closed by Esc or its close button back to the opener', async () => {
    // A page of its own (a visitor, standard mode), so the journey above cannot leave it in another state.
    const { context, page: p } = await open(stage.browser, stage.server.base, 'phone');
    await withAxe(context);
    onFailure('phone-FAILED-assistant', () => p, () => stage.server);
    await p.goto('/matters/newborn-birth');
    await visible(p.getByRole('heading', { level: 1, name: '新生儿出生“一件事”' }));
    const opener = p.getByRole('button', { name: '智能客服' });
    const panel = p.getByRole('dialog', { name: '智能客服' });
    const focusIn = () => p.evaluate(() => document.activeElement?.closest('[role="dialog"]')?.textContent?.includes('智能客服') ?? false);
    const onOpener = () => p.evaluate(() => document.activeElement?.classList.contains('assistant-open') ?? false);
    // The panel's box once its opening slide is over: within the screen, as wide as it.
    const settled = () => panel.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: Math.round(r.left), right: Math.round(r.right), bottom: Math.round(r.bottom), sideways: el.scrollWidth > el.clientWidth + 1 };
    });

    await opener.click();
    await visible(panel);
    await expect.poll(focusIn, { message: 'focus moves into the panel' }).toBe(true);
    await expect.poll(settled).toEqual({ left: 0, right: 375, bottom: 812, sideways: false });
    const box = panel.getByLabel('输入您的问题');
    await box.fill('生孩子要带什么材料');
    await box.press('Enter');
    await visible(panel.locator('.assistant-turn').last().getByRole('link', { name: '查看指南中的这一部分' }));
    expect(await settled()).toEqual({ left: 0, right: 375, bottom: 812, sideways: false });
    expect(await scrollWidth(p)).toBeLessThanOrEqual(375);
    await shot(p, 'phone-07-assistant', { fullPage: false });
    const problems = describeFindings(await axeFindings(p));
    expect(problems, problems.join('\n')).toEqual([]);

    await p.keyboard.press('Escape');
    await hidden(panel);
    await expect.poll(onOpener, { message: 'Esc returns focus to the opener' }).toBe(true);

    await opener.click();
    await visible(panel);
    const close = panel.getByRole('button', { name: '关闭智能客服' });
    await visible(close);
    const target = await close.boundingBox();
    expect(Math.min(target?.width ?? 0, target?.height ?? 0), 'the close button is a 44 px target').toBeGreaterThanOrEqual(44);
    await close.click();
    await hidden(panel);
    await expect.poll(onOpener, { message: 'the close button returns focus to the opener' }).toBe(true);
    await context.close();
  });
});
