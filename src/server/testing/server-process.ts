/**
 * The real server as a child process (`node bin/onething.js start`), bound to 127.0.0.1, for tests
 * that kill it. Every child is tracked and killed when the test process exits, whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  pid: number;
  port: number;
  base: string;
  /** The last part of what the server printed, for failure messages. */
  output(): string;
  /** Resolves with the exit code or signal, once the process is gone. */
  exited: Promise<string>;
  kill(signal: NodeJS.Signals, timeoutMs?: number): Promise<string>;
}

export interface StartOptions {
  port?: number;
  readyTimeoutMs?: number;
  /** Options for node itself, before the script (a preloaded module, say). */
  nodeArgs?: string[];
  /** 'pipe' gives the child a stdin that closes when this process goes. */
  stdin?: 'ignore' | 'pipe';
}

export async function startServerProcess(env: Record<string, string>, options: StartOptions = {}): Promise<ServerProcess> {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }
  const port = options.port ?? await freePort();
  const base = `http://127.0.0.1:${port}`;
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) =>
    !k.startsWith('ONETHING_') && !k.startsWith('VITEST') && !['DATABASE_URL', 'PORT', 'HOST', 'NODE_OPTIONS', 'LOG_LEVEL', 'NODE_ENV'].includes(k)));
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'bin/onething.js', 'start'], {
    cwd: ROOT,
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', ONETHING_PUBLIC_URL: base, LOG_LEVEL: 'warn', ...env },
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString('utf8')).slice(-16_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(signal ?? String(code));
    });
  });
  const kill = async (signal: NodeJS.Signals, timeoutMs = 10_000) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const timer = new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    const r = await Promise.race([exited, timer]);
    if (r === 'timeout') {
      child.kill('SIGKILL');
      return exited;
    }
    return r;
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  const gone: { how: string | null } = { how: null };
  void exited.then((r) => {
    gone.how = r;
  });
  for (;;) {
    if (gone.how !== null) throw new Error(`server exited (${gone.how}) before it was ready:\n${out}`);
    if (Date.now() > deadline) {
      await kill('SIGKILL');
      throw new Error(`server not ready within ${options.readyTimeoutMs ?? 30_000} ms:\n${out}`);
    }
    try {
      const r = await fetch(`${base}/api/public/matters`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { pid: child.pid as number, port, base, output: () => out, exited, kill };
}
