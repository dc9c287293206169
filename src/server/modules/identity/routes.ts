/** Log-in, log-out and who am I. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { requireAccount, SESSION_COOKIE } from '../../http/auth.ts';
import { ROLES } from './roles.ts';
import type { IdentityService } from './service.ts';

const accountSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, username: { type: 'string' }, role: { type: 'string' }, roleName: { type: 'string' },
    displayName: { type: 'string' }, department: { type: ['string', 'null'] }, subject: { type: ['string', 'null'] },
  },
};

export function identityRoutes(app: FastifyInstance, deps: Deps, identity: IdentityService): void {
  app.post<{ Body: { username: string; password: string } }>('/api/auth/login', {
    schema: {
      tags: ['身份认证'], summary: '用户名密码登录',
      body: { type: 'object', required: ['username', 'password'], additionalProperties: false, properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 256 } } },
      response: { 200: { type: 'object', properties: { account: accountSchema, expiresAt: { type: 'string' } } } },
    },
  }, async (request, reply) => {
    const { account, token, expiresAt } = await identity.login(request.body.username, request.body.password);
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, secure: deps.config.cookieSecure, sameSite: 'lax', expires: new Date(expiresAt) });
    return { account: { ...account, roleName: ROLES[account.role] }, expiresAt };
  });

  app.post('/api/auth/logout', { schema: { tags: ['身份认证'], summary: '退出登录' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await identity.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['身份认证'], summary: '当前登录账号', response: { 200: { type: 'object', properties: { account: accountSchema } } } } }, async (request) => {
    const account = requireAccount(request);
    return { account: { ...account, roleName: ROLES[account.role] } };
  });
}
