/**
 * Complete case lifecycles per second through HTTP on SQLite — create, answer, fill, submit, accept,
 * every task claimed and decided — against a bare Fastify route inserting one row, in the same run.
 * Each server runs in its own process; the load comes from this one over keep-alive connections.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Plan } from '../src/core/planning/types.ts';
import { fillForm } from '../src/server/testing/fill.ts';
import { fmt, verdict } from './measure.ts';

const root = path.resolve(import.meta.dirname, '..');

async function startServer(mode: 'onething' | 'bare'): Promise<{ url: string; child: ChildProcess }> {
  const profile = process.env.BENCH_PROFILE_DIR ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(root, 'bench/http-server.ts'), mode], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

interface Client {
  call(method: string, url: string, body?: unknown): Promise<unknown>;
}

function client(base: string, cookie: string, latencies: number[]): Client {
  return {
    async call(method, url, body) {
      const t0 = performance.now();
      const res = await fetch(base + url, { method, headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      latencies.push(performance.now() - t0);
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 200)}`);
      return text ? JSON.parse(text) : null;
    },
  };
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Demo@2026' }) });
  const set = res.headers.get('set-cookie') ?? '';
  return set.split(';')[0] ?? '';
}

const ANSWERS = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };
const REVIEWER: Record<string, string> = { rs: 'rs-reviewer', yb: 'yb-reviewer', gjj: 'gjj-reviewer', wsjk: 'wsjk-reviewer' };

export async function benchHttp(seconds: number): Promise<boolean> {
  console.log('\n## Complete cases through HTTP on SQLite (退休: create → answers → form → submit → accept → each task claimed and approved)');
  const bare = await startServer('bare');
  let bareRate = 0;
  try {
    const lat: number[] = [];
    const end = performance.now() + (seconds / 3) * 1000;
    let n = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await (await fetch(`${bare.url}/rows`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' })).text();
        lat.push(performance.now() - t0);
        n++;
      }
    }));
    bareRate = n / (seconds / 3);
    lat.sort((a, b) => a - b);
    console.log(`bare Fastify, one row inserted per request: ${fmt(bareRate)} requests/s, p99 ${fmt(lat[Math.floor(lat.length * 0.99)] ?? 0, 1)} ms`);
  } finally {
    bare.child.kill('SIGTERM');
  }

  const server = await startServer('onething');
  try {
    const base = server.url;
    const applicant = await login(base, 'zhangjianguo');
    const clerk = await login(base, 'window');
    const reviewers = Object.fromEntries(await Promise.all(Object.entries(REVIEWER).map(async ([d, u]) => [d, await login(base, u)] as const)));
    const latencies: number[] = [];
    const app = client(base, applicant, latencies);
    const win = client(base, clerk, latencies);
    const dept = Object.fromEntries(Object.entries(reviewers).map(([d, c]) => [d, client(base, c, latencies)]));
    type View = { id: string; progress: { item: string; status: string; department: { code: string } }[] };

    const lifecycle = async () => {
      const created = (await app.call('POST', '/api/cases', { matterId: 'retirement' })) as View;
      const { plan } = (await app.call('PUT', `/api/cases/${created.id}/answers`, { answers: ANSWERS, chosenItems: [] })) as { plan: Plan };
      await app.call('PUT', `/api/cases/${created.id}/form`, { values: fillForm(plan) });
      await app.call('POST', `/api/cases/${created.id}/submit`);
      let view = (await win.call('POST', `/api/window/cases/${created.id}/accept`)) as View;
      for (let round = 0; round < 10; round++) {
        const open = view.progress.filter((p) => p.status === 'dispatched');
        if (open.length === 0) break;
        for (const p of open) {
          const d = dept[p.department.code] as Client;
          await d.call('POST', `/api/department/tasks/${created.id}/${p.item}/claim`);
          await d.call('POST', `/api/department/tasks/${created.id}/${p.item}/approve`, {});
        }
        view = (await app.call('GET', `/api/cases/${created.id}`)) as View;
      }
      if (view.progress.some((p) => p.status !== 'approved')) throw new Error('lifecycle did not complete');
    };
    await lifecycle();
    latencies.length = 0;
    const end = performance.now() + (seconds * 2 / 3) * 1000;
    let cases = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (performance.now() < end) {
        await lifecycle();
        cases++;
      }
    }));
    const elapsed = (performance.now() - started) / 1000;
    const rate = cases / elapsed;
    latencies.sort((a, b) => a - b);
    const reqRate = latencies.length / elapsed;
    console.log(`onething: ${fmt(rate, 1)} complete cases/s (${fmt(reqRate)} requests/s, p50 ${fmt(latencies[Math.floor(latencies.length / 2)] ?? 0, 1)} ms, p99 ${fmt(latencies[Math.floor(latencies.length * 0.99)] ?? 0, 1)} ms per request)`);
    console.log(`ratio: one complete case costs as much as ${fmt(bareRate / rate, 1)} bare inserts; our requests run at ${fmt((reqRate / bareRate) * 100, 1)}% of the bare route's rate`);
    console.log(`target ≥ 500 complete cases/s: ${verdict(rate >= 500)}`);
    return rate >= 500;
  } finally {
    server.child.kill('SIGTERM');
  }
}
