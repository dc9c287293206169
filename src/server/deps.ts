/** What the modules are given: built once in main (or a test) and wired by hand in buildApp. */
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import type { FileStore } from './files/store.ts';
import type { CatalogueStore } from './modules/catalogue/store.ts';

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  blindIndex(plain: string): string;
}

/** Where SMS and e-mail go; the default writes them to the message log, a deployment plugs in its gateway. */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
  /** Optional: several messages in one call, all or none (the message log writes them in one statement). */
  sendAll?(messages: OutgoingMessage[]): Promise<void>;
}

export interface OutgoingMessage {
  channel: 'sms' | 'email';
  recipient: string;
  body: string;
}

export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  catalogues: CatalogueStore;
  cipher: FieldCipher;
  files: FileStore;
  sender: MessageSender;
}
