/**
 * 新生儿出生, online, on a phone: the mother (wangfang) logs in, opens the guide, answers the guided
 * questions one by one while the plan updates beside them, applies online, fills the one form and
 * submits. The window clerk and the five departments' reviewers act through the API (as their own
 * consoles would); the mother then sees every item done and the e-licenses, with QR codes that
 * decode to their verification page, in her wallet. Screenshots in e2e/screenshots/newborn-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { scrollWidth } from './support/a11y.ts';
import { Api, accept, approve } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { readQr } from './support/qr.ts';
import { card, count, text, url, visible, WAIT_MS } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { shanghaiDay } from './support/staff.ts';

const stage = onStage();
let page: Page;
let caseId = '';

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'phone')).page;
});

const step = journey('newborn', () => page, () => stage.server);

/** The guided questions in the order they come, and the mother's answers (visible labels). */
const QUESTIONS: { text: RegExp; answer: string; sharedData?: true }[] = [
  { text: /在本省具有出生医学证明签发资质的助产机构/, answer: '是' },
  { text: /是否为首次申领/, answer: '是' },
  { text: /父母是否已依法登记结婚/, answer: '是', sharedData: true },
  { text: /是否未满 1 周岁/, answer: '是' },
  { text: /由谁提交申请/, answer: '宝宝的母亲' },
  { text: /随父亲还是母亲落户/, answer: '随母亲落户' },
  { text: /父母双方的户籍在哪里/, answer: '父母双方都是本省户籍' },
  { text: /是否已经办理过生育登记/, answer: '是' },
  { text: /母亲是否在本市参加职工基本医疗保险（生育保险）/, answer: '否' },
];

const heading = (name: string | RegExp) => page.getByRole('heading', { name });

async function reloadCase(): Promise<void> {
  await page.reload();
  await visible(page.getByRole('heading', { level: 1, name: '新生儿出生“一件事”' }));
}

