/**
 * Serves the built web app (dist/web) and, for page addresses, its index.html (client-side routing);
 * JSON answers of 1 KiB or more are compressed on the way out.
 */
import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const WEB_ROOT = path.resolve(import.meta.dirname, '../../../dist/web');

/**
 * Compresses answers of 1 KiB or more (brotli at its fast level, or gzip) for routes declared after
 * it. An answer that already says its Content-Encoding (pre-compressed assets, cached catalogue
 * answers) is sent as it is; PDFs, images and octet-stream downloads are not compressible types, and
 * 304s have no body, so ETag revalidation is untouched. Request bodies are not decompressed: the
 * body limits and signatures stay over the bytes received.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    globalDecompression: false,
    customTypes: /^text\/(?!event-stream)|(?:\+|\/)(?:json|xml)(?:;|$)|javascript/,
  });
}

export async function installWeb(app: FastifyInstance): Promise<boolean> {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: WEB_ROOT,
    prefix: '/',
    wildcard: true,
    index: false,
    // The build writes .br and .gz beside each asset (vite.config.ts): sent by Accept-Encoding, with Vary.
    preCompressed: true,
    setHeaders: (res, file) => {
      res.header('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/', (_request, reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html'));
  return true;
}

/** A page address the browser asked for (not the API, not a file), answered with the app. */
export function isPageRequest(request: FastifyRequest): boolean {
  const url = request.url.split('?')[0] ?? '';
  return request.method === 'GET' && !url.startsWith('/api/') && !path.extname(url) && (request.headers.accept ?? '').includes('text/html');
}
