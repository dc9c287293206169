// SM2 digital signatures per GB/T 32918.2, with the Z_A signer digest.
//
// Why not crypto.sign('sm3', data, key)? Checked on Node 20 / OpenSSL 3.0 (sm2.test.ts):
// - with the KeyObject from generateKeyPairSync it computes plain ECDSA over the SM2 curve;
// - with a key re-read from PEM (OpenSSL then types it SM2, Node calls it undefined) it is
//   SM2 but with an empty user ID, and Node cannot set the ID to the default
//   '1234567812345678' that sm-crypto, GmSSL and CA seal services use.
// Neither verifies elsewhere. Also, exporting such a re-read key as 'sec1' aborts the whole
// process (Node assertion), so PEM is parsed here by hand.
// OpenSSL still does key generation and the secret k·G (its constant-time ladder); BigInt the rest.
import { ECDH, createECDH, generateKeyPair, generateKeyPairSync, randomBytes } from 'node:crypto';
import { sm3, type Bytes } from './sm3.ts';
import {
  A, B, GX, GY, N, children, decodeDerSignature, encodeDerSignature, mod, modInv, mulAddX, onCurve, readTlv,
  toBigInt, toBytes32, type Tlv,
} from './sm2-math.ts';

/** Default signer ID (GM/T 0009), assumed by sm-crypto, GmSSL and most CA services. */
export const DEFAULT_SM2_USER_ID = '1234567812345678';

export interface SealKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
  /** '04' ‖ x ‖ y, 130 hex chars: the form sm-crypto and most Chinese SDKs take. */
  publicKeyHex: string;
}

export interface Sm2Options {
  userId?: string;
}

export function generateSealKeyPair(): SealKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
  const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem,
    publicKeyHex: parsePublicKey(publicKeyPem).toString('hex'),
  };
}

/** SM2 signature of `data` (strings as UTF-8): DER SEQUENCE { r, s } as base64url. */
export function sm2Sign(privateKeyPem: string, data: Bytes, opts: Sm2Options = {}): string {
  const { d, publicPoint, inv } = parsePrivateKey(privateKeyPem);
  const e = toBigInt(digest(publicPoint, data, opts.userId));
  try {
    for (;;) {
      const { k, x1 } = nonces.pop() ?? freshNonce();
      const r = mod(e + x1, N);
      if (r === 0n || r + k === N) continue;
      const s = mod(inv * (k - r * d), N);
      if (s === 0n) continue;
      return encodeDerSignature(r, s).toString('base64url');
    }
  } finally {
    refillNonces();
  }
}

// --- nonces -----------------------------------------------------------------
// k·G is the one costly step of a signature and depends on neither the key nor the message, so
// pairs (k, x1 of k·G) are made ahead in libuv's thread pool by OpenSSL's key generation (its
// constant-time code, off the event loop) and each used once; an empty pool falls back to
// computing it here. The first signature of a process always computes its own (the KAT relies on it).

interface Nonce { k: bigint; x1: bigint }
const nonces: Nonce[] = [];
const NONCES_KEPT = 16;
let making = 0;
let signer: ECDH | undefined;

/** Uniform k in [1, n-1] by rejection sampling, and k·G by OpenSSL on this thread. */
function freshNonce(): Nonce {
  for (;;) {
    const k = toBigInt(randomBytes(32));
    if (k < 1n || k >= N) continue;
    signer ??= createECDH('SM2');
    signer.setPrivateKey(toBytes32(k));
    return { k, x1: toBigInt(signer.getPublicKey().subarray(1, 33)) };
  }
}

function refillNonces(): void {
  while (nonces.length + making < NONCES_KEPT) {
    making++;
    generateKeyPair('ec', { namedCurve: 'SM2' }, (err, _publicKey, privateKey) => {
      making--;
      if (err) return;
      try {
        // A generated key d is in [1, n-2]: a valid k. Its public point, k·G, comes with it in the
        // PKCS#8 DER (exporting the public key as well would cost more than a third of a k·G).
        const { d: k, carried } = privateKeyFromDer('PRIVATE KEY', privateKey.export({ format: 'der', type: 'pkcs8' }));
        if (carried?.length === 65 && carried[0] === 0x04) nonces.push({ k, x1: toBigInt(carried.subarray(1, 33)) });
      } catch {
        // Not expected; the next signature computes its own k·G.
      }
    });
  }
}

