/**
 * 长辈模式 on every portal page, at a desk (1280 × 800) and on a phone (375 × 812): home, search, the
 * guide, the questionnaire, the draft form, the materials to upload, the check-your-answers page, the
 * confirmation, my cases, a case with its rating, the wallet, 我的 and consultations. On each: the root
 * says data-elder="on" and the type is elder-sized, nothing scrolls sideways, the content is one column
 * (no two blocks side by side), the page's main actions are at least 48 px tall, and axe-core finds no
 * serious or critical WCAG 2.1 A/AA violation; the header's 长辈模式 toggle is there, pressed and 48 px tall.
 * Fewer words: on search, the questionnaire, check-your-answers, my cases, a case and the wallet the
 * elder page shows at most 70% of the standard page's characters, and every detail it folds behind
 * 「更多说明」 comes back when that is opened. Screenshots in e2e/screenshots/elder-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import type { Plan } from '../src/core/planning/types.ts';
import { NEWBORN_ANSWERS } from '../src/server/testing/api-call.ts';
import { fillForm } from '../src/server/testing/fill.ts';
import { Api, completedNewborn } from './support/api.ts';
import { axeFindings, describeFindings, withAxe } from './support/axe.ts';
import { open, shot } from './support/browser.ts';
import { attribute, hidden, visible } from './support/see.ts';
import { onStage } from './support/stage.ts';
import { onFailure } from './support/steps.ts';
import { logIn, RESTAURANT_ANSWERS } from './support/staff.ts';

const stage = onStage();
let completed = '';
let restaurantDraft = '';

it('makes the cases the pages show', async () => {
  const base = stage.server.base;
  completed = await completedNewborn(base);
  const agent = await Api.login(base, 'haowei');
  restaurantDraft = (await agent.call<{ id: string }>('POST', '/api/cases', { matterId: 'restaurant-opening' })).id;
  const { plan } = await agent.call<{ plan: Plan }>('PUT', `/api/cases/${restaurantDraft}/answers`, { answers: RESTAURANT_ANSWERS });
  await agent.call('PUT', `/api/cases/${restaurantDraft}/form`, { values: fillForm(plan, { healthCheckStaffCount: 3, foodStaffCount: 6 }) });
}, 180_000);

type Size = 'desktop' | 'phone';

/** A fresh page of the given size in 长辈模式 (as the switch leaves it in the browser), logged in as `username`. */
async function elder(size: Size, username: string | null, label: string): Promise<Page> {
  const { context, page } = await open(stage.browser, stage.server.base, size);
  await withAxe(context);
  await context.addInitScript(() => localStorage.setItem('onething.elder', 'on'));
  if (size === 'desktop') await page.setViewportSize({ width: 1280, height: 800 });
  onFailure(`elder-FAILED-${label}-${size}`, () => page, () => stage.server);
  onTestFailed(() => context.close());
  if (username) await logIn(page, username, '/cases');
  return page;
}

/**
 * What the page does wrong as an elder layout, measured in the browser: the root's flag and the body
 * type, sideways scrolling (and the widest culprit), blocks side by side in main, and main actions
 * (buttons, answer options, rating choices, matter tiles, case links, the sticky action bar) under 48 px tall.
 */
