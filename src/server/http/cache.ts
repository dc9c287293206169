/** HTTP caching of published catalogue data. */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Answers 304 when the client has this version already. Browsers and proxies keep the reply but
 * revalidate it on every use, so a newly published version is seen at once on every channel.
 */
export function cacheable(request: FastifyRequest, reply: FastifyReply, tag: string): boolean {
  // Weak: the same data goes out in several content codings (compressed or not), all equivalent.
  const etag = `W/"${tag}"`;
  reply.header('ETag', etag).header('Cache-Control', 'public, no-cache');
  if (matches(request.headers['if-none-match'], tag)) {
    reply.code(304).send();
    return true;
  }
  return false;
}

/** If-None-Match by weak comparison (RFC 9110 13.1.2): a list, `*`, and W/ or strong forms (a proxy may have changed it). */
function matches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === `"${tag}"` || v === `W/"${tag}"`;
  });
}

const COMPRESS_FROM = 1024;

/**
 * A published answer serialized once (per catalogue version, by its owner), with its brotli and gzip
 * forms made on first demand off the event loop and kept: a read is then a look-up and a write.
 */
export class SerializedAnswer {
  private readonly encoded = new Map<'br' | 'gzip', Promise<Buffer>>();
  readonly bytes: number;

  constructor(readonly body: string) {
    this.bytes = Buffer.byteLength(body);
  }

  static of(value: unknown): SerializedAnswer {
    return new SerializedAnswer(JSON.stringify(value));
  }

  in(encoding: 'br' | 'gzip'): Promise<Buffer> {
    let out = this.encoded.get(encoding);
    if (!out) {
      out = encoding === 'br'
        ? brotli(this.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } })
        : gzip(this.body, { level: 9 });
      this.encoded.set(encoding, out);
    }
    return out;
  }
}

/** br if the client takes it, else gzip, else none; `q=0` refuses. */
export function acceptedEncoding(header: string | string[] | undefined): 'br' | 'gzip' | null {
  if (typeof header !== 'string' || header === '') return null;
  const taken = new Set<string>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((x) => x.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) taken.add(name);
  }
  if (taken.has('br')) return 'br';
  if (taken.has('gzip') || taken.has('x-gzip') || taken.has('*')) return 'gzip';
  return null;
}

/**
 * Sends a published answer by ETag: 304 when the client has this version, otherwise the stored
 * JSON text, compressed as the client accepts (@fastify/compress leaves an encoded reply alone).
 * `answer` is only called when a body is to be sent.
 */
export async function sendPublished(request: FastifyRequest, reply: FastifyReply, tag: string, answer: () => SerializedAnswer | Promise<SerializedAnswer>): Promise<FastifyReply> {
  if (cacheable(request, reply, tag)) return reply;
  const a = await answer();
  reply.header('Content-Type', 'application/json; charset=utf-8').header('Vary', 'Accept-Encoding');
  const encoding = a.bytes >= COMPRESS_FROM ? acceptedEncoding(request.headers['accept-encoding']) : null;
  if (encoding === null) return reply.send(a.body);
  return reply.header('Content-Encoding', encoding).send(await a.in(encoding));
}
