/**
 * The department workbench, on a desktop (1280 × 900) and once on a phone. Three 开办餐饮店 cases
 * are entered and accepted at the window through the API first; then the health commission's
 * reviewer (wsjk-reviewer) works the queue in the browser: the deadline marks in words, claiming,
 * the task page with only its own fields and materials, approving one task (the applicant sees it
 * decided), refusing another with a reason and asking for supplementary materials on the third.
 * The lead department's manager (sj-lead) records a joint inspection across two tasks of a case.
 * Screenshots in e2e/screenshots/workbench-*.png.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { scrollWidth } from './support/a11y.ts';
import { Api } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { card, count, noText, text, url, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { acceptedRestaurantCase, HEALTH_ITEM, logIn, shanghaiDay, type Accepted } from './support/staff.ts';

const stage = onStage();
let page: Page;
let approveCase: Accepted;
let refuseCase: Accepted;
let supplementCase: Accepted;
/** The page a failure screenshot is taken of (the reviewer's, the lead's or the phone's). */
let current: () => Page = () => page;

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
  approveCase = await acceptedRestaurantCase(stage.server.base);
  refuseCase = await acceptedRestaurantCase(stage.server.base);
  supplementCase = await acceptedRestaurantCase(stage.server.base);
});

const step = journey('workbench', () => current(), () => stage.server);

const DEADLINE_WORDS = { 'on-time': '正常', 'due-soon': '即将到期', overdue: '已超期' } as const;
type QueueTask = { caseId: string; caseNumber: string; item: string; status: string; dueDate: string | null; deadline: keyof typeof DEADLINE_WORDS };
type CaseView = { status: string; progress: { item: string; status: string; statusLabel: string; decidedOn: string | null; result: { name: string } | null; reasons: string[] | null; supplement: { materials: string[]; note: string } | null }[] };

/** The row of the desktop queue for a case's task (the case number is a link in its own cell). */
const row = (p: Page, number: string, itemName: string) => p.getByRole('row').filter({ has: p.getByRole('link', { name: number, exact: true }) }).filter({ hasText: itemName });

/** The applicant (haowei, the company's agent, linked to 陈晓梅's case by ID number) reads the case. */
async function applicantSees(c: Accepted, item: string): Promise<CaseView['progress'][number]> {
  const applicant = await Api.login(stage.server.base, 'haowei');
  const view = await applicant.call<CaseView>('GET', `/api/cases/${c.id}`);
  const p = view.progress.find((x) => x.item === item);
  if (!p) throw new Error(`no ${item} in the case's progress: ${JSON.stringify(view.progress.map((x) => x.item))}`);
  return p;
}

/** From the queue, claims the case's health-certificate task and lands on its page. */
async function claim(c: Accepted): Promise<void> {
  await page.getByRole('button', { name: `认领 ${c.number} ${HEALTH_ITEM.name}`, exact: true }).click();
  await url(page, new RegExp(`/workbench/tasks/${c.id}/${HEALTH_ITEM.id}$`));
  await visible(page.getByRole('heading', { level: 1, name: HEALTH_ITEM.name }));
  await text(page.locator('.ant-descriptions').first(), c.number, '审查中', '认领人', '我');
}

async function backToQueue(): Promise<void> {
  await page.getByRole('link', { name: '← 返回办件队列' }).click();
  await url(page, /\/workbench$/);
  await visible(page.getByRole('heading', { name: /^办件队列（\d+）$/ }));
}

