/**
 * Requests as an attacker sends them: from another site, as text/plain, too large, too many, with
 * NUL or broken Unicode, with a malformed address. Each is refused in the standard error shape.
 */
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/planning/types.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../testing/fill.ts';

const CHINESE = /[\u4e00-\u9fff]/;
const OUTSIDE = 'outside-parent-documents';
const ANSWERS = {
  bornInProvinceInstitution: true, birthCertificateFirstIssue: true, babyUnderOneYear: true, applicantParent: 'mother',
  joinHousehold: 'mother', hukouLocation: 'other-outside', fertilityRegistered: true, motherMaternityInsured: false,
};
const EVIL = 'https://evil.example.com';

function refused(r: LightMyRequestResponse | { statusCode: number; body: string }, status: number, code: string): { details: { path: string }[] } {
  expect(r.statusCode, r.body).toBe(status);
  const body = JSON.parse(r.body) as { code: string; message: string; details: { path: string }[] };
  expect(body.code).toBe(code);
  expect(body.message).toMatch(CHINESE);
  expect(Array.isArray(body.details)).toBe(true);
  return body;
}

/** One raw HTTP exchange: headers as given, and a body that may be shorter than its Content-Length says. */
function rawHttp(port: number, head: string, body: Buffer | string, waitMs: number): Promise<{ statusCode: number; body: string } | 'no answer'> {
  return new Promise((resolve, reject) => {
    const socket = new net.Socket();
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('no answer');
    }, waitMs);
    socket.on('data', (chunk) => {
      data += chunk.toString('utf8');
      const [headers, rest] = data.split('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(headers ?? '')?.[1];
      if (rest !== undefined && length !== undefined && Buffer.byteLength(rest) >= Number(length)) {
        clearTimeout(timer);
        socket.destroy();
        resolve({ statusCode: Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1]), body: rest.slice(0, Number(length)) });
      }
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.connect(port, '127.0.0.1', () => socket.write(Buffer.concat([Buffer.from(head), Buffer.from(body)])));
  });
}

/** A multipart upload through real HTTP, so that the body arrives in network-sized chunks. */
function postMultipart(port: number, url: string, cookie: string, data: Buffer): Promise<{ statusCode: number; body: string }> {
  const m = multipart('file', '大文件.pdf', 'application/pdf', data);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: url, method: 'POST', headers: { ...m.headers, cookie, 'content-length': String(m.payload.length) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(m.payload);
  });
}

