/**
 * The real server for browser journeys: `node bin/onething.js start` as a child process on a free
 * port of 127.0.0.1, with a fresh temporary data directory (SQLite, demo accounts and shared data
 * seeded on start) and a fixed field-encryption key. The child is killed and the directory removed
 * afterwards whatever happens: by `stop()`, by an exit hook of the test process, and by a guard
 * preloaded into the child that exits when the test process's end of its stdin closes.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '../../src/server/testing/server-process.ts';

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

const live = new Map<ChildProcess, string>();
let hooked = false;

function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const [child, dir] of live) {
      child.kill('SIGKILL');
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
  const readyTimeoutMs = options.readyTimeoutMs ?? 45_000;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-e2e-'));
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) =>
    !k.startsWith('ONETHING_') && !k.startsWith('VITEST') && !['DATABASE_URL', 'PORT', 'HOST', 'NODE_OPTIONS', 'LOG_LEVEL', 'NODE_ENV'].includes(k)));
  const child = spawn(process.execPath, ['--import', GUARD, 'bin/onething.js', 'start'], {
    cwd: ROOT,
    env: {
      ...inherited,
      PORT: String(port), HOST: '127.0.0.1', ONETHING_PUBLIC_URL: base,
      ONETHING_DATA_DIR: dataDir, ONETHING_E2E_TEMP_DIR: dataDir, ONETHING_FIELD_KEY: E2E_FIELD_KEY, LOG_LEVEL: 'warn',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.set(child, dataDir);
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString('utf8')).slice(-16_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? String(code)));
  });
  let gone: string | null = null;
  void exited.then((how) => {
    gone = how;
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
      if (await Promise.race([exited, timeout]) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    } finally {
      live.delete(child);
      removeDir(dataDir);
    }
  };

  const deadline = Date.now() + readyTimeoutMs;
  try {
    for (;;) {
      if (gone !== null) throw new Error(`server exited (${gone}) before it was ready:\n${out}`);
      if (Date.now() > deadline) throw new Error(`server not ready within ${readyTimeoutMs} ms:\n${out}`);
      try {
        const r = await fetch(`${base}/api/public/matters`, { signal: AbortSignal.timeout(2_000) });
        if (r.ok) break;
      } catch { /* not listening yet */ }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, port, dataDir, output: () => out, stop };
}
