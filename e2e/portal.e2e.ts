/**
 * The service zone as an anonymous visitor sees it on a phone (375 × 812): matters by life stage,
 * search, the guide of 新生儿出生 with its flow diagram and a material's sample PDF, elder mode,
 * English, the keyboard, and no sideways scrolling. Against the real server and the built web app; screenshots in e2e/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { keyboardReport, scrollWidth } from './support/a11y.ts';
import { open, shot } from './support/browser.ts';
import { attribute, count, noText, text, url, visible } from './support/see.ts';
import { onStage } from './support/stage.ts';
import { onFailure } from './support/steps.ts';

const stage = onStage();

/** A fresh phone page; on failure, a screenshot and the server's last words. */
async function phone(label: string): Promise<Page> {
  const { context, page } = await open(stage.browser, stage.server.base, 'phone');
  onFailure(`portal-FAILED-${label}`, () => page, () => stage.server);
  onTestFailed(() => context.close());
  return page;
}

async function home(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: '个人办事' }).waitFor();
  await page.getByRole('link', { name: /新生儿出生/ }).first().waitFor();
}

/** The card of search results for `q` (its title is the query in quotes). */
const results = (page: Page, q: string) => page.locator('.ant-card', { has: page.getByText(`“${q}”`, { exact: true }) });

