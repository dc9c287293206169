/**
 * Every query a case's life runs reaches the rows it needs through an index: none reads a whole
 * table that grows with the cases (SQLite's query plans, for the statements the journey really ran).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Plan } from '../../core/planning/types.ts';
import { startHarness, type Harness } from '../testing/harness.ts';
import { watchStatements } from '../testing/statements.ts';
import { fillForm } from '../testing/fill.ts';
import { remindCommitments } from '../modules/window/reminders.ts';
import { sweep } from '../worker/housekeeping.ts';
import { createWorker } from '../worker/outbox.ts';

const GROWING = ['cases', 'tasks', 'case_files', 'outbox', 'audit_log', 'notifications', 'circulation', 'licenses', 'ratings', 'rectifications', 'message_log', 'nonces', 'sessions', 'idempotency', 'joint_reviews', 'accounts', 'shared_records', 'case_search_keys', 'progress_codes'];
const ANSWERS = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };

describe('query plans on SQLite', () => {
  let h: Harness;
  const ran = new Set<string>();
  let unwatch: () => void;

  beforeAll(async () => {
    unwatch = watchStatements((source, _reader, run) => {
      ran.add(source);
      return run();
    });
    h = await startHarness('sqlite');
    // A migration's fix-up of existing rows reads its table once, on upgrade; the journey's statements are what count.
    ran.clear();
  });
  afterAll(async () => {
    unwatch();
    await h.close();
  });

  it('reads no growing table whole, from application through decisions, rating, queues and figures', async () => {
    const as = async (user: string) => h.login(user);
    const [me, win, rs, lead, admin] = [await as('zhangjianguo'), await as('window'), await as('rs-reviewer'), await as('rs-lead'), await as('admin')];
    const draft = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement' } })).json();
    const plan = (await h.request('PUT', `/api/cases/${draft.id}/answers`, { cookie: me, body: { answers: ANSWERS } })).json().plan as Plan;
    const c = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement', answers: ANSWERS, values: fillForm(plan), submit: true } })).json();
    const gets: [string, string][] = [
      [win, '/api/window/cases'], [win, '/api/window/cases?status=accepted'], [win, `/api/window/cases/${c.id}/check`],
    ];
    for (const [cookie, url] of gets) expect((await h.request('GET', url, { cookie })).statusCode, url).toBe(200);
    expect((await h.request('POST', `/api/window/cases/${c.id}/accept`, { cookie: win })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/department/tasks/${c.id}/rs-pension-retirement/claim`, { cookie: rs })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/department/tasks/${c.id}/rs-pension-retirement/approve`, { cookie: rs, body: {} })).statusCode).toBe(200);
    const rated = await h.request('POST', `/api/cases/${c.id}/ratings`, { cookie: me, body: { level: 1, tags: [], comment: '等了很久' } });
    expect(rated.statusCode, rated.body).toBe(201);
    await createWorker(h.deps).runOnce();
    await remindCommitments(h.deps);
    await sweep(h.deps);
    for (const [cookie, url] of [
      [rs, '/api/department/tasks'], [rs, '/api/department/tasks?status=approved'], [rs, '/api/department/tasks?status=claimed'], [rs, `/api/department/tasks/${c.id}/rs-pension-retirement`], [me, '/api/cases'], [me, `/api/cases/${c.id}`], [me, '/api/inbox'],
      [me, '/api/wallet'], [me, `/api/cases/${c.id}/circulation`], [me, `/api/cases/${c.id}/ratings`], [lead, '/api/lead/rectifications'], [lead, '/api/ratings/summary'],
      [admin, '/api/metrics'], [admin, '/api/metrics/retirement'], [admin, '/api/admin/dead-letters'], [me, '/api/me/facts'],
    ] as const) expect((await h.request('GET', url, { cookie })).statusCode, url).toBe(200);

    const db = new SQLite(path.join(h.config.dataDir, 'onething.sqlite'), { readonly: true });
    try {
      const whole: string[] = [];
      for (const source of ran) {
        if (!/^\s*(select|update|delete)/i.test(source)) continue;
        const params = Array((source.match(/\?/g) ?? []).length).fill(null);
        const steps = db.prepare(`explain query plan ${source}`).all(...params) as { detail: string }[];
        for (const { detail } of steps) {
          const table = /^SCAN (\w+)/.exec(detail)?.[1];
          // The audit chain's tail is its last row by primary key: one step, however long the log.
          const tail = table === 'audit_log' && /order by "seq" desc limit \?$/.test(source);
          if (table && GROWING.includes(table) && !tail) whole.push(`${detail} ← ${source.slice(0, 140)}`);
          // The shared register holds a whole region's records of each kind: a look-up must name the key.
          if (/^SEARCH shared_records/.test(detail) && !/\bkey[=<>]/.test(detail)) whole.push(`${detail} ← ${source.slice(0, 140)}`);
        }
      }
      expect(ran.size).toBeGreaterThan(50);
      expect(whole).toEqual([]);
    } finally {
      db.close();
    }
  });
});
