// SM3 (GB/T 32905) and HMAC-SM3 via OpenSSL; strings are hashed as UTF-8.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type Bytes = string | Uint8Array;

export function sm3(data: Bytes): Buffer {
  return createHash('sm3').update(data).digest();
}

export function sm3Hex(data: Bytes): string {
  return createHash('sm3').update(data).digest('hex');
}

export function hmacSm3(key: Bytes, data: Bytes): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

export function hmacSm3Hex(key: Bytes, data: Bytes): string {
  return hmacSm3(key, data).toString('hex');
}

/** Constant-time equality; a length mismatch is not secret (lengths are fixed by format). */
export function safeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Shared secrets under 16 bytes (e.g. an unset env var read as '') are a config error, not a key. */
export function assertSecret(secret: Bytes, who: string): void {
  const len = typeof secret === 'string' ? Buffer.byteLength(secret, 'utf8') : secret?.length;
  if (!(len >= 16)) throw new TypeError(`${who}: secret must be at least 16 bytes`);
}
