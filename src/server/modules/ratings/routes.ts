/** 好差评 and 差评整改 routes; see service.ts for what they do. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, SESSION } from '../../../contracts/http.ts';
import { Rating, RatingBody, RatingsAnswer, RatingSummary, RectificationQuery, RectificationsAnswer, ReplyAnswer, ReplyBody, SummaryQuery } from '../../../contracts/results.ts';
import type { Deps } from '../../deps.ts';
import { forbidden } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';
import { reachCase } from '../cases/routes.ts';
import { RatingService } from './service.ts';

const TAG = ['评价与整改'];

export function ratingRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const ratings = new RatingService(deps);

  app.post('/api/cases/:id/ratings', {
    schema: {
      tags: TAG, summary: '评价办件（5 非常满意 … 1 非常不满意；一次一评，渠道按办件实际办理渠道记录）', operationId: 'rateCase', security: SESSION, params: IdParams, body: RatingBody,
      response: { 201: Rating, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'already-rated', 'case-not-accepted', 'reason-required') },
    },
  }, async (request, reply) => {
    const applicant = requireAccount(request, 'applicant');
    const rating = await ratings.rate(request.params.id, applicant, request.body);
    reply.code(201);
    return rating;
  });

  app.get('/api/cases/:id/ratings', {
    schema: { tags: TAG, summary: '办件的评价与整改答复', operationId: 'caseRatings', security: SESSION, params: IdParams, response: { 200: RatingsAnswer, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') } },
  }, async (request) => {
    await reachCase(deps, request, request.params.id);
    return ratings.forCase(request.params.id);
  });

  app.get('/api/lead/rectifications', {
    schema: { tags: TAG, summary: '本部门的差评整改单（含超期标识）', operationId: 'listRectifications', security: SESSION, querystring: RectificationQuery, response: { 200: RectificationsAnswer, ...errors('invalid-request', ...AUTH_ERRORS) } },
  }, async (request) => {
    const lead = requireAccount(request, 'lead');
    if (!lead.department) throw forbidden('账号未关联部门');
    return { rectifications: await ratings.rectifications(lead.department, request.query.status) };
  });

  app.post('/api/lead/rectifications/:id/reply', {
    schema: {
      tags: TAG, summary: '答复差评整改（答复送达申请人）', operationId: 'replyRectification', security: SESSION, params: IdParams,
      body: ReplyBody,
      response: { 200: ReplyAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'reply-too-short', 'already-replied') },
    },
  }, async (request) => {
    const lead = requireAccount(request, 'lead');
    if (!lead.department) throw forbidden('账号未关联部门');
    return { rectification: await ratings.reply(request.params.id, lead, request.body.reply) };
  });

  app.get('/api/ratings/summary', {
    schema: { tags: TAG, summary: '满意度统计（按等级、渠道；满意率、整改率）', operationId: 'ratingSummary', security: SESSION, querystring: SummaryQuery, response: { 200: RatingSummary, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') } },
  }, async (request) => {
    const viewer = requireAccount(request, 'lead', 'admin');
    if (viewer.role === 'lead' && !viewer.department) throw forbidden('账号未关联部门');
    return ratings.summary(viewer, request.query.matter);
  });
}
