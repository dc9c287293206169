/**
 * The window finds cases on the server by 办件编号, the applicant's ID number, name, mobile and
 * enterprise (name or credit code), exactly, through blind indexes; lists its own recent cases; only
 * staff may; answers show ID numbers masked; every search is audited without the value searched.
 */
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { DEMO_ENTERPRISES, DEMO_PEOPLE } from '../shareddata/demo.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { fillForm } from '../../testing/fill.ts';
import { watchStatements } from '../../testing/statements.ts';
import { backfillSearchKeys } from './search-backfill.ts';

const RESTAURANT = {
  servesColdDishes: true, servesFreshDrinks: false, servesRawSeafood: false, hasSignboard: true, largeSignboard: false,
  largeVenue: true, staffNeedHealthCheck: true, sellsTobacco: false,
};
const RETIREMENT = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };
const chen = DEMO_PEOPLE[3]!;
const zhang = DEMO_PEOPLE[2]!;
const enterprise = DEMO_ENTERPRISES[0]!;

describe.each(DIALECTS)('the window finds cases on the server, on %s', (dialect) => {
  let h: Harness;
  let clerk: string;
  let entered: { id: string; number: string };
  let online: { id: string; number: string };
  const statements: string[] = [];
  let unwatch: () => void = () => {};

  beforeAll(async () => {
    h = await startHarness(dialect);
    clerk = await h.login('window');
    // A visitor at the window (陈晓梅, the agent of 好味餐饮), entered and submitted by the clerk.
    const created = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'restaurant-opening', applicant: { idNumber: chen.idNumber, name: chen.name } } });
    expect(created.statusCode, created.body).toBe(201);
    entered = created.json();
    const plan: Plan = (await h.request('PUT', `/api/cases/${entered.id}/answers`, { cookie: clerk, body: { answers: RESTAURANT } })).json().plan;
    expect((await h.request('PUT', `/api/cases/${entered.id}/form`, { cookie: clerk, body: { values: fillForm(plan) } })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/cases/${entered.id}/submit`, { cookie: clerk })).statusCode).toBe(200);
    // Another applicant's online application, in the same database.
    const me = await h.login('zhangjianguo');
    const draft = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement' } })).json();
    const p2: Plan = (await h.request('PUT', `/api/cases/${draft.id}/answers`, { cookie: me, body: { answers: RETIREMENT } })).json().plan;
    const sent = await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement', answers: RETIREMENT, values: fillForm(p2), submit: true } });
    expect(sent.statusCode, sent.body).toBe(201);
    online = sent.json();
    if (dialect === 'sqlite') unwatch = watchStatements((source, _reader, run) => {
      statements.push(source);
      return run();
    });
  });
  afterAll(async () => {
    unwatch();
    await h.close();
  });

  const search = async (by: string, q: string, cookie = clerk) => h.request('GET', `/api/window/search?by=${by}&q=${encodeURIComponent(q)}`, { cookie });
  const numbers = async (by: string, q: string) => {
    const r = await search(by, q);
    expect(r.statusCode, r.body).toBe(200);
    return r.json().cases.map((c: { number: string }) => c.number);
  };

  it('finds the visitor\'s case by each key, and only it, however the value is typed', async () => {
    expect(await numbers('number', entered.number)).toEqual([entered.number]);
    expect(await numbers('number', ` ${entered.number.toLowerCase()} `)).toEqual([entered.number]);
    expect(await numbers('idNumber', chen.idNumber)).toEqual([entered.number]);
    expect(await numbers('name', ` ${chen.name} `)).toEqual([entered.number]);
    expect(await numbers('phone', chen.mobile)).toEqual([entered.number]);
    expect(await numbers('phone', `+86 ${chen.mobile}`)).toEqual([entered.number]);
    expect(await numbers('enterprise', enterprise.name)).toEqual([entered.number]);
    expect(await numbers('enterprise', enterprise.uscc.toLowerCase())).toEqual([entered.number]);
    // The other applicant's case by his own keys; nothing for a part of a name or a number nobody has.
    expect(await numbers('idNumber', zhang.idNumber)).toEqual([online.number]);
    expect(await numbers('name', zhang.name)).toEqual([online.number]);
    expect(await numbers('name', chen.name.slice(0, 1))).toEqual([]);
    expect(await numbers('phone', '13900000000')).toEqual([]);
  });

  it('shows the ID number masked and no personal number in full', async () => {
    const r = await search('idNumber', chen.idNumber);
    const [found] = r.json().cases;
    expect(found).toMatchObject({ number: entered.number, matter: { name: expect.stringContaining('餐饮') }, channel: 'window', statusLabel: '已提交', applicant: { name: chen.name, idNumber: `${chen.idNumber.slice(0, 6)}********${chen.idNumber.slice(-4)}` } });
    expect(r.body).not.toContain(chen.idNumber);
    expect(r.body).not.toContain(chen.mobile);
  });

  it('keeps the search keys unreadable, and audits each search without the value', async () => {
    const keys = await h.deps.db.kysely.selectFrom('case_search_keys').selectAll().execute();
    expect(keys.length).toBeGreaterThan(5);
    const stored = JSON.stringify(keys);
    for (const value of [chen.idNumber, chen.mobile, chen.name, enterprise.name, enterprise.uscc]) expect(stored).not.toContain(value);
    const audits = await h.deps.db.kysely.selectFrom('audit_log').select(['actor', 'detail']).where('action', '=', 'window.search').execute();
    expect(audits.length).toBeGreaterThanOrEqual(12);
    expect(audits.map((a) => JSON.parse(a.detail).by)).toEqual(expect.arrayContaining(['number', 'idNumber', 'name', 'phone', 'enterpriseName', 'uscc']));
    const logged = JSON.stringify(audits);
    for (const value of [chen.idNumber, chen.mobile, chen.name, enterprise.name, enterprise.uscc, zhang.idNumber]) expect(logged).not.toContain(value);
  });

  it('is for the window only', async () => {
    expect((await search('idNumber', chen.idNumber, await h.login('wangfang'))).statusCode).toBe(403);
    expect((await search('idNumber', chen.idNumber, await h.login('rs-reviewer'))).statusCode).toBe(403);
    expect((await h.request('GET', `/api/window/search?by=idNumber&q=${chen.idNumber}`)).statusCode).toBe(401);
    expect((await h.request('GET', '/api/window/recent', { cookie: await h.login('wangfang') })).statusCode).toBe(403);
    const bad = await h.request('GET', '/api/window/search?by=address&q=x', { cookie: clerk });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'invalid-request']);
  });

  it('lists the clerk\'s recent cases from the server: entered or accepted, newest first, paged', async () => {
    const before = (await h.request('GET', '/api/window/recent', { cookie: clerk })).json();
    expect(before).toMatchObject({ page: 1, total: 1, cases: [{ number: entered.number, role: 'entered' }] });
    h.clock.advance(60_000);
    const accepted = await h.request('POST', `/api/window/cases/${online.id}/accept`, { cookie: clerk });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = (await h.request('GET', '/api/window/recent', { cookie: clerk })).json();
    expect(after.total).toBe(2);
    expect(after.cases.map((c: { number: string; role: string }) => [c.number, c.role])).toEqual([[online.number, 'accepted'], [entered.number, 'entered']]);
    expect(JSON.stringify(after)).not.toContain(zhang.idNumber);
    expect((await h.request('GET', '/api/window/recent?page=2', { cookie: clerk })).json()).toMatchObject({ page: 2, total: 2, cases: [] });
    // Another clerk's list is their own.
    await h.identity.createAccount({ username: 'window2', password: 'Demo@2026x', role: 'window', displayName: '综合窗口 王磊', department: 'zwfw' });
    expect((await h.request('GET', '/api/window/recent', { cookie: await h.login('window2', 'Demo@2026x') })).json()).toMatchObject({ total: 0, cases: [] });
  });

  it('gives cases stored before the search its keys once, at start-up', async () => {
    const db = h.deps.db.kysely;
    await db.deleteFrom('case_search_keys').execute();
    await db.deleteFrom('counters').where('name', '=', 'search-keys-011').execute();
    expect(await numbers('idNumber', chen.idNumber)).toEqual([]);
    expect(await backfillSearchKeys(db, h.deps.cipher)).toBe(3); // with 张建国's first draft
    expect(await numbers('idNumber', chen.idNumber)).toEqual([entered.number]);
    expect(await numbers('enterprise', enterprise.name)).toEqual([entered.number]);
    expect(await numbers('phone', zhang.mobile)).toEqual([online.number]);
    expect(await backfillSearchKeys(db, h.deps.cipher)).toBe(0);
  });

  it.runIf(dialect === 'sqlite')('reads no growing table whole to search or list', () => {
    const db = new SQLite(path.join(h.config.dataDir, 'onething.sqlite'), { readonly: true });
    try {
      const whole: string[] = [];
      for (const source of new Set(statements)) {
        // The test's own check of every stored key is not the server's.
        if (!/^\s*select/i.test(source) || source === 'select * from "case_search_keys"') continue;
        const params = Array((source.match(/\?/g) ?? []).length).fill(null);
        for (const { detail } of db.prepare(`explain query plan ${source}`).all(...params) as { detail: string }[]) {
          const table = /^SCAN (\w+)/.exec(detail)?.[1];
          if (table && ['cases', 'case_search_keys', 'tasks', 'accounts'].includes(table)) whole.push(`${detail} ← ${source.slice(0, 160)}`);
        }
      }
      expect(statements.some((s) => s.includes('case_search_keys'))).toBe(true);
      expect(whole).toEqual([]);
    } finally {
      db.close();
    }
  });
});
