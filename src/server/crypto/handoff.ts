// Clause 6.3.1 hand-off: a signed, short-lived link token to a department's own system.
// Token = base64url(canonical JSON claims) + '.' + base64url(HMAC-SM3(secret, first part)).
// The MAC covers the base64url text (as JWT does), so a department can verify without
// re-serialising JSON. It never contains '\n', so it can't collide with a request signature
// made under the same secret.
import { randomBytes } from 'node:crypto';
import { canonicalJson } from './canonical.ts';
import { assertSecret, hmacSm3, safeEqual, type Bytes } from './sm3.ts';

export interface HandoffClaims {
  subject: string;
  department: string;
  caseId?: string;
  /** Issued at, unix seconds. */
  iat: number;
  /** Expires at, unix seconds (exclusive). */
  exp: number;
  /** Random id: the receiving system should accept each jti once. */
  jti: string;
}

export interface CreateHandoffInput {
  secret: Bytes;
  subject: string;
  department: string;
  caseId?: string;
  now: number;
  ttlSeconds?: number;
}

export type VerifyHandoffResult =
  | { ok: true; claims: HandoffClaims }
  | { ok: false; code: 'malformed' | 'bad-signature' | 'expired'; message: string };

const B64URL = /^[A-Za-z0-9_-]+$/;

export function createHandoffToken(input: CreateHandoffInput): string {
  const { secret, subject, department, caseId, now, ttlSeconds = 120 } = input;
  assertSecret(secret, 'createHandoffToken');
  if (!subject || !department) throw new TypeError('createHandoffToken: subject and department are required');
  if (!Number.isSafeInteger(now)) throw new TypeError('createHandoffToken: now must be integer unix seconds');
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0) throw new RangeError('createHandoffToken: ttlSeconds must be a positive integer');
  const claims: HandoffClaims = {
    subject,
    department,
    ...(caseId !== undefined ? { caseId } : {}),
    iat: now,
    exp: now + ttlSeconds,
    jti: randomBytes(16).toString('base64url'),
  };
  const payload = Buffer.from(canonicalJson(claims), 'utf8').toString('base64url');
  return `${payload}.${hmacSm3(secret, payload).toString('base64url')}`;
}

export function verifyHandoffToken(token: string, opts: { secret: Bytes; now: number }): VerifyHandoffResult {
  assertSecret(opts.secret, 'verifyHandoffToken');
  const parts = typeof token === 'string' ? token.split('.') : [];
  const [payload, mac] = parts;
  if (parts.length !== 2 || !payload || !mac || !B64URL.test(payload) || !B64URL.test(mac)) {
    return { ok: false, code: 'malformed', message: '跳转令牌格式错误' };
  }
  if (!safeEqual(Buffer.from(mac, 'base64url'), hmacSm3(opts.secret, payload))) {
    return { ok: false, code: 'bad-signature', message: '跳转令牌签名无效' };
  }
  const claims = parseClaims(payload);
  if (!claims) return { ok: false, code: 'malformed', message: '跳转令牌内容错误' };
  if (!(opts.now < claims.exp)) return { ok: false, code: 'expired', message: '跳转链接已过期，请返回重新办理' };
  return { ok: true, claims };
}

function parseClaims(payload: string): HandoffClaims | null {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const c = v as Record<string, unknown>;
  const str = (x: unknown): x is string => typeof x === 'string' && x !== '';
  if (!str(c.subject) || !str(c.department) || !str(c.jti)) return null;
  if (c.caseId !== undefined && typeof c.caseId !== 'string') return null;
  if (!Number.isSafeInteger(c.iat) || !Number.isSafeInteger(c.exp)) return null;
  return {
    subject: c.subject,
    department: c.department,
    ...(c.caseId !== undefined ? { caseId: c.caseId as string } : {}),
    iat: c.iat as number,
    exp: c.exp as number,
    jti: c.jti,
  };
}
