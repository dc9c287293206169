/**
 * A real server for tests: a fresh SQLite file or a fresh PostgreSQL database, migrated, with the
 * shipped catalogue, demo data and a clock the test can move. Every journey runs on both dialects.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Dialect } from '../db/connect.ts';
import type { Deps } from '../deps.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../modules/identity/demo.ts';
import type { IdentityService } from '../modules/identity/service.ts';
import { seedSharedData } from '../modules/shareddata/service.ts';
import { createDeps } from '../start.ts';

export const PG_ADMIN_URL = process.env.ONETHING_TEST_PG_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Both dialects unless told otherwise; PostgreSQL must answer, or its tests fail loudly. */
export const DIALECTS: Dialect[] = process.env.ONETHING_TEST_DIALECTS === 'sqlite' ? ['sqlite'] : ['sqlite', 'postgres'];

export interface Harness {
  app: FastifyInstance;
  deps: Deps;
  identity: IdentityService;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  login(username: string, password?: string): Promise<string>;
  request(method: string, url: string, options?: { cookie?: string; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A new, empty PostgreSQL database, and a way to drop it. */
export async function freshPostgres(prefix = 'onething_t'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function startHarness(dialect: Dialect, env: Record<string, string> = {}, start = '2025-09-29T02:00:00Z', options: { web?: boolean; logStream?: { write(line: string): void }; checkContracts?: boolean } = {}): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-test-'));
  const pgdb = dialect === 'postgres' ? await freshPostgres() : null;
  const config = loadConfig({
    ONETHING_DATA_DIR: dir,
    ONETHING_FIELD_KEY: randomBytes(32).toString('hex'),
    // Limits count real time, not the harness clock; the tests of the limits turn them on.
    ONETHING_RATE_LIMIT: 'off',
    ...(pgdb ? { DATABASE_URL: pgdb.url } : {}),
    ...env,
  });
  const clock = fixedClock(start);
  const deps = await createDeps(config, clock);
  const { app, identity } = await buildApp(deps, { web: options.web ?? false, checkContracts: options.checkContracts ?? true, ...(options.logStream ? { logStream: options.logStream } : {}) });
  await seedSharedData(deps.db.kysely, deps.cipher);
  await seedDemoAccounts(deps.db.kysely, identity);
  const request: Harness['request'] = (method, url, options = {}) => app.inject({
    method: method as 'GET',
    url,
    headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.headers ?? {}) },
    ...(options.body !== undefined ? { payload: options.body as object } : {}),
  });
  return {
    app, deps, identity, clock, config, request,
    async login(username, password = DEMO_PASSWORD) {
      const r = await request('POST', '/api/auth/login', { body: { username, password } });
      if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
      const cookie = r.cookies.find((c) => c.name === 'onething_session');
      return `onething_session=${cookie?.value}`;
    },
    async close() {
      await app.close();
      await deps.db.close();
      await pgdb?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
