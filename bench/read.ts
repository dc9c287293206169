/**
 * Reading a published guide through HTTP against a bare Fastify route answering a constant, in the
 * same run: each server in its own process, the load from this one over keep-alive connections, as
 * a browser asks (Accept-Encoding: br, gzip), in interleaved rounds.
 */
import http from 'node:http';
import { BROWSER_ENCODINGS } from './bundle.ts';
import { fmt, verdict } from './measure.ts';
import { startServer } from './servers.ts';

const TARGET = 0.5;
const GUIDE = '/api/public/matters/newborn-birth';

/** GETs `url` from `concurrency` loops for `seconds`; answers per second and bytes of the last body. */
async function load(port: number, url: string, headers: Record<string, string>, seconds: number, concurrency = 16): Promise<{ rate: number; bytes: number; status: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = () => new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: url, agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => { bytes += c.length; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    }).on('error', reject);
  });
  let n = 0;
  let last = { status: 0, bytes: 0 };
  const run = async (ms: number, count: boolean) => {
    const end = performance.now() + ms;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        last = await get();
        if (last.status >= 400) throw new Error(`GET ${url}: ${last.status}`);
        if (count) n++;
      }
    }));
  };
  // Warm up the process and this connection pool (the JIT, the first serialization) before counting:
  // a short warm-up left the first round of each side at half its rate.
  await run(1000, false);
  const started = performance.now();
  await run(seconds * 1000, true);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { rate: n / elapsed, ...last };
}

export async function benchRead(seconds: number): Promise<boolean> {
  console.log(`\n## Reading a published guide through HTTP (${GUIDE}, Accept-Encoding: ${BROWSER_ENCODINGS})`);
  const [hello, onething] = await Promise.all([startServer('hello'), startServer('onething')]);
  try {
    const accept = { accept: 'application/json', 'accept-encoding': BROWSER_ENCODINGS };
    const etag = await new Promise<string>((resolve) => http.get({ host: '127.0.0.1', port: onething.port, path: GUIDE }, (res) => { res.resume(); resolve(String(res.headers.etag)); }));
    // Interleaved rounds, so that a neighbour's burst of CPU weighs on each side alike.
    const slice = seconds / 9;
    const rounds = { hello: [] as number[], guide: [] as number[], revalidated: [] as number[] };
    let guide = { rate: 0, bytes: 0, status: 0 };
    for (let round = 0; round < 3; round++) {
      rounds.hello.push((await load(hello.port, '/hello', accept, slice)).rate);
      guide = await load(onething.port, GUIDE, accept, slice);
      rounds.guide.push(guide.rate);
      rounds.revalidated.push((await load(onething.port, GUIDE, { ...accept, 'if-none-match': etag }, slice)).rate);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // The ratio of each round, side by side in time, then their median: a burst on the shared machine
    // sways one round, not the verdict.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const bare = mean(rounds.hello);
    const ratio = median(rounds.guide.map((g, i) => g / (rounds.hello[i] as number)));
    const revalidatedRatio = median(rounds.revalidated.map((g, i) => g / (rounds.hello[i] as number)));
    const read = mean(rounds.guide);
    const revalidated = mean(rounds.revalidated);
    console.log(`bare Fastify, constant JSON: ${fmt(bare)} answers/s (rounds: ${rounds.hello.map((r) => fmt(r)).join(', ')})`);
    console.log(`onething, the guide: ${fmt(read)} answers/s, ${fmt(guide.bytes / 1024, 1)} KB each as sent: ${fmt(ratio, 2)}× the bare route (median of the rounds' ratios)`);
    console.log(`onething, the guide revalidated (If-None-Match, 304): ${fmt(revalidated)} answers/s: ${fmt(revalidatedRatio, 2)}× the bare route`);
    console.log(`target: a guide read ≥ ${TARGET}× the bare route: ${verdict(ratio >= TARGET)}`);
    return ratio >= TARGET;
  } finally {
    hello.child.kill('SIGTERM');
    onething.child.kill('SIGTERM');
  }
}
