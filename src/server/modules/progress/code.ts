/**
 * The query code a receipt prints beside the case number: six characters from an alphabet without
 * look-alikes (0/O, 1/I/L), random, about 30 bits. It is kept as a keyed hash (HMAC-SM3 under the
 * field key's index subkey, so a copy of the database cannot try every code offline) and SM4-sealed
 * so a reprinted receipt shows the same code. A case accepted before codes existed gets one the
 * first time its receipt is printed.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { PROGRESS_CODE_ALPHABET } from '../../../contracts/progress.ts';
import { safeEqual } from '../../crypto/sm3.ts';
import type { Database } from '../../db/schema.ts';
import type { FieldCipher } from '../../deps.ts';

export const CODE_LENGTH = 6;

export function newProgressCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += PROGRESS_CODE_ALPHABET[randomInt(PROGRESS_CODE_ALPHABET.length)];
  return code;
}

/** As a person may type it from paper: spaces and lower case do not matter. */
export const normaliseCode = (code: string): string => code.replace(/\s+/g, '').toUpperCase();

const codeHash = (cipher: FieldCipher, caseId: string, code: string) => cipher.blindIndex(`progress:${caseId}:${normaliseCode(code)}`);

/** The case's code, made now if it has none; two prints at once agree on the first one stored. */
export async function ensureProgressCode(db: Kysely<Database>, cipher: FieldCipher, caseId: string, at: string): Promise<string> {
  const existing = await db.selectFrom('progress_codes').select('code_enc').where('case_id', '=', caseId).executeTakeFirst();
  if (existing) return cipher.decrypt(existing.code_enc);
  const code = newProgressCode();
  await db.insertInto('progress_codes').values({ case_id: caseId, code_hash: codeHash(cipher, caseId, code), code_enc: cipher.encrypt(code), created_at: at })
    .onConflict((oc) => oc.column('case_id').doNothing()).execute();
  const stored = await db.selectFrom('progress_codes').select('code_enc').where('case_id', '=', caseId).executeTakeFirstOrThrow();
  return cipher.decrypt(stored.code_enc);
}

/**
 * Whether `code` is the case's, compared in constant time. A case without a code, a wrong code and
 * (for the caller) an unknown number all answer alike.
 */
export async function codeMatches(db: Kysely<Database>, cipher: FieldCipher, caseId: string | null, code: string): Promise<boolean> {
  // An unknown number still looks up, hashes and compares, so timing says nothing about which part was wrong.
  const given = codeHash(cipher, caseId ?? '-', code);
  const row = await db.selectFrom('progress_codes').select('code_hash').where('case_id', '=', caseId ?? '-').executeTakeFirst();
  const expected = row?.code_hash ?? '0'.repeat(given.length);
  return safeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex')) && row !== undefined && caseId !== null;
}
