/**
 * Web-first assertions for playwright-core (which has no `expect` of its own): each waits, up to a
 * bound, until the page shows what is expected, then fails with what it saw.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const WAIT_MS = 10_000;

/** Waits until the locator (exactly one element; use .first() otherwise) is visible. */
export async function visible(locator: Locator, timeout = WAIT_MS): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}

/** Waits until nothing the locator matches is visible. */
export async function hidden(locator: Locator, timeout = WAIT_MS): Promise<void> {
  await expect.poll(async () => {
    const all = await locator.all();
    const shown = await Promise.all(all.map((l) => l.isVisible()));
    return shown.filter(Boolean).length;
  }, { timeout }).toBe(0);
}

/** Waits until the element's visible text contains each of the given strings or patterns. */
export async function text(locator: Locator, ...wanted: (string | RegExp)[]): Promise<string> {
  let seen = '';
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    seen = (await locator.innerText({ timeout: WAIT_MS }).catch((e: Error) => `(${e.message.split('\n')[0]})`)).replace(/\s+/g, ' ');
    const missing = wanted.filter((w) => (typeof w === 'string' ? !seen.includes(w) : !w.test(seen)));
    if (missing.length === 0) return seen;
    if (Date.now() > deadline) throw new Error(`${locator} does not show ${missing.map(String).join(', ')}; it shows:\n${seen.slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the element's visible text no longer contains the string. */
export async function noText(locator: Locator, unwanted: string): Promise<void> {
  await expect.poll(async () => (await locator.innerText({ timeout: WAIT_MS }).catch(() => '')).includes(unwanted), { timeout: WAIT_MS, message: `expected no “${unwanted}” in ${locator}` }).toBe(false);
}

export async function attribute(locator: Locator, name: string, value: string | null): Promise<void> {
  await expect.poll(() => locator.getAttribute(name, { timeout: WAIT_MS }), { timeout: WAIT_MS, message: `${name} of ${locator}` }).toBe(value);
}

export async function count(locator: Locator, n: number): Promise<void> {
  await expect.poll(() => locator.count(), { timeout: WAIT_MS, message: `count of ${locator}` }).toBe(n);
}

export async function url(page: Page, pattern: RegExp, timeout = WAIT_MS): Promise<void> {
  await page.waitForURL(pattern, { timeout });
}

/** The (innermost) Ant Design card whose heading is `title`. */
export function card(page: Page, title: string | RegExp): Locator {
  return page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: title, exact: typeof title === 'string' }) }).last();
}

/**
 * The action opens a case document in a new tab: the tab lands on `/api/cases/ID/documents/NAME.pdf`
 * and what it serves is a PDF. The tab is closed and the page brought back to the front.
 */
export async function printed(page: Page, action: () => Promise<void>, caseId: string, document: string): Promise<void> {
  const [tab] = await Promise.all([page.context().waitForEvent('page', { timeout: WAIT_MS }), action()]);
  await expect.poll(() => tab.url(), { timeout: WAIT_MS, message: 'the new tab’s address' }).toMatch(new RegExp(`/api/cases/${caseId}/documents/${document}\\.pdf$`));
  const pdf = await page.request.get(tab.url());
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await tab.close();
  await page.bringToFront();
}
