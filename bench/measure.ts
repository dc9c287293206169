/** Timing helpers for benchmarks: rates and percentiles measured in the same run as their baseline. */
export interface Timing {
  perSecond: number;
  p50us: number;
  p99us: number;
  runs: number;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** Runs `fn` until `seconds` have passed (after a warm-up), timing each call. */
export function timeSync(fn: (i: number) => void, seconds = 1): Timing {
  for (let i = 0; i < 2000; i++) fn(i);
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let i = 0;
  for (let now = start; now < end; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    now = process.hrtime.bigint();
    samples.push(Number(now - t0) / 1000);
  }
  const total = Number(process.hrtime.bigint() - start) / 1e9;
  const sorted = Float64Array.from(samples).sort();
  return { perSecond: i / total, p50us: percentile(sorted, 0.5), p99us: percentile(sorted, 0.99), runs: i };
}

export async function timeAsync(fn: (i: number) => Promise<unknown>, seconds = 1): Promise<Timing> {
  for (let i = 0; i < 500; i++) await fn(i);
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let i = 0;
  for (let now = start; now < end; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    now = process.hrtime.bigint();
    samples.push(Number(now - t0) / 1000);
  }
  const total = Number(process.hrtime.bigint() - start) / 1e9;
  const sorted = Float64Array.from(samples).sort();
  return { perSecond: i / total, p50us: percentile(sorted, 0.5), p99us: percentile(sorted, 0.99), runs: i };
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function verdict(ok: boolean): string {
  return ok ? 'meets target' : 'BELOW TARGET';
}
