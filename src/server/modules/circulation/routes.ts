/** 材料流转 routes; see service.ts for what they do. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Movement, MovementBody, MovementsAnswer } from '../../../contracts/circulation.ts';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, SESSION } from '../../../contracts/http.ts';
import type { Deps } from '../../deps.ts';
import { requireAccount } from '../../http/auth.ts';
import { CirculationService } from './service.ts';

const TAG = ['材料流转'];

export function circulationRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const circulation = new CirculationService(deps);

  app.post('/api/circulation', {
    schema: {
      tags: TAG, summary: '登记材料流转（交接、寄递、退回），发送方电子印章签名', operationId: 'sendMaterials', security: SESSION, body: MovementBody,
      response: { 201: Movement, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'case-not-submitted', 'unknown-material', 'same-party', 'not-a-party', 'waybill-required') },
    },
  }, async (request, reply) => {
    const account = requireAccount(request, 'window', 'reviewer', 'lead');
    const movement = await circulation.send(account, request.body);
    reply.code(201);
    return movement;
  });

  app.post('/api/circulation/:id/receive', {
    schema: { tags: TAG, summary: '接收方签收（接收方电子印章签名）', operationId: 'receiveMaterials', security: SESSION, params: IdParams, response: { 200: Movement, ...errors('invalid-request', 'cross-site-request', ...AUTH_ERRORS, 'not-found', 'already-received') } },
  }, async (request) => {
    const account = requireAccount(request, 'window', 'reviewer', 'lead');
    return circulation.receive(account, request.params.id);
  });

  app.get('/api/cases/:id/circulation', {
    schema: { tags: TAG, summary: '办件的材料流转记录（双方签章核验结果）', operationId: 'caseCirculation', security: SESSION, params: IdParams, response: { 200: MovementsAnswer, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') } },
  }, async (request) => circulation.list(requireAccount(request), request.params.id));
}
