/**
 * What every request passes before its handler: security headers, state changes only from this
 * site and only as JSON (or multipart on upload routes), strings free of NUL and broken Unicode,
 * rate limits on log-in and the costly anonymous routes, and no caching of personal answers.
 */
import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Config } from '../config.ts';
import { AppError, badRequest } from '../errors.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MINUTE = 60_000;

/** A string the databases cannot keep faithfully: PostgreSQL refuses NUL, and lone surrogates are not UTF-8. */
const BAD_CHARACTERS = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first string (or key) under `value` holding a NUL or a lone surrogate, as a dotted path. */
export function badStringPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return BAD_CHARACTERS.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badStringPath(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    if (BAD_CHARACTERS.test(key)) return `${path}.${key.replace(BAD_CHARACTERS, '?')}`;
    const found = badStringPath(v, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export function refuseBadStrings(value: unknown, path: string): void {
  const found = badStringPath(value, path);
  if (found) {
    const message = '含有不允许的字符（空字符或残缺的 Unicode 字符）';
    throw badRequest('invalid-characters', `请求内容${message}`, [{ path: found, message, code: 'invalid-characters' }]);
  }
}

function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

function acceptsMultipart(request: FastifyRequest): boolean {
  const consumes = (request.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes;
  return consumes?.includes('multipart/form-data') ?? false;
}

const HELMET: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      // Ant Design writes its styles at run time; scripts stay without any inline exception.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'same-origin' },
  frameguard: { action: 'deny' },
  crossOriginEmbedderPolicy: false,
};

/**
 * Helmet's headers for this configuration, worked out once: they are the same on every answer, and
 * @fastify/helmet rebuilt the whole middleware per request (about half the CPU of a guide read).
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => { headers[name.toLowerCase()] = String(value); },
    removeHeader: (name: string) => { delete headers[name.toLowerCase()]; },
  };
  helmet(HELMET)({} as never, res as never, () => {});
  return headers;
}

const crossSite = () => new AppError('cross-site-request', 403, '拒绝来自其他网站的请求：请在本平台页面上操作');

/**
 * Cookies are SameSite=Lax, and on top of that a state change must come from this site's own pages
 * (Origin and Sec-Fetch-Site, which browsers set and pages cannot forge) and be JSON, which a
 * cross-site form cannot send without a CORS pre-flight that this server never grants.
 */
function checkStateChange(request: FastifyRequest, ownOrigins: Set<string>): void {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') throw crossSite();
  const origin = request.headers.origin;
  if (origin !== undefined && !ownOrigins.has(origin) && origin !== `${request.protocol}://${request.host}`) throw crossSite();
  if (!hasBody(request)) return;
  const type = mediaType(request);
  if (type === 'application/json') return;
  if (type === 'multipart/form-data' && acceptsMultipart(request)) return;
  const expected = acceptsMultipart(request) ? 'multipart/form-data' : 'application/json';
  throw new AppError('unsupported-media-type', 415, `请求内容类型应为 ${expected}`, [{ path: 'headers.content-type', message: `收到的是「${type || '未注明'}」` }]);
}

/** Anonymous routes that cost the most, limited per address: planning, the checklist PDF, search. */
const ANONYMOUS_LIMITS: Record<string, 'anonymous' | 'documents' | 'progress'> = {
  'POST /api/public/matters/:id/plan': 'anonymous',
  'POST /api/public/matters/:id/checklist.pdf': 'documents',
  'GET /api/public/search': 'anonymous',
  'GET /api/public/ask': 'anonymous',
  // Tighter: each request tries a receipt's query code.
  'GET /api/public/progress': 'progress',
};
const LOGIN = 'POST /api/auth/login';

const limited = (ttlMs: number) => new AppError('rate-limited', 429, `请求过于频繁，请 ${Math.max(1, Math.ceil(ttlMs / 1000))} 秒后再试`);

export async function installGuards(app: FastifyInstance, config: Config): Promise<void> {
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });

  const ownOrigins = new Set([new URL(config.publicUrl).origin]);
  app.addHook('onRequest', async (request) => {
    if (UNSAFE_METHODS.has(request.method)) checkStateChange(request, ownOrigins);
  });
  app.addHook('preValidation', async (request) => {
    refuseBadStrings(request.params, 'params');
    refuseBadStrings(request.query, 'query');
  });
  // Only published catalogue answers say `public`; everything else may hold personal data.
  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.url;
    if (!url.startsWith('/api/') && !url.startsWith('/verify/')) return payload;
    const cache = reply.getHeader('cache-control');
    if (typeof cache !== 'string' || !cache.startsWith('public')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  if (!config.rateLimit.enabled) return;
  const limits = config.rateLimit;
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const key = `${method} ${route.url}`;
      const kind = ANONYMOUS_LIMITS[key];
      if (kind) route.config = { ...route.config, rateLimit: { max: kind === 'documents' ? limits.documentsPerAddress : kind === 'progress' ? limits.progressPerAddress : limits.anonymousPerAddress, timeWindow: MINUTE } };
      if (key !== LOGIN) continue;
      route.config = { ...route.config, rateLimit: { max: limits.loginPerAddress, timeWindow: MINUTE } };
      const own = route.preHandler === undefined ? [] : Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler];
      route.preHandler = [async (request, reply) => {
        const result = await perAccount(request);
        if (!result.isAllowed && result.isExceeded) {
          reply.header('retry-after', Math.ceil(result.ttlInSeconds));
          throw limited(result.ttl);
        }
      }, ...own];
    }
  });
  // After the hook above, so the plugin's own onRoute sees the limits it sets.
  await app.register(rateLimit, {
    global: false,
    timeWindow: MINUTE,
    errorResponseBuilder: (_request, context) => limited(context.ttl),
  });
  const perAccount = app.createRateLimit({
    max: limits.loginPerAccount,
    timeWindow: MINUTE,
    keyGenerator: (request) => `login:${String((request.body as { username?: unknown } | undefined)?.username ?? '').trim().toLowerCase()}`,
  });
}
