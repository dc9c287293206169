/**
 * The portal's first screen over the wire: every script, module preload and stylesheet that
 * dist/web/index.html loads, gzipped, against a 500 KB budget; the lazily loaded faces
 * (window, workbench, admin) are listed apart to show they stay out of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt, verdict } from './measure.ts';

const ROOT = path.resolve(import.meta.dirname, '../dist/web');
const BUDGET = 500 * 1024;

const gz = (file: string) => gzipSync(fs.readFileSync(path.join(ROOT, file)), { level: 9 }).length;

export function firstScreenAssets(): string[] {
  const html = fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  return [...new Set(refs)];
}

export function benchBundle(): boolean {
  console.log('\n## Web app: the portal\'s first screen, gzipped');
  if (!fs.existsSync(path.join(ROOT, 'index.html'))) {
    console.log('dist/web is not built (npm run build); skipped');
    return false;
  }
  const first = firstScreenAssets();
  const html = gz('index.html');
  const sizes = first.map((f) => ({ f, size: gz(f) }));
  for (const { f, size } of sizes) console.log(`  ${f.padEnd(48)} ${fmt(size / 1024, 1).padStart(8)} KB`);
  const total = html + sizes.reduce((n, s) => n + s.size, 0);
  const lazy = fs.readdirSync(path.join(ROOT, 'assets')).filter((f) => /^(WindowConsole|Workbench|Admin)-/.test(f));
  console.log(`  lazily loaded faces, not in the first screen: ${lazy.join(', ') || '(none)'}`);
  console.log(`first screen: ${fmt(total / 1024, 1)} KB gzipped (index.html included); budget 500 KB: ${verdict(total <= BUDGET)}`);
  return total <= BUDGET;
}