describe.each(DIALECTS)('requests on %s', (dialect) => {
  let h: Harness;
  let owner: string;
  let port: number;

  const submitted = async (): Promise<string> => {
    const created = await h.request('POST', '/api/cases', { cookie: owner, body: { matterId: 'newborn-birth' } });
    const id = created.json().id as string;
    const plan = (await h.request('PUT', `/api/cases/${id}/answers`, { cookie: owner, body: { answers: ANSWERS, chosenItems: [] } })).json().plan as Plan;
    expect((await h.request('PUT', `/api/cases/${id}/form`, { cookie: owner, body: { values: fillForm(plan, { newbornName: '李小宝' }) } })).statusCode).toBe(200);
    const m = multipart('file', '户口簿.pdf', 'application/pdf', SAMPLE_PDF);
    expect((await h.app.inject({ method: 'POST', url: `/api/cases/${id}/materials/${OUTSIDE}/files`, headers: { ...m.headers, cookie: owner }, payload: m.payload })).statusCode).toBe(201);
    expect((await h.request('POST', `/api/cases/${id}/submit`, { cookie: owner })).statusCode).toBe(200);
    return id;
  };
  const status = async (id: string) => (await h.deps.db.kysely.selectFrom('cases').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  beforeAll(async () => {
    h = await startHarness(dialect, {
      ONETHING_RATE_LIMIT: 'on', ONETHING_RATE_LOGIN_PER_ADDRESS: '4', ONETHING_RATE_LOGIN_PER_ACCOUNT: '3',
      ONETHING_RATE_ANONYMOUS_PER_ADDRESS: '5', ONETHING_RATE_DOCUMENTS_PER_ADDRESS: '2', ONETHING_UPLOAD_MAX_BYTES: String(1024 * 1024),
    });
    owner = await h.login('wangfang');
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    port = (h.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => h.close());

  describe('state changes only from this site, only as JSON', () => {
    it('refuses a text/plain withdrawal posted from another site, and the case stays', async () => {
      const id = await submitted();
      const plain = { cookie: owner, 'content-type': 'text/plain' };
      refused(await h.app.inject({ method: 'POST', url: `/api/cases/${id}/withdraw`, headers: { ...plain, origin: EVIL }, payload: '{}' }), 403, 'cross-site-request');
      refused(await h.app.inject({ method: 'POST', url: `/api/cases/${id}/withdraw`, headers: plain, payload: '{}' }), 415, 'unsupported-media-type');
      const json = { cookie: owner, 'content-type': 'application/json' };
      refused(await h.app.inject({ method: 'POST', url: `/api/cases/${id}/withdraw`, headers: { ...json, 'sec-fetch-site': 'cross-site' }, payload: '{}' }), 403, 'cross-site-request');
      refused(await h.app.inject({ method: 'POST', url: `/api/cases/${id}/withdraw`, headers: { ...json, 'sec-fetch-site': 'same-site', origin: 'https://other.localhost' }, payload: '{}' }), 403, 'cross-site-request');
      expect(await status(id)).toBe('submitted');
      const own = await h.app.inject({ method: 'POST', url: `/api/cases/${id}/withdraw`, headers: { ...json, origin: h.config.publicUrl, 'sec-fetch-site': 'same-origin' }, payload: '{}' });
      expect(own.statusCode, own.body).toBe(200);
      expect(await status(id)).toBe('withdrawn');
    });

    it('takes multipart only on upload routes', async () => {
      const m = multipart('file', 'x.pdf', 'application/pdf', SAMPLE_PDF);
      refused(await h.app.inject({ method: 'POST', url: '/api/cases', headers: { ...m.headers, cookie: owner }, payload: m.payload }), 415, 'unsupported-media-type');
      refused(await h.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: owner, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'matterId=newborn-birth' }), 415, 'unsupported-media-type');
    });
  });

  describe('headers', () => {
    it('sends a strict content security policy and the other security headers on every answer', async () => {
      for (const r of [await h.request('GET', '/api/public/matters'), await h.request('GET', '/api/nowhere'), await h.request('GET', '/api/cases', { cookie: owner })]) {
        const csp = String(r.headers['content-security-policy']);
        const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
        expect(script).toBe("'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(r.headers['x-content-type-options']).toBe('nosniff');
        expect(r.headers['referrer-policy']).toBe('same-origin');
        expect(r.headers['x-frame-options']).toBe('DENY');
      }
    });

    it('lets no personal answer, file or document be cached; the published catalogue is revalidated', async () => {
      const id = await submitted();
      const view = await h.request('GET', `/api/cases/${id}`, { cookie: owner });
      expect(view.headers['cache-control']).toBe('no-store');
      const file = (view.json().files as { id: string }[] | undefined)?.[0]?.id
        ?? (await h.deps.db.kysely.selectFrom('case_files').select('id').where('case_id', '=', id).where('source', '=', 'upload').executeTakeFirstOrThrow()).id;
      const download = await h.request('GET', `/api/cases/${id}/files/${file}`, { cookie: owner });
      expect(download.statusCode).toBe(200);
      expect(download.headers['cache-control']).toBe('no-store');
      expect((await h.request('GET', '/api/auth/me', { cookie: owner })).headers['cache-control']).toBe('no-store');
      expect((await h.request('GET', '/api/public/matters')).headers['cache-control']).toBe('public, no-cache');
    });
  });

  describe('rate limits', () => {
    const login = (username: string, address: string) =>
      h.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: address, payload: { username, password: 'wrong-Password-1' } });

    it('limits log-in per account, whatever the address', async () => {
      for (let i = 0; i < 3; i++) expect((await login('zhangjianguo', `198.51.100.${i + 1}`)).statusCode).toBe(401);
      const r = await login('zhangjianguo', '198.51.100.9');
      refused(r, 429, 'rate-limited');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('limits log-in per address, whatever the account', async () => {
      for (const u of ['admin', 'auditor', 'window', 'haowei']) expect((await login(u, '203.0.113.5')).statusCode).toBe(401);
      refused(await login('wsjk-lead', '203.0.113.5'), 429, 'rate-limited');
      expect((await login('wsjk-lead', '203.0.113.6')).statusCode).toBe(401);
    });

    it('limits planning, the checklist PDF and search per address', async () => {
      const plan = (address: string) => h.app.inject({ method: 'POST', url: '/api/public/matters/newborn-birth/plan', remoteAddress: address, payload: { answers: ANSWERS } });
      for (let i = 0; i < 5; i++) expect((await plan('192.0.2.1')).statusCode).toBe(200);
      refused(await plan('192.0.2.1'), 429, 'rate-limited');
      expect((await plan('192.0.2.2')).statusCode).toBe(200);
      const pdf = () => h.app.inject({ method: 'POST', url: '/api/public/matters/newborn-birth/checklist.pdf', remoteAddress: '192.0.2.3', payload: { answers: { ...ANSWERS, parentsMarried: true } } });
      for (let i = 0; i < 2; i++) {
        const r = await pdf();
        expect(r.statusCode, r.body).toBe(200);
      }
      refused(await pdf(), 429, 'rate-limited');
      const search = () => h.app.inject({ method: 'GET', url: `/api/public/search?q=${encodeURIComponent('出生')}`, remoteAddress: '192.0.2.4' });
      for (let i = 0; i < 5; i++) expect((await search()).statusCode).toBe(200);
      refused(await search(), 429, 'rate-limited');
    });
  });

  describe('bodies', () => {
    it('refuses an anonymous 16 MiB body before reading it', async () => {
      const head = `POST /api/admin/drafts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${16 * 1024 * 1024}\r\nConnection: close\r\n\r\n`;
      const answer = await rawHttp(port, head, '{"title":"x","reason":"y","files":{"a.yaml":"', 5000);
      expect(answer).not.toBe('no answer');
      refused(answer as { statusCode: number; body: string }, 401, 'unauthenticated');
    });

    it('takes small JSON by default', async () => {
      const values = { newbornName: 'x'.repeat(100 * 1024) };
      const id = (await h.request('POST', '/api/cases', { cookie: owner, body: { matterId: 'newborn-birth' } })).json().id as string;
      refused(await h.request('PUT', `/api/cases/${id}/form`, { cookie: owner, body: { values } }), 413, 'payload-too-large');
    });

    it('answers 413 to every upload over the limit, several at once, and stores none of them', async () => {
      const id = (await h.request('POST', '/api/cases', { cookie: owner, body: { matterId: 'newborn-birth' } })).json().id as string;
      await h.request('PUT', `/api/cases/${id}/answers`, { cookie: owner, body: { answers: ANSWERS, chosenItems: [] } });
      const filesDir = path.join(h.config.dataDir, 'files');
      const before = fs.existsSync(filesDir) ? fs.readdirSync(filesDir, { recursive: true }).length : 0;
      // Sizes just over the limit, where the limit used to be missed when the last chunk was the one cut.
      const sizes = [1, 7, 100, 1000, 4096, 65_536].map((extra) => 1024 * 1024 + extra);
      const answers = await Promise.all(sizes.map((size) => {
        const data = Buffer.concat([SAMPLE_PDF, Buffer.alloc(size - SAMPLE_PDF.length, 0x20)]);
        return postMultipart(port, `/api/cases/${id}/materials/${OUTSIDE}/files`, owner, data);
      }));
      for (const a of answers) refused(a, 413, 'payload-too-large');
      const rows = await h.deps.db.kysely.selectFrom('case_files').select('id').where('case_id', '=', id).execute();
      expect(rows).toEqual([]);
      expect(fs.existsSync(filesDir) ? fs.readdirSync(filesDir, { recursive: true }).length : 0).toBe(before);
    });
  });

  describe('strings and addresses', () => {
    it('answers 400 with the field path to a NUL or a lone surrogate in any string', async () => {
      const nul = refused(await h.request('POST', '/api/auth/login', { body: { username: 'admin\u0000', password: 'x' } }), 400, 'invalid-characters');
      expect(nul.details[0]?.path).toBe('body.username');
      const clerk = await h.login('window');
      const visitor = refused(await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'newborn-birth', applicant: { idNumber: '110105198001010019', name: '王\u0000芳' } } }), 400, 'invalid-characters');
      expect(visitor.details[0]?.path).toBe('body.applicant.name');
      const id = (await h.request('POST', '/api/cases', { cookie: owner, body: { matterId: 'newborn-birth' } })).json().id as string;
      const surrogate = refused(await h.request('PUT', `/api/cases/${id}/form`, { cookie: owner, body: { values: { newbornName: '李\ud800' } } }), 400, 'invalid-characters');
      expect(surrogate.details[0]?.path).toBe('body.values.newbornName');
      const reason = refused(await h.request('POST', '/api/admin/change-requests', { cookie: await h.login('wsjk-lead'), body: { matterId: 'newborn-birth', reason: '理由\u0000' } }), 400, 'invalid-characters');
      expect(reason.details[0]?.path).toBe('body.reason');
      expect(refused(await h.request('GET', '/api/public/search?q=%00'), 400, 'invalid-characters').details[0]?.path).toBe('query.q');
      expect(refused(await h.request('GET', '/api/public/matters/a%00b'), 400, 'invalid-characters').details[0]?.path).toBe('params.id');
    });

    it('answers a malformed address in the standard shape, in Chinese', async () => {
      const r = await h.request('GET', '/api/cases/%E0%A4%A');
      refused(r, 400, 'malformed-url');
    });
  });
});
