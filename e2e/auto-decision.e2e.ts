/**
 * 秒批 in the workbench, on a desktop (1280 × 900): 王芳's 新生儿出生 case with the newborn's medical
 * insurance premium chosen, accepted and decided by people through the API up to the premium; the
 * server's worker then decides the premium by its rules over the population register. 税务's reviewer
 * (sw-reviewer) sees the task approved by 系统自动审批 with each rule in a sentence, and the
 * department's 秒批 switches (set by its manager). Screenshots in e2e/screenshots/auto-decision-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/core/planning/types.ts';
import { NEWBORN_ANSWERS } from '../src/server/testing/api-call.ts';
import { fillForm } from '../src/server/testing/fill.ts';
import { accept, Api, approve } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { card, text, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn } from './support/staff.ts';

const stage = onStage();
const ITEM = { id: 'sw-resident-insurance-premium', name: '城乡居民基本医疗保险费申报缴纳（新生儿医保缴费）' } as const;
let page: Page;
let caseId = '';
let plan: Plan;

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
  const me = await Api.login(stage.server.base, 'wangfang');
  ({ id: caseId } = await me.call<{ id: string }>('POST', '/api/cases', { matterId: 'newborn-birth' }));
  ({ plan } = await me.call<{ plan: Plan }>('PUT', `/api/cases/${caseId}/answers`, { answers: NEWBORN_ANSWERS, chosenItems: [ITEM.id] }));
  await me.call('PUT', `/api/cases/${caseId}/form`, { values: fillForm(plan, { newbornName: '李小宝' }) });
  await me.call('POST', `/api/cases/${caseId}/submit`);
  await accept(stage.server.base, caseId);
});

const step = journey('auto-decision', () => page, () => stage.server);

describe('a task decided by 秒批, as the department sees it', () => {
  it('decides the premium by its rules once people have decided the items before it', async () => {
    step('decided');
    const me = await Api.login(stage.server.base, 'wangfang');
    // People decide every item before the premium, stage by stage.
    for (const item of plan.stages.flat()) {
      if (item === ITEM.id) break;
      await approve(stage.server.base, `${plan.items.find((i) => i.id === item)?.department.code}-reviewer`, caseId, item);
    }
    await expect.poll(async () => {
      const view = await me.call<{ progress: { item: string; status: string }[] }>('GET', `/api/cases/${caseId}`);
      return view.progress.find((p) => p.item === ITEM.id)?.status;
    }, { timeout: 30_000, interval: 250, message: 'the premium decided by its rules' }).toBe('approved');
  });

  it('shows the task approved by 系统自动审批, each rule with the data it read', async () => {
    step('task');
    await logIn(page, 'sw-reviewer', '/workbench');
    await page.goto(`/workbench/tasks/${caseId}/${ITEM.id}`);
    await visible(page.getByRole('heading', { level: 1, name: ITEM.name }));
    await text(page.locator('.ant-descriptions').first(), '准予办理', '审批人', '系统自动审批');
    const note = card(page, '系统自动审批');
    await text(note, '系统自动审批已准予办理', '全部规则核验通过', '✓ 通过', '「申请人户籍在本省，新生儿随其在本统筹区登记户口」核验通过（公安人口库：户籍在本省：是）', '依据：国发〔2024〕3号');
    expect(await note.innerText()).not.toMatch(/\d{17}[\dX]|system:/);
    await shot(page, 'auto-decision-01-task');
  });

  it('lists the department\'s 秒批 items with their rules; the switch is its manager\'s', async () => {
    step('switches');
    await page.goto('/workbench/auto');
    const section = card(page, '秒批（无感审批）设置');
    await text(section, ITEM.name, '申请人户籍信息经公安人口库核验一致', '开关由本部门管理人员设置');
    const toggle = section.getByRole('switch', { name: `「${ITEM.name}」秒批` });
    await visible(toggle);
    expect(await toggle.isDisabled()).toBe(true);
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await shot(page, 'auto-decision-02-switches');
  });
});
