import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { maskQuery } from './logging.ts';

// The log goes through pino's own stream, which is the same on either dialect: SQLite is enough.
describe('request ids and the access log', () => {
  let h: Harness;
  const lines: string[] = [];
  const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  beforeAll(async () => {
    h = await startHarness('sqlite', { LOG_LEVEL: 'info' }, undefined, { logStream: { write: (l) => lines.push(l) } });
  });
  afterAll(async () => h.close());

  it('keeps a sane incoming X-Request-Id and echoes it; replaces one that is not a plain token', async () => {
    const kept = await h.request('GET', '/livez', { headers: { 'x-request-id': 'lb-7f3a.42:1' } });
    expect(kept.headers['x-request-id']).toBe('lb-7f3a.42:1');
    const replaced = await h.request('GET', '/livez', { headers: { 'x-request-id': 'evil\\n{"level":60}' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await h.request('GET', '/livez');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers['x-request-id']).not.toBe(replaced.headers['x-request-id']);
  });

  it('gives error answers the request id too, refusals before routing included', async () => {
    const refused = await h.request('GET', '/api/cases', { headers: { 'x-request-id': 'trace-401' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['x-request-id']).toBe('trace-401');
    const missing = await h.request('GET', '/api/no-such-thing', { headers: { 'x-request-id': 'trace-404' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-request-id']).toBe('trace-404');
    const malformed = await h.request('GET', '/api/public/matters/%E0%A4%A', { headers: { 'x-request-id': 'trace-400' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['x-request-id']).toBe('trace-400');
  });

  it('writes one access line per request at info, with the id, the route, and no cookie, token or personal data', async () => {
    lines.length = 0;
    const cookie = await h.login('wangfang');
    await h.request('GET', '/api/public/search?q=%E7%8E%8B%E8%8A%B3&idNumber=110101199003074514&page=2', {
      cookie, headers: { 'x-request-id': 'trace-search', authorization: 'Bearer very-secret-token' },
    });
    const access = entries().filter((e) => e.msg === 'request completed');
    expect(access.map((e) => e.reqId)).toEqual([expect.any(String), 'trace-search']);
    // 400: the search takes only q; the line records the refusal like any answer.
    expect(access[1]).toMatchObject({ level: 30, method: 'GET', url: '/api/public/search?q=*&idNumber=*&page=2', route: '/api/public/search', statusCode: 400, remoteAddress: '127.0.0.1' });
    expect(typeof access[1]?.responseTime).toBe('number');
    const text = lines.join('');
    for (const secret of ['onething_session', cookie.split('=')[1] as string, 'very-secret-token', '110101199003074514', '王芳', '%E7%8E%8B']) expect(text).not.toContain(secret);
    expect(entries().filter((e) => e.msg === 'incoming request')).toEqual([]);
  });

  it('masks every query value that is not a short word or a small number', () => {
    expect(maskQuery('/a?status=pending&page=12&sort=-created_at')).toBe('/a?status=pending&page=12&sort=-created_at');
    expect(maskQuery('/a?mobile=13800138000&name=%E5%BC%A0&id=abc123')).toBe('/a?mobile=*&name=*&id=*');
    expect(maskQuery('/a/b')).toBe('/a/b');
  });
});
