/** 材料流转 routes; see service.ts for what they do. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { requireAccount } from '../../http/auth.ts';
import { CirculationService, type MovementInput } from './service.ts';

const TAG = ['材料流转'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } };

const movementBody = {
  type: 'object', required: ['caseId', 'kind', 'to'], additionalProperties: false,
  properties: {
    caseId: { type: 'string', format: 'uuid' },
    materialId: { type: 'string', minLength: 1, maxLength: 100 },
    kind: { type: 'string', enum: ['handover', 'courier', 'return'] },
    to: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,39}$' },
    waybill: { type: 'string', pattern: '^[A-Za-z0-9-]{6,40}$' },
  },
};

export function circulationRoutes(app: FastifyInstance, deps: Deps): void {
  const circulation = new CirculationService(deps);

  app.post<{ Body: MovementInput }>('/api/circulation', {
    schema: { tags: TAG, summary: '登记材料流转（交接、寄递、退回），发送方电子印章签名', body: movementBody },
  }, async (request, reply) => {
    const account = requireAccount(request, 'window', 'reviewer', 'lead');
    const movement = await circulation.send(account, request.body);
    reply.code(201);
    return movement;
  });

  app.post<{ Params: { id: string } }>('/api/circulation/:id/receive', {
    schema: { tags: TAG, summary: '接收方签收（接收方电子印章签名）', params: idParams },
  }, async (request) => {
    const account = requireAccount(request, 'window', 'reviewer', 'lead');
    return circulation.receive(account, request.params.id);
  });

  app.get<{ Params: { id: string } }>('/api/cases/:id/circulation', {
    schema: { tags: TAG, summary: '办件的材料流转记录（双方签章核验结果）', params: idParams },
  }, async (request) => circulation.list(requireAccount(request), request.params.id));
}
