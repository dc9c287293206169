/**
 * 补正 at acceptance (行政许可法 §32), on a desktop (1280 × 900): 陈晓梅 applies online for 开办餐饮店
 * as the agent of her enterprise (haowei); the window clerk sees her form and opens her files, then
 * tells one correction (补正材料通知书) on a named material, and the case waits in 待补正. In the
 * portal she is refused 已补正 until she uploads that material, then resubmits; the clerk sees it back,
 * checks it and accepts. Screenshots in e2e/screenshots/corrections-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/core/planning/types.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../src/server/testing/fill.ts';
import { Api } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { card, hidden, printed, text, url, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn, RESTAURANT_ANSWERS, scans, shanghaiDay } from './support/staff.ts';

const stage = onStage();
const LAYOUT = { id: 'food-layout-process', name: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件' } as const;
const files = scans(['平面布局图（补正）']);
let clerk: Page;
let agent: Page;
let current: () => Page = () => clerk;
let caseId = '';
let caseNumber = '';

beforeAll(async () => {
  clerk = (await open(stage.browser, stage.server.base, 'desktop')).page;
  agent = (await open(stage.browser, stage.server.base, 'desktop')).page;
  const me = await Api.login(stage.server.base, 'haowei');
  const created = await me.call<{ id: string; number: string; plan: Plan }>('POST', '/api/cases', { matterId: 'restaurant-opening', answers: RESTAURANT_ANSWERS });
  ({ id: caseId, number: caseNumber } = created);
  await me.call('PUT', `/api/cases/${caseId}/form`, { values: fillForm(created.plan, { healthCheckStaffCount: 3, foodStaffCount: 6, healthCheckPreferredDate: shanghaiDay(7) }) });
  for (const m of created.plan.materials.filter((x) => x.status === 'required')) {
    const { payload, headers } = multipart('file', `${m.id}.pdf`, 'application/pdf', SAMPLE_PDF);
    const r = await fetch(`${stage.server.base}/api/cases/${caseId}/materials/${encodeURIComponent(m.id)}/files`, {
      method: 'POST', headers: { ...headers, cookie: me.cookie }, body: new Uint8Array(payload), signal: AbortSignal.timeout(15_000),
    });
    if (r.status !== 201) throw new Error(`upload ${m.id}: ${r.status}`);
  }
  await me.call('POST', `/api/cases/${caseId}/submit`);
});

afterAll(() => files.cleanup());

const step = journey('corrections', () => current(), () => stage.server);

describe('补正 on an online application: told at once, supplied online, accepted', () => {
  it('shows the clerk the online application in the queue with the last day to tell corrections, its form and its files', async () => {
    step('check');
    await logIn(clerk, 'window', '/window');
    const row = clerk.getByRole('row').filter({ hasText: caseNumber });
    await text(row, '网上申请', /还剩 \d 个工作日|今天是补正告知的最后一天/);
    await shot(clerk, 'corrections-01-queue');
    await row.getByRole('link', { name: caseNumber, exact: true }).click();
    await url(clerk, new RegExp(`/window/cases/${caseId}$`));
    await visible(clerk.getByRole('heading', { level: 1, name: /^受理审查/ }));
    await text(card(clerk, '申请表'), '陈晓梅');
    const link = card(clerk, '材料核验').getByRole('link', { name: `查看：${LAYOUT.id}.pdf` });
    await visible(link);
    const r = await clerk.request.get(`${stage.server.base}${await link.getAttribute('href')}`);
    expect(r.status()).toBe(200);
  });

  it('tells one correction on a named material, printing the 补正材料通知书; the case waits in 待补正', async () => {
    step('ask');
    await clerk.getByRole('button', { name: '一次性告知补正', exact: true }).click();
    const dialog = clerk.getByRole('dialog', { name: '一次性告知补正' });
    await visible(dialog);
    const subject = dialog.getByRole('combobox').first();
    await subject.click();
    await subject.fill('经营布局');
    await clerk.keyboard.press('Enter');
    await text(dialog, LAYOUT.name);
    await dialog.getByLabel('存在问题').fill('未标明粗加工、烹饪、清洗消毒等功能区域');
    await dialog.getByLabel('补正要求').fill('请按比例重新绘制，标注各功能区域和主要设备');
    await shot(clerk, 'corrections-02-dialog', { fullPage: false });
    await printed(clerk, () => dialog.getByRole('button', { name: '告知补正并打印通知书' }).click(), caseId, 'corrections');
    await visible(clerk.getByRole('heading', { level: 1, name: /^待补正/ }));
    await text(card(clerk, '待补正'), LAYOUT.name, '未标明粗加工', '待补正');
    await shot(clerk, 'corrections-03-waiting');
  });

  it('lets the applicant supply it online: 已补正 is refused until the named material is uploaded', async () => {
    step('supply');
    current = () => agent;
    await logIn(agent, 'haowei', '/cases');
    await agent.goto(`/cases/${caseId}`);
    const asked = card(agent, '请补正申请材料');
    await text(asked, LAYOUT.name, '存在问题：未标明粗加工', '补正要求：请按比例重新绘制', '无需重新申请');
    await asked.getByRole('button', { name: '已补正，提交给综合窗口' }).click();
    await text(asked.getByRole('alert').filter({ hasText: '尚未补正' }), LAYOUT.name);
    await asked.locator(`#material-${LAYOUT.id} input[type=file]`).setInputFiles(files.file('平面布局图（补正）'));
    await text(asked, '已补正');
    await shot(agent, 'corrections-04-uploaded');
    await asked.getByRole('button', { name: '已补正，提交给综合窗口' }).click();
    await hidden(agent.getByRole('heading', { name: '请补正申请材料' }));
    await text(agent.locator('article header'), '已提交，等待受理');
  });

  it('shows the clerk the case back with the new file, and the clerk accepts it', async () => {
    step('accept');
    current = () => clerk;
    await clerk.reload();
    await visible(clerk.getByRole('heading', { level: 1, name: /^受理审查/ }));
    await text(clerk.getByRole('alert').filter({ hasText: '补正' }).first(), '申请人已于');
    await visible(card(clerk, '材料核验').getByRole('link', { name: '查看：平面布局图（补正）.pdf' }));
    const check = card(clerk, '材料核验');
    for (const box of await check.getByRole('checkbox').all()) await box.check();
    await clerk.getByRole('button', { name: '受理', exact: true }).click();
    const dialog = clerk.getByRole('dialog', { name: '确认受理' });
    await printed(clerk, () => dialog.getByRole('button', { name: '受理并打印受理凭证' }).click(), caseId, 'receipt');
    await visible(clerk.getByRole('heading', { level: 1, name: /^办理与送达/ }));
    await shot(clerk, 'corrections-05-accepted');
    const api = await Api.login(stage.server.base, 'window');
    const view = await api.call<{ status: string; correction: { answeredBy: string; items: { supplied: boolean }[] } }>('GET', `/api/cases/${caseId}`);
    expect(view.status).toBe('accepted');
    expect(view.correction).toMatchObject({ answeredBy: 'applicant', items: [{ supplied: true }] });
  });
});
