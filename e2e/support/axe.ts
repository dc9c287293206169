/**
 * WCAG 2.1 A/AA checks by axe-core in the real browser, and the page structure every route owes a
 * reader: one main landmark, one h1, a title of its own, and a skip link that lands in main.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './server.ts';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; summary: string }[];
}

/**
 * Puts axe-core into every page the context opens. An init script, not a script tag: the server's
 * Content-Security-Policy (script-src 'self') rightly refuses inline scripts.
 */
export async function withAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ path: AXE });
}

/** The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is now (see `withAxe`). */
export async function axeFindings(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) throw new Error('axe-core is not in the page: call withAxe(context) before opening it');
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Finding[] }> } }).axe;
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html.slice(0, 160), summary: (n as unknown as { failureSummary?: string }).failureSummary?.split('\n').slice(0, 2).join(' ') ?? '' })),
    }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Each serious or critical violation as lines: rule, impact, selector, a snippet of the element and why. */
export function describeFindings(found: Finding[]): string[] {
  return found.flatMap((v) => v.nodes.slice(0, 8).map((n) => `  [${v.id}/${v.impact}] ${n.target.join(' ')}\n      ${n.html}\n      ${n.summary}`));
}

/** Fails listing each serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const found = await axeFindings(page);
  expect(found.map((v) => v.id), `${label}: serious or critical WCAG violations:\n${describeFindings(found).join('\n')}`).toEqual([]);
}

export interface Structure {
  mains: number;
  h1s: string[];
  title: string;
}

export async function structure(page: Page): Promise<Structure> {
  return page.evaluate(() => ({
    mains: document.querySelectorAll('main, [role="main"]').length,
    h1s: [...document.querySelectorAll('h1')].map((h) => (h.textContent ?? '').trim()),
    title: document.title.trim(),
  }));
}

/** From the top of the page, the first Tab reaches a skip link; following it puts focus inside main. */
export async function expectSkipLink(page: Page, label: string): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const el = document.activeElement as HTMLAnchorElement | null;
    return { tag: el?.tagName.toLowerCase(), text: (el?.textContent ?? '').trim(), href: el?.getAttribute('href') };
  });
  expect(first, `${label}: the first Tab stop is the skip link`).toMatchObject({ tag: 'a', text: '跳到主要内容' });
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('main') !== null), { timeout: 3_000, message: `${label}: focus moves into main` }).toBe(true);
}
