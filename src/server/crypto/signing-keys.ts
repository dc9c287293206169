/**
 * A rotatable set of SM2 signing keys (table `signing_keys`, one set per purpose): each named by its
 * kid, the newest signs, and a key rotated out stays published — so a token it signed still
 * verifies — until its `retires_at`. Private keys are kept SM4-sealed under the field key. The set
 * starts from an initial key (the platform seal) the first time it is read, keeping the kid that
 * departments may already hold.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { generateSealKeyPair } from './sm2.ts';
import { openKeyMaterial, type FieldCipher } from './sm4.ts';

export interface KeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

export interface SigningKeyInfo {
  kid: string;
  publicKeyPem: string;
  createdAt: string;
  retiresAt: string | null;
  /** The one that signs now. */
  current: boolean;
  /** Past its retirement: no longer published, no token of it verifies. */
  retired: boolean;
}

export interface Rotated {
  kid: string;
  /** The keys rotated out by this rotation, and when each retires. */
  retiring: { kid: string; retiresAt: string }[];
}

/** A refusal the operator reads (unknown kid, retiring the key that signs). */
export class SigningKeyError extends Error {}

/** Default time an older key stays published: well past the 5-minute JWKS cache and 2-minute tokens. */
export const DEFAULT_GRACE_HOURS = 24;

export type Db = Kysely<Database> | Transaction<Database>;

export interface SigningKeyStoreOptions {
  db: Kysely<Database>;
  cipher: FieldCipher;
  now: () => Date;
  purpose: string;
  /** The kid of a public key (the JWK thumbprint). */
  kidOf: (publicKeyPem: string) => string;
  /** The key the set starts from, the first time it is read. */
  initial: () => Promise<KeyPair>;
  /** Records a rotation or a retirement, in the same transaction (the audit log). */
  record?: (db: Db, action: 'rotate' | 'retire', detail: Record<string, unknown>) => Promise<void>;
}

export class SigningKeyStore {
  constructor(private readonly o: SigningKeyStoreOptions) {}

  private async rows(db: Db) {
    return db.selectFrom('signing_keys').selectAll().where('purpose', '=', this.o.purpose).orderBy('created_at', 'desc').orderBy('kid').execute();
  }

  /** The rows, the initial key adopted first if the set is empty (a second process adopting at once is a no-op). */
  private async ensured(db: Db) {
    const rows = await this.rows(db);
    if (rows.length > 0) return rows;
    const pair = await this.o.initial();
    await db.insertInto('signing_keys').values({
      kid: this.o.kidOf(pair.publicKeyPem), purpose: this.o.purpose, public_pem: pair.publicKeyPem,
      private_enc: this.o.cipher.encrypt(pair.privateKeyPem), created_at: this.o.now().toISOString(), retires_at: null,
    }).onConflict((oc) => oc.column('kid').doNothing()).execute();
    return this.rows(db);
  }

  /** Every key, newest first, with whether it signs, is still published or has retired. */
  async list(): Promise<SigningKeyInfo[]> {
    const now = this.o.now().toISOString();
    const rows = await this.ensured(this.o.db);
    return rows.map((r, i) => ({
      kid: r.kid, publicKeyPem: r.public_pem, createdAt: r.created_at, retiresAt: r.retires_at,
      current: i === 0, retired: i !== 0 && r.retires_at !== null && r.retires_at <= now,
    }));
  }

  /** The keys a verifier may use now: the newest and those not yet retired. */
  async published(): Promise<SigningKeyInfo[]> {
    return (await this.list()).filter((k) => !k.retired);
  }

  /** The newest key, which signs. */
  async signing(): Promise<KeyPair & { kid: string }> {
    const [row] = await this.ensured(this.o.db);
    if (!row) throw new Error('signing key set is empty');
    return { kid: row.kid, publicKeyPem: row.public_pem, privateKeyPem: openKeyMaterial(this.o.cipher, row.private_enc) };
  }

  /** A new key signs from now on; every key still published without a date retires after `graceHours`. */
  async rotate(graceHours = DEFAULT_GRACE_HOURS): Promise<Rotated> {
    if (!Number.isFinite(graceHours) || graceHours < 0) throw new SigningKeyError('宽限期须为不小于 0 的小时数');
    // Adopted outside the transaction: the initial key may be read through another connection (SQLite has one).
    await this.ensured(this.o.db);
    return this.o.db.transaction().execute(async (trx) => {
      const rows = await this.rows(trx);
      const now = this.o.now();
      const retiresAt = new Date(now.getTime() + graceHours * 3_600_000).toISOString();
      const pair = generateSealKeyPair();
      const kid = this.o.kidOf(pair.publicKeyPem);
      const open = rows.filter((r) => r.retires_at === null || r.retires_at > retiresAt);
      // Strictly later than the key it replaces, so "newest" cannot tie within one millisecond.
      const newest = rows[0]?.created_at ?? '';
      const created = now.toISOString() > newest ? now.toISOString() : new Date(new Date(newest).getTime() + 1).toISOString();
      for (const r of open) await trx.updateTable('signing_keys').set({ retires_at: retiresAt }).where('kid', '=', r.kid).execute();
      await trx.insertInto('signing_keys').values({
        kid, purpose: this.o.purpose, public_pem: pair.publicKeyPem, private_enc: this.o.cipher.encrypt(pair.privateKeyPem), created_at: created, retires_at: null,
      }).execute();
      const retiring = open.map((r) => ({ kid: r.kid, retiresAt }));
      await this.o.record?.(trx, 'rotate', { kid, retiring });
      return { kid, retiring };
    });
  }

  /** Ends an older key's grace at once (its key leaked, say); the key that signs cannot be retired. */
  async retire(kid: string): Promise<string> {
    const keys = await this.list();
    const key = keys.find((k) => k.kid === kid);
    if (!key) throw new SigningKeyError(`没有编号为「${kid}」的签名密钥`);
    if (key.current) throw new SigningKeyError('这是正在签名的密钥，不能停用；请先轮换（onething keys rotate）');
    const at = this.o.now().toISOString();
    if (key.retired) return key.retiresAt ?? at;
    await this.o.db.transaction().execute(async (trx) => {
      await trx.updateTable('signing_keys').set({ retires_at: at }).where('kid', '=', kid).execute();
      await this.o.record?.(trx, 'retire', { kid, retiredAt: at, graceWas: key.retiresAt });
    });
    return at;
  }
}
