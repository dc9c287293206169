/**
 * Search and 智能客服 as an anonymous visitor on a desktop: a colloquial word in the URL (/?q=生孩子)
 * finds 新生儿出生; the assistant answers 生孩子要带什么材料 from the guide and its link lands on the
 * guide's materials section; a question outside the catalogue is handed to a person (12345), and a
 * question that implies an answer starts the questionnaire. Screenshots in e2e/screenshots/ask-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { open, shot } from './support/browser.ts';
import { hidden, text, url, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';

const stage = onStage();
let page: Page;
const step = journey('ask', () => page, () => stage.server);

const panel = () => page.getByRole('dialog', { name: '智能客服' });

async function ask(question: string): Promise<void> {
  if (!(await panel().isVisible())) await page.getByRole('button', { name: '智能客服' }).click();
  await visible(panel());
  const box = panel().getByLabel('输入您的问题');
  await box.fill(question);
  await box.press('Enter');
  await visible(panel().locator('.assistant-turn', { hasText: question }).last());
}

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
});

describe('search and the assistant over the published guides', () => {
  it('finds 新生儿出生 from 生孩子 in the URL, and says where it matched', async () => {
    step('search');
    await page.goto(`/?q=${encodeURIComponent('生孩子')}`);
    const results = page.locator('.search-results');
    await visible(results.getByRole('link', { name: '新生儿出生“一件事”' }));
    await text(results, '匹配于');
    expect(await page.getByLabel(/搜索“一件事”/).first().inputValue()).toBe('生孩子');
    await page.goto(`/?q=${encodeURIComponent('办护照出国')}`);
    await text(page.locator('.search-results'), '没有找到', '12345');
    await shot(page, 'ask-01-search', { fullPage: false });
  });

  it('answers a colloquial question with a link into that section of the guide', async () => {
    step('answer');
    await ask('生孩子要带什么材料');
    const turn = panel().locator('.assistant-turn').last();
    await text(turn, '新生儿出生“一件事”', '申请材料', '需要准备的材料');
    await shot(page, 'ask-02-answer', { fullPage: false });
    await turn.getByRole('link', { name: '查看指南中的这一部分' }).click();
    await url(page, /\/matters\/newborn-birth\?v=\d+#section-materials$/);
    await hidden(panel());
    await visible(page.getByRole('heading', { level: 1, name: '新生儿出生“一件事”' }));
    // The guide is scrolled to the section the answer quoted.
    await expect.poll(() => page.evaluate(() => Math.round(document.getElementById('section-materials')?.getBoundingClientRect().top ?? -1))).toBeLessThan(100);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  });

  it('hands a question outside the catalogue to a person instead of guessing', async () => {
    step('handoff');
    await ask('护照怎么办理');
    const turn = panel().locator('.assistant-turn').last();
    await text(turn, '没有把握回答', '12345', '综合咨询台');
    await visible(turn.getByRole('link', { name: '在线留言，由工作人员答复' }));
    await shot(page, 'ask-03-handoff', { fullPage: false });
    await page.keyboard.press('Escape');
    await hidden(panel());
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('智能客服');
  });

  it('starts the questionnaire with what the question already says', async () => {
    step('start');
    await ask('在家生的孩子能办吗');
    const turn = panel().locator('.assistant-turn').last();
    await text(turn, '办理条件', '不能联办的情形', '否');
    await turn.getByRole('button', { name: /开始办理/ }).click();
    await url(page, /\/matters\/newborn-birth\/apply$/);
    await text(page.locator('main'), '医疗机构外出生');
  });
});
