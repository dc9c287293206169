/**
 * The hand-off as a compact JWS (RFC 7515) signed with the platform's SM2 key. "SM2" is not a
 * registered JOSE algorithm; following Chinese practice (GM/T 0009 signatures over SM3 with the
 * default signer ID) the header says `"alg":"SM2"` and the key is a JWK `{"kty":"EC","crv":"SM2"}`.
 * The signature is r ‖ s, 32 bytes each, as RFC 7518 does for ES256 — not the DER form sm2Sign gives.
 * `verifyHandoffJws` uses only a published key set, so a department system (or a test) can verify
 * without calling the platform.
 */
import { sm2Sign, sm2Verify } from '../../crypto/sm2.ts';
import { decodeDerSignature, encodeDerSignature, toBigInt, toBytes32 } from '../../crypto/sm2-math.ts';
import { sm3 } from '../../crypto/sm3.ts';

export const JWS_ALG = 'SM2';
export const JWT_TYPE = 'JWT';

export interface Sm2Jwk {
  kty: 'EC';
  crv: 'SM2';
  x: string;
  y: string;
  kid: string;
  use: 'sig';
  alg: typeof JWS_ALG;
}

export interface HandoffJwtClaims {
  iss: string;
  aud: string;
  sub: string;
  name: string;
  role: string;
  case_id: string;
  case_number: string;
  iat: number;
  exp: number;
  jti: string;
  /** 实名等级 from the unified identity provider, when the person logged in through it. */
  realname_level?: number;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
const B64URL = /^[A-Za-z0-9_-]+$/;

/** The uncompressed point of an SPKI PEM: its BIT STRING ends with 00 04 ‖ x ‖ y. */
function pointOfPem(publicKeyPem: string): Buffer {
  const der = Buffer.from(publicKeyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const point = der.subarray(der.length - 65);
  if (der.length < 67 || der[der.length - 66] !== 0 || point[0] !== 4) throw new Error('not an uncompressed EC public key');
  return point;
}

/** The JWK of an SM2 public key; the kid is an RFC 7638 thumbprint, with SM3 as the hash. */
export function sm2Jwk(publicKeyPem: string): Sm2Jwk {
  const point = pointOfPem(publicKeyPem);
  const x = point.subarray(1, 33).toString('base64url');
  const y = point.subarray(33, 65).toString('base64url');
  const kid = sm3(JSON.stringify({ crv: 'SM2', kty: 'EC', x, y })).toString('base64url');
  return { kty: 'EC', crv: 'SM2', x, y, kid, use: 'sig', alg: JWS_ALG };
}

/** The '04' ‖ x ‖ y hex form sm2Verify (and sm-crypto, GmSSL) take, from a JWK. */
export function publicKeyHexOfJwk(jwk: { x: string; y: string }): string {
  const x = Buffer.from(jwk.x, 'base64url');
  const y = Buffer.from(jwk.y, 'base64url');
  if (x.length !== 32 || y.length !== 32) throw new Error('SM2 JWK coordinates must be 32 bytes');
  return `04${x.toString('hex')}${y.toString('hex')}`;
}

export function signHandoffJws(key: { privateKeyPem: string; publicKeyPem: string }, claims: HandoffJwtClaims): string {
  const input = `${b64({ alg: JWS_ALG, typ: JWT_TYPE, kid: sm2Jwk(key.publicKeyPem).kid })}.${b64(claims)}`;
  const der = decodeDerSignature(Buffer.from(sm2Sign(key.privateKeyPem, input), 'base64url'));
  if (!der) throw new Error('sm2Sign gave no DER signature');
  return `${input}.${Buffer.concat([toBytes32(der.r), toBytes32(der.s)]).toString('base64url')}`;
}

export type JwsFailure = 'malformed' | 'bad-signature' | 'expired' | 'wrong-audience' | 'wrong-issuer' | 'replayed';
export type VerifyJwsResult = { ok: true; claims: HandoffJwtClaims } | { ok: false; code: JwsFailure };

/** The claims of a token whose signature is not checked: only to choose an error, never to trust. */
export function peekJwsClaims(token: string): Partial<HandoffJwtClaims> | null {
  const part = token.split('.')[1];
  if (!part || !B64URL.test(part)) return null;
  try {
    const v = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Partial<HandoffJwtClaims>) : null;
  } catch {
    return null;
  }
}

export const looksLikeJws = (token: string) => token.split('.').length === 3;

/**
 * What a department system does with the token and the published key set: the header names a key
 * of the set and SM2, the signature holds, iss and aud are the expected ones, it has not expired, and
 * (when `seen` is given) its jti was not used before — a used jti is then recorded.
 */
export function verifyHandoffJws(token: string, opts: {
  jwks: { keys: readonly { kid?: string; kty?: string; crv?: string; x?: string; y?: string }[] };
  issuer: string; audience: string; now: number; seen?: Set<string>;
}): VerifyJwsResult {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3 || !parts.every((p) => p !== '' && B64URL.test(p))) return { ok: false, code: 'malformed' };
  const [h, p, s] = parts as [string, string, string];
  let header: { alg?: unknown; kid?: unknown; crit?: unknown };
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as typeof header;
  } catch {
    return { ok: false, code: 'malformed' };
  }
  // The algorithm is fixed by the verifier, never taken from the token ("alg":"none" and the like).
  if (header.alg !== JWS_ALG || header.crit !== undefined) return { ok: false, code: 'bad-signature' };
  const jwk = opts.jwks.keys.find((k) => k.kid === header.kid && k.kty === 'EC' && k.crv === 'SM2');
  const raw = Buffer.from(s, 'base64url');
  if (!jwk?.x || !jwk.y || raw.length !== 64) return { ok: false, code: 'bad-signature' };
  const der = encodeDerSignature(toBigInt(raw.subarray(0, 32)), toBigInt(raw.subarray(32))).toString('base64url');
  let hex: string;
  try {
    hex = publicKeyHexOfJwk({ x: jwk.x, y: jwk.y });
  } catch {
    return { ok: false, code: 'bad-signature' };
  }
  if (!sm2Verify(hex, `${h}.${p}`, der)) return { ok: false, code: 'bad-signature' };
  const c = peekJwsClaims(token);
  const str = (v: unknown) => typeof v === 'string' && v !== '';
  if (!c || !str(c.iss) || !str(c.aud) || !str(c.sub) || !str(c.jti) || !str(c.case_id) || !Number.isSafeInteger(c.exp) || !Number.isSafeInteger(c.iat)) {
    return { ok: false, code: 'malformed' };
  }
  if (c.iss !== opts.issuer) return { ok: false, code: 'wrong-issuer' };
  if (c.aud !== opts.audience) return { ok: false, code: 'wrong-audience' };
  if (!(opts.now < (c.exp as number))) return { ok: false, code: 'expired' };
  if (opts.seen) {
    if (opts.seen.has(c.jti as string)) return { ok: false, code: 'replayed' };
    opts.seen.add(c.jti as string);
  }
  return { ok: true, claims: c as HandoffJwtClaims };
}
