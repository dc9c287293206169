/** Each department's e-seal: an SM2 key pair, the private key kept SM4-encrypted, made on first use. */
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../crypto/canonical.ts';
import { generateSealKeyPair, sm2Sign, sm2Verify } from '../../crypto/sm2.ts';
import { openKeyMaterial } from '../../crypto/sm4.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';

type Seal = { privateKeyPem: string; publicKeyPem: string };
// Per opened database: a seal is made once and never replaced, so the one read stays right. A row read
// in the transaction that made it is not kept: that transaction may still roll back.
const opened = new WeakMap<object, Map<string, Seal>>();
const making = new WeakSet<object>();

export async function sealOf(trx: Kysely<Database>, deps: Deps, department: string): Promise<Seal> {
  let kept = opened.get(deps.db);
  if (!kept) opened.set(deps.db, (kept = new Map()));
  const known = kept.get(department);
  if (known) return known;
  const row = await trx.selectFrom('seals').selectAll().where('department', '=', department).executeTakeFirst();
  if (row) {
    const seal = { privateKeyPem: openKeyMaterial(deps.cipher, row.private_enc), publicKeyPem: row.public_pem };
    if (!making.has(trx)) kept.set(department, seal);
    return seal;
  }
  making.add(trx);
  const pair = generateSealKeyPair();
  await trx.insertInto('seals').values({ department, public_pem: pair.publicKeyPem, private_enc: deps.cipher.encrypt(pair.privateKeyPem), created_at: deps.clock.now().toISOString() })
    .onConflict((oc) => oc.column('department').doNothing()).execute();
  const stored = await trx.selectFrom('seals').selectAll().where('department', '=', department).executeTakeFirstOrThrow();
  return { privateKeyPem: openKeyMaterial(deps.cipher, stored.private_enc), publicKeyPem: stored.public_pem };
}

export async function sealSign(trx: Kysely<Database>, deps: Deps, department: string, data: unknown): Promise<string> {
  const seal = await sealOf(trx, deps, department);
  return sm2Sign(seal.privateKeyPem, canonicalJson(data));
}

export async function sealVerify(db: Kysely<Database>, department: string, data: unknown, signature: string): Promise<boolean> {
  const row = await db.selectFrom('seals').select('public_pem').where('department', '=', department).executeTakeFirst();
  return row !== undefined && sm2Verify(row.public_pem, canonicalJson(data), signature);
}

/** A signed-for receipt of a material's movement: the sending side's seal over what moved, when, where. */
export const circulationSignature = (trx: Kysely<Database>, deps: Deps, party: string, record: unknown) => sealSign(trx, deps, party, record);
