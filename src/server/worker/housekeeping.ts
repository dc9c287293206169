/**
 * Housekeeping: records that only matter for a while are removed once they no longer can — replay
 * nonces after the signed-request clock window, expired sessions, idempotency keys after a week,
 * delivered outbox entries after a month (the audit log keeps what happened; dead letters stay) —
 * so that no table grows with every request forever.
 */
import { MAX_SKEW_SECONDS } from '../crypto/hmac-request.ts';
import type { Deps } from '../deps.ts';

/** Twice the time a signed request's timestamp may be off: an older nonce's request is refused as stale anyway. */
const NONCE_KEEP_MS = 2 * MAX_SKEW_SECONDS * 1000;
const IDEMPOTENCY_KEEP_MS = 7 * 24 * 3600_000;
const DELIVERED_KEEP_MS = 30 * 24 * 3600_000;

export interface Swept {
  nonces: number;
  sessions: number;
  idempotency: number;
  delivered: number;
}

export async function sweep(deps: Pick<Deps, 'db' | 'clock'>): Promise<Swept> {
  const db = deps.db.kysely;
  const now = deps.clock.now().getTime();
  const before = (ms: number) => new Date(now - ms).toISOString();
  const nonces = await db.deleteFrom('nonces').where('seen_at', '<', before(NONCE_KEEP_MS)).executeTakeFirst();
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<', before(0)).executeTakeFirst();
  const idempotency = await db.deleteFrom('idempotency').where('created_at', '<', before(IDEMPOTENCY_KEEP_MS)).executeTakeFirst();
  const delivered = await db.deleteFrom('outbox').where('status', '=', 'delivered').where('delivered_at', '<', before(DELIVERED_KEEP_MS)).executeTakeFirst();
  return { nonces: Number(nonces.numDeletedRows), sessions: Number(sessions.numDeletedRows), idempotency: Number(idempotency.numDeletedRows), delivered: Number(delivered.numDeletedRows) };
}

/**
 * Runs the jobs (the sweep, reminders) now and then every `intervalMs`; a failed job is reported to
 * `onError` and retried at the next round.
 */
export function startHousekeeping<D extends Pick<Deps, 'db' | 'clock'>>(deps: D, jobs: ((deps: D) => Promise<unknown>)[] = [sweep], intervalMs = 10 * 60_000, onError: (job: string, err: unknown) => void = () => {}): { stop(): Promise<void> } {
  const round = async () => {
    for (const job of jobs) await job(deps).catch((err: unknown) => onError(job.name, err));
  };
  let running: Promise<unknown> = round();
  const timer = setInterval(() => {
    running = running.then(round);
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
