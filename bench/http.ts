/**
 * Complete case lifecycles per second through HTTP on SQLite, against a bare Fastify route inserting
 * one row, in the same run. Each server runs in its own process; the load comes from this one over
 * keep-alive connections. Two ways through a case are measured:
 * - the API way the target is set for: the application submitted in one request, accepted at the
 *   window, every task decided by its department's system (HMAC-signed, claiming as it decides);
 * - the portal's way: create, answer, fill, submit, accept, each task claimed and decided by a
 *   reviewer, the applicant looking at the case after each stage.
 */
import http from 'node:http';
import type { Plan } from '../src/core/planning/types.ts';
import { fillForm } from '../src/server/testing/fill.ts';
import { ANSWERS, apiWay as apiWayOf, type View } from './api-way.ts';
import { fmt, verdict } from './measure.ts';
import { startServer } from './servers.ts';

const TARGET = 500;
const MAX_BARE_INSERTS = 60;

/** A plain keep-alive HTTP client: fetch costs several times more CPU per request than the servers measured. */
export function httpClient(port: number, latencies: number[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  return (method: string, url: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = http.request({ host: '127.0.0.1', port, method, path: url, agent, headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          latencies.push(performance.now() - t0);
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
}

type Send = ReturnType<typeof httpClient>;

async function json(send: Send, method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<unknown> {
  const r = await send(method, url, headers, body === undefined ? undefined : JSON.stringify(body));
  if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${r.text.slice(0, 300)}`);
  return r.text ? JSON.parse(r.text) : null;
}

async function login(send: Send, username: string): Promise<Record<string, string>> {
  const r = await send('POST', '/api/auth/login', {}, JSON.stringify({ username, password: 'Demo@2026' }));
  const set = r.headers['set-cookie']?.[0] ?? '';
  return { cookie: set.split(';')[0] ?? '' };
}

const REVIEWER: Record<string, string> = { rs: 'rs-reviewer', yb: 'yb-reviewer', gjj: 'gjj-reviewer', wsjk: 'wsjk-reviewer' };

/** Runs `lifecycle` from `concurrency` loops for `seconds`; complete cases per second. */
export async function drive(lifecycle: () => Promise<void>, seconds: number, concurrency: number): Promise<{ rate: number; elapsed: number }> {
  const end = performance.now() + seconds * 1000;
  let cases = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      await lifecycle();
      cases++;
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  return { rate: cases / elapsed, elapsed };
}

export function describe(latencies: number[], elapsed: number): string {
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return `${fmt(latencies.length / elapsed)} requests/s, p50 ${fmt(at(0.5), 1)} ms, p99 ${fmt(at(0.99), 1)} ms per request`;
}

export async function benchHttp(seconds: number): Promise<boolean> {
  console.log('\n## Complete cases through HTTP on SQLite (退休: submitted, accepted, every task decided)');
  const [bare, server] = await Promise.all([startServer('bare'), startServer('onething')]);
  try {
    const bareLatencies: number[] = [];
    const bareSend = httpClient(bare.port, bareLatencies);
    const insert = async () => { await json(bareSend, 'POST', '/rows', {}, { a: 1 }); };
    const latencies: number[] = [];
    const send = httpClient(server.port, latencies);
    const applicant = await login(send, 'zhangjianguo');
    const clerk = await login(send, 'window');
    const admin = await login(send, 'admin');
    const reviewers = Object.fromEntries(await Promise.all(Object.entries(REVIEWER).map(async ([d, u]) => [d, await login(send, u)] as const)));
    const portalWay = async () => {
      const created = (await json(send, 'POST', '/api/cases', applicant, { matterId: 'retirement' })) as View;
      const { plan } = (await json(send, 'PUT', `/api/cases/${created.id}/answers`, applicant, { answers: ANSWERS })) as { plan: Plan };
      await json(send, 'PUT', `/api/cases/${created.id}/form`, applicant, { values: fillForm(plan) });
      await json(send, 'POST', `/api/cases/${created.id}/submit`, applicant);
      let view = (await json(send, 'POST', `/api/window/cases/${created.id}/accept`, clerk)) as View;
      for (let round = 0; round < 10; round++) {
        const open = view.progress.filter((p) => p.status === 'dispatched');
        if (open.length === 0) break;
        for (const p of open) {
          const reviewer = reviewers[p.department.code] as Record<string, string>;
          await json(send, 'POST', `/api/department/tasks/${created.id}/${p.item}/claim`, reviewer);
          await json(send, 'POST', `/api/department/tasks/${created.id}/${p.item}/approve`, reviewer, {});
        }
        view = (await json(send, 'GET', `/api/cases/${created.id}`, applicant)) as View;
      }
      if (view.progress.some((p) => p.status !== 'approved')) throw new Error('lifecycle did not complete');
    };

    const apiWay = await apiWayOf((method, url, headers, body) => json(send, method, url, headers, body), { applicant, clerk, admin });

    await apiWay();
    await portalWay();
    await drive(insert, Math.min(1, seconds / 8), 16);
    // Interleaved rounds of the baseline and the API way, so that a neighbour's burst of CPU weighs on both alike.
    const bareRounds: { n: number; elapsed: number; cpu: number }[] = [];
    const apiRounds: { cases: number; elapsed: number; cpu: number }[] = [];
    const apiLatencies: number[] = [];
    for (let round = 0; round < 2; round++) {
      bareLatencies.length = 0;
      let cpu = await bare.cpu();
      const b = await drive(insert, seconds / 8, 16);
      bareRounds.push({ n: bareLatencies.length, elapsed: b.elapsed, cpu: (await bare.cpu()) - cpu });
      latencies.length = 0;
      cpu = await server.cpu();
      const a = await drive(apiWay, seconds / 4, 16);
      apiRounds.push({ cases: a.rate * a.elapsed, elapsed: a.elapsed, cpu: (await server.cpu()) - cpu });
      apiLatencies.push(...latencies);
    }
    const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);
    const bareElapsed = sum(bareRounds, (r) => r.elapsed);
    const bareRate = sum(bareRounds, (r) => r.n) / bareElapsed;
    const apiElapsed = sum(apiRounds, (r) => r.elapsed);
    const api = { rate: sum(apiRounds, (r) => r.cases) / apiElapsed };
    const apiRequests = describe(apiLatencies, apiElapsed);
    const apiRequestRate = apiLatencies.length / apiElapsed;
    console.log(`bare Fastify, one row inserted per request: ${fmt(bareRate)} requests/s (rounds: ${bareRounds.map((r) => fmt(r.n / r.elapsed)).join(', ')})`);
    latencies.length = 0;
    const portal = await drive(portalWay, seconds / 4, 16);
    console.log(`onething, API way (submit in one request, accept, each department system decides, the applicant looks once): ${fmt(api.rate, 1)} complete cases/s (${apiRequests})`);
    console.log(`onething, portal way (create, answers, form, submit, accept, each task claimed and approved by a reviewer, the applicant looking after each stage): ${fmt(portal.rate, 1)} complete cases/s (${describe(latencies, portal.elapsed)})`);
    // The outbox worker runs in the server process too: its deliveries are part of a case's cost.
    const cpuPerInsert = sum(bareRounds, (r) => r.cpu) / sum(bareRounds, (r) => r.n);
    const cpuPerCase = sum(apiRounds, (r) => r.cpu) / sum(apiRounds, (r) => r.cases);
    console.log(`ratio: one complete case (API way) costs as much as ${fmt(bareRate / api.rate, 1)} bare inserts by rate; its requests run at ${fmt((apiRequestRate / bareRate) * 100, 1)}% of the bare route's rate`);
    console.log(`server CPU: ${fmt(cpuPerCase / 1000, 2)} ms per complete case, ${fmt(cpuPerInsert / 1000, 3)} ms per bare insert: a case costs ${fmt(cpuPerCase / cpuPerInsert, 1)} bare inserts (steadier than the rates when the machine is shared)`);
    console.log(`target: a complete case (API way) costs at most ${MAX_BARE_INSERTS} bare inserts (server CPU): ${verdict(cpuPerCase / cpuPerInsert <= MAX_BARE_INSERTS)}`);
    console.log(`target ≥ ${TARGET} complete cases/s: ${verdict(api.rate >= TARGET)}`);
    return api.rate >= TARGET && cpuPerCase / cpuPerInsert <= MAX_BARE_INSERTS;
  } finally {
    bare.child.kill('SIGTERM');
    server.child.kill('SIGTERM');
  }
}
