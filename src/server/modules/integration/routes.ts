/** Department systems: the clause 6.3.1 hand-off into a department's own system without a second log-in. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { HandoffArrival, HandoffBody, HandoffLink, VerifyTokenBody } from '../../../contracts/circulation.ts';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, SESSION, SIGNED, SIGNED_ERRORS } from '../../../contracts/http.ts';
import type { Deps } from '../../deps.ts';
import { forbidden, unauthorized } from '../../errors.ts';
import { reachCase } from '../cases/routes.ts';
import { HandoffService, HANDOFF_TTL_SECONDS } from './handoff.ts';

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
    return handoff.issue(c, account, request.body.department);
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
