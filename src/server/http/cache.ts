/** HTTP caching of published catalogue data. */
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Answers 304 when the client has this version already. Browsers and proxies keep the reply but
 * revalidate it on every use, so a newly published version is seen at once on every channel.
 */
export function cacheable(request: FastifyRequest, reply: FastifyReply, tag: string): boolean {
  const etag = `"${tag}"`;
  reply.header('ETag', etag).header('Cache-Control', 'public, no-cache');
  if (request.headers['if-none-match'] === etag) {
    reply.code(304).send();
    return true;
  }
  return false;
}
