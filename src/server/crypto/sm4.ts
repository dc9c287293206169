// Field encryption at rest (ID numbers, phone numbers): SM4-CBC + HMAC-SM3, encrypt-then-MAC,
// plus a keyed blind index for equality lookups and display masks.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { hmacSm3, safeEqual } from './sm3.ts';

export interface FieldCipher {
  /** `v1.<iv>.<ciphertext>.<mac>`, all base64url; a fresh random IV every call. */
  encrypt(plain: string): string;
  /** Throws if the token is malformed, tampered with, or made under another key. */
  decrypt(token: string): string;
  /** Deterministic keyed hash (hex) for `WHERE idx = ?`. Normalise input first (e.g. upper-case 'x'). */
  blindIndex(plain: string): string;
}

const VERSION = 'v1';
const B64URL = /^[A-Za-z0-9_-]+$/;

export function createFieldCipher(masterKeyHex: string): FieldCipher {
  if (typeof masterKeyHex !== 'string' || !/^[0-9a-fA-F]{64}$/.test(masterKeyHex)) {
    throw new TypeError('field cipher master key must be 32 bytes as 64 hex characters');
  }
  const master = Buffer.from(masterKeyHex, 'hex');
  // Independent subkeys: the MAC key can't decrypt, the index key can't forge or decrypt.
  const encKey = hmacSm3(master, 'enc').subarray(0, 16); // SM4 keys are 128-bit
  const macKey = hmacSm3(master, 'mac');
  const idxKey = hmacSm3(master, 'idx');
  const mac = (iv: Buffer, ct: Buffer): Buffer => hmacSm3(macKey, Buffer.concat([Buffer.from(VERSION), iv, ct]));

  return {
    encrypt(plain) {
      if (typeof plain !== 'string') throw new TypeError('field cipher encrypts strings only');
      const iv = randomBytes(16);
      const c = createCipheriv('sm4-cbc', encKey, iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return [VERSION, iv, ct, mac(iv, ct)].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    decrypt(token) {
      const parts = typeof token === 'string' ? token.split('.') : [];
      const [version, ivB64, ctB64, macB64] = parts;
      if (parts.length !== 4 || version !== VERSION || ![ivB64, ctB64, macB64].every((p) => p && B64URL.test(p))) {
        throw new Error('field cipher: malformed token (expected v1.<iv>.<ct>.<mac>)');
      }
      const iv = Buffer.from(ivB64 as string, 'base64url');
      const ct = Buffer.from(ctB64 as string, 'base64url');
      const tag = Buffer.from(macB64 as string, 'base64url');
      // Verify before decrypting anything: no padding oracle.
      if (iv.length !== 16 || ct.length === 0 || ct.length % 16 !== 0 || !safeEqual(tag, mac(iv, ct))) {
        throw new Error('field cipher: authentication failed (token tampered with or wrong key)');
      }
      const d = createDecipheriv('sm4-cbc', encKey, iv);
      return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
    },
    blindIndex(plain) {
      if (typeof plain !== 'string') throw new TypeError('blind index takes strings only');
      return hmacSm3(idxKey, plain).toString('hex');
    },
  };
}

// Per field key and stored ciphertext, so replaced key material is never served from here.
const openedByCipher = new WeakMap<FieldCipher, Map<string, string>>();

/**
 * Opens key material kept encrypted at rest (seal keys, department systems' secrets) once per
 * process: it is needed on every decision and every signed request. Personal data never goes here.
 */
export function openKeyMaterial(cipher: FieldCipher, token: string): string {
  let opened = openedByCipher.get(cipher);
  if (!opened) {
    opened = new Map();
    openedByCipher.set(cipher, opened);
  }
  let plain = opened.get(token);
  if (plain === undefined) {
    if (opened.size >= 1024) opened.clear();
    plain = cipher.decrypt(token);
    opened.set(token, plain);
  }
  return plain;
}

// --- display masks (per character, so non-BMP names count right) ------------

function mask(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value);
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length); // would reveal it all
  return chars.slice(0, keepStart).join('') + '*'.repeat(chars.length - keepStart - keepEnd) +
    (keepEnd > 0 ? chars.slice(-keepEnd).join('') : '');
}

/** '11010519491231002X' → '110105********002X' (region code and last 4 kept). */
export function maskIdNumber(id: string): string {
  return mask(id, 6, 4);
}

/** '13800138000' → '138****8000'. */
export function maskPhone(phone: string): string {
  return mask(phone, 3, 4);
}

/** 'chenxiaomei@example.cn' → 'c**********@example.cn'. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? mask(email, 1, 0) : `${mask(email.slice(0, at), 1, 0)}${email.slice(at)}`;
}

/** '张三丰' → '张**'; a one-character name becomes '*'. */
export function maskName(name: string): string {
  return mask(name, 1, 0);
}

// An ID number (18 or 15 digits), a bank card (16–19) or a mobile (11, 1[3-9]…), standing alone:
// not part of a longer run, nor the digits after a decimal point (a log line's response time).
const PERSONAL_NUMBER = /(?<!\d)(?<!\d\.)(?:\d{17}[\dXx]|\d{15,19}|1[3-9]\d{9})(?![\dXx])/g;

/**
 * Masks every personal number in free text (a log line, an echoed address): where no field says
 * what a value is, its shape must.
 */
export function maskNumbersIn(text: string): string {
  return text.replace(PERSONAL_NUMBER, (n) => (n.length === 18 ? maskIdNumber(n) : n.length === 11 ? maskPhone(n) : mask(n, 4, 4)));
}
