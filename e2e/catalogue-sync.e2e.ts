/**
 * The administrator, on a desktop, reads in the superior catalogue's file (docs/examples/base-catalogue.json):
 * a file that is not the format is refused naming the field, the example makes a draft that changes
 * only 食品经营许可's base elements, and the draft opens from the result. Screenshot in
 * e2e/screenshots/catalogue-sync-01-result.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { open, shot } from './support/browser.ts';
import { card, text, url, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn } from './support/staff.ts';

const stage = onStage();
let page: Page;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-sync-e2e-'));
const EXAMPLE = path.resolve('docs/examples/base-catalogue.json');

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const step = journey('catalogue-sync', () => page, () => stage.server);

describe('the administrator synchronises with the superior catalogue', () => {
  it('is told what is wrong with a file that is not the format', async () => {
    step('refused');
    await logIn(page, 'admin', '/admin/tools');
    const section = card(page, '同步上级事项目录');
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'onething-base-items/1', source: '某省', issuedAt: '2026-11-30', items: [{ mainCode: '1', name: '某事项', type: '审批', legalBasis: ['《某法》'] }] }));
    await section.getByLabel('上级事项目录文件').setInputFiles(bad);
    await section.getByRole('button', { name: '同步并生成草稿' }).click();
    await text(section.getByRole('status'), '上级事项目录文件有 1 处问题，未同步', 'items[0].type：取值「审批」不在允许范围内');
  });

  it('makes a draft from the example and opens it', async () => {
    step('draft');
    const section = card(page, '同步上级事项目录');
    await section.getByLabel('上级事项目录文件').setInputFiles(EXAMPLE);
    await section.getByRole('button', { name: '同步并生成草稿' }).click();
    const status = section.getByRole('status');
    await text(status, '已生成目录草稿', '更新 1 个事项', '食品经营许可新办（餐饮服务经营者）', '首次同步，按事项名称对应', '事项编码（主项/子项）：（未填） → 000149001000 / 00014900100001', '本地尚无实施清单的基本目录事项 1 个');
    await shot(page, 'catalogue-sync-01-result');
    await status.getByRole('link', { name: /同步上级事项目录/ }).click();
    await url(page, /\/admin\/drafts\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { level: 3, name: /^同步上级事项目录/ }));
  });
});
