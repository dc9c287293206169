/** Department systems: the clause 6.3.1 hand-off into a department's own system without a second log-in. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { HandoffArrival, HandoffBody, HandoffLink, VerifyTokenBody } from '../../../contracts/circulation.ts';
import { Jwks, OnethingConfiguration } from '../../../contracts/handoff.ts';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, PUBLIC, SESSION, SIGNED, SIGNED_ERRORS } from '../../../contracts/http.ts';
import type { Deps } from '../../deps.ts';
import { DEFAULT_SM2_USER_ID } from '../../crypto/sm2.ts';
import { forbidden, unauthorized } from '../../errors.ts';
import { SESSION_COOKIE } from '../../http/auth.ts';
import { reachCase } from '../cases/routes.ts';
import { HandoffService, HANDOFF_TTL_SECONDS } from './handoff.ts';
import { JWS_ALG } from './jws.ts';

/** What a hand-off JWT carries (docs/identity.md, "Department systems: verifying the hand-off"). */
const CLAIMS = ['iss', 'aud', 'sub', 'name', 'role', 'case_id', 'case_number', 'iat', 'exp', 'jti', 'realname_level'];

const TAG = ['部门系统对接'];

export function integrationRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const handoff = new HandoffService(deps);

  app.post('/api/cases/:id/handoff', {
    schema: {
      tags: TAG, summary: `跳转部门自建系统（免二次登录；链接 ${HANDOFF_TTL_SECONDS / 60} 分钟内有效，只能使用一次）`, operationId: 'handoff', security: SESSION, params: IdParams,
      body: HandoffBody,
      response: { 200: HandoffLink, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'department-not-involved', 'no-department-system') },
    },
  }, async (request) => {
    const { account, c } = await reachCase(deps, request, request.params.id);
    const format = request.body.format ?? 'jwt';
    const level = format === 'jwt' ? await handoff.realNameLevel(request.cookies[SESSION_COOKIE]) : null;
    return handoff.issue(c, account, request.body.department, { format, level });
  });

  // Published for department systems to verify hand-off JWTs offline; not under /api, so open to anyone.
  app.get('/.well-known/jwks.json', {
    schema: { tags: TAG, summary: '平台签名公钥集（JWKS）：部门系统据此自行验证跳转令牌', operationId: 'jwks', security: PUBLIC, response: { 200: Jwks, ...errors(...SIGNED_ERRORS) } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return handoff.jwks();
  });

  app.get('/.well-known/onething-configuration', {
    schema: { tags: TAG, summary: '平台对接配置：签发者、公钥集地址、跳转与核验地址、签名算法', operationId: 'onethingConfiguration', security: PUBLIC, response: { 200: OnethingConfiguration, ...errors(...SIGNED_ERRORS) } },
  }, async (_request, reply) => {
    const base = deps.config.publicUrl;
    reply.header('cache-control', 'public, max-age=300');
    return {
      issuer: base,
      jwks_uri: `${base}/.well-known/jwks.json`,
      handoff_endpoint: `${base}/api/cases/{id}/handoff`,
      handoff_verification_endpoint: `${base}/api/integration/handoff/verify`,
      id_token_signing_alg_values_supported: [JWS_ALG],
      handoff_token_formats_supported: ['jwt', 'hmac'],
      claims_supported: CLAIMS,
      sm2_user_id: DEFAULT_SM2_USER_ID,
      handoff_token_ttl_seconds: HANDOFF_TTL_SECONDS,
    };
  });

  app.post('/api/integration/handoff/verify', {
    schema: {
      tags: TAG, summary: '部门系统核验跳转令牌（签名请求；每个令牌只能核验一次），得知来访者与办件', operationId: 'verifyHandoff', security: SIGNED,
      body: VerifyTokenBody,
      response: { 200: HandoffArrival, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, ...SIGNED_ERRORS, 'not-found', 'handoff-malformed', 'handoff-bad-signature', 'handoff-expired', 'handoff-used', 'handoff-wrong-department') },
    },
  }, async (request) => {
    const p = request.principal;
    if (!p) throw unauthorized('须由部门系统以签名请求调用');
    if (p.kind !== 'client') throw forbidden('跳转令牌只能由部门自建系统核验');
    return handoff.redeem({ clientId: p.clientId, department: p.department }, request.body.token);
  });
}
