/**
 * People acting on cases, on a desktop (1280 × 900): 张建国 promises the one-child certificate by
 * 告知承诺 and signs with his name, and the material leaves the list to upload; the 人社 lead urges
 * (督办) the department of an open item in the workbench, and its reviewer sees the urge above the
 * queue and answers it; the 公安 reviewer looks up the marriage record that stands in for the
 * parents' certificate, only the field the review needs; at the counter the clerk takes the signed
 * promise instead of the certificate. Screenshots in e2e/screenshots/oversight-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { beforeAll, describe, it } from 'vitest';
import type { Plan } from '../src/core/planning/types.ts';
import { DEMO_PEOPLE } from '../src/server/modules/shareddata/demo.ts';
import { fillForm, SAMPLE_PDF } from '../src/server/testing/fill.ts';
import { accept, Api } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { card, hidden, text, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn } from './support/staff.ts';

const stage = onStage();
let page: Page;
const step = journey('oversight', () => page, () => stage.server);
const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'no-review', bonusCategory: 'one-child', hukouInProvince: true, householdVerified: true, hasHousingFund: false };
let caseId = '';
let plan: Plan;

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
});

describe('告知承诺 and 督办', () => {
  it('promises a material by 告知承诺, signed with the applicant\'s name', async () => {
    step('commit');
    const me = await Api.login(stage.server.base, 'zhangjianguo');
    caseId = (await me.call<{ id: string }>('POST', '/api/cases', { matterId: 'retirement' })).id;
    plan = (await me.call<{ plan: Plan }>('PUT', `/api/cases/${caseId}/answers`, { answers, chosenItems: [] })).plan;
    await me.call('PUT', `/api/cases/${caseId}/form`, { values: fillForm(plan) });
    await logIn(page, 'zhangjianguo', '/cases');
    await page.goto(`/cases/${caseId}`);
    const promise = card(page, '告知承诺（可选）');
    await text(promise, '以告知承诺代替「独生子女父母光荣证（独生子女证）」', '须在受理后 20 个工作日内补交');
    await promise.getByRole('checkbox', { name: /以告知承诺代替/ }).check();
    await promise.getByRole('button', { name: '签署告知承诺' }).click();
    await text(promise, '请签署您的姓名');
    await promise.getByLabel('承诺人签名（请输入申请人姓名）').fill('张建国');
    await promise.getByRole('checkbox', { name: /承诺所述情况属实/ }).check();
    await promise.getByRole('button', { name: '签署告知承诺' }).click();
    await text(promise, '已承诺');
    await hidden(page.locator('#material-one-child-certificate'));
    await shot(page, 'oversight-01-committed', { fullPage: false });
  });

  it('urges the department of an open item from the workbench, and the reviewer answers', async () => {
    step('urge');
    const me = await Api.login(stage.server.base, 'zhangjianguo');
    await me.call('POST', `/api/cases/${caseId}/submit`);
    await accept(stage.server.base, caseId);
    const first = plan.stages[0]?.[0] as string;
    const department = plan.items.find((i) => i.id === first)?.department.code as string;
    await page.context().clearCookies();
    await logIn(page, 'rs-lead', '/workbench');
    await page.goto('/workbench/oversight');
    const caseRow = page.locator('.ant-collapse-item').filter({ hasText: '退休' }).first();
    await caseRow.locator('.ant-collapse-header').click();
    await visible(caseRow.getByRole('button', { name: '发出督办' }));
    await caseRow.getByLabel('期限').fill('2099-12-31');
    await caseRow.getByLabel('督办事由和要求').fill('申请人退休日临近，请尽快办结。');
    await caseRow.getByRole('button', { name: '发出督办' }).click();
    await text(caseRow, '申请人退休日临近，请尽快办结。', '待答复');
    await shot(page, 'oversight-02-urged', { fullPage: false });

    await page.context().clearCookies();
    await logIn(page, `${department}-reviewer`, '/workbench');
    const banner = page.getByRole('alert').filter({ hasText: '牵头部门督办' });
    await text(banner, '申请人退休日临近，请尽快办结。');
    await banner.getByLabel('督办答复').fill('已安排专人审查，今日办结。');
    await banner.getByRole('button', { name: '提交答复' }).click();
    await hidden(page.getByText('牵头部门督办'));
  });

  it('shows a reviewer the shared-data record the review confirms, only its field', async () => {
    step('shared-records');
    // The parents' marriage certificates are not in the e-licence register here, so 民政婚姻登记信息 stands in.
    const db = new SQLite(path.join(stage.server.dataDir, 'onething.sqlite'));
    db.prepare("delete from shared_records where kind = 'license' and key like '%:marriage-certificate'").run();
    db.close();
    const parent = await Api.login(stage.server.base, 'wangfang');
    const newborn = { bornInProvinceInstitution: true, birthCertificateFirstIssue: true, babyUnderOneYear: true, applicantParent: 'mother', joinHousehold: 'mother', hukouLocation: 'both-in-province', fertilityRegistered: true, motherMaternityInsured: false };
    const { id } = await parent.call<{ id: string }>('POST', '/api/cases', { matterId: 'newborn-birth' });
    const { plan: p } = await parent.call<{ plan: Plan }>('PUT', `/api/cases/${id}/answers`, { answers: newborn, chosenItems: [] });
    await parent.call('PUT', `/api/cases/${id}/form`, { values: { ...fillForm(p), newbornName: '李小宝' } });
    await parent.call('POST', `/api/cases/${id}/submit`);
    await accept(stage.server.base, id);
    await page.context().clearCookies();
    await logIn(page, 'ga-reviewer', '/workbench');
    await page.goto(`/workbench/tasks/${id}/ga-birth-registration`);
    const section = card(page, '共享数据核对');
    await section.getByRole('button', { name: '查看共享数据' }).click();
    await text(section, '父母结婚证', '配偶（婚姻登记）', '李强');
    await shot(page, 'oversight-03-shared-records', { fullPage: false });
  });

  it('takes the applicant\'s signed promise at the counter instead of the certificate', async () => {
    step('counter-commitment');
    const clerk = await Api.login(stage.server.base, 'window');
    const { id } = await clerk.call<{ id: string }>('POST', '/api/window/cases', { matterId: 'retirement', applicant: { idNumber: DEMO_PEOPLE[2]!.idNumber, name: '张建国' } });
    const { plan: p } = await clerk.call<{ plan: Plan }>('PUT', `/api/cases/${id}/answers`, { answers, chosenItems: [] });
    await clerk.call('PUT', `/api/cases/${id}/form`, { values: fillForm(p) });
    const letter = path.join(stage.server.dataDir, '告知承诺书（已签字）.pdf');
    fs.writeFileSync(letter, SAMPLE_PDF);
    await page.context().clearCookies();
    await logIn(page, 'window', '/window');
    await page.goto(`/window/cases/${id}`);
    await page.getByRole('button', { name: '下一步：收取材料' }).click();
    const name = '独生子女父母光荣证（独生子女证）';
    const item = page.locator('.ant-list-item').filter({ hasText: name });
    await text(item, '可告知承诺');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 10_000 }),
      item.getByRole('button', { name: `上传扫描件：${name}`, exact: true }).click(),
    ]);
    await chooser.setFiles(letter);
    await item.getByRole('button', { name: '按签字的承诺书收取' }).click();
    await text(page.locator('.ant-list-item').filter({ hasText: name }), '免提交', '告知承诺');
    await shot(page, 'oversight-04-counter-commitment', { fullPage: false });
  });
});

