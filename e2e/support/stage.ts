/** What every journey file needs around it: the real server and a browser, started before its journeys and stopped after them. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.ts';
import { startServer, type E2eServer } from './server.ts';

export interface Stage {
  server: E2eServer;
  browser: Browser;
}

/** Call at the top of a journey file; the file's own `beforeAll` hooks, registered after, run once both are up. */
export function onStage(): Stage {
  const stage = {} as Stage;
  beforeAll(async () => {
    stage.server = await startServer();
    stage.browser = await launch();
  });
  afterAll(async () => {
    await stage.browser?.close();
    await stage.server?.stop();
  });
  return stage;
}
