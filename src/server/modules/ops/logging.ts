/**
 * Request ids and the access log: one line per request at info, carrying the id that the answer's
 * X-Request-Id header and error body carry too, so a person's complaint leads to the log line.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

/** An id a balancer or client sent is kept if it is a plain token; anything else could forge log lines. */
const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
}

/** Query values kept in the log: short words and small numbers (page=2, status=pending); others could be a name or a number. */
const PLAIN_VALUE = /^(?:[A-Za-z_-]{0,32}|\d{1,4})$/;

export function maskQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const pairs = [...new URLSearchParams(url.slice(q + 1))].map(([k, v]) => `${encodeURIComponent(k)}=${PLAIN_VALUE.test(v) ? v : '*'}`);
  return `${url.slice(0, q)}?${pairs.join('&')}`;
}

/** The answer carries the request's id, as the log lines about it do (reqId). */
export function installRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
}

/**
 * Fastify's own request logging writes two lines with the raw URL; this writes one, after the
 * answer, without headers (so no cookie or authorization) and with the query masked.
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    // Flat fields: pino's req/res serializers would rebuild `req` from the raw request.
    const line = {
      method: request.method, url: maskQuery(request.url), route: request.routeOptions.url ?? null, remoteAddress: request.ip,
      statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
