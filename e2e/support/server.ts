/**
 * The real server for browser journeys: `node bin/onething.js start` as a child process on a free
 * port of 127.0.0.1, with a fresh temporary data directory (SQLite, demo accounts and shared data
 * seeded on start) and a fixed field-encryption key. The child is killed and the directory removed
 * afterwards whatever happens: by `stop()`, by an exit hook of the test process, and by a guard
 * preloaded into the child that exits when the test process's end of its stdin closes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServerProcess } from '../../src/server/testing/server-process.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** A fixed SM4 field key (32 bytes, hex): test data only. */
export const E2E_FIELD_KEY = '0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e';
const GUARD = pathToFileURL(path.join(import.meta.dirname, 'orphan-guard.mjs')).href;

export interface E2eServer {
  base: string;
  port: number;
  dataDir: string;
  /** The last part of what the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const dirs = new Set<string>();
let hooked = false;

function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

/** The child itself is killed by the server-process helper's own exit hook; its directory goes here. */
function hook(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const dir of dirs) {
      try {
        removeDir(dir);
      } catch { /* best effort at exit */ }
    }
  });
}

/** The built web app must be there: builds it once (`npx vite build`, a few seconds) if not. */
export function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(ROOT, 'dist/web/index.html'))) return;
  execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
  if (!fs.existsSync(path.join(ROOT, 'dist/web/index.html'))) throw new Error('npx vite build did not produce dist/web/index.html');
}

export async function startServer(options: { readyTimeoutMs?: number } = {}): Promise<E2eServer> {
  ensureWebBuilt();
  hook();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-e2e-'));
  dirs.add(dataDir);
  const cleanUp = () => {
    dirs.delete(dataDir);
    removeDir(dataDir);
  };
  let server;
  try {
    server = await startServerProcess(
      { ONETHING_DATA_DIR: dataDir, ONETHING_E2E_TEMP_DIR: dataDir, ONETHING_FIELD_KEY: E2E_FIELD_KEY },
      { readyTimeoutMs: options.readyTimeoutMs ?? 45_000, nodeArgs: ['--import', GUARD], stdin: 'pipe' },
    );
  } catch (e) {
    cleanUp();
    throw e;
  }
  const child = server;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      await child.kill('SIGTERM', 5_000);
    } finally {
      cleanUp();
    }
  };
  return { base: child.base, port: child.port, dataDir, output: child.output, stop };
}
