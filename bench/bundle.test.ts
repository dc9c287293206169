import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstScreenAssets } from './bundle.ts';

const built = fs.existsSync(path.resolve(import.meta.dirname, '../dist/web/index.html'));

describe.runIf(built || process.env.CI)('the portal\'s first screen', () => {
  it('loads the portal only: the window, workbench and admin faces are split away', () => {
    const first = firstScreenAssets();
    expect(first.some((f) => f.endsWith('.js'))).toBe(true);
    for (const f of first) expect(f).not.toMatch(/(WindowConsole|Workbench|Admin)-/);
  });
});
