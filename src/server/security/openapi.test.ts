/**
 * The published contract: /openapi.json passes Redocly's recommended rules with no errors, every
 * operation says who may call it, what it answers and with which error codes, and docs/errors.md
 * lists exactly the server's error registry.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, statusesOf, type ErrorCode } from '../../contracts/errors.ts';
import { startHarness, type Harness } from '../testing/harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { description?: string; content?: Record<string, { schema?: { properties?: { code?: { enum?: string[] } } } }> }>;
}

describe('the OpenAPI description', () => {
  let h: Harness;
  let doc: { paths: Record<string, Record<string, Operation>> };
  let file: string;

  beforeAll(async () => {
    h = await startHarness('sqlite');
    const r = await h.request('GET', '/openapi.json');
    expect(r.statusCode).toBe(200);
    doc = r.json();
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onething-openapi-')), 'openapi.json');
    fs.writeFileSync(file, r.body);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('has no errors under Redocly CLI recommended rules', async () => {
    const bin = path.join(ROOT, 'node_modules/.bin/redocly');
    // Redocly exits 1 on errors; the JSON report is on stdout either way.
    const out = await promisify(execFile)(bin, ['lint', '--format=json', '--config', path.join(ROOT, 'redocly.yaml'), file], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 })
      .catch((e: { stdout: string }) => ({ stdout: e.stdout }));
    const report = JSON.parse(out.stdout) as { totals: { errors: number }; problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
    const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 120_000);

  it('gives each operation an id, its callers, a success answer and its error codes', () => {
    const ids = new Set<string>();
    for (const [route, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${route}`;
        expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
        expect(ids.has(op.operationId as string), `${where}: operationId ${op.operationId} twice`).toBe(false);
        ids.add(op.operationId as string);
        expect(op.security, where).toBeDefined();
        const statuses = Object.keys(op.responses);
        expect(statuses.some((s) => /^2\d\d$/.test(s)), `${where}: no 2xx`).toBe(true);
        const errorStatuses = statuses.filter((s) => /^[45]\d\d$/.test(s));
        expect(errorStatuses.length, `${where}: no 4xx`).toBeGreaterThan(0);
        for (const s of errorStatuses) {
          const codes = op.responses[s]?.content?.['application/json']?.schema?.properties?.code?.enum ?? [];
          expect(codes.length, `${where} ${s}: no codes`).toBeGreaterThan(0);
          for (const code of codes) expect(statusesOf(code as ErrorCode), `${where}: ${code} is not a ${s}`).toContain(Number(s));
        }
        // A signed route says so, and every closed route can answer 401.
        if (op.security && op.security.length > 0) expect(statuses, where).toContain('401');
      }
    }
  });

  it('answers an error with its code, a Chinese message, details and the request id', async () => {
    const r = await h.request('POST', '/api/auth/login', { body: { username: '' } });
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body).toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/[\u4e00-\u9fff]/), details: expect.arrayContaining([expect.objectContaining({ path: 'body.password' })]) });
    expect(typeof body.requestId).toBe('string');
    const missing = await h.request('GET', '/api/no-such-route');
    expect(missing.json()).toMatchObject({ code: 'route-not-found', requestId: expect.any(String) });
    const unknown = await h.request('GET', '/api/cases');
    expect(unknown.json()).toMatchObject({ code: 'unauthenticated', requestId: expect.any(String) });
  });
});

describe('docs/errors.md', () => {
  it('lists exactly the error registry, each code with its status', () => {
    const text = fs.readFileSync(path.join(ROOT, 'docs/errors.md'), 'utf8');
    const listed = new Map([...text.matchAll(/^\| `([a-z0-9-]+)` \| ([0-9、]+) \|/gm)].map((m) => [m[1] as string, (m[2] as string).split('、').map(Number)]));
    expect([...listed.keys()].sort()).toEqual(Object.keys(ERRORS).sort());
    for (const [code, statuses] of listed) expect(statuses, code).toEqual(statusesOf(code as ErrorCode));
  });
});
