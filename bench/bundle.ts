/**
 * The portal's first screen as the server sends it: index.html, then every script, module preload
 * and stylesheet it names, each fetched from a running onething server as a browser asks
 * (Accept-Encoding: br, gzip), counting every byte received (headers and body), against a 300 KB
 * budget. The raw file sizes are printed beside it; the lazily loaded faces (window, workbench,
 * admin) are listed apart to show they stay out of it.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { fmt, verdict } from './measure.ts';
import { startServer } from './servers.ts';

const ROOT = path.resolve(import.meta.dirname, '../dist/web');
const BUDGET = 300 * 1024;
export const BROWSER_ENCODINGS = 'br, gzip';

/** The scripts, module preloads and stylesheets a page's HTML loads, in order, once each. */
export function assetRefs(html: string): string[] {
  const refs = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  return [...new Set(refs)];
}

export function firstScreenAssets(): string[] {
  return assetRefs(fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8'));
}

export interface Fetched {
  url: string;
  status: number;
  encoding: string;
  /** Bytes received on the connection: status line, headers and body as sent. */
  wire: number;
  /** The body as sent (still encoded). */
  body: Buffer;
}

/** One GET on its own connection, so the socket's byte count is this answer's alone. */
export function fetchOnWire(port: number, url: string, headers: Record<string, string>): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: url, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ url, status: res.statusCode ?? 0, encoding: String(res.headers['content-encoding'] ?? 'identity'), wire: res.socket.bytesRead, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function decode(f: Fetched): Buffer {
  return f.encoding === 'br' ? brotliDecompressSync(f.body) : f.encoding === 'gzip' ? gunzipSync(f.body) : f.body;
}

/** index.html and everything it loads before the first screen shows, as the server at `port` sends them. */
export async function firstScreenOverWire(port: number, encodings = BROWSER_ENCODINGS): Promise<Fetched[]> {
  const page = await fetchOnWire(port, '/', { accept: 'text/html', 'accept-encoding': encodings });
  if (page.status !== 200) throw new Error(`GET /: ${page.status}`);
  const html = decode(page).toString('utf8');
  const assets = await Promise.all(assetRefs(html).map((f) => fetchOnWire(port, `/${f}`, { accept: '*/*', 'accept-encoding': encodings })));
  const failed = assets.find((a) => a.status !== 200);
  if (failed) throw new Error(`GET ${failed.url}: ${failed.status}`);
  return [page, ...assets];
}

export async function benchBundle(): Promise<boolean> {
  console.log(`\n## Web app: the portal's first screen over the wire (Accept-Encoding: ${BROWSER_ENCODINGS})`);
  if (!fs.existsSync(path.join(ROOT, 'index.html'))) {
    console.log('dist/web is not built (npm run build); skipped');
    return false;
  }
  const server = await startServer('onething');
  try {
    const fetched = await firstScreenOverWire(server.port);
    const rawOf = (url: string) => fs.statSync(path.join(ROOT, url === '/' ? 'index.html' : url.slice(1))).size;
    for (const f of fetched) console.log(`  ${(f.url === '/' ? 'index.html' : f.url.slice(1)).padEnd(48)} ${fmt(f.wire / 1024, 1).padStart(8)} KB ${f.encoding.padEnd(8)} (file ${fmt(rawOf(f.url) / 1024, 1)} KB)`);
    const total = fetched.reduce((n, f) => n + f.wire, 0);
    const raw = fetched.reduce((n, f) => n + rawOf(f.url), 0);
    const lazy = fs.readdirSync(path.join(ROOT, 'assets')).filter((f) => /^(WindowConsole|Workbench|Admin)-[^.]+\.(js|css)$/.test(f));
    console.log(`  lazily loaded faces, not in the first screen: ${lazy.join(', ') || '(none)'}`);
    console.log(`first screen: ${fmt(total / 1024, 1)} KB on the wire, headers included (${fmt(raw / 1024, 1)} KB of files, ${fmt(total / raw, 2)}×); budget 300 KB: ${verdict(total <= BUDGET)}`);
    return total <= BUDGET;
  } finally {
    server.child.kill('SIGTERM');
  }
}
