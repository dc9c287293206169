/**
 * A department system's webhook for tests: a real HTTP server on 127.0.0.1 that checks our HMAC-SM3
 * signature with `verifyRequest`, processes each delivery id at most once (as a department system
 * must, since the outbox delivers at least once), and can be told to fail in several ways.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyRequest, type VerifyRequestResult } from '../crypto/hmac-request.ts';

/**
 * What the receiver does with one request:
 * ok — process (once per delivery id) and answer 200;
 * fail — answer 500 without processing;
 * record-then-fail — process, then answer 500 (the sender will deliver it again);
 * reset — drop the connection without an answer.
 */
export type Behaviour = 'ok' | 'fail' | 'record-then-fail' | 'reset';

export interface Received {
  deliveryId: string;
  /** 1-based: how many requests this delivery id has had, this one included. */
  attempt: number;
  behaviour: Behaviour;
  /** What the receiver answered (0 for a dropped connection). */
  status: number;
  verify: VerifyRequestResult;
  body: Record<string, unknown> | null;
  /** The sender's signing time (unix seconds), from x-onething-timestamp. */
  timestamp: number;
  /** Set by the test, e.g. which server process sent it. */
  generation: number;
}

export interface Receiver {
  url: string;
  requests: Received[];
  /** Delivery ids processed, each once, in order. */
  processed: string[];
  /** Requests for a delivery id that had already been processed (absorbed by idempotency). */
  redeliveries: number;
  setSecret(secret: string): void;
  setBehaviour(fn: (r: { deliveryId: string; attempt: number; index: number }) => Behaviour): void;
  generation: number;
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** The receiver's idea of now, in unix seconds (the harness clock, or the wall clock). */
  now: () => number;
  /** Path and query of the webhook (the signature covers both). */
  path?: string;
  maxSkewSeconds?: number;
}

export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  let secret = '';
  let behaviour: (r: { deliveryId: string; attempt: number; index: number }) => Behaviour = () => 'ok';
  const nonces = new Set<string>();
  const attempts = new Map<string, number>();
  const done = new Set<string>();
  const requests: Received[] = [];
  const processed: string[] = [];
  const state = { redeliveries: 0, generation: 0 };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1024 * 1024) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => {
        const v = req.headers[name];
        return typeof v === 'string' ? v : '';
      };
      const deliveryId = header('x-onething-delivery');
      const timestamp = Number(header('x-onething-timestamp'));
      const verify = secret === ''
        ? { ok: false as const, code: 'bad-signature' as const, message: 'no secret yet' }
        : verifyRequest({
          secret, method: req.method ?? '', path: req.url ?? '', timestamp, nonce: header('x-onething-nonce'), body: raw,
          signature: header('x-onething-signature'), now: options.now(), maxSkewSeconds: options.maxSkewSeconds ?? 300,
          seenNonce: (n) => {
            if (nonces.has(n)) return true;
            nonces.add(n);
            return false;
          },
        });
      let body: Record<string, unknown> | null = null;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch { /* recorded as null */ }
      const attempt = (attempts.get(deliveryId) ?? 0) + 1;
      attempts.set(deliveryId, attempt);
      const entry: Received = { deliveryId, attempt, behaviour: 'ok', status: 0, verify, body, timestamp, generation: state.generation };
      requests.push(entry);
      if (!verify.ok || deliveryId === '' || body?.deliveryId !== deliveryId) {
        entry.status = 401;
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: verify.ok ? 'delivery id mismatch' : verify.code }));
        return;
      }
      entry.behaviour = behaviour({ deliveryId, attempt, index: requests.length - 1 });
      if (entry.behaviour === 'reset') {
        req.socket.destroy();
        return;
      }
      if (entry.behaviour === 'ok' || entry.behaviour === 'record-then-fail') {
        if (done.has(deliveryId)) state.redeliveries++;
        else {
          done.add(deliveryId);
          processed.push(deliveryId);
        }
      }
      entry.status = entry.behaviour === 'ok' ? 200 : 500;
      res.writeHead(entry.status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: entry.status === 200 }));
    });
  });
  server.keepAliveTimeout = 1000;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.path ?? '/onething/webhook'}`,
    requests,
    processed,
    get redeliveries() {
      return state.redeliveries;
    },
    get generation() {
      return state.generation;
    },
    set generation(g: number) {
      state.generation = g;
    },
    setSecret(s) {
      secret = s;
    },
    setBehaviour(fn) {
      behaviour = fn;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
