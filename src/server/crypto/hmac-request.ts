// HMAC-SM3 request signing for department systems calling our API.
// String to sign: `${method}\n${path}\n${timestamp}\n${nonce}\n${sm3Hex(body)}`, hex HMAC-SM3.
import { assertSecret, hmacSm3Hex, safeEqual, sm3Hex, type Bytes } from './sm3.ts';

export interface RequestParts {
  secret: Bytes;
  method: string;
  /** Path plus query string exactly as sent. */
  path: string;
  /** Unix seconds. */
  timestamp: number;
  nonce: string;
  body: Bytes;
}

/** How far a signed request's timestamp may be from the server's clock, either way. */
export const MAX_SKEW_SECONDS = 300;

export interface VerifyRequestInput extends RequestParts {
  signature: string;
  /** Unix seconds. */
  now: number;
  maxSkewSeconds?: number;
  /** Returns true if this nonce was already used; typically also records it. */
  seenNonce: (nonce: string) => boolean;
}

export type VerifyRequestResult =
  | { ok: true }
  | { ok: false; code: 'bad-signature' | 'stale' | 'replayed'; message: string };

/** Fields that would let one request's string-to-sign pass for another's. */
function shapeError(p: RequestParts): string | null {
  if (!Number.isSafeInteger(p.timestamp)) return 'timestamp must be integer unix seconds';
  for (const [name, v] of [['method', p.method], ['path', p.path], ['nonce', p.nonce]] as const) {
    if (typeof v !== 'string' || v === '' || v.includes('\n')) return `${name} must be a non-empty single-line string`;
  }
  return null;
}

export function stringToSign(p: RequestParts): string {
  return `${p.method}\n${p.path}\n${p.timestamp}\n${p.nonce}\n${sm3Hex(p.body)}`;
}

export function signRequest(p: RequestParts): string {
  assertSecret(p.secret, 'signRequest');
  const err = shapeError(p);
  if (err) throw new TypeError(`signRequest: ${err}`);
  return hmacSm3Hex(p.secret, stringToSign(p));
}

export function verifyRequest(input: VerifyRequestInput): VerifyRequestResult {
  const { signature, now, maxSkewSeconds = MAX_SKEW_SECONDS, seenNonce } = input;
  assertSecret(input.secret, 'verifyRequest'); // fail loudly: an empty key would accept forgeries
  const given = typeof signature === 'string' && /^[0-9a-fA-F]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : null;
  const expected = shapeError(input) ? null : Buffer.from(hmacSm3Hex(input.secret, stringToSign(input)), 'hex');
  if (!given || !expected || !safeEqual(given, expected)) {
    return { ok: false, code: 'bad-signature', message: '请求签名无效' };
  }
  // Freshness and replay only after authentication, so forged requests can't fill the nonce store.
  if (!Number.isFinite(now) || Math.abs(now - input.timestamp) > maxSkewSeconds) {
    return { ok: false, code: 'stale', message: `请求时间戳超出允许范围（±${maxSkewSeconds} 秒），请校准时钟后重试` };
  }
  if (seenNonce(input.nonce)) {
    return { ok: false, code: 'replayed', message: '请求随机数（nonce）已被使用，疑似重放请求' };
  }
  return { ok: true };
}
