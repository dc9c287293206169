/** Builds everything `npm start` needs from the configuration: database, catalogue, keys, demo data. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { createFieldCipher } from './crypto/sm4.ts';
import { openDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Deps, MessageSender } from './deps.ts';
import { maskEmail, maskPhone } from './crypto/sm4.ts';
import { localFileStore } from './files/store.ts';
import { CatalogueStore } from './modules/catalogue/store.ts';

/** Reads the field-encryption key, or creates one beside the data on first start. */
function fieldKey(config: Config): string {
  if (config.fieldKeyHex) return config.fieldKeyHex;
  const file = path.join(config.dataDir, 'field.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** The default message adapter: SMS and e-mail are written to the message log. */
export function loggingSender(deps: Pick<Deps, 'db' | 'clock'>): MessageSender {
  return {
    async send(m) {
      await deps.db.kysely.insertInto('message_log').values({
        id: randomBytes(12).toString('hex'), channel: m.channel, recipient: m.channel === 'sms' ? maskPhone(m.recipient) : maskEmail(m.recipient), body: m.body, created_at: deps.clock.now().toISOString(),
      }).execute();
    },
  };
}

export async function createDeps(config: Config, clock: Clock = systemClock): Promise<Deps> {
  const db = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'onething.sqlite') });
  await migrateToLatest(db);
  const catalogues = new CatalogueStore(db.kysely);
  await catalogues.importDirectory(config.catalogueDir, clock.now().toISOString());
  const partial = { config, db, clock, catalogues, cipher: createFieldCipher(fieldKey(config)), files: localFileStore(path.join(config.dataDir, 'files')) };
  return { ...partial, sender: loggingSender(partial) };
}
