import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../src/server/testing/harness.ts';
import { firstScreenAssets, firstScreenOverWire } from './bundle.ts';

const built = fs.existsSync(path.resolve(import.meta.dirname, '../dist/web/index.html'));

describe.runIf(built || process.env.CI)('the portal\'s first screen', () => {
  it('loads the portal only: the window, workbench and admin faces are split away', () => {
    const first = firstScreenAssets();
    expect(first.some((f) => f.endsWith('.js'))).toBe(true);
    for (const f of first) expect(f).not.toMatch(/(WindowConsole|Workbench|Admin)-/);
  });

  it('is built with brotli and gzip copies of every asset of 1 KiB or more', () => {
    const root = path.resolve(import.meta.dirname, '../dist/web');
    for (const f of ['index.html', ...firstScreenAssets()]) {
      const size = fs.statSync(path.join(root, f)).size;
      if (size < 1024) continue;
      for (const ext of ['.br', '.gz']) expect(fs.statSync(path.join(root, f + ext)).size, f + ext).toBeLessThan(size);
    }
  });

  describe('as the server sends it', () => {
    let h: Harness;
    let port: number;
    beforeAll(async () => {
      h = await startHarness('sqlite', {}, undefined, { web: true });
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      port = (h.app.server.address() as { port: number }).port;
    });
    afterAll(async () => h.close());

    it('goes out compressed, at a third of the files or less, to a browser that takes brotli; plain to one that takes nothing', async () => {
      const br = await firstScreenOverWire(port);
      for (const f of br) if (f.body.length >= 1024) expect(f.encoding, f.url).toBe('br');
      const plain = await firstScreenOverWire(port, 'identity');
      for (const f of plain) expect(f.encoding, f.url).toBe('identity');
      const wire = (xs: { wire: number }[]) => xs.reduce((n, f) => n + f.wire, 0);
      expect(wire(br)).toBeLessThan(wire(plain) / 3);
    });
  });
});
