/**
 * 收费 (issue 16), on a desktop: the 社会保障卡 guide shows the re-issue's 工本费 (a demo assumption)
 * and the total; 张建国's re-issue case, accepted, waits 待缴费 and 去缴费 tells him to pay at the
 * window; the clerk records the cash received, the item goes to its department, he downloads the
 * 缴费凭证; he withdraws, and the refund is shown and recorded given back at the window.
 * Screenshots in e2e/screenshots/fees-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/core/planning/types.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../src/server/testing/fill.ts';
import { accept, Api } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { card, text, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn } from './support/staff.ts';

const stage = onStage();
let applicant: Page;
let clerk: Page;
let caseId = '';
const step = journey('fees', () => applicant, () => stage.server);

/** 张建国 applies online for a lost card's re-issue, every required material uploaded; the window accepts. */
async function acceptedReissue(base: string): Promise<string> {
  const me = await Api.login(base, 'zhangjianguo');
  const { id } = await me.call<{ id: string }>('POST', '/api/cases', { matterId: 'social-security-card' });
  let answers: Record<string, unknown> = { cardStatus: 'lost', cardholder: 'self' };
  let { plan } = await me.call<{ plan: Plan }>('PUT', `/api/cases/${id}/answers`, { answers });
  // Anything else the matter asks (a multiple choice of extra services, say): none of it.
  for (let i = 0; i < 5 && !plan.complete && plan.nextQuestion; i++) {
    answers = { ...answers, [plan.nextQuestion.id]: plan.nextQuestion.type === 'multi' ? [] : false };
    ({ plan } = await me.call<{ plan: Plan }>('PUT', `/api/cases/${id}/answers`, { answers }));
  }
  await me.call('PUT', `/api/cases/${id}/form`, { values: fillForm(plan) });
  for (const m of plan.materials.filter((x) => x.status === 'required')) {
    const { payload, headers } = multipart('file', `${m.id}.pdf`, 'application/pdf', SAMPLE_PDF);
    const r = await fetch(`${base}/api/cases/${id}/materials/${encodeURIComponent(m.id)}/files`, { method: 'POST', headers: { ...headers, cookie: me.cookie }, body: new Uint8Array(payload) });
    if (r.status !== 201) throw new Error(`upload ${m.id}: ${r.status}`);
  }
  await me.call('POST', `/api/cases/${id}/submit`);
  await accept(base, id);
  return id;
}

beforeAll(async () => {
  applicant = (await open(stage.browser, stage.server.base, 'desktop')).page;
  clerk = (await open(stage.browser, stage.server.base, 'desktop')).page;
});

describe('a fee paid at the window, and refunded on withdrawal', () => {
  it('the guide shows the item’s fee, who is exempt, and the total', async () => {
    step('guide');
    await applicant.goto('/matters/social-security-card');
    await visible(applicant.getByRole('heading', { level: 1, name: /社会保障卡/ }));
    await text(applicant.getByRole('main'), '社会保障卡补卡工本费', '20.00 元', '社会保障卡损坏、卡面信息有误或换发新卡的', '收费合计（按标准）：20.00 元');
    await shot(applicant, 'fees-guide');
  }, 120_000);

  it('an accepted case waits 待缴费, and 去缴费 says to pay at the window', async () => {
    step('due');
    caseId = await acceptedReissue(stage.server.base);
    await logIn(applicant, 'zhangjianguo', `/cases/${caseId}`);
    const fees = card(applicant, '缴费');
    await text(fees, '待缴费 20.00 元', '社会保障卡补领、换领', '缴费后，该事项即推送承办部门办理');
    // The held item says what it waits for: the fee, not an earlier item.
    const progress = card(applicant, '办理进度');
    await text(progress, '待缴费', '缴费后自动推送承办部门办理');
    expect(await progress.textContent()).not.toContain('等待前置事项');
    await fees.getByRole('button', { name: '去缴费' }).click();
    await text(applicant.getByRole('dialog'), '请到政务服务中心综合窗口缴费');
    await shot(applicant, 'fees-due');
    await applicant.getByRole('dialog').getByRole('button').last().click();
  }, 180_000);

  it('the window records the cash received; the item goes on; the receipt is there', async () => {
    step('window');
    await logIn(clerk, 'window', `/window/cases/${caseId}`);
    const fees = card(clerk, '收费');
    await fees.getByRole('button', { name: '登记收款（现金）' }).click();
    await text(fees, '已缴费');
    await shot(clerk, 'fees-window');
    await applicant.reload();
    const mine = card(applicant, '缴费');
    await text(mine, '已缴费');
    const [tab] = await Promise.all([applicant.context().waitForEvent('page'), mine.getByRole('link', { name: /缴费凭证/ }).click()]);
    await expect.poll(() => tab.url()).toMatch(new RegExp(`/api/cases/${caseId}/fees/\\d{20}/receipt\\.pdf$`));
    const pdf = await applicant.request.get(tab.url());
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await tab.close();
  }, 120_000);

  it('after withdrawal the refund shows, and the window records it given back', async () => {
    step('refund');
    await applicant.getByRole('button', { name: '撤回申请' }).click();
    await applicant.getByRole('dialog').getByRole('button', { name: '确定撤回' }).click();
    await text(card(applicant, '缴费'), '待退费 20.00 元');
    await clerk.reload();
    const fees = card(clerk, '收费');
    await fees.getByRole('button', { name: '登记已退费' }).click();
    await text(fees, '已退费 20.00 元');
    await applicant.reload();
    await text(card(applicant, '缴费'), '已退费');
    await shot(applicant, 'fees-refunded');
  }, 120_000);
});
