/**
 * The staff side of journeys: logging in to a console in the browser, small real PDF files to hand
 * to a file chooser, and 开办餐饮店 cases entered (and accepted) through the API as the window's own
 * console would (for journeys that start later: at the window's queue, in a department's workbench).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Plan } from '../../src/core/planning/types.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../../src/server/testing/fill.ts';
import { accept, Api } from './api.ts';
import { url } from './see.ts';

/** 陈晓梅, legal representative of 示例市好味餐饮管理有限公司 in the demo shared data. */
export const VISITOR = { idNumber: '990102198808080044', name: '陈晓梅', phone: '13800990004' } as const;

/** Hot food and fresh drinks, an ordinary door-lintel signboard, a small venue, staff to be health-checked, no tobacco. */
export const RESTAURANT_ANSWERS = {
  servesColdDishes: false, servesFreshDrinks: true, servesRawSeafood: false, hasSignboard: true, largeSignboard: false,
  largeVenue: false, staffNeedHealthCheck: true, sellsTobacco: false,
} as const;

export const HEALTH_ITEM = { id: 'wsjk-food-worker-health-certificate', name: '食品行业从业人员预防性体检合格证办理' } as const;

/** Today, or `days` later, as YYYY-MM-DD in the centre's time zone (Asia/Shanghai). */
export function shanghaiDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** Consoles whose own address forwards at once: the admin console opens on its to-do page. */
const LANDS_ON: Record<string, string> = { '/admin': '/admin/todo' };

/** Logs in through the log-in page with `next` as the console's own address, and waits until the console is there. */
export async function logIn(page: Page, username: string, next: string, password = 'Demo@2026'): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: /登\s*录/ }).click();
  const landing = LANDS_ON[next] ?? next;
  await url(page, new RegExp(`${landing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`));
}

/** A temporary directory of small, valid PDF files (one per name), removed by `cleanup()`. */
export function scans(names: string[]): { file(name: string): string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-e2e-scans-'));
  for (const name of names) fs.writeFileSync(path.join(dir, `${name}.pdf`), SAMPLE_PDF);
  return {
    file(name) {
      if (!names.includes(name)) throw new Error(`no scan named ${name}`);
      return path.join(dir, `${name}.pdf`);
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A case entered through the API: its id and its case number. */
export interface Accepted {
  id: string;
  number: string;
}

/**
 * A 开办餐饮店 case for 陈晓梅, entered at the window through the API: answers, a complete form
 * (fillForm), every required material uploaded and submitted; it waits in the window's queue.
 */
export async function submittedRestaurantCase(base: string): Promise<Accepted> {
  const clerk = await Api.login(base, 'window');
  const created = await clerk.call<{ id: string; number: string }>('POST', '/api/window/cases', { matterId: 'restaurant-opening', applicant: VISITOR });
  const { plan } = await clerk.call<{ plan: Plan }>('PUT', `/api/cases/${created.id}/answers`, { answers: RESTAURANT_ANSWERS });
  await clerk.call('PUT', `/api/cases/${created.id}/form`, { values: fillForm(plan, { healthCheckStaffCount: 3, foodStaffCount: 6, healthCheckPreferredDate: shanghaiDay(7) }) });
  for (const m of plan.materials.filter((x) => x.status === 'required')) {
    const { payload, headers } = multipart('file', `${m.id}.pdf`, 'application/pdf', SAMPLE_PDF);
    const r = await fetch(`${base}/api/cases/${created.id}/materials/${encodeURIComponent(m.id)}/files`, {
      method: 'POST', headers: { ...headers, cookie: clerk.cookie }, body: new Uint8Array(payload), signal: AbortSignal.timeout(15_000),
    });
    if (r.status !== 201) throw new Error(`upload ${m.id}: ${r.status} ${(await r.text()).slice(0, 300)}`);
  }
  await clerk.call('POST', `/api/cases/${created.id}/submit`);
  return { id: created.id, number: created.number };
}

/**
 * A submitted 开办餐饮店 case (submittedRestaurantCase), accepted (受理). Four tasks result, of which
 * the business-licence check and the health certificate are dispatched at once.
 */
export async function acceptedRestaurantCase(base: string): Promise<Accepted> {
  const c = await submittedRestaurantCase(base);
  await accept(base, c.id);
  return c;
}
