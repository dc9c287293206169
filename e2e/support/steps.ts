/**
 * A journey is a chain of steps: once one fails the rest are skipped (they would only fail for the
 * same reason), and the failure leaves a screenshot and the server's last output. The failed step
 * itself may run again (the runner's one retry on a loaded machine).
 */
import type { Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { shot } from './browser.ts';
import type { E2eServer } from './server.ts';

/** If the current test fails: a screenshot of the page (e2e/screenshots/`file`.png) and the server's last output. */
export function onFailure(file: string, page: () => Page, server: () => E2eServer): void {
  onTestFailed(async () => {
    await shot(page(), file).catch(() => undefined);
    console.error(`page: ${page().url()}\nserver output (last part):\n${server().output().slice(-3000)}`);
  });
}

export function journey(name: string, page: () => Page, server: () => E2eServer): (label: string) => void {
  let broken: string | null = null;
  return (label) => {
    if (broken === label) broken = null;
    if (broken) throw new Error(`skipped: an earlier step failed (${broken})`);
    onTestFailed(() => {
      broken = label;
    });
    onFailure(`${name}-FAILED-${label}`, page, server);
  };
}
