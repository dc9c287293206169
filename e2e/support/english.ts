/**
 * English mode: what the interface shows a person, outside catalogue content (marked lang="zh-CN"),
 * must hold no Chinese. Reads visible text nodes, the accessible names and placeholders, and the title.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Switches the browser's stored language before the app reads it (call before the first goto). */
export async function useEnglish(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('onething.lang', 'en'));
}

/** Chinese runs the interface shows on this page outside elements marked lang="zh…". */
export async function chineseOutsideData(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const han = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]+/;
    const inData = (el: Element | null) => !!el?.closest('[lang^="zh"]:not(html)');
    const shown = (el: Element) => {
      const s = getComputedStyle(el);
      return s.display !== 'none' && s.visibility !== 'hidden' && (el as HTMLElement).getClientRects().length > 0;
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || inData(el) || !shown(el) || el.closest('script,style,noscript')) continue;
      if (han.test(n.textContent ?? '')) found.push((n.textContent ?? '').trim().slice(0, 80));
    }
    for (const el of Array.from(document.body.querySelectorAll('[aria-label],[placeholder],[title],[alt]'))) {
      if (inData(el) || !shown(el)) continue;
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
        const v = el.getAttribute(a);
        if (v && han.test(v)) found.push(`${a}=${v.slice(0, 80)}`);
      }
    }
    if (han.test(document.title)) found.push(`title=${document.title}`);
    return [...new Set(found)];
  });
}

/** Fails listing every Chinese run the page shows outside data. */
export async function noChinese(page: Page, where: string): Promise<void> {
  await expect.poll(() => chineseOutsideData(page), { timeout: 5000, message: `Chinese in English mode on ${where}` }).toEqual([]);
}