describe('service zone on a phone, anonymous', () => {
  it('lists key matters by life stage, for persons and for enterprises', async () => {
    const page = await phone('stages');
    await home(page);
    const panel = page.getByRole('tabpanel');
    for (const stage of ['出生', '教育', '养老']) await visible(panel.getByText(stage, { exact: true }));
    await visible(panel.getByRole('link', { name: '新生儿出生“一件事”' }));
    await visible(panel.getByRole('link', { name: '退休“一件事”' }));
    await visible(panel.getByText(/牵头：示例市卫生健康委员会/).first());
    await shot(page, 'portal-01-home-person');

    await page.getByRole('tab', { name: '企业办事' }).click();
    await attribute(page.getByRole('tab', { name: '企业办事' }), 'aria-selected', 'true');
    const enterprise = page.getByRole('tabpanel').filter({ visible: true });
    await visible(enterprise.getByText('准入准营', { exact: true }));
    await visible(enterprise.getByRole('link', { name: '开办餐饮店“一件事”' }));
    await count(enterprise.getByRole('link', { name: /新生儿出生/ }), 0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'portal-02-home-enterprise');
    await page.context().close();
  });

  it('finds 新生儿出生, 开办餐饮店 and 退休 by search', async () => {
    const page = await phone('search');
    await home(page);
    const box = page.getByRole('searchbox').or(page.getByLabel(/搜索“一件事”/)).first();
    const wanted: [string, string][] = [['出生', '新生儿出生“一件事”'], ['餐饮', '开办餐饮店“一件事”'], ['退休', '退休“一件事”']];
    for (const [q, name] of wanted) {
      await box.fill(q);
      await box.press('Enter');
      const card = results(page, q);
      await visible(card.getByRole('link', { name }));
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await shot(page, `portal-03-search-${q}`);
    }
    await results(page, '退休').getByRole('link', { name: '退休“一件事”' }).click();
    await url(page, /\/matters\/retirement$/);
    await visible(page.getByRole('heading', { level: 1, name: '退休“一件事”' }));
    await page.context().close();
  });

  it('shows the guide of 新生儿出生: lead department, flow diagram, materials, windows', async () => {
    const page = await phone('guide');
    await home(page);
    await page.getByRole('link', { name: '新生儿出生“一件事”' }).click();
    await url(page, /\/matters\/newborn-birth$/);
    await visible(page.getByRole('heading', { level: 1, name: '新生儿出生“一件事”' }));
    await visible(page.getByRole('link', { name: '在线办理' }));

    /** The row of the guide's table whose heading is exactly `label`. */
    const row = (label: string) => page.getByRole('row').filter({ has: page.getByText(label, { exact: true }) });
    await text(row('牵头部门'), '示例市卫生健康委员会');
    await text(row('办理时限'), '承诺 5 个工作日');
    const windows = row('综合窗口');
    await text(windows, '社会事务综合窗口');
    await text(windows, '12345');

    const flow = page.getByRole('list', { name: '办理流程' });
    const steps = flow.getByRole('listitem');
    await count(steps, 4);
    await text(steps.nth(0), '第 1 步');
    await text(steps.nth(0), '出生医学证明签发');
    await text(steps.nth(1), '第 2 步');
    await text(steps.nth(1), '出生登记');
    await flow.scrollIntoViewIfNeeded();
    await shot(page, 'portal-04-guide-newborn-flow', { fullPage: false });

    const materials = page.locator('.ant-card', { has: page.getByText('申请材料', { exact: true }) });
    // On a phone the materials are cards, each exemption said in a sentence (e2e/phone.e2e.ts).
    for (const m of ['父母双方居民身份证', '父母结婚证', '新生儿出生医学证明']) await visible(materials.getByText(m, { exact: true }));
    await visible(materials.getByText('已有居民身份证电子证照的，免提交', { exact: false }).first());
    // 材料样本 (5.2.6 a): the link opens the platform's printable sample of that material.
    const sample = materials.getByRole('link', { name: '查看样本（PDF）：新生儿出生医学证明' });
    await visible(sample);
    const href = await sample.getAttribute('href');
    expect(href).toBe('/api/public/matters/newborn-birth/materials/birth-medical-certificate/sample.pdf');
    const pdf = await page.request.get(href as string);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await page.context().close();
  });

  it('elder mode makes the text larger and survives a reload', async () => {
    const page = await phone('elder');
    await home(page);
    const sizes = () => page.evaluate(() => ({
      body: parseFloat(getComputedStyle(document.body).fontSize),
      matter: parseFloat(getComputedStyle(document.querySelector('main a[href^="/matters/"]') as Element).fontSize),
    }));
    const before = await sizes();
    const toggle = page.getByRole('button', { name: '长辈模式' });
    await attribute(toggle, 'aria-pressed', 'false');
    await toggle.click();
    await attribute(toggle, 'aria-pressed', 'true');
    await expect.poll(async () => (await sizes()).body, { timeout: 5_000 }).toBeGreaterThan(before.body);
    await expect.poll(async () => (await sizes()).matter, { timeout: 5_000 }).toBeGreaterThan(before.matter);
    await shot(page, 'portal-05-elder');

    await page.reload();
    await page.getByRole('tab', { name: '个人办事' }).waitFor();
    await page.getByRole('link', { name: /新生儿出生/ }).first().waitFor();
    await attribute(toggle, 'aria-pressed', 'true');
    const after = await sizes();
    expect(after.body).toBeGreaterThan(before.body);
    expect(after.matter).toBeGreaterThan(before.matter);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'portal-06-elder-after-reload');
    await page.context().close();
  });

  it('switches the interface to English and back', async () => {
    const page = await phone('english');
    await home(page);
    // The landmarks are named in the interface's language too.
    const nav = page.getByRole('navigation', { name: /^(主导航|Main navigation)$/ });
    const tabs = page.getByRole('navigation', { name: /^(底部导航|Bottom navigation)$/ });
    await text(nav, '高效办成一件事');
    await nav.getByRole('button', { name: 'English' }).click();
    await text(nav, 'One Thing, Done Efficiently');
    await visible(tabs.getByRole('link', { name: 'Me', exact: true }));
    await text(nav, 'Large print');
    await noText(nav, '长辈模式');
    await visible(page.getByRole('tab', { name: 'For individuals' }));
    await attribute(page.locator('html'), 'lang', 'en');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, 'portal-07-english');
    await nav.getByRole('button', { name: /中\s*文/ }).click();
    await visible(tabs.getByRole('link', { name: '我的' }));
    await attribute(page.locator('html'), 'lang', 'zh-CN');
    await page.context().close();
  });

  it('reaches every control of the home page with Tab, each with an accessible name', async () => {
    const page = await phone('keyboard');
    await home(page);
    const { stops, unnamed, missed, described } = await keyboardReport(page);
    expect(stops.find((s) => s.tag === 'input' && s.name.includes('搜索')), described).toBeTruthy();
    expect(stops.find((s) => s.href === '/matters/newborn-birth'), described).toBeTruthy();
    expect(stops.find((s) => /button/i.test(s.role) && s.name === '长辈模式'), described).toBeTruthy();
    expect(unnamed, `controls without an accessible name:\n${described}`).toEqual([]);
    expect(missed, `controls Tab never reaches (it reached:\n${described})`).toEqual([]);
    await page.getByRole('link', { name: '新生儿出生“一件事”' }).first().focus();
    await shot(page, 'portal-08-keyboard-focus');
    await page.keyboard.press('Enter');
    await url(page, /\/matters\/newborn-birth$/);
    await page.context().close();
  });

  it('reaches every control of the guide of 新生儿出生 with Tab, each with an accessible name', async () => {
    const page = await phone('keyboard-guide');
    await page.goto('/matters/newborn-birth');
    await visible(page.getByRole('heading', { level: 1, name: '新生儿出生“一件事”' }));
    await visible(page.getByRole('list', { name: '办理流程' }));
    const r = await keyboardReport(page);
    expect(r.unnamed, `controls without an accessible name:\n${r.described}`).toEqual([]);
    expect(r.missed, `controls Tab never reaches (it reached:\n${r.described})`).toEqual([]);
    for (const name of ['在线办理', '到窗口办理：生成个性化材料清单']) {
      expect(r.stops.filter((s) => s.name === name).map((s) => s.role), `one stop for ${name}:\n${r.described}`).toEqual(['link']);
    }
    // On a phone the materials are cards (e2e/phone.e2e.ts): no table frame to scroll sideways.
    expect(r.stops.some((s) => s.role === 'button' && s.name === '设定依据'), r.described).toBe(true);
    await page.context().close();
  });
});