describe('新生儿出生 online on a phone, from the guide to the wallet', () => {
  it('logs in as the mother and opens the guide of 新生儿出生', async () => {
    step('login');
    await page.goto('/');
    await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的' }).click();
    await url(page, /\/login/);
    await page.getByLabel('用户名', { exact: true }).fill('wangfang');
    await page.getByLabel('密码', { exact: true }).fill('Demo@2026');
    await page.getByRole('main').getByRole('button', { name: /登\s*录/ }).click();
    await url(page, /\/cases$/);
    await page.getByRole('navigation', { name: '底部导航' }).getByRole('button', { name: '我的' }).click();
    await visible(page.getByRole('dialog', { name: '我的' }).getByRole('button', { name: /退出（王芳）/ }));
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: /高效办成一件事/ }).first().click();
    await page.getByRole('link', { name: '新生儿出生“一件事”' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '新生儿出生“一件事”' }));
    await shot(page, 'newborn-01-guide', { fullPage: false });
    await page.getByRole('link', { name: '在线办理' }).click();
    await url(page, /\/matters\/newborn-birth\/apply$/);
    await visible(page.getByText(/您已登录，可自动填写/));
  });

  it('answers the questions step by step, the plan updating live', async () => {
    step('questions');
    const plan = page.getByRole('region', { name: /您的办理方案/ });
    for (const [i, q] of QUESTIONS.entries()) {
      const group = page.getByRole('radiogroup', { name: q.text });
      await visible(group);
      if (q.sharedData) {
        // The catalogue takes this answer from shared data and does not let it be changed
        // (prefill editable: false): shown, already answered, every option locked.
        await text(page.getByRole('region', { name: q.text }), '来自共享数据', '不能修改');
        const radios = group.getByRole('radio');
        await count(radios, 2);
        await expect.poll(async () => (await Promise.all((await radios.all()).map((r) => r.isDisabled()))).every(Boolean), { timeout: WAIT_MS, message: 'options of the shared-data question locked' }).toBe(true);
        expect(await group.getByRole('radio', { name: q.answer, exact: true }).isChecked()).toBe(true);
      } else {
        await group.getByRole('radio', { name: q.answer, exact: true }).check();
      }
      if (i === 0) {
        await text(plan, '一次办理', '出生医学证明签发（首次签发）');
        await shot(page, 'newborn-02-first-question', { fullPage: false });
      }
      await page.getByRole('button', { name: /^(下一题|查看办理方案)$/ }).click();
    }
    await visible(heading('问题都回答完了，请选择办理方式'));
    const summary = await text(plan.getByRole('status'), '婚生、未满 1 周岁、父母双方均为本省户籍', '承诺 5 个工作日办结');
    expect(summary).toMatch(/（\d+ 项免提交）/);
    await text(plan, '办理时限', '承诺 5 个工作日办结', '无需提交', '父母结婚证', '免提交 · 数据共享', '新生儿出生医学证明', '免提交 · 前序结果');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'newborn-03-plan');
  });

  it('chooses online, fills the one form on the case page and submits', async () => {
    step('form');
    await page.getByRole('button', { name: '开始网上办理' }).click();
    await url(page, /\/cases\/[0-9a-f-]{36}$/);
    caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await visible(heading('第一步：填写申请表'));
    // The marriage question is the one taken from shared data (民政婚姻登记信息), whatever was clicked.
    const mother = await Api.login(stage.server.base, 'wangfang');
    const draft = await mother.call<{ plan: { answers: { question: string; source: string; value: unknown }[] } }>('GET', `/api/cases/${caseId}`);
    expect(draft.plan.answers.find((a) => a.question === 'parentsMarried')).toMatchObject({ source: 'facts', value: true });
    await text(page.getByRole('article'), '未提交（草稿）', '承诺 5 个工作日内全部办结', '本次不需要上传任何材料');

    // Pre-filled from the real-name identity and shared data: only to check.
    expect(await page.getByLabel('母亲姓名', { exact: true }).inputValue()).toBe('王芳');
    expect(await page.getByLabel('父亲姓名', { exact: true }).inputValue()).toBe('李强');
    expect(await page.getByLabel('母亲公民身份号码', { exact: true }).inputValue()).toMatch(/^\d{6}\*+\d{3}[\dX]$/);

    await page.getByRole('radiogroup', { name: '结果领取方式' }).getByRole('radio', { name: /网上推送/ }).check();
    await page.getByLabel('新生儿姓名', { exact: true }).fill('李小宝');
    await page.getByRole('radiogroup', { name: '新生儿性别' }).getByRole('radio', { name: '男', exact: true }).check();
    await page.getByLabel('新生儿出生日期', { exact: true }).fill(shanghaiDay(-5));
    await page.getByLabel('出生地点（省、市、县）', { exact: true }).fill('示例省示例市示例区');
    await page.getByLabel('分娩的助产机构名称', { exact: true }).fill('示例市妇幼保健院');
    await page.getByLabel('新生儿民族', { exact: true }).fill('汉族');
    const relation = page.getByRole('combobox', { name: '新生儿与户主关系' });
    await relation.click();
    await page.locator('.ant-select-dropdown').getByText('子', { exact: true }).click();
    await text(page.getByRole('group', { name: '父母及落户信息' }), '子');
    await page.getByLabel('新生儿姓名', { exact: true }).focus(); // leave the last field, so it saves too
    await text(page.getByRole('status').filter({ hasText: /保存/ }), '已保存');
    await shot(page, 'newborn-04-form');

    await page.getByRole('button', { name: '下一步：核对并提交' }).click();
    await page.getByRole('checkbox', { name: /本人承诺所填信息真实有效/ }).check();
    await page.getByRole('button', { name: '提交申请' }).click();
    await visible(page.getByText('已提交，等待受理'));
    await visible(page.getByText('申请已提交', { exact: true }));
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'newborn-05-submitted', { fullPage: false });
  });

  it('is accepted by the window and shows the progress of each item', async () => {
    step('accepted');
    await accept(stage.server.base, caseId);
    await reloadCase();
    await visible(page.getByText(/已受理，正在办理/));
    const progress = card(page, '办理进度');
    await text(progress, '出生医学证明签发（首次签发）', '已分发到部门', '国（境）内出生登记（新生儿户口登记）', '等待前置事项', /已办结 0 个/);
    await shot(page, 'newborn-06-accepted');
  });

  it('after the departments approve, shows the case completed with every item done', async () => {
    step('completed');
    const mother = await Api.login(stage.server.base, 'wangfang');
    type View = { status: string; progress: { item: string; status: string; department: { code: string } }[] };
    const approved: string[] = [];
    const deadline = Date.now() + 45_000;
    for (;;) {
      const view = await mother.call<View>('GET', `/api/cases/${caseId}`);
      if (view.progress.every((p) => p.status === 'approved')) break;
      if (Date.now() > deadline) throw new Error(`not all items approved in time: ${JSON.stringify(view.progress.map((p) => [p.item, p.status]))}`);
      const ready = view.progress.filter((p) => p.status === 'dispatched');
      for (const p of ready) {
        await approve(stage.server.base, `${p.department.code}-reviewer`, caseId, p.item);
        approved.push(p.item);
      }
      if (ready.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(approved).toEqual(expect.arrayContaining(['wsjk-birth-medical-certificate', 'jk-vaccination-certificate', 'ga-birth-registration', 'yb-resident-insurance-enrolment', 'rs-ssc-application']));
    expect(approved.indexOf('ga-birth-registration')).toBeGreaterThan(approved.indexOf('wsjk-birth-medical-certificate'));

    await reloadCase();
    await visible(page.getByText('已全部办结', { exact: true }));
    const n = approved.length;
    const progress = card(page, '办理进度');
    await text(progress, `共 ${n} 个事项，已办结 ${n} 个`, '电子证照已放入我的卡包');
    const items = progress.getByRole('heading', { level: 4 });
    await count(items, n);
    for (const item of await items.allInnerTexts()) expect(item).toMatch(/已办结$/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'newborn-07-completed');
  });

  it('finds the e-licenses in the wallet, each with a QR code for verification', async () => {
    step('wallet');
    await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '卡包' }).click();
    await url(page, /\/wallet$/);
    await visible(page.getByRole('heading', { level: 1, name: '我的卡包' }));
    const cards = page.getByRole('group').filter({ has: page.getByRole('img', { name: /核验二维码/ }) });
    await count(cards, 3);
    const names = (await cards.getByRole('heading', { level: 3 }).allInnerTexts()).join('｜');
    for (const want of ['出生医学证明', '户口', '社会保障卡']) expect(names).toContain(want);
    const verifyLinks: string[] = [];
    for (const card of await cards.all()) {
      const href = await card.getByRole('link', { name: /在线核验真伪/ }).getAttribute('href');
      expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/verify\//);
      expect(await readQr(card.getByRole('img', { name: /核验二维码/ }))).toBe(href);
      verifyLinks.push(href as string);
    }
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'newborn-08-wallet');

    // Scanning the code opens the verification page: valid, sealed with SM2.
    await page.goto(verifyLinks[0] as string);
    await visible(page.getByText('电子证照有效'), WAIT_MS);
    await shot(page, 'newborn-09-verified', { fullPage: false });
  });
});

