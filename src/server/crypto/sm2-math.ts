// SM2 curve arithmetic (GB/T 32918.5 recommended curve) and the DER pieces SM2 needs.
// BigInt is not constant time: point arithmetic here only ever sees public values
// (verification). The secret k·G of signing is OpenSSL's; only the few mod-n steps on
// d and k in sm2Sign use BigInt.

export const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
export const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
export const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
export const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
export const GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
export const GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;

type Jacobian = [bigint, bigint, bigint]; // Z = 0 is the point at infinity
const INFINITY: Jacobian = [1n, 1n, 0n];

export function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

export function modInv(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new Error('not invertible');
  return mod(s0, m);
}

export function onCurve(x: bigint, y: bigint): boolean {
  if (x < 0n || x >= P || y < 0n || y >= P) return false;
  return mod(y * y - (x * x * x + A * x + B), P) === 0n;
}

// Doubling for a = -3 (EFD dbl-2001-b).
function dbl([x, y, z]: Jacobian): Jacobian {
  if (z === 0n || y === 0n) return INFINITY;
  const delta = mod(z * z, P);
  const gamma = mod(y * y, P);
  const beta = mod(x * gamma, P);
  const alpha = mod(3n * (x - delta) * (x + delta), P);
  const x3 = mod(alpha * alpha - 8n * beta, P);
  const z3 = mod((y + z) * (y + z) - gamma - delta, P);
  const y3 = mod(alpha * (4n * beta - x3) - 8n * gamma * gamma, P);
  return [x3, y3, z3];
}

function add(p1: Jacobian, p2: Jacobian): Jacobian {
  const [x1, y1, z1] = p1;
  const [x2, y2, z2] = p2;
  if (z1 === 0n) return p2;
  if (z2 === 0n) return p1;
  const z1z1 = mod(z1 * z1, P);
  const z2z2 = mod(z2 * z2, P);
  const u1 = mod(x1 * z2z2, P);
  const u2 = mod(x2 * z1z1, P);
  const s1 = mod(y1 * z2 * z2z2, P);
  const s2 = mod(y2 * z1 * z1z1, P);
  const h = mod(u2 - u1, P);
  const r = mod(s2 - s1, P);
  if (h === 0n) return r === 0n ? dbl(p1) : INFINITY;
  const hh = mod(h * h, P);
  const hhh = mod(h * hh, P);
  const v = mod(u1 * hh, P);
  const x3 = mod(r * r - hhh - 2n * v, P);
  const y3 = mod(r * (v - x3) - s1 * hhh, P);
  return [x3, y3, mod(z1 * z2 * h, P)];
}

/** Affine x of a·G + b·Q (Shamir's trick), or null for the point at infinity. */
export function mulAddX(a: bigint, b: bigint, qx: bigint, qy: bigint): bigint | null {
  const g: Jacobian = [GX, GY, 1n];
  const q: Jacobian = [qx, qy, 1n];
  const gq = add(g, q);
  let acc = INFINITY;
  for (let i = 255; i >= 0; i--) {
    acc = dbl(acc);
    const ba = (a >> BigInt(i)) & 1n;
    const bb = (b >> BigInt(i)) & 1n;
    if (ba && bb) acc = add(acc, gq);
    else if (ba) acc = add(acc, g);
    else if (bb) acc = add(acc, q);
  }
  const [x, , z] = acc;
  if (z === 0n) return null;
  const zi = modInv(z, P);
  return mod(x * zi * zi, P);
}

export function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt('0x' + Buffer.from(bytes).toString('hex'));
}

export function toBytes32(v: bigint): Buffer {
  return Buffer.from(v.toString(16).padStart(64, '0'), 'hex');
}

// --- DER ------------------------------------------------------------------

export interface Tlv {
  tag: number;
  start: number; // first content byte
  end: number; // one past the last content byte
}

/** One DER element at `at`, bounds-checked against `limit`. */
export function readTlv(buf: Uint8Array, at: number, limit = buf.length): Tlv {
  const tag = buf[at];
  let len = buf[at + 1];
  if (tag === undefined || len === undefined || at + 2 > limit) throw new Error('truncated DER');
  let start = at + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count === 0 || count > 3 || start + count > limit) throw new Error('bad DER length');
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + (buf[start + i] ?? 0);
    start += count;
  }
  const end = start + len;
  if (end > limit) throw new Error('truncated DER');
  return { tag, start, end };
}

/** The elements inside a constructed TLV. */
export function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.start; at < parent.end; ) {
    const t = readTlv(buf, at, parent.end);
    out.push(t);
    at = t.end;
  }
  return out;
}

export function encodeDerSignature(r: bigint, s: bigint): Buffer {
  const int = (v: bigint): Buffer => {
    let b = toBytes32(v);
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    b = b.subarray(i);
    if ((b[0] ?? 0) & 0x80) b = Buffer.concat([Buffer.of(0), b]); // keep it positive
    return Buffer.concat([Buffer.of(0x02, b.length), b]);
  };
  const body = Buffer.concat([int(r), int(s)]);
  return Buffer.concat([Buffer.of(0x30, body.length), body]);
}

/** Strict DER: one SEQUENCE of two minimal positive INTEGERs and nothing after it. */
export function decodeDerSignature(buf: Uint8Array): { r: bigint; s: bigint } | null {
  if (buf.length < 8 || buf.length > 72 || buf[0] !== 0x30 || buf[1] !== buf.length - 2) return null;
  const out: bigint[] = [];
  let at = 2;
  for (let i = 0; i < 2; i++) {
    if (buf[at] !== 0x02) return null;
    const len = buf[at + 1] ?? 0;
    const v = buf.subarray(at + 2, at + 2 + len);
    if (len < 1 || len > 33 || v.length !== len) return null;
    const b0 = v[0] ?? 0;
    if (b0 & 0x80) return null; // negative
    if (b0 === 0 && len > 1 && !((v[1] ?? 0) & 0x80)) return null; // non-minimal
    out.push(toBigInt(v));
    at += 2 + len;
  }
  if (at !== buf.length) return null;
  return { r: out[0] ?? 0n, s: out[1] ?? 0n };
}
