/** Department systems: the clause 6.3.1 hand-off into a department's own system without a second log-in. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { forbidden, unauthorized } from '../../errors.ts';
import { reachCase } from '../cases/routes.ts';
import { HandoffService, HANDOFF_TTL_SECONDS } from './handoff.ts';

const TAG = ['部门系统对接'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } };

export function integrationRoutes(app: FastifyInstance, deps: Deps): void {
  const handoff = new HandoffService(deps);

  app.post<{ Params: { id: string }; Body: { department: string } }>('/api/cases/:id/handoff', {
    schema: {
      tags: TAG, summary: `跳转部门自建系统（免二次登录；链接 ${HANDOFF_TTL_SECONDS / 60} 分钟内有效，只能使用一次）`, params: idParams,
      body: { type: 'object', required: ['department'], additionalProperties: false, properties: { department: { type: 'string', minLength: 1, maxLength: 50 } } },
      response: { 200: { type: 'object', properties: { url: { type: 'string' }, expiresAt: { type: 'string' } } } },
    },
  }, async (request) => {
    const { account, c } = await reachCase(deps, request, request.params.id);
    return handoff.issue(c, account, request.body.department);
  });

  app.post<{ Body: { token: string } }>('/api/integration/handoff/verify', {
    schema: {
      tags: TAG, summary: '部门系统核验跳转令牌（签名请求；每个令牌只能核验一次），得知来访者与办件',
      body: { type: 'object', required: ['token'], additionalProperties: false, properties: { token: { type: 'string', minLength: 1, maxLength: 4096 } } },
    },
  }, async (request) => {
    const p = request.principal;
    if (!p) throw unauthorized('须由部门系统以签名请求调用');
    if (p.kind !== 'client') throw forbidden('跳转令牌只能由部门自建系统核验');
    return handoff.redeem({ clientId: p.clientId, department: p.department }, request.body.token);
  });
}
