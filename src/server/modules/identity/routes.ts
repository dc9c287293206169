/** Log-in, log-out, who am I, and changing one's own password. */
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

  app.post<{ Body: { currentPassword: string; newPassword: string } }>('/api/auth/password', {
    schema: {
      tags: ['身份认证'], summary: '修改本人密码',
      description: '当前密码输错计入登录失败次数；修改成功后，本账号的其他登录会话全部退出，当前会话保留。',
      body: {
        type: 'object', required: ['currentPassword', 'newPassword'], additionalProperties: false,
        properties: { currentPassword: { type: 'string', minLength: 1, maxLength: 256 }, newPassword: { type: 'string', minLength: 1, maxLength: 256 } },
      },
      response: { 200: { type: 'object', properties: { ok: { type: 'boolean' }, sessionsEnded: { type: 'integer' } } } },
    },
  }, async (request) => {
    const account = requireAccount(request);
    // requireAccount passed, so the request came with the session cookie: that session stays.
    const token = request.cookies[SESSION_COOKIE] as string;
    const { sessionsEnded } = await identity.changePassword(account, token, request.body.currentPassword, request.body.newPassword);
    return { ok: true, sessionsEnded };
  });

  app.get('/api/auth/me', { schema: { tags: ['身份认证'], summary: '当前登录账号', response: { 200: { type: 'object', properties: { account: accountSchema } } } } }, async (request) => {
    const account = requireAccount(request);
    return { account: { ...account, roleName: ROLES[account.role] } };
  });
}
