/**
 * The staff consoles with the keyboard alone, on a desktop (1280 × 900): on the window's queue and
 * its new-application form, the health commission's task queue, and the administrator's to-do page
 * and catalogue browser, Tab reaches every control and each control has an accessible name. The
 * screens are not empty: a submitted case waits at the window, an accepted one in the workbench and
 * a draft on the administrator's to-do page. Screenshots in e2e/screenshots/keyboard-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { keyboardReport, type KeyboardReport } from './support/a11y.ts';
import { Api } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { url, visible } from './support/see.ts';
import { onStage } from './support/stage.ts';
import { onFailure } from './support/steps.ts';
import { acceptedRestaurantCase, HEALTH_ITEM, logIn, submittedRestaurantCase, type Accepted } from './support/staff.ts';

const stage = onStage();
let waiting: Accepted;
let dispatched: Accepted;
const DRAFT = '键盘检查用草稿';

beforeAll(async () => {
  waiting = await submittedRestaurantCase(stage.server.base);
  dispatched = await acceptedRestaurantCase(stage.server.base);
  const admin = await Api.login(stage.server.base, 'admin');
  await admin.call('POST', '/api/admin/drafts', { title: DRAFT, reason: '给待办页一行起草中的草稿。', matterId: 'newborn-birth' });
});

/** A fresh desktop page, logged in as `username` at `next`; on failure, a screenshot and the server's last words. */
async function staff(label: string, username: string, next: string): Promise<Page> {
  const { context, page } = await open(stage.browser, stage.server.base, 'desktop');
  onFailure(`keyboard-FAILED-${label}`, () => page, () => stage.server);
  onTestFailed(() => context.close());
  await logIn(page, username, next);
  return page;
}

/** Walks the screen with Tab: every control reached, each with a name; returns the walk. */
async function walk(page: Page, name: string): Promise<KeyboardReport> {
  const r = await keyboardReport(page);
  await shot(page, `keyboard-${name}`, { fullPage: false });
  expect(r.unnamed, `controls without an accessible name:\n${r.described}`).toEqual([]);
  expect(r.missed, `controls Tab never reaches (it reached:\n${r.described})`).toEqual([]);
  return r;
}

/** Whether the walk stopped on a control of this role and name. */
const reached = (r: KeyboardReport, role: string, name: string | RegExp) =>
  r.stops.some((s) => s.role === role && (typeof name === 'string' ? s.name === name : name.test(s.name)));

/** The roles of the stops named `name`: one link, not a link and then the button inside it. */
const rolesOf = (r: KeyboardReport, name: string) => r.stops.filter((s) => s.name === name).map((s) => s.role);

describe('the staff consoles with the keyboard alone', () => {
  it('window console: the queue of applications to accept and the new-application form', async () => {
    const page = await staff('window', 'window', '/window');
    await visible(page.getByRole('link', { name: `核验 ${waiting.number}`, exact: true }));
    const queue = await walk(page, 'window-queue');
    expect(rolesOf(queue, '新建申请'), queue.described).toEqual(['link']);
    expect(rolesOf(queue, `核验 ${waiting.number}`), queue.described).toEqual(['link']);
    expect(reached(queue, 'link', waiting.number), queue.described).toBe(true);

    await page.getByRole('link', { name: '新建申请', exact: true }).click();
    await url(page, /\/window\/new$/);
    await visible(page.getByRole('heading', { level: 1, name: '新建申请' }));
    const form = await walk(page, 'window-new');
    // Required fields' names carry Ant Design's “*” mark, hence the patterns.
    expect(reached(form, 'combobox', /一件事$/), form.described).toBe(true);
    expect(reached(form, 'textbox', /公民身份号码$/), form.described).toBe(true);
    expect(reached(form, 'switch', '由他人帮办或代办'), form.described).toBe(true);
    expect(reached(form, 'button', '创建申请，开始引导'), form.described).toBe(true);
    await page.context().close();
  });

  it('department workbench: the task queue', async () => {
    const page = await staff('workbench', 'wsjk-reviewer', '/workbench');
    const claim = `认领 ${dispatched.number} ${HEALTH_ITEM.name}`;
    await visible(page.getByRole('button', { name: claim, exact: true }));
    const r = await walk(page, 'workbench-queue');
    expect(reached(r, 'button', claim), r.described).toBe(true);
    expect(reached(r, 'combobox', '状态'), r.described).toBe(true);
    expect(reached(r, 'link', dispatched.number), r.described).toBe(true);
    await page.context().close();
  });

  it('admin console: the to-do page and the catalogue browser', async () => {
    const page = await staff('admin', 'admin', '/admin');
    await visible(page.getByRole('link', { name: DRAFT, exact: true }));
    const todo = await walk(page, 'admin-todo');
    expect(reached(todo, 'link', DRAFT), todo.described).toBe(true);
    expect(rolesOf(todo, '新建草稿'), todo.described).toEqual(['link']);
    expect(rolesOf(todo, `继续起草：${DRAFT}`), todo.described).toEqual(['link']);
    expect(reached(todo, 'link', '事项目录'), todo.described).toBe(true);

    await page.getByRole('navigation', { name: '管理功能' }).getByRole('link', { name: '事项目录' }).click();
    await url(page, /\/admin\/catalogue$/);
    await visible(page.getByRole('link', { name: '新生儿出生“一件事”' }));
    const matters = await walk(page, 'admin-catalogue');
    expect(reached(matters, 'link', '新生儿出生“一件事”'), matters.described).toBe(true);

    await page.getByRole('link', { name: '新生儿出生“一件事”' }).click();
    await url(page, /\/admin\/catalogue\/matters\/newborn-birth$/);
    await visible(page.getByRole('list', { name: '办理流程' }));
    const structure = await walk(page, 'admin-catalogue-matter');
    expect(rolesOf(structure, '公开的办事指南'), structure.described).toEqual(['link']);
    expect(rolesOf(structure, '为此起草变更'), structure.described).toEqual(['link']);

    await page.goto('/admin/catalogue/items');
    await visible(page.getByRole('cell', { name: /出生登记/ }).first());
    const items = await walk(page, 'admin-catalogue-items');
    expect(reached(items, 'textbox', '查找'), items.described).toBe(true);
    expect(reached(items, 'combobox', '部门'), items.described).toBe(true);
    expect(reached(items, 'button', /^展开.+的详情$/), items.described).toBe(true);
    expect(items.stops.some((s) => s.name === '下一页'), items.described).toBe(true);
    await page.context().close();
  });
});
