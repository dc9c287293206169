/**
 * For tests: a response schema that forgets a field drops it silently, so every JSON answer that went
 * through a schema is compared with what the handler returned, and any difference fails the request
 * loudly (500, `contract-drift` in the log) instead of reaching a client short of a field.
 */
import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance } from 'fastify';

const RETURNED = Symbol('returned');

export function installContractCheck(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload) => {
    const schemas = (reply.routeOptions.schema as { response?: Record<string, unknown> } | undefined)?.response;
    if (schemas && (schemas[String(reply.statusCode)] || schemas[`${String(reply.statusCode)[0]}xx`])) {
      (request as unknown as Record<symbol, string>)[RETURNED] = JSON.stringify(payload);
    }
    return payload;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const returned = (request as unknown as Record<symbol, string | undefined>)[RETURNED];
    // Once only: the error answer to a drift goes through here again.
    delete (request as unknown as Record<symbol, string | undefined>)[RETURNED];
    if (returned === undefined || typeof payload !== 'string') return payload;
    const sent: unknown = JSON.parse(payload);
    const expected: unknown = JSON.parse(returned);
    if (!isDeepStrictEqual(sent, expected)) {
      const where = firstDifference(expected, sent, '');
      const message = `contract-drift: ${request.method} ${reply.routeOptions.url ?? ''} ${reply.statusCode} answers differ from what the handler returned at ${where}`;
      // Tests run without a logger: stderr is where the developer sees which field the schema lost.
      process.stderr.write(`${message}\n`);
      throw new Error(message);
    }
    return payload;
  });
}

function firstDifference(a: unknown, b: unknown, path: string): string {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 80)} → ${JSON.stringify(b)?.slice(0, 80)}`;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${path}.${k}`);
  }
  return path;
}
