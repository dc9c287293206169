#!/usr/bin/env node
/**
 * `npm ci`'s prepare step: builds the web app into dist/web with Vite when Vite is installed (a
 * development or build install). A production install (`npm ci --omit=dev`) has no Vite and the
 * browser packages are build-time only, so it keeps the dist/web built before, and says so when
 * there is none (the server then serves the API only).
 *
 *   npm ci && npm start                                  # builds here, then serves the app
 *   npm ci && npm run build && npm ci --omit=dev         # production: build, then drop the build tools
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist/web/index.html');

let viteBin;
try {
  const pkg = createRequire(join(root, 'package.json')).resolve('vite/package.json');
  viteBin = join(dirname(pkg), 'bin/vite.js');
} catch {
  viteBin = undefined;
}

if (viteBin && existsSync(viteBin)) {
  const run = spawnSync(process.execPath, [viteBin, 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 1);
} else if (existsSync(built)) {
  console.log('onething: Vite is not installed (npm ci --omit=dev): serving the web app built before, in dist/web');
} else {
  console.warn(
    'onething: Vite is not installed and dist/web has no build, so the server will serve the API only; ' +
      'build first with a full install (npm ci, or npm run build), then npm ci --omit=dev',
  );
}
