/**
 * `node --import tsx bench/profile-case.ts [cases]`: drives complete 退休 cases the API way in-process
 * (as bench/anatomy.ts) and prints the SQL statements per case, grouped by table and kind, so a change
 * to the write path can be judged by the statements it saves. `PROFILE=file.cpuprofile` writes a CPU
 * profile of the measured cases only (after the warm-up).
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { startHarness } from '../src/server/testing/harness.ts';
import { watchStatements } from '../src/server/testing/statements.ts';
import { createWorker } from '../src/server/worker/outbox.ts';
import { apiWayInProcess, injectSend, type Send } from './api-way.ts';

const cases = Number(process.argv[2] ?? 200);
const counts = new Map<string, number>();
let counting = false;
let measuring = false;
watchStatements((source, _reader, run) => {
  if (counting) {
    const m = /^\s*(select|insert into|update|delete from|commit|begin|savepoint|release|with)\b[\s\S]*?(?:from|into|update)?\s*"?(\w+)"?/i.exec(source);
    const key = m ? `${m[1]?.toLowerCase()} ${/^\s*(commit|begin|savepoint|release)/i.test(source) ? '' : (/(?:from|into|update)\s+"?(\w+)"?/i.exec(source)?.[1] ?? '')}` : source.slice(0, 40);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return run();
});
const h = await startHarness('sqlite', { ONETHING_COOKIE_SECURE: 'off' }, new Date().toISOString(), { checkContracts: false });
try {
  const worker = createWorker(h.deps);
  const spentBy = new Map<string, number>();
  const inject = injectSend(h);
  const send: Send = async (method, url, headers, body) => {
    const t = performance.now();
    const answer = await inject(method, url, headers, body);
    const kind = `${method} ${url.replace(/[0-9a-f-]{36}|C\w{10,}/gi, ':id').replace(/tasks\/:id\/[\w-]+/, 'tasks/:id/:item')}`;
    if (measuring) spentBy.set(kind, (spentBy.get(kind) ?? 0) + performance.now() - t);
    return answer;
  };
  const oneCase = await apiWayInProcess(h, send);
  for (let i = 0; i < 20; i++) { await oneCase(); await worker.runOnce(100); }
  const session = process.env.PROFILE ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  counting = !session;
  measuring = true;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let inWorker = 0;
  for (let i = 0; i < cases; i++) {
    await oneCase();
    const t = performance.now();
    await worker.runOnce(100);
    inWorker += performance.now() - t;
  }
  const cpu = process.cpuUsage(cpu0);
  counting = false;
  measuring = false;
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(process.env.PROFILE as string, JSON.stringify(profile));
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`${cases} cases: ${((performance.now() - t0) / cases).toFixed(2)} ms/case, CPU ${((cpu.user + cpu.system) / 1000 / cases).toFixed(2)} ms/case, ${(total / cases).toFixed(1)} statements/case`);
  for (const [k, ms] of [...spentBy].sort((a, b) => b[1] - a[1])) console.log(`${(ms / cases).toFixed(2).padStart(7)} ms  ${k}`);
  console.log(`${(inWorker / cases).toFixed(2).padStart(7)} ms  outbox worker`);
  for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${(n / cases).toFixed(2).padStart(7)}  ${k}`);
} finally {
  await h.close();
}