async function layout(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].slice(0, 3).join('.')}「${(el.textContent ?? '').trim().slice(0, 20)}」`;
    const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && el.getBoundingClientRect().width > 0;
    if (root.dataset.elder !== 'on') problems.push(`data-elder is ${root.dataset.elder ?? 'missing'}`);
    // The header's 长辈模式 toggle: there, in view, labelled in words, pressed, and at least 48 px tall.
    const toggle = [...document.querySelectorAll('header button[aria-pressed]')].find((b) => (b.textContent ?? '').trim() === '长辈模式');
    const box = toggle?.getBoundingClientRect();
    if (!toggle || !box || box.width === 0) problems.push('no 长辈模式 toggle in the header');
    else {
      if (toggle.getAttribute('aria-pressed') !== 'true') problems.push(`the toggle says aria-pressed=${toggle.getAttribute('aria-pressed')}`);
      if (box.height < 47.5) problems.push(`the toggle is ${Math.round(box.height)}px tall`);
      if (box.left < 0 || box.right > innerWidth + 0.5) problems.push(`the toggle spans ${Math.round(box.left)} to ${Math.round(box.right)} of ${innerWidth}`);
    }
    const body = parseFloat(getComputedStyle(document.body).fontSize);
    if (body < 20) problems.push(`body type ${body}px`);
    if (root.scrollWidth > innerWidth) {
      const wide = [...document.querySelectorAll('body *')].filter((el) => shown(el) && el.getBoundingClientRect().right > innerWidth + 1);
      const culprit = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other))).slice(0, 3).map(name);
      problems.push(`scrolls sideways: ${root.scrollWidth} > ${innerWidth} (${culprit.join(', ')})`);
    }
    const main = document.querySelector('main');
    if (!main) return [...problems, 'no main'];
    const blocks = [...main.querySelectorAll('.ant-col, .ant-card, .ant-list-item, .phone-cards > li, .ant-descriptions-item, section, article')]
      .filter((el) => shown(el) && !el.closest('nav, .ant-drawer, .ant-modal'));
    const pairs: string[] = [];
    for (const [i, a] of blocks.entries()) {
      for (const b of blocks.slice(i + 1)) {
        if (a.contains(b) || b.contains(a)) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const overlapY = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (overlapY > 8 && (ra.right <= rb.left + 1 || rb.right <= ra.left + 1)) pairs.push(`${name(a)} | ${name(b)}`);
      }
    }
    if (pairs.length > 0) problems.push(`side by side: ${pairs.slice(0, 3).join('; ')}`);
    // Buttons other than the small and the link-like ones, answer options, rating choices, matter tiles, the action bar.
    const actions = [...document.querySelectorAll('main .ant-btn:not(.ant-btn-sm):not(.ant-btn-variant-link):not(.ant-btn-variant-text), main .apply-option, main .ant-radio-button-wrapper, main .stage-board .ant-list-item-meta-title a, main .case-list h3 a, main .search-results .ant-list-item-meta-title a, .phone-action a, .phone-action .ant-btn')]
      .filter(shown);
    if (actions.length === 0) problems.push('no main action on the page');
    for (const a of actions) {
      const h = a.getBoundingClientRect().height;
      if (h < 47.5) problems.push(`main action ${Math.round(h)}px tall: ${name(a)}`);
    }
    return problems;
  });
}

/** Everything wrong on the page as it is now, each line starting with `label`. */
async function problemsOf(page: Page, label: string): Promise<string[]> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // Ant Design's transitions take a moment to reach the elder sizes.
  await page.waitForTimeout(400);
  const found = [...(await layout(page)), ...describeFindings(await axeFindings(page))];
  return found.map((p) => `${label}: ${p}`);
}

/** Opens `path`, waits for its h1, and returns what is wrong there. */
async function visit(page: Page, path: string, size: Size, shotName: string): Promise<string[]> {
  await page.goto(path);
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined);
  const found = await problemsOf(page, `${path} (${size})`);
  await shot(page, `elder-${size}-${shotName}`, { fullPage: false });
  return found;
}

/** 智能客服 opened in 长辈模式: inside the screen, a 48 px close button, no axe finding; closed again by Esc. */
async function assistant(page: Page, size: Size): Promise<string[]> {
  const label = `智能客服 (${size})`;
  await page.getByRole('button', { name: '智能客服' }).click();
  const panel = page.getByRole('dialog', { name: '智能客服' });
  await visible(panel);
  await page.waitForTimeout(400);
  const problems: string[] = [];
  const box = await panel.boundingBox();
  const width = await page.evaluate(() => innerWidth);
  if (!box || box.x < 0 || box.x + box.width > width + 0.5) problems.push(`${label}: the panel spans ${box?.x} to ${box && box.x + box.width}, the screen 0 to ${width}`);
  const close = await panel.getByRole('button', { name: '关闭智能客服' }).boundingBox();
  if (Math.min(close?.width ?? 0, close?.height ?? 0) < 47.5) problems.push(`${label}: the close button is ${close?.width} × ${close?.height}`);
  problems.push(...describeFindings(await axeFindings(page)).map((p) => `${label}: ${p}`));
  await shot(page, `elder-${size}-assistant`, { fullPage: false });
  await page.keyboard.press('Escape');
  await hidden(panel);
  return problems;
}

function expectNone(problems: string[]): void {
  expect(problems, problems.join('\n')).toEqual([]);
}

const SIZES: Size[] = ['desktop', 'phone'];

describe.each(SIZES)('长辈模式 at %s size', (size) => {
  it('the public pages: home, search, the guide and the questionnaire', async () => {
    const page = await elder(size, null, 'public');
    const problems = [
      ...await visit(page, '/', size, 'home'),
      ...await visit(page, `/?q=${encodeURIComponent('出生')}`, size, 'search'),
      ...await visit(page, '/matters/newborn-birth', size, 'guide'),
    ];
    problems.push(...await assistant(page, size));
    problems.push(...await visit(page, '/matters/newborn-birth/apply', size, 'questionnaire'));
    await page.context().close();
    expectNone(problems);
  });

  it('an application: the draft form, check-your-answers and the confirmation', async () => {
    const page = await elder(size, 'wangfang', 'apply');
    const me = await Api.login(stage.server.base, 'wangfang');
    const { id } = await me.call<{ id: string }>('POST', '/api/cases', { matterId: 'newborn-birth' });
    const { plan } = await me.call<{ plan: Plan }>('PUT', `/api/cases/${id}/answers`, { answers: NEWBORN_ANSWERS, chosenItems: [] });
    await me.call('PUT', `/api/cases/${id}/form`, { values: fillForm(plan, { newbornName: '李小宝' }) });
    const problems = await visit(page, `/cases/${id}`, size, 'draft');
    await page.getByRole('button', { name: '下一步：核对并提交' }).click();
    await visible(page.getByRole('region', { name: /^核对提交/ }));
    problems.push(...await problemsOf(page, `check-your-answers (${size})`));
    await shot(page, `elder-${size}-check`, { fullPage: false });
    await page.getByRole('checkbox', { name: /本人承诺所填信息真实有效/ }).check();
    await page.getByRole('button', { name: '提交申请' }).click();
    await visible(page.getByRole('region', { name: '提交成功' }));
    problems.push(...await problemsOf(page, `confirmation (${size})`));
    await shot(page, `elder-${size}-confirmation`, { fullPage: false });
    await page.context().close();
    expectNone(problems);
  });

  it('the materials to upload on a draft', async () => {
    const page = await elder(size, 'haowei', 'materials');
    await page.goto(`/cases/${restaurantDraft}`);
    await visible(page.locator('#draft-materials'));
    await page.locator('#draft-materials').scrollIntoViewIfNeeded();
    const problems = await problemsOf(page, `materials (${size})`);
    await shot(page, `elder-${size}-materials`, { fullPage: false });
    await page.context().close();
    expectNone(problems);
  });

  it('the applicant\'s own pages: my cases, a case with its rating, the wallet, 我的 and consultations', async () => {
    const page = await elder(size, 'wangfang', 'applicant');
    const problems = [
      ...await visit(page, '/cases', size, 'cases'),
      ...await visit(page, `/cases/${completed}`, size, 'case'),
    ];
    await visible(page.getByRole('heading', { name: '评价本次办理' }));
    await page.getByRole('heading', { name: '评价本次办理' }).scrollIntoViewIfNeeded();
    problems.push(...await problemsOf(page, `rating (${size})`));
    await shot(page, `elder-${size}-rating`, { fullPage: false });
    problems.push(...await visit(page, '/wallet', size, 'wallet'));
    problems.push(...await visit(page, '/account/password', size, 'me'));
    if (size === 'phone') {
      await page.getByRole('navigation', { name: '底部导航' }).getByRole('button', { name: '我的' }).click();
      const sheet = page.getByRole('dialog', { name: '我的' });
      await visible(sheet.getByRole('button', { name: '退出（王芳）' }));
      const logout = await sheet.getByRole('button', { name: '退出（王芳）' }).boundingBox();
      if ((logout?.height ?? 0) < 48) problems.push(`我的 (phone): 退出 is ${logout?.height}px tall`);
      problems.push(...describeFindings(await axeFindings(page)).map((p) => `我的 (phone): ${p}`));
      await page.keyboard.press('Escape');
    }
    problems.push(...await visit(page, '/consult', size, 'consult'));
    await page.context().close();
    expectNone(problems);
  });
});

/** The text of `main` as a person sees it (`innerText`: folded and hidden parts left out), without white space. */
async function mainText(page: Page, scope = 'main'): Promise<string> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300);
  return page.locator(scope).first().evaluate((el) => (el as HTMLElement).innerText.replace(/\s+/g, ''));
}

/** How often each Han character, letter and digit occurs: what the elder page must still hold once unfolded. */
function tally(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of text.match(/[\p{Script=Han}A-Za-z0-9]/gu) ?? []) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

/** Opens every 「更多说明」 in main, one at a time, and says what stays folded or shut (the draft form hidden behind the check page aside). */
async function unfold(page: Page): Promise<string[]> {
  const shut = page.locator('main .elder-more-toggle[aria-expanded="false"]:visible');
  for (let n = 0; n < 60 && (await shut.count()) > 0; n++) await shut.first().click();
  return page.evaluate(() => {
    const away = (el: Element) => {
      for (let up = el.parentElement; up; up = up.parentElement) if (up.hidden && !up.hasAttribute('data-elder-more')) return true;
      return false;
    };
    return [
      ...[...document.querySelectorAll('main .elder-more-toggle')].filter((b) => !away(b) && b.getAttribute('aria-expanded') !== 'true').map(() => 'a 更多说明 stays shut'),
      ...[...document.querySelectorAll<HTMLElement>('main [data-elder-more]')].filter((el) => !away(el) && el.closest('[hidden]'))
        .map((el) => `still folded: 「${(el.textContent ?? '').slice(0, 30)}」`),
    ];
  });
}

interface WordsPage {
  label: string;
  /** Opens the page (in whichever mode the browser is in) and waits until its content is there. */
  show(page: Page): Promise<void>;
  /** Where the page's own content is, when main also holds another page's (the search results sit on home). */
  scope?: string;
  /** Words only the folded detail carries: hidden in 长辈模式 until 「更多说明」 is opened. */
  folded: (string | RegExp)[];
}

describe('长辈模式 in fewer words', () => {
  it('shows the short form of each page, the detail behind 「更多说明」, with a toggle remembered across visits', async () => {
    const { context, page } = await open(stage.browser, stage.server.base, 'desktop');
    await withAxe(context);
    onFailure('elder-FAILED-words', () => page, () => stage.server);
    onTestFailed(() => context.close());
    await logIn(page, 'wangfang', '/cases');
    const me = await Api.login(stage.server.base, 'wangfang');
    const { id: draft } = await me.call<{ id: string }>('POST', '/api/cases', { matterId: 'newborn-birth' });
    const { plan } = await me.call<{ plan: Plan }>('PUT', `/api/cases/${draft}/answers`, { answers: NEWBORN_ANSWERS, chosenItems: [] });
    await me.call('PUT', `/api/cases/${draft}/form`, { values: fillForm(plan, { newbornName: '李小宝' }) });
    const h1 = (p: Page) => p.locator('main h1').first().waitFor({ state: 'visible', timeout: 15_000 });
    const pages: WordsPage[] = [
      { label: 'search', scope: 'main .search-results', folded: ['匹配'],
        show: async (p) => { await p.goto(`/?q=${encodeURIComponent('出生')}`); await visible(p.locator('.search-results .ant-list-item').first()); } },
      { label: 'questionnaire', folded: [/法定/],
        show: async (p) => { await p.goto('/matters/newborn-birth/apply'); await visible(p.locator('.apply-step h3').first()); } },
      { label: 'check-your-answers', folded: ['提交后就不能再修改了'],
        show: async (p) => {
          await p.goto(`/cases/${draft}`);
          await p.getByRole('button', { name: '下一步：核对并提交' }).click();
          await visible(p.getByRole('region', { name: /^核对提交/ }));
        } },
      { label: 'my cases', folded: ['创建'], show: async (p) => { await p.goto('/cases'); await visible(p.locator('.case-list li').first()); } },
      { label: 'case', folded: ['办件编号', '作出决定', '已分发到'], show: async (p) => { await p.goto(`/cases/${completed}`); await h1(p); await visible(p.getByRole('heading', { name: '办理进度' })); } },
      { label: 'wallet', folded: ['证照编号', '签发日期', '在线核验真伪'], show: async (p) => { await p.goto('/wallet'); await visible(p.locator('main [role="group"]').first()); } },
    ];
    const toggle = page.getByRole('banner').getByRole('button', { name: '长辈模式' });
    const problems: string[] = [];
    for (const w of pages) {
      await w.show(page);
      await attribute(toggle, 'aria-pressed', 'false');
      const standard = await mainText(page);
      const standardScoped = w.scope ? await mainText(page, w.scope) : standard;
      for (const f of w.folded) {
        if (!(typeof f === 'string' ? standardScoped.includes(f) : f.test(standardScoped))) problems.push(`${w.label}: the standard page has no 「${f}」`);
      }
      // Switched on the page itself: the short form comes without a reload.
      await toggle.click();
      await attribute(toggle, 'aria-pressed', 'true');
      const elder = await mainText(page);
      const ratio = elder.length / standard.length;
      if (ratio > 0.7) problems.push(`${w.label}: 长辈模式 shows ${elder.length} characters, ${Math.round(ratio * 100)}% of the standard ${standard.length}`);
      const elderScoped = w.scope ? await mainText(page, w.scope) : elder;
      for (const f of w.folded) {
        if (typeof f === 'string' ? elderScoped.includes(f) : f.test(elderScoped)) problems.push(`${w.label}: 「${f}」 is not folded in 长辈模式`);
      }
      await shot(page, `elder-words-${w.label.replace(/ /g, '-')}`, { fullPage: false });
      problems.push(...describeFindings(await axeFindings(page)).map((p) => `${w.label} (folded): ${p}`));
      problems.push(...(await unfold(page)).map((p) => `${w.label}: ${p}`));
      // Unfolded, the elder page holds every word of the standard one.
      const opened = tally(await mainText(page, w.scope));
      const lost = [...tally(standardScoped)].filter(([c, n]) => (opened.get(c) ?? 0) < n).map(([c, n]) => `${c}×${n - (opened.get(c) ?? 0)}`);
      if (lost.length > 0) problems.push(`${w.label}: unfolded, 长辈模式 still lacks ${lost.slice(0, 20).join(' ')}`);
      problems.push(...describeFindings(await axeFindings(page)).map((p) => `${w.label} (unfolded): ${p}`));
      await toggle.click();
      await attribute(toggle, 'aria-pressed', 'false');
    }
    // The toggle at 375 px: in the header, 44 px off and 48 px on, and still on at the next visit.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto('/');
    await h1(page);
    const height = async () => (await toggle.boundingBox())?.height ?? 0;
    if (await height() < 43.5) problems.push(`phone: the toggle is ${await height()}px tall when off`);
    await toggle.click();
    await attribute(toggle, 'aria-pressed', 'true');
    await page.reload();
    await h1(page);
    await attribute(toggle, 'aria-pressed', 'true');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.elder)).toBe('on');
    if (await height() < 47.5) problems.push(`phone: the toggle is ${await height()}px tall when on`);
    const box = await toggle.boundingBox();
    if (!box || box.x < 0 || box.x + box.width > 375.5) problems.push(`phone: the toggle spans ${box?.x} to ${box && box.x + box.width}`);
    await shot(page, 'elder-words-toggle-phone', { fullPage: false });
    await context.close();
    expectNone(problems);
  });
});
