/** Builds everything `npm start` needs from the configuration: database, catalogue, keys, demo data. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from './clock.ts';
import { ConfigError, type Config } from './config.ts';
import { hmacSm3 } from './crypto/sm3.ts';
import { createFieldCipher } from './crypto/sm4.ts';
import { openDatabase, type Db } from './db/connect.ts';
import { migrateToLatest, withStartLock } from './db/migrate.ts';
import { backfillSearchKeys } from './modules/window/search-backfill.ts';
import type { Deps, FieldCipher, MessageSender, OutgoingMessage } from './deps.ts';
import { maskEmail, maskPhone } from './crypto/sm4.ts';
import { openFileStore } from './files/open.ts';
import { anchorAuditLog, CHECKPOINT_FILE, checkpointAtStart } from './modules/audit/anchor.ts';
import { CatalogueStore } from './modules/catalogue/store.ts';

/**
 * Reads the field-encryption key, or on SQLite creates one beside the data on first start (unless
 * `create` is false). On PostgreSQL it must be configured: each machine making its own would leave
 * every other process unable to read what one encrypted.
 */
/** The key configured or already kept beside the data; null when there is none yet. */
export function existingFieldKey(config: Config): string | null {
  if (config.fieldKeyHex) return config.fieldKeyHex;
  const file = path.join(config.dataDir, 'field.key');
  return !config.databaseUrl && fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : null;
}

function fieldKey(config: Config, create = true): string {
  const existing = existingFieldKey(config);
  if (existing) return existing;
  const file = path.join(config.dataDir, 'field.key');
  if (config.databaseUrl) {
    const old = fs.existsSync(file) ? `；已在用 ${file} 的，可把 ONETHING_FIELD_KEY 设为该文件的路径` : '';
    throw new ConfigError(`使用 PostgreSQL（DATABASE_URL）时须设置 ONETHING_FIELD_KEY：64 位十六进制密钥，或存放它的文件路径；共用数据库的每个进程须用同一密钥${old}`);
  }
  if (!create) throw new ConfigError(`找不到字段密钥：未设置 ONETHING_FIELD_KEY，${file} 也不存在`);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** The default message adapter: SMS and e-mail are written to the message log. */
export function loggingSender(deps: Pick<Deps, 'db' | 'clock'>): MessageSender {
  const row = (m: OutgoingMessage, at: string) => ({
    id: randomBytes(12).toString('hex'), channel: m.channel, recipient: m.channel === 'sms' ? maskPhone(m.recipient) : maskEmail(m.recipient), body: m.body, created_at: at,
  });
  return {
    async send(m) {
      await deps.db.kysely.insertInto('message_log').values(row(m, deps.clock.now().toISOString())).execute();
    },
    async sendAll(messages) {
      const at = deps.clock.now().toISOString();
      if (messages.length > 0) await deps.db.kysely.insertInto('message_log').values(messages.map((m) => row(m, at))).execute();
    },
  };
}

/**
 * The configured database, its audit log anchored by a key derived from the field key (the
 * database alone never gives it) and checkpoints in the data directory. `createKey: false` for
 * commands that only read: a missing field key is then an error, not a new key.
 */
export function openAnchoredDatabase(config: Config, clock: Clock = systemClock, options: { createKey?: boolean } = {}): { db: Db; cipher: FieldCipher } {
  const key = fieldKey(config, options.createKey ?? true);
  const cipher = createFieldCipher(key);
  const db = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'onething.sqlite') });
  const auditKey = hmacSm3(Buffer.from(key, 'hex'), 'onething.audit-log');
  return { db: anchorAuditLog(db, { key: auditKey, cipher, clock, checkpointFile: path.join(config.dataDir, CHECKPOINT_FILE) }), cipher };
}

/** Where SQLite's start lock is taken: beside the data, so every process on the same file meets it. */
export const startLockFile = (config: Config) => (config.databaseUrl ? null : path.join(config.dataDir, 'start.lock'));

/**
 * Opens, migrates, imports the catalogue, anchors the audit log and runs `prepare` (the demo
 * seeding) under the start lock, so several processes starting at once on one database take turns.
 */
export async function startUp<T>(config: Config, clock: Clock, prepare: (deps: Deps) => Promise<T>): Promise<{ deps: Deps; prepared: T }> {
  // Before the database opens, so an unreachable bucket refuses the start with nothing to close.
  const files = await openFileStore(config);
  const { db, cipher } = openAnchoredDatabase(config, clock);
  const catalogues = new CatalogueStore(db.kysely);
  const partial = { config, db, clock, catalogues, cipher, files };
  const deps: Deps = { ...partial, sender: loggingSender(partial) };
  try {
    const prepared = await withStartLock(db, startLockFile(config), async () => {
      await migrateToLatest(db);
      await catalogues.importDirectory(config.catalogueDir, clock.now().toISOString());
      await checkpointAtStart(db.kysely);
      await backfillSearchKeys(db.kysely, cipher);
      return prepare(deps);
    });
    return { deps, prepared };
  } catch (e) {
    await db.close();
    throw e;
  }
}

export async function createDeps(config: Config, clock: Clock = systemClock): Promise<Deps> {
  return (await startUp(config, clock, async () => undefined)).deps;
}
