import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness.ts';
import { WEB_ROOT } from './web.ts';

// `npm ci` builds the web app (the prepare script); without a build there is nothing to serve.
const built = fs.existsSync(path.join(WEB_ROOT, 'index.html'));

describe.runIf(built || process.env.CI)('serving the web app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite', {}, undefined, { web: true });
  });
  afterAll(async () => h.close());

  it('answers page addresses with the app, and keeps the API answering JSON', async () => {
    expect(built).toBe(true);
    const page = await h.request('GET', '/matters/newborn-birth', { headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root"></div>');
    expect(page.headers['cache-control']).toBe('no-cache');
    const api = await h.request('GET', '/api/nowhere', { headers: { accept: 'text/html' } });
    expect(api.json()).toMatchObject({ code: 'route-not-found' });
    const asset = fs.readdirSync(path.join(WEB_ROOT, 'assets')).find((f) => f.endsWith('.js')) as string;
    const js = await h.request('GET', `/assets/${asset}`);
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await h.request('GET', '/assets/missing.js')).statusCode).toBe(404);
  });
});
