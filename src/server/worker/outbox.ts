/**
 * The outbox worker: claims due entries (on PostgreSQL with FOR UPDATE SKIP LOCKED, so any number of
 * workers can run), delivers them — a task to its department's webhook, signed, or to the built-in
 * workbench; a message through the adapter — and retries with back-off into a dead-letter list.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { signRequest } from '../crypto/hmac-request.ts';
import { openKeyMaterial } from '../crypto/sm4.ts';
import type { OutboxTable } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { autoDecideDispatched } from '../modules/tasks/auto-decision.ts';

type Entry = Selectable<OutboxTable>;
const LEASE_MS = 30_000;
const DELIVERY_TIMEOUT_MS = 10_000;

export interface Worker {
  id: string;
  runOnce(limit?: number): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export function createWorker(deps: Deps, fetchImpl: typeof fetch = fetch): Worker {
  const id = `worker-${process.pid}-${randomBytes(3).toString('hex')}`;
  const db = deps.db.kysely;

  async function claim(limit: number, now: Date): Promise<Entry[]> {
    const until = new Date(now.getTime() + LEASE_MS).toISOString();
    const nowIso = now.toISOString();
    if (deps.db.dialect === 'postgres') {
      const r = await sql<Entry>`
        update outbox set locked_by = ${id}, locked_until = ${until}
        where id in (
          select id from outbox
          where status = 'pending' and next_attempt_at <= ${nowIso} and (locked_until is null or locked_until < ${nowIso})
          order by id limit ${limit} for update skip locked)
        returning *`.execute(db);
      return r.rows;
    }
    return db.transaction().execute(async (trx) => {
      const due = await trx.selectFrom('outbox').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', nowIso)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)])).orderBy('id').limit(limit).execute();
      if (due.length > 0) await trx.updateTable('outbox').set({ locked_by: id, locked_until: until }).where('id', 'in', due.map((e) => e.id)).execute();
      return due;
    });
  }

  /**
   * Renews this worker's lease on an entry just before delivering it; false if the lease ran out and
   * another worker took the entry meanwhile. A batch is delivered one entry after another, so without
   * this the entries at the end of a slow batch would outlive the lease taken at claim time and be
   * claimed and delivered a second time by another worker.
   */
  async function renew(e: Entry): Promise<boolean> {
    const until = new Date(deps.clock.now().getTime() + LEASE_MS).toISOString();
    const r = await db.updateTable('outbox').set({ locked_until: until })
      .where('id', '=', e.id).where('locked_by', '=', id).where('status', '=', 'pending').executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  type Client = { id: string; secret_enc: string; webhook_url: string | null };
  type Account = { phone_enc: string | null; email_enc: string | null };

  /** What a batch's deliveries read, in one statement each rather than one per entry. */
  async function lookups(batch: Entry[]): Promise<{ clients: Map<string, Client>; accounts: Map<string, Account> }> {
    const departments = new Set<string>();
    const accountIds = new Set<string>();
    for (const e of batch) {
      if (e.kind === 'dispatch') departments.add((JSON.parse(e.payload) as { department: string }).department);
      else if (e.kind === 'message') accountIds.add((JSON.parse(e.payload) as { accountId: string }).accountId);
    }
    const clients = new Map<string, Client>();
    if (departments.size > 0) {
      const rows = await db.selectFrom('api_clients').select(['id', 'secret_enc', 'webhook_url', 'department']).where('department', 'in', [...departments]).where('active', '=', 1)
        .where('webhook_url', 'is not', null).orderBy('created_at', 'desc').execute();
      // The newest active client with a webhook speaks for its department.
      for (const r of rows) if (!clients.has(r.department)) clients.set(r.department, r);
    }
    const accounts = new Map<string, Account>();
    if (accountIds.size > 0) {
      for (const r of await db.selectFrom('accounts').select(['id', 'phone_enc', 'email_enc']).where('id', 'in', [...accountIds]).execute()) accounts.set(r.id, r);
    }
    return { clients, accounts };
  }

  async function deliverDispatch(e: Entry, client: Client | undefined): Promise<void> {
    const payload = JSON.parse(e.payload) as { department: string; caseId: string; item: string };
    if (!client?.webhook_url) return;
    const body = JSON.stringify({ deliveryId: e.delivery_id, kind: 'task.dispatched', ...payload, links: { task: `${deps.config.publicUrl}/api/department/tasks/${payload.caseId}/${encodeURIComponent(payload.item)}` } });
    const url = new URL(client.webhook_url);
    const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
    const nonce = randomBytes(12).toString('hex');
    const signature = signRequest({ secret: openKeyMaterial(deps.cipher, client.secret_enc), method: 'POST', path: url.pathname + url.search, timestamp, nonce, body });
    // A redirect is not a delivery: followed, the POST would turn into a GET without the dispatch,
    // and a 200 for that GET would mark as delivered what the department system never received.
    const res = await fetchImpl(url, {
      method: 'POST', body, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS), redirect: 'manual',
      headers: { 'content-type': 'application/json', 'x-onething-delivery': e.delivery_id, 'x-onething-timestamp': String(timestamp), 'x-onething-nonce': nonce, 'x-onething-signature': signature },
    });
    // Nothing in the answer is needed; discarding it frees the connection.
    await res.body?.cancel().catch(() => undefined);
    if (!res.ok) throw new Error(`部门系统返回 ${res.status}`);
  }

  /**
   * A notice goes to every channel the account has. With more than one, each channel sent is noted
   * in the entry, so a retry after one channel failed does not send the others again.
   */
  async function deliverMessage(e: Entry, account: Account | undefined): Promise<void> {
    const payload = JSON.parse(e.payload) as { accountId: string; text: string; sent?: ('sms' | 'email')[] };
    const sent = new Set(payload.sent ?? []);
    const due = ([['sms', account?.phone_enc], ['email', account?.email_enc]] as const).filter(([channel, enc]) => enc && !sent.has(channel));
    for (const [i, [channel, enc]] of due.entries()) {
      await deps.sender.send({ channel, recipient: deps.cipher.decrypt(enc as string), body: payload.text });
      sent.add(channel);
      if (i < due.length - 1) await db.updateTable('outbox').set({ payload: JSON.stringify({ ...payload, sent: [...sent] }) }).where('id', '=', e.id).execute();
    }
  }

  /**
   * With a sender that takes several messages at once (the message log), the batch's notices go in
   * one call, all or none; an adapter to a real gateway sends them one by one.
   */
  async function deliverMessages(entries: Entry[], found: Awaited<ReturnType<typeof lookups>>): Promise<boolean> {
    const sendAll = deps.sender.sendAll?.bind(deps.sender);
    if (!sendAll) return false;
    const messages = entries.flatMap((e) => {
      const payload = JSON.parse(e.payload) as { accountId: string; text: string; sent?: string[] };
      const account = found.accounts.get(payload.accountId);
      return ([['sms', account?.phone_enc], ['email', account?.email_enc]] as const)
        .filter(([channel, enc]) => enc && !(payload.sent ?? []).includes(channel))
        .map(([channel, enc]) => ({ channel, recipient: deps.cipher.decrypt(enc as string), body: payload.text }));
    });
    try {
      await sendAll(messages);
      return true;
    } catch (err) {
      for (const e of entries) await failed(e, err);
      return false;
    }
  }

  /** Delivers one entry; on failure records the attempt with its back-off and returns false. */
  async function deliver(e: Entry, found: Awaited<ReturnType<typeof lookups>>): Promise<boolean> {
    try {
      if (e.kind === 'dispatch') {
        // 秒批 first: a task its rules decide needs no department to receive it.
        const { department, taskId } = JSON.parse(e.payload) as { department: string; taskId: string };
        if ((await autoDecideDispatched(deps, taskId)) !== 'approved') await deliverDispatch(e, found.clients.get(department));
      }
      else if (e.kind === 'message') await deliverMessage(e, found.accounts.get((JSON.parse(e.payload) as { accountId: string }).accountId));
      return true;
    } catch (err) {
      await failed(e, err);
      return false;
    }
  }

  async function failed(e: Entry, err: unknown): Promise<void> {
    const at = deps.clock.now();
    const attempts = e.attempts + 1;
    const dead = attempts >= deps.config.webhook.maxAttempts;
    const delay = Math.min(deps.config.webhook.baseDelayMs * 2 ** (attempts - 1), 3_600_000);
    await db.updateTable('outbox').set({
      status: dead ? 'dead' : 'pending', attempts, last_error: (err as Error).message.slice(0, 500), locked_by: null, locked_until: null,
      next_attempt_at: new Date(at.getTime() + delay).toISOString(),
    }).where('id', '=', e.id).where('locked_by', '=', id).execute();
  }


  /** Entries delivered are marked together, by attempt count, each only while this worker holds it. */
  async function markDelivered(entries: Entry[]): Promise<void> {
    const at = deps.clock.now().toISOString();
    const byAttempts = new Map<number, number[]>();
    for (const e of entries) byAttempts.set(e.attempts + 1, [...(byAttempts.get(e.attempts + 1) ?? []), e.id]);
    for (const [attempts, ids] of byAttempts) {
      await db.updateTable('outbox').set({ status: 'delivered', delivered_at: at, locked_by: null, locked_until: null, attempts })
        .where('id', 'in', ids).where('locked_by', '=', id).execute();
    }
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const worker: Worker = {
    id,
    async runOnce(limit = 50) {
      const claimedAt = deps.clock.now();
      const batch = await claim(limit, claimedAt);
      if (batch.length === 0) return 0;
      const leaseEnds = claimedAt.getTime() + LEASE_MS;
      const found = await lookups(batch);
      const delivered: Entry[] = [];
      let rest = batch;
      // Only while the claim-time lease holds for all of them: they are marked right after.
      if (leaseEnds - deps.clock.now().getTime() > DELIVERY_TIMEOUT_MS + 5_000) {
        const messages = batch.filter((e) => e.kind === 'message');
        if (messages.length > 0 && (await deliverMessages(messages, found))) delivered.push(...messages);
        if (deps.sender.sendAll) rest = batch.filter((e) => e.kind !== 'message');
      }
      for (const e of rest) {
        // While the claim-time lease outlasts the longest delivery, no other worker can take the entry.
        const leaseHolds = leaseEnds - deps.clock.now().getTime() > DELIVERY_TIMEOUT_MS + 5_000;
        if (!leaseHolds) {
          // Before renewing, what is already delivered is marked, so it cannot outlive the lease unmarked.
          await markDelivered(delivered.splice(0));
          if (!(await renew(e))) continue;
        }
        if (await deliver(e, found)) delivered.push(e);
      }
      await markDelivered(delivered);
      return batch.length;
    },
    start(intervalMs = 500) {
      const tick = async () => {
        try {
          while ((await worker.runOnce()) > 0) { /* drain */ }
        } catch { /* the next tick retries; errors are recorded per entry */ }
        if (timer !== null) timer = setTimeout(() => { running = tick(); }, intervalMs);
      };
      timer = setTimeout(() => { running = tick(); }, 0);
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
  return worker;
}
