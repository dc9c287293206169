/**
 * Results as people find them, on a desktop (1280 × 900): 王芳's 新生儿出生 case, applied for and
 * decided through the API, is done; her wallet shows each licence as the child's (李小宝), kept by her
 * as guardian (监护人代持), with its issuer and validity (长期有效); the case page names the outcome
 * and links each item's decision letter, which downloads as a sealed PDF, as does the licence's
 * printed copy from the wallet. Then an enterprise's 开办餐饮店 case with its signboard refused: the
 * page says 3 项办成，1 项不予办理 with the reasons and the 复议/诉讼 route, the refusal letter
 * downloads, and the wallet shows the licence as the enterprise's, 有效期至 a date five years on.
 * Screenshots in e2e/screenshots/wallet-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/core/planning/types.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../src/server/testing/fill.ts';
import { accept, Api, approve, completedNewborn } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { card, count, text, url, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn, RESTAURANT_ANSWERS } from './support/staff.ts';

const stage = onStage();
let page: Page;
let caseId: string;
const step = journey('wallet', () => page, () => stage.server);

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
});

const SIGNBOARD = 'cg-outdoor-signboard';
const REFUSAL = '招牌设置位置在禁止设置区域内';

/** 好味餐饮's 开办餐饮店 case, applied for online by its agent with every material uploaded; the signboard refused, the rest approved. */
async function decidedRestaurant(base: string): Promise<string> {
  const me = await Api.login(base, 'haowei');
  const { id } = await me.call<{ id: string }>('POST', '/api/cases', { matterId: 'restaurant-opening' });
  const { plan } = await me.call<{ plan: Plan }>('PUT', `/api/cases/${id}/answers`, { answers: RESTAURANT_ANSWERS, chosenItems: [] });
  await me.call('PUT', `/api/cases/${id}/form`, { values: fillForm(plan) });
  for (const m of plan.materials.filter((x) => x.status === 'required')) {
    const { payload, headers } = multipart('file', `${m.id}.pdf`, 'application/pdf', SAMPLE_PDF);
    const r = await fetch(`${base}/api/cases/${id}/materials/${encodeURIComponent(m.id)}/files`, {
      method: 'POST', headers: { ...headers, cookie: me.cookie }, body: new Uint8Array(payload), signal: AbortSignal.timeout(15_000),
    });
    expect(r.status, `upload ${m.id}`).toBe(201);
  }
  await me.call('POST', `/api/cases/${id}/submit`);
  await accept(base, id);
  for (const s of plan.stages) {
    for (const item of s) {
      if (item !== SIGNBOARD) {
        await approve(base, `${plan.items.find((i) => i.id === item)?.department.code}-reviewer`, id, item);
        continue;
      }
      const cg = await Api.login(base, 'cg-reviewer');
      await expect.poll(async () => (await cg.call<{ tasks: { item: string }[] }>('GET', '/api/department/tasks')).tasks.some((t) => t.item === SIGNBOARD), { timeout: 15_000, interval: 250 }).toBe(true);
      await cg.call('POST', `/api/department/tasks/${id}/${SIGNBOARD}/claim`);
      await cg.call('POST', `/api/department/tasks/${id}/${SIGNBOARD}/refuse`, { reasons: [REFUSAL] });
    }
  }
  return id;
}

/** Fetches a link as the logged-in browser would (its cookies): status, type and the first bytes. */
async function download(href: string): Promise<{ status: number; type: string; head: string }> {
  const r = await page.request.get(href);
  return { status: r.status(), type: r.headers()['content-type'] ?? '', head: (await r.body()).subarray(0, 5).toString('latin1') };
}

