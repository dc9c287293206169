/**
 * The catalogue administrator, on a desktop: a draft for 教育入学 makes the child's name field
 * impossible to fill (at least 20 characters, at most 4), the whole catalogue still checks, and
 * 模拟申报 on the draft page finds that neither situation can be applied for, naming the step.
 * Screenshots in e2e/screenshots/simulate-*.png.
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
const FILE = 'catalog/fields/student.yaml';
/** Two situations on a fresh server take some seconds on a busy machine. */
const SIMULATION_MS = 80_000;

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
});

const step = journey('simulate', () => page, () => stage.server);

describe('the administrator simulates applications on a draft before it goes for review', () => {
  it('creates a draft for 教育入学 and makes the child\'s name impossible to fill', async () => {
    step('draft');
    await logIn(page, 'admin', '/admin');
    await page.goto('/admin/drafts?new=1');
    await page.getByLabel('标题', { exact: true }).fill('调整儿童姓名长度');
    await page.getByLabel('变更理由', { exact: true }).fill('模拟申报检查');
    await page.getByRole('button', { name: '创建草稿' }).click();
    await url(page, /\/admin\/drafts\/[0-9a-f-]{36}$/);
    draftUrl = new URL(page.url()).pathname;
    await page.goto(`${draftUrl}?tab=edit&file=${encodeURIComponent(FILE)}`);
    const editor = page.getByLabel(/YAML 内容/);
    await expect.poll(() => editor.inputValue(), { timeout: WAIT_MS, message: 'the YAML of the student fields' }).toContain('label: 儿童姓名');
    const yaml = await editor.inputValue();
    const broken = yaml.replace(/(label: 儿童姓名\n(\s+)type: string\n\s+)maxLength: 50/, '$1minLength: 20\n$2maxLength: 4');
    expect(broken).not.toBe(yaml);
    await editor.fill(broken);
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await visible(page.getByText(/检查通过（.*）：整套目录没有问题/));
  });

  it('runs 模拟申报, shows it working, and lists each situation that cannot complete with its step', async () => {
    step('simulate');
    await page.goto(draftUrl);
    const panel = page.getByRole('region', { name: '模拟申报' });
    await panel.getByRole('button', { name: '模拟申报' }).click();
    await visible(panel.getByRole('status').getByText(/正在逐个情形申报、受理、审批/));
    await shot(page, 'simulate-01-running', { fullPage: false });
    await visible(panel.getByText('模拟申报：2 个情形中 0 个办结，2 个未能完成'), SIMULATION_MS);
    const table = panel.getByRole('table');
    await text(table, '教育入学“一件事”', '本市户籍儿童', '随迁子女（父母持本市居住证）', '申报', '「儿童姓名」至少应有 20 个字');
    await text(panel, '模拟的一件事：教育入学“一件事”');
    expect(await table.textContent()).not.toMatch(/school-admission|studentName|local-hukou/);
    await shot(page, 'simulate-02-result');
  });
});
