/**
 * Two small holes, closed where people meet them, on a desktop (1280 × 900): at the window, an ID
 * number typed with another name than its holder's is refused at the name field and nothing is
 * created; in the portal, 张建国 rates each service event of his completed 退休 case once (受理, 办结),
 * and the forms are gone for good, after a reload too. Screenshots in e2e/screenshots/rating-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/core/planning/types.ts';
import { tasksInFlowOrder } from '../src/server/testing/decide.ts';
import { fillForm } from '../src/server/testing/fill.ts';
import { accept, Api, approve } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { card, hidden, text, url, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn, VISITOR } from './support/staff.ts';

const stage = onStage();
let page: Page;
const step = journey('rating', () => page, () => stage.server);

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
});

/** 张建国's 退休 case, applied for online through the API, accepted and approved by every department. */
async function completedRetirement(base: string): Promise<string> {
  const me = await Api.login(base, 'zhangjianguo');
  const { id } = await me.call<{ id: string }>('POST', '/api/cases', { matterId: 'retirement' });
  const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none', hasHousingFund: false };
  const { plan } = await me.call<{ plan: Plan }>('PUT', `/api/cases/${id}/answers`, { answers, chosenItems: [] });
  await me.call('PUT', `/api/cases/${id}/form`, { values: fillForm(plan) });
  await me.call('POST', `/api/cases/${id}/submit`);
  await accept(base, id);
  for (const { item, reviewer } of tasksInFlowOrder(plan)) await approve(base, reviewer, id, item);
  return id;
}

describe('the window checks the name on an ID; a case is rated once', () => {
  it('refuses at the name field an ID number typed with another name than its holder\'s', async () => {
    step('window-name');
    await logIn(page, 'window', '/window');
    await page.goto('/window/new');
    await page.getByLabel('一件事', { exact: true }).fill('餐饮');
    await page.locator('.ant-select-dropdown').getByText('开办餐饮店“一件事”', { exact: true }).click();
    await page.getByLabel('公民身份号码', { exact: true }).fill(VISITOR.idNumber);
    await page.getByLabel('姓名', { exact: true }).fill('陈小梅');
    await page.getByRole('button', { name: '创建申请，开始引导' }).click();
    await text(page.getByRole('alert').first(), '证件号码与姓名不一致，请核对身份证件');
    await text(page.locator('#name_help'), '与该证件号码登记的姓名不一致');
    await shot(page, 'rating-01-window-name-mismatch', { fullPage: false });
    expect(page.url()).toMatch(/\/window\/new$/);
  });

  it('takes one rating of each service event of a completed case, and offers no second', async () => {
    step('rate-once');
    const id = await completedRetirement(stage.server.base);
    await page.context().clearCookies();
    await logIn(page, 'zhangjianguo', '/cases');
    await page.goto(`/cases/${id}`);
    await url(page, new RegExp(`/cases/${id}$`));
    const panel = card(page, '评价本次办理');
    await visible(panel);
    const completion = panel.getByRole('form', { name: '评价办结服务' });
    await completion.getByText('满意', { exact: true }).click();
    await completion.getByText('办理快', { exact: true }).click();
    await completion.getByRole('button', { name: '提交办结评价' }).click();
    await text(panel, '您对办结服务的评价：满意', '办理快');
    await hidden(panel.getByRole('button', { name: '提交办结评价' }));
    const acceptance = panel.getByRole('form', { name: '评价受理服务' });
    await acceptance.getByText('基本满意', { exact: true }).click();
    await acceptance.getByRole('button', { name: '提交受理评价' }).click();
    await text(panel, '您对受理服务的评价：基本满意');
    await hidden(panel.getByRole('button', { name: /提交.*评价/ }));
    await shot(page, 'rating-02-rated', { fullPage: false });
    await page.reload();
    await text(card(page, '评价本次办理'), '您对办结服务的评价：满意', '您对受理服务的评价：基本满意');
    await hidden(card(page, '评价本次办理').getByRole('button', { name: /提交.*评价/ }));
  });

  it('has a bad rating verified and rectified in the workbench, and the applicant says at follow-up it is settled', async () => {
    step('rectify');
    const id = await completedRetirement(stage.server.base);
    const me = await Api.login(stage.server.base, 'zhangjianguo');
    await me.call('POST', `/api/cases/${id}/ratings`, { level: 2, comment: '结果通知太晚', event: 'completion' });
    await page.context().clearCookies();
    await logIn(page, 'rs-lead', '/workbench');
    await page.goto('/workbench/rectifications');
    const item = page.locator('.ant-list-item').filter({ hasText: '结果通知太晚' });
    await text(item, '待核实', '办结环节');
    await item.getByLabel('核实情况', { exact: true }).fill('经核实，结果短信比办结晚了两天，情况属实。');
    await item.getByRole('button', { name: '确认属实' }).click();
    const verified = page.locator('.ant-list-item').filter({ hasText: '结果通知太晚' });
    await text(verified, '已核实，待整改', '核实');
    await verified.getByLabel('整改答复', { exact: true }).fill('已改为办结即时推送短信和站内消息，感谢您的监督。');
    await verified.getByRole('button', { name: '发送整改答复' }).click();
    await hidden(page.locator('.ant-list-item').filter({ hasText: '结果通知太晚' }));
    await shot(page, 'rating-03-rectified', { fullPage: false });

    await page.context().clearCookies();
    await logIn(page, 'zhangjianguo', '/cases');
    await page.goto(`/cases/${id}`);
    const panel = card(page, '评价本次办理');
    await text(panel, '已改为办结即时推送短信', '您对整改结果满意吗');
    await panel.getByRole('button', { name: '满意', exact: true }).click();
    await text(panel, '回访：满意');
    await hidden(panel.getByRole('button', { name: '不满意，请再整改' }));
  });

  it('takes a department\'s appeal to the administration, which upholds it', async () => {
    step('appeal');
    const id = await completedRetirement(stage.server.base);
    const me = await Api.login(stage.server.base, 'zhangjianguo');
    const rated = await me.call<{ rectification: { id: string } }>('POST', `/api/cases/${id}/ratings`, { level: 1, comment: '窗口没有告知结果领取方式', event: 'completion' });
    const lead = await Api.login(stage.server.base, 'rs-lead');
    await lead.call('POST', `/api/lead/rectifications/${rated.rectification.id}/appeal`, { reason: '经调取窗口录像，工作人员已当面告知结果领取方式并发放告知单。' });
    await page.context().clearCookies();
    await logIn(page, 'admin', '/admin');
    await page.goto('/admin/appeals');
    const appeal = page.locator('.ant-card').filter({ hasText: '窗口没有告知结果领取方式' });
    await text(appeal, '经调取窗口录像', '办结环节');
    await appeal.getByLabel('审核意见').fill('录像与告知单属实，申诉成立。');
    await appeal.getByRole('button', { name: '申诉成立' }).click();
    await visible(page.getByText('没有待审核的申诉'));
    await shot(page, 'rating-04-appeal-upheld', { fullPage: false });
  });
});

