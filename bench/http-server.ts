/**
 * A server process for the HTTP benchmarks: `onething` itself on a fresh SQLite file, (`bare`) a bare
 * Fastify route that inserts one row into SQLite with the same settings, or (`hello`) a bare Fastify
 * route answering a constant. Prints its port when ready.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { seedDemoAccounts } from '../src/server/modules/identity/demo.ts';
import { seedSharedData } from '../src/server/modules/shareddata/service.ts';
import { createDeps } from '../src/server/start.ts';
import { createWorker } from '../src/server/worker/outbox.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-bench-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
process.on('SIGTERM', () => process.exit(0));
// The CPU time used so far, asked for by bench/servers.ts.
process.on('message', () => {
  const { user, system } = process.cpuUsage();
  process.send?.(user + system);
});

if (process.argv[2] === 'hello') {
  const app = Fastify();
  app.get('/hello', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`READY ${(app.server.address() as { port: number }).port}\n`);
} else if (process.argv[2] === 'bare') {
  const db = new SQLite(path.join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table rows (id text primary key, body text not null, created_at text not null)');
  const insert = db.prepare('insert into rows (id, body, created_at) values (?, ?, ?)');
  const app = Fastify();
  app.post('/rows', async (request) => {
    const id = randomBytes(8).toString('hex');
    insert.run(id, JSON.stringify(request.body), new Date().toISOString());
    return { id };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`READY ${(app.server.address() as { port: number }).port}\n`);
} else {
  const config = loadConfig({ ONETHING_DATA_DIR: dir, ONETHING_FIELD_KEY: randomBytes(32).toString('hex'), ONETHING_COOKIE_SECURE: 'off' });
  const deps = await createDeps(config);
  const { app, identity } = await buildApp(deps);
  await seedSharedData(deps.db.kysely, deps.cipher);
  await seedDemoAccounts(deps.db.kysely, identity);
  createWorker(deps).start(200);
  // As `npm start` runs it.
  deps.db.checkpointInBackground?.();
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`READY ${(app.server.address() as { port: number }).port}\n`);
}