/**
 * True only for a valid SM2 signature. Never throws: a malformed key, signature or
 * data yields false. `publicKey` is an SPKI PEM or the '04'‖x‖y hex form.
 */
export function sm2Verify(publicKey: string, data: Bytes, signatureB64url: string, opts: Sm2Options = {}): boolean {
  try {
    if (typeof signatureB64url !== 'string' || !/^[A-Za-z0-9_-]+$/.test(signatureB64url)) return false;
    const sig = decodeDerSignature(Buffer.from(signatureB64url, 'base64url'));
    if (!sig) return false;
    const { r, s } = sig;
    if (r < 1n || r >= N || s < 1n || s >= N) return false;
    const point = parsePublicKey(publicKey);
    const e = toBigInt(digest(point, data, opts.userId));
    const t = mod(r + s, N);
    if (t === 0n) return false;
    const x1 = mulAddX(s, t, toBigInt(point.subarray(1, 33)), toBigInt(point.subarray(33, 65)));
    return x1 !== null && mod(e + x1, N) === r;
  } catch {
    return false;
  }
}

/** e = SM3(Z_A ‖ M), Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA). */
function digest(publicPoint: Uint8Array, data: Bytes, userId = DEFAULT_SM2_USER_ID): Buffer {
  const id = Buffer.from(userId, 'utf8');
  if (id.length >= 8192) throw new Error('SM2 user id too long'); // ENTL is 16 bits
  const entl = Buffer.alloc(2);
  entl.writeUInt16BE(id.length * 8);
  const curve = [A, B, GX, GY].map(toBytes32);
  const za = sm3(Buffer.concat([entl, id, ...curve, publicPoint.subarray(1, 65)]));
  const msg = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return sm3(Buffer.concat([za, msg]));
}

// --- keys -------------------------------------------------------------------

const OID_EC_PUBLIC_KEY = '2a8648ce3d0201'; // 1.2.840.10045.2.1
const OID_SM2 = '2a811ccf5501822d'; // 1.2.156.10197.1.301

function pem(text: string): { label: string; der: Buffer } {
  const m = /-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\s]+)-----END \1-----/.exec(text);
  if (!m?.[1] || !m[2]) throw new Error('not a PEM block');
  return { label: m[1], der: Buffer.from(m[2].replace(/\s+/g, ''), 'base64') };
}

function expect(t: Tlv | undefined, tag: number): Tlv {
  if (!t || t.tag !== tag) throw new Error('unexpected key structure');
  return t;
}

const hexOf = (der: Buffer, t: Tlv): string => der.subarray(t.start, t.end).toString('hex');

/** AlgorithmIdentifier must name the SM2 curve (id-ecPublicKey + SM2, or SM2 alone). */
function assertSm2Algorithm(der: Buffer, alg: Tlv): void {
  const [oid, params] = children(der, expect(alg, 0x30));
  const o = hexOf(der, expect(oid, 0x06));
  const ok = o === OID_SM2 || (o === OID_EC_PUBLIC_KEY && params?.tag === 0x06 && hexOf(der, params) === OID_SM2);
  if (!ok) throw new Error('not an SM2 key');
}

// A department signs with the same few keys all day; deriving the public point is a scalar multiplication.
const parsedKeys = new Map<string, { d: bigint; publicPoint: Buffer; inv: bigint }>();

/** The key, its public point and (1 + d)⁻¹ mod n, which every signature with it uses. */
function parsePrivateKey(text: string): { d: bigint; publicPoint: Buffer; inv: bigint } {
  let key = parsedKeys.get(text);
  if (!key) {
    if (parsedKeys.size >= 256) parsedKeys.clear();
    const parsed = parsePrivateKeyPem(text);
    key = { ...parsed, inv: modInv(1n + parsed.d, N) };
    parsedKeys.set(text, key);
  }
  return key;
}