describe('the department workbench: the queue, one task at a time, decisions and a joint inspection', () => {
  it('shows the reviewer each task with its deadline in words, and claims one', async () => {
    step('queue');
    await logIn(page, 'wsjk-reviewer', '/workbench');
    await visible(page.getByRole('heading', { level: 1, name: '部门审批工作台' }));
    await visible(page.getByRole('heading', { name: '办件队列（3）' }));
    const reviewer = await Api.login(stage.server.base, 'wsjk-reviewer');
    const { tasks } = await reviewer.call<{ tasks: QueueTask[] }>('GET', '/api/department/tasks');
    expect(tasks).toHaveLength(3);
    for (const c of [approveCase, refuseCase, supplementCase]) {
      const t = tasks.find((x) => x.caseId === c.id && x.item === HEALTH_ITEM.id);
      expect(t, `${c.number} in the queue`).toBeTruthy();
      expect(t?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const r = row(page, c.number, HEALTH_ITEM.name);
      await count(r, 1);
      // The mark says it in words (正常 / 即将到期 / 已超期) with the date, not by colour alone.
      await text(r.locator('.ant-tag').first(), `${DEADLINE_WORDS[t?.deadline ?? 'on-time']} · ${t?.dueDate}`);
      await text(r, '开办餐饮店“一件事”', '待认领');
    }
    await shot(page, 'workbench-01-queue');

    await claim(approveCase);
    await shot(page, 'workbench-02-claimed');
  });

  it('shows only the item’s own fields and materials on the task page', async () => {
    step('task');
    const form = card(page, '申请表（本事项所需）');
    await text(form, '经营主体名称', '示例市好味餐饮管理有限公司', '经办人姓名', '需办理健康证明的从业人员人数', '希望参加体检的日期');
    for (const other of ['经营场所使用面积', '就餐座位数', '招牌文字内容', '设置位置', '食品安全管理人员姓名']) await noText(form, other);
    const materials = card(page, '材料与实质审查要点');
    await text(materials, '需体检从业人员名单', '已提交', '从业人员居民身份证', '免提交', '数据共享', '实质审查要点', '已核对 0/2');
    for (const other of ['与食品经营相适应的主要设备设施', '户外招牌设计效果图', '自制饮品专用操作区设置说明', '建筑物所有权人']) await noText(materials, other);
    await visible(materials.getByRole('link', { name: `下载：food-staff-list.pdf` }));
    await text(card(page, '本件其他事项进度'), '企业营业执照信息核验', '食品经营许可新办（餐饮服务经营者）', '户外招牌设施设置');
    await text(card(page, '办理'), '还有 2 项实质审查要点未勾选');
    expect(await page.getByRole('button', { name: '准予办理', exact: true }).isDisabled()).toBe(true);
    await shot(page, 'workbench-03-task');
  });

  it('approves after ticking the substantive points; the applicant sees the item decided', async () => {
    step('approve');
    const materials = card(page, '材料与实质审查要点');
    const boxes = await materials.getByRole('checkbox').all();
    expect(boxes).toHaveLength(2);
    for (const box of boxes) await box.check();
    await text(materials, '已核对 2/2');
    const approve = page.getByRole('button', { name: '准予办理', exact: true });
    await expect.poll(() => approve.isEnabled(), { timeout: 5_000 }).toBe(true);
    await approve.click();
    const dialog = page.getByRole('dialog', { name: '准予办理' });
    await visible(dialog);
    await dialog.getByLabel('办理意见').fill('名单人员已预约体检，体检合格后发证。');
    await shot(page, 'workbench-04-approve-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '确认准予办理' }).click();
    const done = card(page, '办理');
    await text(done, `${shanghaiDay()} 准予办理`);
    await text(page.locator('.ant-descriptions').first(), '准予办理');
    await count(page.getByRole('button', { name: '准予办理', exact: true }), 0);
    await shot(page, 'workbench-05-approved');

    const seen = await applicantSees(approveCase, HEALTH_ITEM.id);
    expect(seen).toMatchObject({ status: 'approved', decidedOn: shanghaiDay() });
    expect(seen.result?.name).toBeTruthy();
  });

  it('refuses another case’s task with a reason', async () => {
    step('refuse');
    await backToQueue();
    await text(row(page, approveCase.number, HEALTH_ITEM.name), '准予办理');
    await claim(refuseCase);
    await page.getByRole('button', { name: '不予办理', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '不予办理' });
    await visible(dialog);
    await dialog.getByRole('button', { name: '确认不予办理' }).click();
    await text(dialog.getByRole('alert'), '请写明不予办理的理由');
    const reason = '名单中 2 人近 12 个月内已取得有效健康证明，不属于本次申请范围。';
    await dialog.getByLabel('理由 1（必填）').fill(reason);
    await shot(page, 'workbench-06-refuse-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '确认不予办理' }).click();
    await text(card(page, '办理'), '不予办理', reason);
    await text(page.locator('.ant-descriptions').first(), '不予办理');
    await shot(page, 'workbench-07-refused');

    const seen = await applicantSees(refuseCase, HEALTH_ITEM.id);
    expect(seen).toMatchObject({ status: 'refused', reasons: [reason] });
  });

  it('asks for supplementary materials on the third, pausing its clock', async () => {
    step('supplement');
    await backToQueue();
    await claim(supplementCase);
    await page.getByRole('button', { name: '要求补充材料', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '要求补充材料' });
    await visible(dialog);
    await dialog.getByRole('checkbox', { name: '需体检从业人员名单', exact: true }).check();
    const note = '名单缺少 3 名从业人员的岗位，请补充后重新提交。';
    await dialog.getByLabel('补充说明（必填）').fill(note);
    await shot(page, 'workbench-08-supplement-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '发送补充通知' }).click();
    await text(card(page, '办理'), '要求补充材料，计时暂停', '需体检从业人员名单', note);
    await text(page.locator('.ant-descriptions').first(), '待补正');
    await shot(page, 'workbench-09-supplement');

    const seen = await applicantSees(supplementCase, HEALTH_ITEM.id);
    expect(seen).toMatchObject({ status: 'supplement', supplement: { materials: ['需体检从业人员名单'], note } });

    await backToQueue();
    await text(row(page, approveCase.number, HEALTH_ITEM.name), '准予办理', '我');
    await text(row(page, refuseCase.number, HEALTH_ITEM.name), '不予办理', '我');
    await text(row(page, supplementCase.number, HEALTH_ITEM.name), '待补正', '我');
    await shot(page, 'workbench-10-queue-after');
  });

  it('lets the lead department record a joint inspection across two tasks of a case', async () => {
    step('joint');
    const lead = (await open(stage.browser, stage.server.base, 'desktop')).page;
    current = () => lead;
    await logIn(lead, 'sj-lead', '/workbench');
    await visible(lead.getByRole('tab', { name: '办件队列', selected: true }));
    await visible(lead.getByRole('tab', { name: '差评整改' }));
    const licenceCheck = row(lead, approveCase.number, '企业营业执照信息核验');
    await text(licenceCheck, '待认领', /(正常|即将到期|已超期) · \d{4}-\d{2}-\d{2}/);
    await licenceCheck.getByRole('link', { name: approveCase.number, exact: true }).click();
    await url(lead, new RegExp(`/workbench/tasks/${approveCase.id}/sj-business-licence-verification$`));
    await visible(lead.getByRole('heading', { level: 1, name: '企业营业执照信息核验' }));

    const joint = card(lead, '联合评审、勘验、验收（牵头部门）');
    await visible(joint);
    expect(await joint.getByRole('radio', { name: '联合勘验' }).isChecked()).toBe(true);
    const tasks = joint.getByRole('group', { name: '涉及的子件' });
    await text(tasks, '企业营业执照信息核验', '食品经营许可新办（餐饮服务经营者）', '户外招牌设施设置', HEALTH_ITEM.name);
    await tasks.getByRole('checkbox', { name: '食品经营许可新办（餐饮服务经营者）' }).check();
    await joint.getByRole('button', { name: '记录' }).click();
    await text(joint, '请至少选择两个子件', '请填写结论');
    await tasks.getByRole('checkbox', { name: '户外招牌设施设置' }).check();
    const heldOn = shanghaiDay();
    expect(await joint.getByLabel('日期').inputValue()).toBe(heldOn);
    const outcome = '经营场所布局与申报一致，门头招牌位置、尺寸与设计效果图相符，同意两子件按程序办理。';
    await joint.getByLabel('结论').fill(outcome);
    await shot(lead, 'workbench-11-joint-inspection');
    await joint.getByRole('button', { name: '记录' }).click();
    await text(joint.getByRole('status'), `已记录 ${heldOn} 的联合勘验`);
    await shot(lead, 'workbench-12-joint-recorded', { fullPage: false });

    // No API reads joint reviews back; the record is in the server's database (read-only look).
    const db = new Database(path.join(stage.server.dataDir, 'onething.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT kind, organiser, task_ids, held_on, outcome FROM joint_reviews WHERE case_id = ?').all(approveCase.id) as { task_ids: string }[];
      expect(rows.map((r) => ({ ...r, task_ids: (JSON.parse(r.task_ids) as string[]).sort() }))).toEqual([
        { kind: 'inspection', organiser: 'sj', task_ids: ['cg-outdoor-signboard', 'sj-food-business-licence'], held_on: heldOn, outcome },
      ]);
    } finally {
      db.close();
    }
    await lead.context().close();
    current = () => page;
  });

  it('on a phone, the queue keeps the deadline in words and the task page fits the screen', async () => {
    step('phone');
    const phone = (await open(stage.browser, stage.server.base, 'phone')).page;
    current = () => phone;
    await logIn(phone, 'wsjk-reviewer', '/workbench');
    await visible(phone.getByRole('heading', { name: '办件队列（3）' }));
    const item = (c: Accepted) => phone.getByRole('listitem').filter({ hasText: c.number });
    await text(item(supplementCase), HEALTH_ITEM.name, '待补正', '补正中，计时暂停');
    await text(item(approveCase), '准予办理', /期限 \d{4}-\d{2}-\d{2}/);
    await visible(item(approveCase).getByRole('link', { name: `查看 ${approveCase.number} ${HEALTH_ITEM.name}` }));
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
    await shot(phone, 'workbench-13-phone-queue');

    await item(approveCase).getByRole('link', { name: HEALTH_ITEM.name, exact: true }).click();
    await url(phone, new RegExp(`/workbench/tasks/${approveCase.id}/${HEALTH_ITEM.id}$`));
    await text(card(phone, '办理'), '准予办理');
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(375);
    await shot(phone, 'workbench-14-phone-task');
    await phone.context().close();
    current = () => page;
  });
});
