/**
 * Who is calling: a session cookie for people; for department systems a request signed with
 * HMAC-SM3 over method, path, timestamp, nonce and body, each nonce usable once.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { verifyRequest } from '../crypto/hmac-request.ts';
import { openKeyMaterial } from '../crypto/sm4.ts';
import { AppError, forbidden, unauthorized } from '../errors.ts';
import { refuseBadStrings } from './guard.ts';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { prepared } from '../db/prepared.ts';
import type { IdentityService } from '../modules/identity/service.ts';
import type { Account, Principal, Role } from '../modules/identity/roles.ts';

export const SESSION_COOKIE = 'onething_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    rawBody?: string;
    /** A department system named in onRequest, its signature checked once the body is read. */
    signedBy?: Database['api_clients'];
  }
}

/** Routes anyone may call; every other /api route wants a session or a signed request before its body is read. */
const OPEN_ROUTES = new Set(['/api/auth/login', '/api/auth/logout', '/api/auth/providers', '/api/auth/oidc/:audience/start', '/api/auth/oidc/:audience/callback']);
const isOpen = (url: string) => !url.startsWith('/api/') || url.startsWith('/api/public/') || OPEN_ROUTES.has(url);

export function installAuth(app: FastifyInstance, deps: Deps, identity: IdentityService): void {
  app.decorateRequest('principal', null);
  // Keep the raw body (department systems sign it), then parse as Fastify does, refusing __proto__ tricks.
  const secureParse = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    request.rawBody = text;
    if (text.trim() === '') return done(null, undefined);
    secureParse(request, text, (err, value) => {
      if (err) return done(new AppError('malformed-json', 400, '请求内容不是合法的 JSON'), undefined);
      try {
        refuseBadStrings(value, 'body');
      } catch (e) {
        return done(e as AppError, undefined);
      }
      done(null, value);
    });
  });
  // Before the body is read: an anonymous request to a closed route never gets its body parsed.
  app.addHook('onRequest', async (request) => {
    const clientId = request.headers['x-onething-client'];
    if (typeof clientId === 'string') {
      const client = await activeClient.first(deps.db.kysely, { id: clientId });
      if (!client) throw new AppError('unknown-client', 401, '未登记的部门系统');
      request.signedBy = client;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const account = await identity.accountForSession(token);
      if (account) request.principal = { kind: 'account', account };
    }
    const route = request.routeOptions.url;
    if (!request.principal && route !== undefined && !isOpen(route)) throw unauthorized();
  });
  app.addHook('preHandler', async (request) => {
    if (request.signedBy) request.principal = await clientPrincipal(request, deps, request.signedBy);
  });
}

const activeClient = prepared((db, p) => db.selectFrom('api_clients').selectAll().where('id', '=', p('id')).where('active', '=', 1));
const newNonce = prepared((db, p) => db.insertInto('nonces').values({ scope: p('scope'), nonce: p('nonce'), seen_at: p('seen_at') }).onConflict((oc) => oc.doNothing()));

// A client's secret, opened once per sealed value: a rotated secret is a new value, a revoked client is refused before this.
const secrets = new WeakMap<object, Map<string, string>>();
function clientSecret(deps: Deps, sealed: string): string {
  let opened = secrets.get(deps.cipher);
  if (!opened) secrets.set(deps.cipher, (opened = new Map()));
  let secret = opened.get(sealed);
  if (secret === undefined) {
    secret = openKeyMaterial(deps.cipher, sealed);
    if (opened.size >= 1000) opened.clear();
    opened.set(sealed, secret);
  }
  return secret;
}

async function clientPrincipal(request: FastifyRequest, deps: Deps, client: Database['api_clients']): Promise<Principal> {
  const db = deps.db.kysely;
  const clientId = client.id;
  const header = (name: string) => {
    const v = request.headers[name];
    return typeof v === 'string' ? v : '';
  };
  const timestamp = Number(header('x-onething-timestamp'));
  const nonce = header('x-onething-nonce');
  const result = verifyRequest({
    secret: clientSecret(deps, client.secret_enc),
    method: request.method,
    path: request.url,
    timestamp,
    nonce,
    body: request.rawBody ?? '',
    signature: header('x-onething-signature'),
    now: Math.floor(deps.clock.now().getTime() / 1000),
    seenNonce: () => false,
  });
  if (!result.ok) throw new AppError(result.code, 401, result.message);
  // The nonce is recorded only after the signature checks out, so a forger cannot burn nonces.
  const inserted = await newNonce.run(db, { scope: clientId, nonce, seen_at: deps.clock.now().toISOString() });
  if (inserted === 0) throw new AppError('replayed', 401, '请求已被使用过（重放），已拒绝');
  return { kind: 'client', clientId, department: client.department };
}

export function requireAccount(request: FastifyRequest, ...roles: Role[]): Account {
  const p = request.principal;
  if (!p || p.kind !== 'account') throw unauthorized();
  if (roles.length > 0 && !roles.includes(p.account.role)) throw forbidden();
  return p.account;
}

/** A reviewer of the department, or that department's system: the department the caller acts for. */
export function requireDepartment(request: FastifyRequest): { department: string; actor: string; reviewer: Account | null } {
  const p = request.principal;
  if (!p) throw unauthorized();
  if (p.kind === 'client') return { department: p.department, actor: `client:${p.clientId}`, reviewer: null };
  if (p.account.role !== 'reviewer' && p.account.role !== 'lead') throw forbidden();
  if (!p.account.department) throw forbidden('账号未关联部门');
  return { department: p.account.department, actor: `account:${p.account.id}`, reviewer: p.account };
}
