/**
 * The administrator, on a desktop, reads this month's period report on the tools page: per key matter
 * the case accepted today, then per department the item decided, and downloads the same table.
 * Screenshot in e2e/screenshots/reports-01-department.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/core/planning/types.ts';
import { fillForm } from '../src/server/testing/fill.ts';
import { NEWBORN_ANSWERS } from '../src/server/testing/api-call.ts';
import { accept, Api, approve } from './support/api.ts';
import { open, shot } from './support/browser.ts';
import { card, text, visible } from './support/see.ts';
import { journey } from './support/steps.ts';
import { onStage } from './support/stage.ts';
import { logIn } from './support/staff.ts';

const stage = onStage();
let page: Page;

beforeAll(async () => {
  page = (await open(stage.browser, stage.server.base, 'desktop')).page;
});

/** A newborn case applied for, accepted and its first item decided today, by the people concerned through the API. */
async function decidedToday(): Promise<void> {
  const me = await Api.login(stage.server.base, 'wangfang');
  const created = await me.call<{ id: string }>('POST', '/api/cases', { matterId: 'newborn-birth' });
  const { plan } = await me.call<{ plan: Plan }>('PUT', `/api/cases/${created.id}/answers`, { answers: NEWBORN_ANSWERS, chosenItems: [] });
  await me.call('PUT', `/api/cases/${created.id}/form`, { values: fillForm(plan, { newbornName: '李小宝' }) });
  await me.call('POST', `/api/cases/${created.id}/submit`);
  await accept(stage.server.base, created.id);
  await approve(stage.server.base, 'wsjk-reviewer', created.id, 'wsjk-birth-medical-certificate');
}

const step = journey('reports', () => page, () => stage.server);

describe('the administrator reads and downloads the period report', () => {
  it('shows this month per key matter, with the case accepted today', async () => {
    step('matter');
    await decidedToday();
    await logIn(page, 'admin', '/admin/tools');
    const section = card(page, '办件统计与数据上报');
    const row = section.getByRole('row').filter({ hasText: '新生儿出生' });
    await text(row, '1');
    await visible(section.getByRole('row').filter({ hasText: '合计' }));
  });

  it('regroups per department and offers the same table as Excel and CSV', async () => {
    step('department');
    const section = card(page, '办件统计与数据上报');
    await section.getByText('按部门', { exact: true }).click();
    await section.getByRole('button', { name: '统计' }).click();
    await visible(section.getByRole('columnheader', { name: '部门' }));
    const row = section.getByRole('row').filter({ hasText: '示例市卫生健康委员会' });
    await text(row, '100%');
    await shot(page, 'reports-01-department');
    const csv = await section.getByRole('link', { name: '下载 CSV' }).getAttribute('href');
    expect(csv).toMatch(/^\/api\/admin\/reports\/period\.csv\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}&by=department$/);
    const r = await fetch(`${stage.server.base}${csv}`, { headers: { cookie: (await Api.login(stage.server.base, 'admin')).cookie }, signal: AbortSignal.timeout(15_000) });
    const body = new Uint8Array(await r.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(body)).toContain('wsjk,示例市卫生健康委员会,1,1,1,100%');
  });
});
