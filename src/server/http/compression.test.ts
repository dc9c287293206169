import fs from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { acceptedEncoding } from './cache.ts';
import { WEB_ROOT } from './web.ts';

const built = fs.existsSync(path.join(WEB_ROOT, 'index.html.br'));

describe.each(DIALECTS)('compressed answers on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect, {}, undefined, { web: built });
  });
  afterAll(async () => h.close());

  it('sends a guide stored once per version, compressed as asked, the same JSON every way, revalidated by ETag', async () => {
    const plain = await h.request('GET', '/api/public/matters/newborn-birth');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    const br = await h.request('GET', '/api/public/matters/newborn-birth', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await h.request('GET', '/api/public/matters/newborn-birth', { headers: { 'accept-encoding': 'gzip, br;q=0' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(plain.json()).toMatchObject({ version: 1, guide: { id: 'newborn-birth' } });
    const etag = String(plain.headers.etag);
    expect(br.headers.etag).toBe(etag);
    // A proxy that compresses may hand the tag back strong, or in a list.
    for (const tag of [etag, etag.replace(/^W\//, ''), `"other", ${etag}`]) {
      const again = await h.request('GET', '/api/public/matters/newborn-birth', { headers: { 'if-none-match': tag, 'accept-encoding': 'br' } });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
    }
  });

  it('sends the published catalogue as its stored documents, compressed', async () => {
    const r = await h.request('GET', '/api/public/catalogue', { headers: { 'accept-encoding': 'gzip' } });
    expect(r.headers['content-encoding']).toBe('gzip');
    const body = JSON.parse(gunzipSync(r.rawPayload).toString());
    expect(Object.keys(body)).toEqual(['version', 'documents', 'calendarYears']);
    expect(body.documents.length).toBeGreaterThan(10);
    expect(body.calendarYears.length).toBeGreaterThan(0);
  });

  it('compresses other JSON of 1 KiB or more on the way out, and leaves small answers and request bodies alone', async () => {
    const items = await h.request('GET', '/api/public/items', { headers: { 'accept-encoding': 'gzip' } });
    expect(items.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(items.rawPayload).toString()).items.length).toBeGreaterThan(10);
    // A search that finds nothing answers in a few bytes.
    const small = await h.request('GET', '/api/public/search?q=qqqqzzzz', { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    // A compressed request body is not inflated: limits and signatures hold over the bytes received.
    const zipped = await h.app.inject({ method: 'POST', url: '/api/public/matters/retirement/plan', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: gzipSync('{"answers":{}}') });
    expect(zipped.statusCode).toBeGreaterThanOrEqual(400);
  });

  it.runIf(built)('serves the built app pre-compressed by Accept-Encoding, and plain to clients that take none', async () => {
    const page = await h.request('GET', '/', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = brotliDecompressSync(page.rawPayload).toString();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] as string;
    const gz = await h.request('GET', script, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(gz.headers['cache-control']).toContain('immutable');
    const plain = await h.request('GET', script);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
  });
});

describe('Accept-Encoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(acceptedEncoding('gzip, deflate, br')).toBe('br');
    expect(acceptedEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(acceptedEncoding('identity')).toBeNull();
    expect(acceptedEncoding(undefined)).toBeNull();
    expect(acceptedEncoding('*')).toBe('gzip');
  });
});
