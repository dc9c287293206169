/**
 * SIGTERM to the real server: it stops listening, answers the request it is in the middle of, signs
 * the shutdown checkpoint and exits 0; a request that never finishes does not keep it past the limit.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshPostgres } from '../../testing/harness.ts';
import { startServerProcess } from '../../testing/server-process.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function environment(dialect: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-shutdown-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const env: Record<string, string> = { ONETHING_DATA_DIR: dir, ONETHING_FIELD_KEY: '7a'.repeat(32), ONETHING_COOKIE_SECURE: 'off', ...extra };
  if (dialect === 'postgres') {
    const pgdb = await freshPostgres('onething_stop');
    cleanups.push(pgdb.drop);
    env.DATABASE_URL = pgdb.url;
  }
  return env;
}

/** A log-in whose headers are sent now and whose body is held back: a request the server is in the middle of. */
function startSlowLogin(port: number): Promise<{ finish: () => Promise<string>; socket: net.Socket }> {
  const body = JSON.stringify({ username: 'wangfang', password: 'Demo@2026' });
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`);
      let answer = '';
      // The whole answer once its body has come (the client keeps the connection, as browsers do).
      const ended = new Promise<string>((done) => {
        socket.on('data', (b) => {
          answer += b.toString('utf8');
          const [head = '', rest = ''] = answer.split('\r\n\r\n');
          const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? NaN);
          if (Buffer.byteLength(rest) >= length) done(answer);
        });
        socket.on('close', () => done(answer));
      });
      resolve({ socket, finish: async () => { socket.write(body.slice(10)); return ended; } });
    });
    socket.once('error', reject);
  });
}

const refused = async (base: string) => fetch(`${base}/livez`, { signal: AbortSignal.timeout(2000) }).then(() => false, () => true);

describe.each(DIALECTS)('graceful shutdown on %s', { timeout: 90_000 }, (dialect) => {
  it('answers the request in flight after SIGTERM, refuses new connections, and exits 0', async () => {
    const env = await environment(dialect);
    const server = await startServerProcess(env);
    // A wrong password is audited: the log then has an entry for the shutdown checkpoint to sign.
    const wrong = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wangfang', password: 'not-the-password' }) });
    expect(wrong.status).toBe(401);
    const slow = await startSlowLogin(server.port);
    await new Promise((r) => setTimeout(r, 300));
    process.kill(server.pid, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (!(await refused(server.base)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await refused(server.base), server.output()).toBe(true);
    const answer = await slow.finish();
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('wangfang');
    // The kept-alive connection is closed by the server once answered, so it need not wait for the client.
    const stoppedAfter = Date.now();
    expect(await server.exited, server.output()).toBe('0');
    expect(Date.now() - stoppedAfter).toBeLessThan(5000);
    expect(server.output()).toContain('收到 SIGTERM：不再接收新请求');
    expect(server.output()).toContain('onething 已停止');
    // The audit log's last entries are still signed for on the way out.
    const checkpoints = fs.readFileSync(path.join(env.ONETHING_DATA_DIR as string, 'audit-checkpoints.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(checkpoints.at(-1) as string)).toMatchObject({ kind: 'shutdown' });
  });

  it('exits anyway, saying so, when a request outlasts ONETHING_SHUTDOWN_SECONDS', async () => {
    const server = await startServerProcess(await environment(dialect, { ONETHING_SHUTDOWN_SECONDS: '1' }));
    const stuck = await startSlowLogin(server.port);
    await new Promise((r) => setTimeout(r, 300));
    const sent = Date.now();
    process.kill(server.pid, 'SIGTERM');
    expect(await server.exited, server.output()).toBe('1');
    expect(Date.now() - sent).toBeLessThan(4000);
    expect(server.output()).toContain('未能在 1 秒内停止（ONETHING_SHUTDOWN_SECONDS），强制退出');
    stuck.socket.destroy();
  });
});
