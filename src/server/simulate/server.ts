/**
 * A throw-away server for simulated applications: a fresh SQLite database in a temporary folder,
 * the given catalogue directory, the demo accounts and shared data, listening on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { residentIdCheckChar, usccCheckChar } from '../../core/fields/validators.ts';
import { buildApp } from '../app.ts';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { DEMO_PASSWORD, demoAccounts, seedDemoAccounts } from '../modules/identity/demo.ts';
import { seedSharedData } from '../modules/shareddata/service.ts';
import { createDeps } from '../start.ts';

/** Applicants nobody's shared data knows: every answer and field is theirs to give. */
export const UNKNOWN_APPLICANTS = { person: 'sim-person', enterprise: 'sim-enterprise' } as const;

export interface SimulationServer {
  base: string;
  password: string;
  /** Demo applicants by subject, in the order they are tried. */
  applicants: { person: string[]; enterprise: string[] };
  /** The demo reviewer of each department that has one. */
  reviewers: ReadonlyMap<string, string>;
  close(): Promise<void>;
}

export async function startSimulationServer(catalogueDir: string): Promise<SimulationServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-simulate-'));
  // A process ended early (Ctrl-C in the command exits through process.exit) still removes the folder.
  const onExit = () => fs.rmSync(dir, { recursive: true, force: true });
  process.once('exit', onExit);
  let close = async () => {
    process.off('exit', onExit);
    onExit();
  };
  try {
    const config = loadConfig({
      ONETHING_DATA_DIR: dir,
      ONETHING_CATALOG_DIR: catalogueDir,
      ONETHING_FIELD_KEY: randomBytes(32).toString('hex'),
      ONETHING_RATE_LIMIT: 'off',
      ONETHING_SEED_DEMO: 'off',
      LOG_LEVEL: 'silent',
    });
    const deps = await createDeps(config, systemClock);
    const removeDir = close;
    close = async () => {
      await deps.db.close();
      await removeDir();
    };
    const { app, identity } = await buildApp(deps, { web: false });
    close = async () => {
      await app.close();
      await deps.db.close();
      await removeDir();
    };
    await seedSharedData(deps.db.kysely, deps.cipher);
    const accounts = await seedDemoAccounts(deps.db.kysely, identity);
    await identity.createAccount({
      username: UNKNOWN_APPLICANTS.person, password: DEMO_PASSWORD, role: 'applicant', displayName: '模拟申报人', subject: 'person',
      idNumber: `99010219800101999${residentIdCheckChar('99010219800101999')}`, phone: '13800990099',
    });
    await identity.createAccount({
      username: UNKNOWN_APPLICANTS.enterprise, password: DEMO_PASSWORD, role: 'applicant', displayName: '模拟经办人', subject: 'enterprise',
      enterpriseUscc: `91990100MA01TX7K3${usccCheckChar('91990100MA01TX7K3')}`, phone: '13800990098',
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const applicants = { person: [] as string[], enterprise: [] as string[] };
    for (const a of accounts) if (a.role === 'applicant' && (a.subject === 'person' || a.subject === 'enterprise')) applicants[a.subject].push(a.username);
    applicants.person.push(UNKNOWN_APPLICANTS.person);
    applicants.enterprise.push(UNKNOWN_APPLICANTS.enterprise);
    const reviewers = new Map(demoAccounts().filter((a) => a.role === 'reviewer' && a.department).map((a) => [a.department as string, a.username]));
    return { base: `http://127.0.0.1:${port}`, password: DEMO_PASSWORD, applicants, reviewers, close };
  } catch (e) {
    await close();
    throw e;
  }
}
