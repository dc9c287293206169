/** 好差评 and 差评整改 routes; see service.ts for what they do. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { forbidden } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';
import { reachCase } from '../cases/routes.ts';
import { RatingService, type RatingInput } from './service.ts';

const TAG = ['评价与整改'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } };

const ratingBody = {
  // No channel: the server takes it from the case (the way it was applied for), not from the applicant.
  type: 'object', required: ['level'], additionalProperties: false,
  properties: {
    level: { type: 'integer', minimum: 1, maximum: 5 },
    tags: { type: 'array', maxItems: 10, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 20 } },
    comment: { type: 'string', maxLength: 500 },
  },
};

export function ratingRoutes(app: FastifyInstance, deps: Deps): void {
  const ratings = new RatingService(deps);

  app.post<{ Params: { id: string }; Body: RatingInput }>('/api/cases/:id/ratings', {
    schema: { tags: TAG, summary: '评价办件（5 非常满意 … 1 非常不满意；一次一评，渠道按办件实际办理渠道记录）', params: idParams, body: ratingBody },
  }, async (request, reply) => {
    const applicant = requireAccount(request, 'applicant');
    const rating = await ratings.rate(request.params.id, applicant, request.body);
    reply.code(201);
    return rating;
  });

  app.get<{ Params: { id: string } }>('/api/cases/:id/ratings', { schema: { tags: TAG, summary: '办件的评价与整改答复', params: idParams } }, async (request) => {
    await reachCase(deps, request, request.params.id);
    return ratings.forCase(request.params.id);
  });

  app.get<{ Querystring: { status?: 'open' | 'replied' } }>('/api/lead/rectifications', {
    schema: { tags: TAG, summary: '本部门的差评整改单（含超期标识）', querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: ['open', 'replied'] } } } },
  }, async (request) => {
    const lead = requireAccount(request, 'lead');
    if (!lead.department) throw forbidden('账号未关联部门');
    return { rectifications: await ratings.rectifications(lead.department, request.query.status) };
  });

  app.post<{ Params: { id: string }; Body: { reply: string } }>('/api/lead/rectifications/:id/reply', {
    schema: {
      tags: TAG, summary: '答复差评整改（答复送达申请人）', params: idParams,
      body: { type: 'object', required: ['reply'], additionalProperties: false, properties: { reply: { type: 'string', minLength: 5, maxLength: 2000 } } },
    },
  }, async (request) => {
    const lead = requireAccount(request, 'lead');
    if (!lead.department) throw forbidden('账号未关联部门');
    return { rectification: await ratings.reply(request.params.id, lead, request.body.reply) };
  });

  app.get<{ Querystring: { matter?: string } }>('/api/ratings/summary', {
    schema: { tags: TAG, summary: '满意度统计（按等级、渠道；满意率、整改率）', querystring: { type: 'object', additionalProperties: false, properties: { matter: { type: 'string', minLength: 1, maxLength: 100 } } } },
  }, async (request) => {
    const viewer = requireAccount(request, 'lead', 'admin');
    if (viewer.role === 'lead' && !viewer.department) throw forbidden('账号未关联部门');
    return ratings.summary(viewer, request.query.matter);
  });
}
