/** Serves the built web app (dist/web) and, for page addresses, its index.html (client-side routing). */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const WEB_ROOT = path.resolve(import.meta.dirname, '../../../dist/web');

export async function installWeb(app: FastifyInstance): Promise<boolean> {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: WEB_ROOT,
    prefix: '/',
    wildcard: true,
    index: false,
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
