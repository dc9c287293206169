/**
 * A journey is a chain of steps: once one fails the rest are skipped (they would only fail for the
 * same reason), and the failure leaves a screenshot and the server's last output.
 */
import type { Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { shot } from './browser.ts';
import type { E2eServer } from './server.ts';

export function journey(name: string, page: () => Page, server: () => E2eServer): (label: string) => void {
  let broken: string | null = null;
  return (label) => {
    if (broken) throw new Error(`skipped: an earlier step failed (${broken})`);
    onTestFailed(async () => {
      broken = label;
      await shot(page(), `${name}-FAILED-${label}`).catch(() => undefined);
      console.error(`page: ${page().url()}\nserver output (last part):\n${server().output().slice(-3000)}`);
    });
  };
}
