/**
 * Row ids: UUIDv7 (RFC 9562), time-ordered, so a new row's key lands on the right-hand page of each
 * index it is in rather than on a random one; with millions of cases a random UUIDv4 touches (and on a
 * cold cache reads) a different page per insert. Its first 48 bits are the creation time in
 * milliseconds, which is no secret: every row so keyed carries its creation time in a column anyway.
 * Ids that must be unguessable and say nothing (token ids, nonces) keep randomUUID().
 */
import { randomFillSync } from 'node:crypto';

const pool = new Uint8Array(16 * 256);
let used = pool.length;

export function newRowId(now = Date.now()): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const b = pool.subarray(used, used + 16);
  used += 16;
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = 0x70 | ((b[6] as number) & 0x0f);
  b[8] = 0x80 | ((b[8] as number) & 0x3f);
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