function parsePrivateKeyPem(text: string): { d: bigint; publicPoint: Buffer } {
  const d = parsePrivateScalar(text);
  const ecdh = createECDH('SM2');
  ecdh.setPrivateKey(toBytes32(d));
  return { d, publicPoint: ecdh.getPublicKey() };
}

/** The secret scalar d of a PKCS#8 or SEC1 SM2 private key, range-checked. */
function parsePrivateScalar(text: string): bigint {
  const { label, der } = pem(text);
  return privateKeyFromDer(label, der).d;
}

/** d, and the public point the key carries if it does ([1] of ECPrivateKey), from DER. */
function privateKeyFromDer(label: string, der: Buffer): { d: bigint; carried: Buffer | null } {
  let ec: Tlv;
  if (label === 'PRIVATE KEY') {
    // PKCS#8: SEQUENCE { version, AlgorithmIdentifier, OCTET STRING { ECPrivateKey } }
    const [, alg, octets] = children(der, expect(readTlv(der, 0), 0x30));
    assertSm2Algorithm(der, expect(alg, 0x30));
    const o = expect(octets, 0x04);
    ec = readTlv(der, o.start, o.end);
  } else if (label === 'EC PRIVATE KEY') {
    ec = readTlv(der, 0);
  } else {
    throw new Error(`unsupported private key PEM: ${label}`);
  }
  // SEC1 ECPrivateKey: SEQUENCE { version 1, OCTET STRING d, [0] curve OID?, [1] public key? }
  const [, dTlv, ...rest] = children(der, expect(ec, 0x30));
  const dBytes = der.subarray(expect(dTlv, 0x04).start, dTlv?.end);
  const params = rest.find((t) => t.tag === 0xa0);
  if (params) {
    const oid = expect(readTlv(der, params.start, params.end), 0x06);
    if (hexOf(der, oid) !== OID_SM2) throw new Error('not an SM2 key');
  } else if (label === 'EC PRIVATE KEY') {
    throw new Error('EC PRIVATE KEY without curve parameters');
  }
  const d = toBigInt(dBytes);
  if (dBytes.length > 32 || d < 1n || d > N - 2n) throw new Error('SM2 private key out of range');
  const pub = rest.find((t) => t.tag === 0xa1);
  const bits = pub ? expect(readTlv(der, pub.start, pub.end), 0x03) : null;
  return { d, carried: bits && der[bits.start] === 0 ? der.subarray(bits.start + 1, bits.end) : null };
}

/** Validated uncompressed point (04 ‖ x ‖ y) from SPKI PEM or hex. */
function parsePublicKey(text: string): Buffer {
  let point: Buffer;
  if (/^0[234][0-9a-fA-F]+$/.test(text.trim())) {
    point = Buffer.from(text.trim(), 'hex');
  } else {
    const { label, der } = pem(text);
    if (label !== 'PUBLIC KEY') throw new Error(`unsupported public key PEM: ${label}`);
    // SubjectPublicKeyInfo: SEQUENCE { AlgorithmIdentifier, BIT STRING }
    const [alg, bits] = children(der, expect(readTlv(der, 0), 0x30));
    assertSm2Algorithm(der, expect(alg, 0x30));
    const b = expect(bits, 0x03);
    if (der[b.start] !== 0) throw new Error('bad BIT STRING');
    point = der.subarray(b.start + 1, b.end);
  }
  if (point[0] !== 0x04) {
    // Compressed form is legal; Z_A needs both coordinates. convertKey rejects off-curve x.
    point = ECDH.convertKey(point, 'SM2', undefined, undefined, 'uncompressed') as Buffer;
  }
  if (point.length !== 65 || !onCurve(toBigInt(point.subarray(1, 33)), toBigInt(point.subarray(33, 65)))) {
    throw new Error('SM2 public key is not a point on the curve');
  }
  return Buffer.from(point);
}
