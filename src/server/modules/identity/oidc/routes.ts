/**
 * Log-in through the unified identity service: which are on, the two browser redirects (to the
 * provider and back), and 法人切换. Log-out stays `POST /api/auth/logout` (identity/routes.ts), which
 * asks `endSession` for the provider's end-session address.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_ERRORS, BODY_ERRORS, errors, PUBLIC, SESSION } from '../../../../contracts/http.ts';
import { ActAsAnswer, ActAsBody, ActingAnswer, AudienceParams, CallbackQuery, ProvidersAnswer, Redirect, StartQuery } from '../../../../contracts/oidc.ts';
import type { Deps } from '../../../deps.ts';
import { AppError } from '../../../errors.ts';
import { requireAccount, SESSION_COOKIE } from '../../../http/auth.ts';
import { ROLES, type Account } from '../roles.ts';
import type { OidcService } from './service.ts';

const TAG = ['身份认证'];
/** The log-in under way: only the OIDC routes read it, and only for the few minutes a log-in takes. */
export const LOGIN_COOKIE = 'onething_oidc';
const LOGIN_COOKIE_PATH = '/api/auth/oidc';
/**
 * A browser (it asks for HTML) that fails a log-in goes back to the log-in page, which says why in
 * words of its own for the code; a program gets the error answer as from any other route.
 */
function refuse(request: FastifyRequest, reply: FastifyReply, e: unknown): FastifyReply {
  if (e instanceof AppError && (request.headers.accept ?? '').includes('text/html')) return reply.redirect(`/login?oidcError=${encodeURIComponent(e.code)}`, 302);
  throw e;
}
const accountView = (a: Account) => ({ id: a.id, username: a.username, role: a.role, roleName: ROLES[a.role], displayName: a.displayName, department: a.department, subject: a.subject });

export function oidcRoutes(server: FastifyInstance, deps: Deps, oidc: OidcService): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const sessionCookie = (token: string, expiresAt: string) => ({ path: '/', httpOnly: true, secure: deps.config.cookieSecure, sameSite: 'lax' as const, expires: new Date(expiresAt) });

  app.get('/api/auth/providers', {
    schema: { tags: TAG, summary: '可用的统一身份认证登录方式', operationId: 'authProviders', security: PUBLIC, response: { 200: ProvidersAnswer, ...errors('rate-limited') } },
  }, async () => ({ applicant: oidc.enabled('applicant'), staff: oidc.enabled('staff') }));

  // Browser navigations, not calls a program makes: left out of OpenAPI (no 2xx answer), described in docs/identity.md.
  app.get('/api/auth/oidc/:audience/start', {
    schema: {
      hide: true, tags: TAG, summary: '转到统一身份认证登录', operationId: 'oidcStart', security: PUBLIC,
      params: AudienceParams, querystring: StartQuery,
      response: { 302: Redirect, ...errors('invalid-request', 'oidc-not-configured', 'oidc-provider-unavailable') },
    },
  }, async (request, reply) => {
    let started: { url: string; handle: string };
    try {
      started = await oidc.start(request.params.audience, request.query.returnTo);
    } catch (e) {
      return refuse(request, reply, e);
    }
    const { url, handle } = started;
    // Lax: the provider sends the browser back with a top-level GET, which carries it.
    reply.setCookie(LOGIN_COOKIE, handle, { path: LOGIN_COOKIE_PATH, httpOnly: true, secure: deps.config.cookieSecure, sameSite: 'lax', maxAge: 600 });
    return reply.redirect(url, 302);
  });

  app.get('/api/auth/oidc/:audience/callback', {
    schema: {
      hide: true, tags: TAG, summary: '统一身份认证登录后返回', operationId: 'oidcCallback', security: PUBLIC,
      params: AudienceParams, querystring: CallbackQuery,
      response: { 302: Redirect, ...errors('invalid-request', 'oidc-not-configured', 'oidc-state-invalid', 'oidc-login-failed', 'oidc-token-invalid', 'oidc-claims-invalid', 'oidc-level-too-low', 'oidc-staff-unknown', 'oidc-provider-unavailable', 'forbidden') },
    },
  }, async (request, reply) => {
    const handle = request.cookies[LOGIN_COOKIE];
    reply.clearCookie(LOGIN_COOKIE, { path: LOGIN_COOKIE_PATH });
    // The URL the provider redirected to, as openid-client wants it: the registered callback and this query.
    const audience = request.params.audience;
    const redirect = new URL((audience === 'staff' ? deps.config.oidc.staff : deps.config.oidc.applicant)?.redirectUri ?? 'http://invalid/');
    redirect.search = new URL(request.url, 'http://local').search;
    let started: Awaited<ReturnType<OidcService['finish']>>;
    try {
      started = await oidc.finish(audience, handle, redirect);
    } catch (e) {
      return refuse(request, reply, e);
    }
    reply.setCookie(SESSION_COOKIE, started.token, sessionCookie(started.token, started.expiresAt));
    return reply.redirect(started.returnTo, 302);
  });

  app.get('/api/auth/act-as', {
    schema: {
      tags: TAG, summary: '当前办理主体，及可切换的企业（法人切换）', operationId: 'acting', security: SESSION,
      description: '经统一身份认证登录的申请人：正在代表的企业（本人为 null），和统一身份认证授权其代办的企业。密码登录的会话没有可切换的企业。',
      response: { 200: ActingAnswer, ...errors(...AUTH_ERRORS) },
    },
  }, async (request) => {
    const account = requireAccount(request, 'applicant');
    return oidc.acting(request.cookies[SESSION_COOKIE] as string, account);
  });

  app.post('/api/auth/act-as', {
    schema: {
      tags: TAG, summary: '法人切换：代表企业办理，或切换回本人', operationId: 'actAs', security: SESSION,
      description: '经统一身份认证登录的申请人，可切换为其统一身份认证授权代办的企业（以经办人身份办理），或切换回本人。会话更换，原会话结束；每次切换记入审计日志。',
      body: ActAsBody,
      response: { 200: ActAsAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'act-as-not-allowed') },
    },
  }, async (request, reply) => {
    const account = requireAccount(request, 'applicant');
    const token = request.cookies[SESSION_COOKIE] as string;
    const switched = await oidc.actAs(token, account, request.body.uscc);
    reply.setCookie(SESSION_COOKIE, switched.token, sessionCookie(switched.token, switched.expiresAt));
    return { account: accountView(switched.account), actingFor: switched.actingFor, enterprises: switched.enterprises, expiresAt: switched.expiresAt };
  });
}
