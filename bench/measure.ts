/** Timing helpers for benchmarks: rates and percentiles measured in the same run as their baseline. */
export interface Timing {
  perSecond: number;
  p50us: number;
  p99us: number;
  runs: number;
}

function summarize(samples: number[], start: bigint): Timing {
  const total = Number(process.hrtime.bigint() - start) / 1e9;
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
  return { perSecond: samples.length / total, p50us: at(0.5), p99us: at(0.99), runs: samples.length };
}

/** Runs `fn` until `seconds` have passed (after a warm-up), timing each call. */
export function timeSync(fn: (i: number) => void, seconds = 1, warmup = 2000): Timing {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  for (let i = 0, now = start; now < end; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    now = process.hrtime.bigint();
    samples.push(Number(now - t0) / 1000);
  }
  return summarize(samples, start);
}

export async function timeAsync(fn: (i: number) => Promise<unknown>, seconds = 1, warmup = 500): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  for (let i = 0, now = start; now < end; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    now = process.hrtime.bigint();
    samples.push(Number(now - t0) / 1000);
  }
  return summarize(samples, start);
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function verdict(ok: boolean): string {
  return ok ? 'meets target' : 'BELOW TARGET';
}
