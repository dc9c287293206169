/**
 * The catalogue in forms, on a desktop: the administrator drafts 新生儿出生, rewrites a question and
 * the condition it is asked under in the matter's form (read back as a sentence, never as rule
 * JSON), cuts 出生登记's promised limit in the item's form, and sees the same YAML, comments kept,
 * saved and checked. Sent for opinions, the health commission's reviewer reads that the official
 * opinion is the department head's; the approval asks for confirmation before anything happens.
 * Screenshots in e2e/screenshots/forms-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Api } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { text, visible, WAIT_MS } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn } from './support/staff.ts';

const stage = onStage();
let page: Page;
let current: () => Page = () => page;
let draftUrl = '';

const MATTER = 'catalog/matters/newborn-birth.yaml';
const ITEM = 'catalog/items/ga-birth-registration.yaml';
const NEW_TEXT = '宝宝的《出生医学证明》是否为首次申领（此前从未领取）？';

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
  const admin = await Api.login(stage.server.base, 'admin');
  const draft = await admin.call<{ id: string }>('POST', '/api/admin/drafts', { title: '用表单修改新生儿出生', reason: '问题措辞更清楚，出生登记提速', matterId: 'newborn-birth' });
  draftUrl = `/admin/drafts/${draft.id}`;
});

const step = journey('catalogue-forms', () => current(), () => stage.server);
const yamlOf = (p: Page) => p.getByLabel(/YAML 内容/).inputValue();
/** The form / YAML switch (button-style radios: the label is what a person clicks). */
const mode = (p: Page, name: '表单' | 'YAML') => p.locator('.ant-radio-button-wrapper').filter({ hasText: name }).click();

describe('the administrator edits the catalogue in forms beside the YAML', () => {
  it('rewrites a question and its condition in the matter\'s form', async () => {
    step('question');
    await logIn(page, 'admin', '/admin');
    await page.goto(`${draftUrl}?tab=edit&file=${encodeURIComponent(MATTER)}`);
    await expect.poll(() => yamlOf(page), { timeout: WAIT_MS, message: 'the matter\'s YAML' }).toContain('questions:');
    await mode(page, '表单');
    const question = page.locator('fieldset.form-question').nth(1);
    await text(question.getByTestId('condition-sentence'), '当「宝宝是否在本省具有出生医学证明签发资质的助产机构（医院）出生？」为“是”时');
    await question.getByLabel('问题', { exact: true }).fill(NEW_TEXT);
    // An extra comparison: a question, an operator and a value, read back as a sentence.
    await question.getByRole('button', { name: '添加条件' }).click();
    await text(question.getByTestId('condition-sentence'), '，且「宝宝是否在本省具有出生医学证明签发资质的助产机构（医院）出生？」为“是”时');
    await question.locator('.ant-radio-wrapper').filter({ hasText: '满足任一条件' }).click();
    await text(question.getByTestId('condition-sentence'), '，或「');
    await expect.poll(async () => (await question.textContent()) ?? '').not.toMatch(/"var"|\{ ?"?==/);
    await visible(page.getByText(/已保存并检查/));
    await shot(page, 'forms-01-question', { fullPage: false });
    await mode(page, 'YAML');
    const yaml = await yamlOf(page);
    expect(yaml).toContain(`text: ${NEW_TEXT}`);
    expect(yaml).toContain('or:');
    expect(yaml).toContain('reason: 怀孕期间尚未办理生育登记的，可在新生儿出生后一并办理，取得生育登记凭证。');
  });

  it('cuts the promised limit of 出生登记 in the item\'s form and sees the whole catalogue checked', async () => {
    step('item');
    await page.goto(`${draftUrl}?tab=edit&file=${encodeURIComponent(ITEM)}`);
    await expect.poll(() => yamlOf(page), { timeout: WAIT_MS, message: 'the item\'s YAML' }).toContain('promised: 2');
    await mode(page, '表单');
    await expect.poll(() => page.getByLabel('事项名称').inputValue()).toBe('国（境）内出生登记（新生儿户口登记）');
    await text(page.getByRole('region', { name: '申请材料' }), '父母双方居民身份证');
    const limit = page.getByLabel('承诺办结时限');
    await limit.fill('1');
    await limit.blur();
    await visible(page.getByText(/已保存并检查/));
    await shot(page, 'forms-02-item', { fullPage: false });
    await mode(page, 'YAML');
    expect(await yamlOf(page)).toContain('promised: 1');
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await visible(page.getByText(/检查通过（.*）：整套目录没有问题/));
    await page.getByRole('button', { name: '提交征求意见' }).click();
    await visible(page.getByText(/正在征求意见（第 1 轮）/));
  });

  it('tells a reviewer that the department head gives the official opinion', async () => {
    step('reviewer');
    const opened = await open(stage.browser, stage.server.base, 'desktop');
    current = () => opened.page;
    try {
      const p = opened.page;
      await logIn(p, 'wsjk-reviewer', '/admin');
      await p.goto(draftUrl);
      await visible(p.getByText('由部门负责人出具正式意见'));
      expect(await p.getByRole('button', { name: '提交意见' }).count()).toBe(0);
      await shot(p, 'forms-03-reviewer-note', { fullPage: false });
    } finally {
      current = () => page;
      await opened.context.close();
    }
  });

  it('asks before approving: nothing happens until it is confirmed', async () => {
    step('approve');
    const admin = await Api.login(stage.server.base, 'admin');
    const id = draftUrl.split('/').pop() as string;
    const asked = (await admin.call<{ review: { asked: { department: { code: string }; officer: { role: string }; opinion: unknown }[] } }>('GET', `/api/admin/drafts/${id}`)).review.asked;
    for (const a of asked.filter((x) => x.opinion === null)) {
      const user = a.officer.role === 'lead' ? `${a.department.code}-lead` : `${a.department.code}-reviewer`;
      await (await Api.login(stage.server.base, user)).call('POST', `/api/admin/drafts/${id}/opinions`, { opinion: 'agree', comment: '同意' });
    }
    await page.goto(draftUrl);
    await page.getByRole('button', { name: '批准', exact: true }).click();
    await text(page.getByRole('dialog'), '批准该草稿？');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await visible(page.getByText(/正在征求意见（第 1 轮）/));
    await page.getByRole('button', { name: '批准', exact: true }).click();
    await page.getByRole('button', { name: '确认批准' }).click();
    await visible(page.locator('.ant-message').getByText('已批准，可以发布'));
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await text(page.getByRole('dialog'), '发布后即对公众生效');
    await shot(page, 'forms-04-publish-confirm', { fullPage: false });
    await page.getByRole('button', { name: /取\s*消/ }).click();
  });
});
