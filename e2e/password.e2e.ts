/**
 * Changing one's password (张建国, zhangjianguo): logged in on a phone and on a desktop, he opens
 * 修改密码 from the page header on the phone, sees the rules checked as he types, is told when the
 * current password is wrong and when the two new ones differ, changes it, and is told so. The
 * desktop's session has ended; there the old password no longer works and the new one does.
 * Screenshots in e2e/screenshots/password-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, it } from 'vitest';
import { open, shot } from './support/browser.ts';
import { text, url, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn } from './support/staff.ts';

const stage = onStage();
let phone: Page;
let desktop: Page;
let current: () => Page = () => phone;

const NEW_PASSWORD = 'Xin-Mima#2026';

beforeAll(async () => {
  phone = (await open(stage.browser, stage.server.base, 'phone')).page;
  desktop = (await open(stage.browser, stage.server.base, 'desktop')).page;
});

const step = journey('password', () => current(), () => stage.server);
const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

describe('an applicant changes his password and his other log-in ends', () => {
  it('logs in on the desktop and on the phone', async () => {
    step('login');
    current = () => desktop;
    await logIn(desktop, 'zhangjianguo', '/cases');
    current = () => phone;
    await logIn(phone, 'zhangjianguo', '/cases');
  });

  it('opens 修改密码 from the header and sees the rules checked as he types', async () => {
    step('rules');
    // On a phone the account's own links are under 我的 in the tab bar.
    await phone.getByRole('navigation', { name: '底部导航' }).getByRole('button', { name: '我的' }).click();
    await phone.getByRole('dialog', { name: '我的' }).getByRole('link', { name: '修改密码' }).click();
    await url(phone, /\/account\/password$/);
    const rules = phone.getByRole('list', { name: '密码要求' });
    await text(rules, '长度 8～128 位', '至少三类', '不包含用户名', '不是常见密码');
    await phone.getByLabel('新密码', { exact: true }).fill('zhangjianguo');
    await text(rules, /不包含用户名\s*（未满足）/, /至少三类\s*（未满足）/, /长度 8～128 位\s*（已满足）/);
    await phone.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await text(rules, /不包含用户名\s*（已满足）/, /至少三类\s*（已满足）/, /不是常见密码\s*（已满足）/);
    await shot(phone, 'password-01-rules');
  });

  it('is told when the two new passwords differ, and when the current password is wrong', async () => {
    step('refusals');
    await phone.getByLabel('确认新密码', { exact: true }).fill('Xin-Mima#2025');
    await phone.getByRole('main').getByRole('button', { name: '修改密码' }).click();
    await visible(phone.getByText('两次输入的新密码不一致'));
    await phone.getByLabel('确认新密码', { exact: true }).fill(NEW_PASSWORD);
    await phone.getByLabel('当前密码', { exact: true }).fill('Wrong@2026');
    await phone.getByRole('main').getByRole('button', { name: '修改密码' }).click();
    await text(phone.getByRole('alert').filter({ hasText: '连续输错' }), '当前密码不正确。连续输错 5 次将锁定 15 分钟');
    await shot(phone, 'password-02-wrong-current');
  });

  it('changes the password and is told that his other log-in has ended', async () => {
    step('change');
    await phone.getByLabel('当前密码', { exact: true }).fill('Demo@2026');
    await phone.getByRole('main').getByRole('button', { name: '修改密码' }).click();
    await text(phone.getByRole('status').filter({ hasText: '密码已修改' }), '已退出本账号的其他 1 处登录');
    await shot(phone, 'password-03-changed');
    // This session stays.
    await phone.reload();
    await phone.getByRole('navigation', { name: '底部导航' }).getByRole('button', { name: '我的' }).click();
    await visible(phone.getByRole('dialog', { name: '我的' }).getByRole('button', { name: /退出（张建国）/ }));
  });

  it('finds the desktop logged out, the old password refused and the new one working', async () => {
    step('other-session');
    current = () => desktop;
    await desktop.reload();
    await visible(nav(desktop).getByRole('button', { name: /登\s*录/ }));
    await desktop.goto('/login?next=%2Fcases');
    await desktop.getByLabel('用户名', { exact: true }).fill('zhangjianguo');
    await desktop.getByLabel('密码', { exact: true }).fill('Demo@2026');
    await desktop.getByRole('main').getByRole('button', { name: /登\s*录/ }).click();
    await visible(desktop.getByRole('main').getByText('用户名或密码不正确', { exact: false }));
    await shot(desktop, 'password-04-old-refused');
    await logIn(desktop, 'zhangjianguo', '/cases', NEW_PASSWORD);
    await visible(nav(desktop).getByRole('button', { name: /退出（张建国）/ }));
  });
});
