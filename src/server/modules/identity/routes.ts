/** Log-in, log-out, who am I, and changing one's own password. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AUTH_ERRORS, BODY_ERRORS, errors, PUBLIC, SESSION } from '../../../contracts/http.ts';
import { LoginAnswer, LoginBody, MeAnswer, PasswordAnswer, PasswordBody, type AccountView } from '../../../contracts/identity.ts';
import { LogoutAnswer } from '../../../contracts/oidc.ts';
import type { Deps } from '../../deps.ts';
import { requireAccount, SESSION_COOKIE } from '../../http/auth.ts';
import { ROLES, type Account } from './roles.ts';
import type { IdentityService } from './service.ts';

const TAG = ['身份认证'];
/** What an account shows of itself: not its enterprise's credit code, which only the forms use. */
const accountView = (a: Account): AccountView => ({ id: a.id, username: a.username, role: a.role, roleName: ROLES[a.role], displayName: a.displayName, department: a.department, subject: a.subject });

/** `endSession`: for a session begun at the unified identity service, its end-session address (oidc/service.ts). */
export function identityRoutes(server: FastifyInstance, deps: Deps, identity: IdentityService, endSession: (token: string) => Promise<string | null> = async () => null): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/api/auth/login', {
    schema: {
      tags: TAG, summary: '用户名密码登录', operationId: 'login', security: PUBLIC,
      body: LoginBody,
      response: { 200: LoginAnswer, ...errors(...BODY_ERRORS, 'invalid-credentials', 'rate-limited') },
    },
  }, async (request, reply) => {
    const { account, token, expiresAt } = await identity.login(request.body.username, request.body.password);
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, secure: deps.config.cookieSecure, sameSite: 'lax', expires: new Date(expiresAt) });
    return { account: accountView(account), expiresAt };
  });

  app.post('/api/auth/logout', { schema: { tags: TAG, summary: '退出登录', operationId: 'logout', security: PUBLIC, response: { 200: LogoutAnswer, ...errors('cross-site-request') } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const endSessionUrl = token ? await endSession(token) : null;
    if (token) await identity.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true, ...(endSessionUrl ? { endSessionUrl } : {}) };
  });

  app.post('/api/auth/password', {
    schema: {
      tags: TAG, summary: '修改本人密码', operationId: 'changePassword', security: SESSION,
      description: '当前密码输错计入登录失败次数；修改成功后，本账号的其他登录会话全部退出，当前会话保留。',
      body: PasswordBody,
      response: { 200: PasswordAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'wrong-password', 'weak-password', 'invalid-credentials') },
    },
  }, async (request) => {
    const account = requireAccount(request);
    // requireAccount passed, so the request came with the session cookie: that session stays.
    const token = request.cookies[SESSION_COOKIE] as string;
    const { sessionsEnded } = await identity.changePassword(account, token, request.body.currentPassword, request.body.newPassword);
    return { ok: true, sessionsEnded };
  });

  app.get('/api/auth/me', { schema: { tags: TAG, summary: '当前登录账号', operationId: 'me', security: SESSION, response: { 200: MeAnswer, ...errors(...AUTH_ERRORS) } } }, async (request) => {
    return { account: accountView(requireAccount(request)) };
  });
}