describe('a parent\'s results: the child\'s licences in the wallet, the decision letters as PDFs', () => {
  it('shows each licence as the child\'s, kept by the parent as guardian, with issuer and validity', async () => {
    step('wallet');
    caseId = await completedNewborn(stage.server.base);
    await logIn(page, 'wangfang', '/wallet');
    await visible(page.getByRole('heading', { level: 1, name: '我的卡包' }));
    const cards = page.getByRole('group').filter({ has: page.getByRole('img', { name: /核验二维码/ }) });
    await count(cards, 3);
    const birth = cards.filter({ has: page.getByRole('heading', { level: 3, name: '出生医学证明' }) });
    await text(birth, '持证人', '李小宝', '监护人代持', '签发机关', '卫生健康', '有效期', '长期有效');
    // Her own name is on none of them: they are the child's.
    for (const c of await cards.all()) expect(await c.innerText()).not.toContain('王芳');
    await shot(page, 'wallet-01-child-licences', { fullPage: false });

    const href = await birth.getByRole('link', { name: /查看或下载出生医学证明/ }).getAttribute('href');
    const pdf = await download(href as string);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
  });

  it('names the outcome on the case page and downloads each decision letter as a PDF', async () => {
    step('decision');
    await page.goto(`/cases/${caseId}`);
    await url(page, new RegExp(`/cases/${caseId}$`));
    await visible(page.getByText('已全部办结', { exact: true }));
    await text(page.getByRole('alert').first(), '已办结：5 项办成');
    const results = card(page, '办理结果');
    const letters = results.getByRole('link', { name: /准予许可决定书（PDF，新窗口打开）/ });
    await count(letters, 5);
    await text(results, '出生医学证明签发', '准予办理', '准予许可决定书（PDF）');
    await shot(page, 'wallet-02-case-results');
    const href = await letters.first().getAttribute('href');
    expect(href).toMatch(/\/decision\.pdf$/);
    const pdf = await download(href as string);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
  });

  it('lists the case with its outcome among my cases', async () => {
    step('my-cases');
    await page.goto('/cases');
    // The case's own card (its heading links to it), not the messages that link to it too.
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }).filter({ has: page.locator(`a[href="/cases/${caseId}"]`) }) });
    await text(entry, '新生儿出生', '已办结', '已办结：5 项办成');
  });

  it('says a refused item so, with its reasons and the route to 复议 or 诉讼, and gives its refusal letter', async () => {
    step('refused');
    const id = await decidedRestaurant(stage.server.base);
    await page.context().clearCookies();
    await logIn(page, 'haowei', `/cases/${id}`);
    await text(page.getByRole('alert').first(), '已办结：3 项办成，1 项不予办理');
    const results = card(page, '办理结果');
    await text(results, '未办成的事项，下一步可以这样办', REFUSAL, '行政复议', '行政诉讼', '不予办理', '不予许可决定书（PDF）');
    await shot(page, 'wallet-03-refused');
    const href = await results.getByRole('link', { name: /不予许可决定书（PDF，新窗口打开）/ }).getAttribute('href');
    expect(href).toMatch(new RegExp(`/results/${SIGNBOARD}/decision\\.pdf$`));
    expect(await download(href as string)).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    // Among my cases, the outcome and a way to the reasons and what to do next.
    await page.goto('/cases');
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }).filter({ has: page.locator(`a[href="/cases/${id}"]`) }) });
    await text(entry, '已办结：3 项办成，1 项不予办理', '有事项不予办理', '查看理由和下一步');
  });

  it('shows the enterprise\'s licence as the enterprise\'s, with its credit code and the day it is valid until', async () => {
    step('enterprise-wallet');
    await page.goto('/wallet');
    const food = page.getByRole('group').filter({ has: page.getByRole('heading', { level: 3, name: /食品经营许可证/ }) });
    await text(food, '示例市好味餐饮管理有限公司', '统一社会信用代码', '示例市市场监督管理局', /有效期至 \d{4}-\d{2}-\d{2}/);
    const seen = await food.innerText();
    const [from, until] = [/签发日期\s*(\d{4})-(\d{2}-\d{2})/.exec(seen), /有效期至 (\d{4})-(\d{2}-\d{2})/.exec(seen)];
    expect(Number(until?.[1]) - Number(from?.[1])).toBe(5);
    expect(seen).not.toContain('监护人代持');
    await shot(page, 'wallet-04-enterprise', { fullPage: false });
  });
});
