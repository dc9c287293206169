/**
 * The catalogue administrator, on a desktop (1280 × 900): a draft of the catalogue for 新生儿出生,
 * the promised time of 出生登记 cut from 2 to 1 working day in the YAML editor, checked, compared,
 * sent for the opinions of the departments concerned (the public security bureau and the health
 * commission, each agreeing in its own browser), approved and published as version 2. A fresh
 * browser then sees the new time limit on the public guide.
 * Screenshots in e2e/screenshots/admin-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { open, shot } from './support/browser.ts';
import { text, url, visible, WAIT_MS } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn } from './support/staff.ts';

const stage = onStage();
let page: Page;
let draftUrl = '';
/** The page a failure screenshot is taken of (the admin's, a reviewer's or the portal's). */
let current: () => Page = () => page;

const FILE = 'catalog/items/ga-birth-registration.yaml';

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
});

const step = journey('admin', () => current(), () => stage.server);

describe('the administrator changes the catalogue, the departments agree, the portal shows the new version', () => {
  it('logs in as the administrator and creates a draft for 新生儿出生', async () => {
    step('draft');
    await logIn(page, 'admin', '/admin');
    await page.goto('/admin/drafts?new=1');
    await page.getByLabel('标题', { exact: true }).fill('压缩出生登记承诺时限');
    await page.getByLabel('变更理由', { exact: true }).fill('户籍窗口已与助产机构联网，出生登记可在 1 个工作日内办结。');
    const matter = page.getByRole('combobox', { name: '涉及的一件事' });
    await matter.click();
    await matter.pressSequentially('新生儿');
    await visible(page.locator('.ant-select-dropdown .ant-select-item-option').first());
    await matter.press('Enter');
    await text(page.locator('.ant-select').filter({ has: matter }), '新生儿');
    await shot(page, 'admin-01-new-draft', { fullPage: false });
    await page.getByRole('button', { name: '创建草稿' }).click();
    await url(page, /\/admin\/drafts\/[0-9a-f-]{36}$/);
    draftUrl = new URL(page.url()).pathname;
  });

  it('edits the promised time of 出生登记 in the YAML editor and checks the whole catalogue', async () => {
    step('edit');
    await page.goto(`${draftUrl}?tab=edit&file=${encodeURIComponent(FILE)}`);
    const editor = page.getByLabel(/YAML 内容/);
    await expect.poll(() => editor.inputValue(), { timeout: WAIT_MS, message: 'the YAML of 出生登记' }).toContain('promised: 2');
    const yaml = await editor.inputValue();
    await editor.fill(yaml.replace('promised: 2', 'promised: 1'));
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await visible(page.getByText(/检查通过（.*）：整套目录没有问题/));
    await shot(page, 'admin-02-edited', { fullPage: false });
  });

  it('compares the change and sends it for the opinions of the departments concerned', async () => {
    step('submit');
    await page.getByRole('tab', { name: '变更对比' }).click();
    const diff = page.getByRole('tabpanel');
    await text(diff, 'timeLimit.promised', '需征求意见的部门：示例市公安局、示例市卫生健康委员会');
    await shot(page, 'admin-03-diff');
    await page.getByRole('button', { name: '提交征求意见' }).click();
    await visible(page.getByText(/正在征求意见（第 1 轮）/));
    await shot(page, 'admin-04-in-review', { fullPage: false });
  });

  for (const reviewer of ['ga-reviewer', 'wsjk-lead']) {
    it(`${reviewer} agrees in the department's own browser`, async () => {
      step(reviewer);
      const opened = await open(stage.browser, stage.server.base, 'desktop');
      current = () => opened.page;
      try {
        const p = opened.page;
        await logIn(p, reviewer, '/admin');
        await visible(p.getByRole('heading', { name: '待本部门提出意见（1）' }));
        await p.getByRole('radio', { name: '同意', exact: true }).check();
        await p.getByRole('button', { name: '提交意见' }).click();
        await visible(p.locator('.ant-message').getByText(/同意/));
        await shot(p, `admin-05-${reviewer}-agreed`, { fullPage: false });
      } finally {
        current = () => page;
        await opened.context.close();
      }
    });
  }

  it('approves and publishes the draft as version 2', async () => {
    step('publish');
    await page.goto(draftUrl);
    await page.getByRole('button', { name: '批准', exact: true }).click();
    await text(page.getByRole('dialog'), '批准后草稿不能再修改');
    await page.getByRole('button', { name: '确认批准' }).click();
    await visible(page.locator('.ant-message').getByText('已批准，可以发布'));
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('button', { name: '确认发布' }).click();
    await visible(page.getByText(/已发布为事项目录第 2 版/).first());
    await shot(page, 'admin-06-published', { fullPage: false });
  });

  it('shows the new time limit on the public guide, in a fresh browser', async () => {
    step('portal');
    const opened = await open(stage.browser, stage.server.base, 'desktop');
    current = () => opened.page;
    try {
      const p = opened.page;
      await p.goto('/matters/newborn-birth');
      const row = p.getByRole('row').filter({ hasText: '出生登记（新生儿户口登记）' }).first();
      await text(row, '1 个工作日');
      await row.scrollIntoViewIfNeeded();
      await shot(p, 'admin-07-portal', { fullPage: false });
      const versions = await p.evaluate(async () => {
        const r = await fetch('/api/public/versions', { cache: 'no-store' });
        return ((await r.json()) as { versions: { version: number }[] }).versions.map((v) => v.version);
      });
      expect(versions).toContain(2);
    } finally {
      current = () => page;
      await opened.context.close();
    }
  });
});
