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
 * (controls with tabindex="-1", such as the inactive tabs of a roving-tabindex tab list, are left out,
 * and so are the other radio buttons of a group Tab reached: a group is one stop, the arrow keys
 * move within it).
 */
export async function unreached(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const reached = (window as Reached).__e2eReached ?? [];
    const radio = (el: Element): el is HTMLInputElement => el instanceof HTMLInputElement && el.type === 'radio' && el.name !== '';
    const groupReached = (el: Element) => radio(el) && reached.some((r) => radio(r) && r.name === el.name && r.form === el.form);
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], [role="button"], [role="link"], [role="switch"], [role="checkbox"], [role="radio"], [role="tab"], [role="combobox"]';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .filter((el) => !reached.includes(el) && !groupReached(el))
      .map((el) => `${el.tagName.toLowerCase()}[role=${el.getAttribute('role') ?? ''}] ${(el.innerText ?? '').trim().slice(0, 30) || el.getAttribute('aria-label') || el.outerHTML.slice(0, 80)}`);
  });
}

export interface KeyboardReport {
  stops: Stop[];
  /** Controls Tab reached whose accessible name is empty. */
  unnamed: Stop[];
  /** Controls Tab never reached (see `unreached`). */
  missed: string[];
  /** Every stop as role「name」→ href, one a line, for failure messages. */
  described: string;
}

/**
 * Walks the whole page with Tab, then reports: ten presses more than the page has focusable
 * candidates, so the walk goes all the way round (a control met again is not counted twice).
 */
export async function keyboardReport(page: Page): Promise<KeyboardReport> {
  const candidates = await page.evaluate(() => document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]').length);
  const stops = await walkTab(page, candidates + 10);
  return {
    stops,
    unnamed: stops.filter((s) => s.name === ''),
    missed: await unreached(page),
    described: stops.map((s) => `${s.role}「${s.name}」${s.href ? ` → ${s.href}` : ''}`).join('\n'),
  };
}

/** Width of the page's content: at most the viewport's when nothing scrolls sideways. */
export async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}
