/**
 * A department asks for supplements by name, on a desktop (1280 × 900): 王芳's 新生儿出生 case,
 * applied for online and accepted through the API; the health commission's reviewer (wsjk-reviewer)
 * asks in the workbench for the parents' ID cards (with a note) and one question; 王芳, in the
 * portal, is refused "已补正" while something is missing, uploads the file and answers, and
 * confirms; the reviewer sees the file (openable) and the answer in the task's 补正记录.
 * Screenshots in e2e/screenshots/supplement-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/core/planning/types.ts';
import { NEWBORN_ANSWERS } from '../src/server/testing/api-call.ts';
import { fillForm } from '../src/server/testing/fill.ts';
import { accept, Api } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { card, hidden, text, url, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn, scans } from './support/staff.ts';

const stage = onStage();
const ITEM = { id: 'wsjk-birth-medical-certificate', name: '出生医学证明签发（首次签发）' } as const;
const IDS = '父母双方居民身份证';
const QUESTION = '新生儿是否为双胞胎之一？';
const files = scans(['父母身份证']);
let reviewer: Page;
let parent: Page;
let current: () => Page = () => reviewer;
let caseId = '';

beforeAll(async () => {
  reviewer = (await open(stage.browser, stage.server.base, 'desktop')).page;
  parent = (await open(stage.browser, stage.server.base, 'desktop')).page;
  const me = await Api.login(stage.server.base, 'wangfang');
  ({ id: caseId } = await me.call<{ id: string }>('POST', '/api/cases', { matterId: 'newborn-birth' }));
  const { plan } = await me.call<{ plan: Plan }>('PUT', `/api/cases/${caseId}/answers`, { answers: NEWBORN_ANSWERS, chosenItems: [] });
  await me.call('PUT', `/api/cases/${caseId}/form`, { values: fillForm(plan, { newbornName: '李小宝' }) });
  await me.call('POST', `/api/cases/${caseId}/submit`);
  await accept(stage.server.base, caseId);
});

afterAll(() => files.cleanup());

const step = journey('supplement', () => current(), () => stage.server);

describe('a supplement asked by name in the workbench, answered in the portal, seen by the reviewer', () => {
  it('lets the reviewer ask for a material with a note and a question, all at once', async () => {
    step('ask');
    await logIn(reviewer, 'wsjk-reviewer', '/workbench');
    await reviewer.goto(`/workbench/tasks/${caseId}/${ITEM.id}`);
    await visible(reviewer.getByRole('heading', { level: 1, name: ITEM.name }));
    await reviewer.getByRole('button', { name: '认领', exact: true }).click();
    await text(reviewer.locator('.ant-descriptions').first(), '审查中');
    await reviewer.getByRole('button', { name: '要求补充材料', exact: true }).click();
    const dialog = reviewer.getByRole('dialog', { name: '要求补充材料' });
    await visible(dialog);
    await dialog.getByRole('checkbox', { name: IDS, exact: true }).check();
    await dialog.getByLabel(`「${IDS}」的补正说明（选填）`).fill('复印件模糊，请上传清晰原件照片');
    await dialog.getByRole('button', { name: '添加一个问题' }).click();
    await dialog.getByLabel('问题 1', { exact: true }).fill(QUESTION);
    await dialog.getByLabel('补充说明（必填）').fill('请一次补齐下列材料和情况。');
    await shot(reviewer, 'supplement-01-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '发送补充通知' }).click();
    await text(card(reviewer, '办理'), '要求补充材料，计时暂停', IDS, QUESTION);
    await text(card(reviewer, '补正记录'), '第 1 次补正', '等待补正', IDS, '复印件模糊', '尚未上传', QUESTION, '尚未作答');
    await shot(reviewer, 'supplement-02-asked');
  });

  it('shows the applicant each entry; 已补正 is refused until the file is uploaded and the question answered', async () => {
    step('answer');
    current = () => parent;
    await logIn(parent, 'wangfang', '/cases');
    await parent.goto(`/cases/${caseId}`);
    await url(parent, new RegExp(`/cases/${caseId}$`));
    const asked = card(parent, '需要您补正材料');
    await text(asked, '于', '请一次补齐下列材料和情况', IDS, '部门说明：复印件模糊，请上传清晰原件照片', '请上传补正后的文件', QUESTION);
    await asked.getByRole('button', { name: '我已补正，请继续办理' }).click();
    await text(asked.getByRole('alert').filter({ hasText: '还缺' }), `还缺：「${IDS}」「${QUESTION}」`);
    await asked.locator('#material-parents-id-cards input[type=file]').setInputFiles(files.file('父母身份证'));
    await text(asked, '已上传补正文件');
    await asked.getByLabel(QUESTION, { exact: true }).fill('不是，单胎');
    await shot(parent, 'supplement-03-answered');
    await asked.getByRole('button', { name: '我已补正，请继续办理' }).click();
    await hidden(parent.getByRole('heading', { name: '需要您补正材料' }));
    const me = await Api.login(stage.server.base, 'wangfang');
    const view = await me.call<{ progress: { item: string; status: string }[] }>('GET', `/api/cases/${caseId}`);
    expect(view.progress.find((p) => p.item === ITEM.id)?.status).toBe('claimed');
  });

  it('shows the reviewer the file that came, openable, and the answer given', async () => {
    step('seen');
    current = () => reviewer;
    await reviewer.reload();
    const history = card(reviewer, '补正记录');
    await text(history, '已补正', '查看补正材料：父母身份证.pdf', '申请人说明：不是，单胎', '申请人', '确认已补正，恢复计时');
    await text(reviewer.locator('.ant-descriptions').first(), '审查中');
    await shot(reviewer, 'supplement-04-seen');
    const link = history.getByRole('link', { name: '查看补正材料：父母身份证.pdf' });
    const href = await link.getAttribute('href');
    const who = await Api.login(stage.server.base, 'wsjk-reviewer');
    const r = await fetch(`${stage.server.base}${href}`, { headers: { cookie: who.cookie }, signal: AbortSignal.timeout(15_000) });
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets the window take a second request at the counter; the history keeps both', async () => {
    step('counter');
    const api = await Api.login(stage.server.base, 'wsjk-reviewer');
    await api.call('POST', `/api/department/tasks/${caseId}/${ITEM.id}/supplement`, { materials: [{ id: 'parents-id-cards', note: '缺父亲一方' }], note: '父亲身份证仍缺。' });
    const clerk = (await open(stage.browser, stage.server.base, 'desktop')).page;
    current = () => clerk;
    await logIn(clerk, 'window', '/window');
    await clerk.goto(`/window/cases/${caseId}`);
    const counter = card(clerk, '部门要求补正（窗口代收）');
    await text(counter, ITEM.name, '父亲身份证仍缺', IDS, '缺父亲一方', '待收取', `还缺：「${IDS}」`);
    await counter.locator(`input[type=file][aria-label="扫描上传：${IDS}"]`).setInputFiles(files.file('父母身份证'));
    await text(counter, '已收取 1 份');
    await shot(clerk, 'supplement-05-counter', { fullPage: false });
    await counter.getByRole('button', { name: '确认已补正' }).click();
    await hidden(clerk.getByRole('heading', { name: '部门要求补正（窗口代收）' }));

    current = () => reviewer;
    await reviewer.reload();
    const history = card(reviewer, '补正记录');
    await text(history, '第 1 次补正', '申请人说明：不是，单胎', '第 2 次补正', '父亲身份证仍缺', '综合窗口');
    await shot(reviewer, 'supplement-06-history');
  });
});
