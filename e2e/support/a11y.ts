/**
 * Keyboard and accessibility checks in the real browser: walk the page with Tab, and ask Chromium
 * itself (DevTools protocol, Accessibility domain) for the accessible name of each control reached.
 */
import type { Page } from 'playwright-core';

export interface Stop {
  /** Index of the element among the distinct elements reached, in first-reached order. */
  index: number;
  tag: string;
  role: string;
  name: string;
  text: string;
  href: string | null;
}

interface Reached {
  __e2eReached?: Element[];
}

/** Presses Tab `presses` times from the top of the page and returns each distinct element focused. */
export async function walkTab(page: Page, presses = 40): Promise<Stop[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await page.evaluate(() => {
      (window as Reached).__e2eReached = [];
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    const stops: Stop[] = [];
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press('Tab');
      const seen = await page.evaluate(() => {
        const el = document.activeElement;
        const list = (window as Reached).__e2eReached ?? [];
        if (!el || el === document.body) return null;
        if (list.includes(el)) return { index: list.indexOf(el), fresh: false };
        list.push(el);
        return { index: list.length - 1, fresh: true };
      });
      if (!seen || !seen.fresh) continue;
      const { result } = await cdp.send('Runtime.evaluate', { expression: `window.__e2eReached[${seen.index}]` });
      if (!result.objectId) continue;
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
      const node = nodes[0];
      const info = await page.evaluate((n) => {
        const el = (window as Reached).__e2eReached?.[n] as HTMLElement;
        return { tag: el.tagName.toLowerCase(), text: (el.innerText ?? '').trim().slice(0, 40), href: el.getAttribute('href') };
      }, seen.index);
      stops.push({
        index: seen.index, ...info,
        role: String(node?.role?.value ?? ''),
        name: String(node?.name?.value ?? '').trim(),
      });
    }
    return stops;
  } finally {
    await cdp.detach();
  }
}

/**
 * The visible, keyboard-focusable controls of the page that the last `walkTab` never reached
 * (controls with tabindex="-1", such as the inactive tabs of a roving-tabindex tab list, are left out).
 */
export async function unreached(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const reached = (window as Reached).__e2eReached ?? [];
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], [role="button"], [role="link"], [role="switch"], [role="checkbox"], [role="radio"], [role="tab"], [role="combobox"]';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .filter((el) => !reached.includes(el))
      .map((el) => `${el.tagName.toLowerCase()}[role=${el.getAttribute('role') ?? ''}] ${(el.innerText ?? '').trim().slice(0, 30) || el.getAttribute('aria-label') || el.outerHTML.slice(0, 80)}`);
  });
}

/** Width of the page's content: at most the viewport's when nothing scrolls sideways. */
export async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}
