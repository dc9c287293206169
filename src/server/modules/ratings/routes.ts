/** 好差评 and 差评整改 routes; see service.ts and rectification.ts for what they do. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, SESSION } from '../../../contracts/http.ts';
import {
  AppealBody, AppealDecisionBody, FollowUpBody, NoteBody, Rating, RatingBody, RatingFollowUpParams, RatingsAnswer, RatingSummary, RectificationAnswer, RectificationQuery,
  RectificationsAnswer, ReplyAnswer, ReplyBody, SummaryQuery,
} from '../../../contracts/ratings.ts';
import type { Deps } from '../../deps.ts';
import { forbidden } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';
import { reachCase } from '../cases/routes.ts';
import { ownRegions } from '../metrics/scope.ts';
import type { Account } from '../identity/roles.ts';
import { RectificationService } from './rectification.ts';
import { RatingService } from './service.ts';

const TAG = ['评价与整改'];
const STEP_ERRORS = ['not-found', 'rectification-closed', 'concurrent-update'] as const;

export function ratingRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const ratings = new RatingService(deps);
  const rectifications = new RectificationService(deps);
  const lead = (request: Parameters<typeof requireAccount>[0]): Account & { department: string } => {
    const a = requireAccount(request, 'lead');
    if (!a.department) throw forbidden('账号未关联部门');
    return a as Account & { department: string };
  };

  app.post('/api/cases/:id/ratings', {
    schema: {
      tags: TAG, summary: '评价办件的一个服务环节（受理、办结；5 非常满意 … 1 非常不满意；每个环节一次，渠道按办件实际办理渠道记录）', operationId: 'rateCase', security: SESSION,
      params: IdParams, body: RatingBody,
      response: { 201: Rating, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'already-rated', 'case-not-accepted', 'case-not-completed', 'reason-required') },
    },
  }, async (request, reply) => {
    const applicant = requireAccount(request, 'applicant');
    const rating = await ratings.rate(request.params.id, applicant, request.body);
    reply.code(201);
    return rating;
  });

  app.get('/api/cases/:id/ratings', {
    schema: { tags: TAG, summary: '办件的评价、整改答复与回访，以及尚可评价的环节', operationId: 'caseRatings', security: SESSION, params: IdParams, response: { 200: RatingsAnswer, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') } },
  }, async (request) => {
    await reachCase(deps, request, request.params.id);
    return ratings.forCase(request.params.id);
  });

  app.post('/api/cases/:id/ratings/:rating/follow-up', {
    schema: {
      tags: TAG, summary: '申请人对整改结果的回访确认（不满意则退回再次整改）', operationId: 'followUpRating', security: SESSION, params: RatingFollowUpParams, body: FollowUpBody,
      response: { 200: RatingsAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, ...STEP_ERRORS, 'not-replied') },
    },
  }, async (request) => {
    const applicant = requireAccount(request, 'applicant');
    await rectifications.applicantFollowUp(request.params.id, request.params.rating, applicant, request.body.satisfied, request.body.note ?? '');
    return ratings.forCase(request.params.id);
  });

  app.get('/api/lead/rectifications', {
    schema: { tags: TAG, summary: '本部门的差评整改单（待处理、申诉中、已整改、申诉成立；含超期标识和处理经过）', operationId: 'listRectifications', security: SESSION, querystring: RectificationQuery, response: { 200: RectificationsAnswer, ...errors('invalid-request', ...AUTH_ERRORS) } },
  }, async (request) => ({ rectifications: await rectifications.list(lead(request).department, request.query.status) }));

  app.post('/api/lead/rectifications/:id/verify', {
    schema: {
      tags: TAG, summary: '核实差评（属实，写明核实情况）', operationId: 'verifyRectification', security: SESSION, params: IdParams, body: NoteBody,
      response: { 200: RectificationAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, ...STEP_ERRORS, 'note-too-short', 'already-verified', 'already-replied') },
    },
  }, async (request) => ({ rectification: await rectifications.verify(request.params.id, lead(request), request.body.note) }));

  app.post('/api/lead/rectifications/:id/reply', {
    schema: {
      tags: TAG, summary: '答复差评整改（答复送达申请人，随后回访）', operationId: 'replyRectification', security: SESSION, params: IdParams, body: ReplyBody,
      response: { 200: ReplyAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, ...STEP_ERRORS, 'reply-too-short', 'already-replied', 'appeal-not-allowed') },
    },
  }, async (request) => ({ rectification: await rectifications.reply(request.params.id, lead(request), request.body.reply) }));

  app.post('/api/lead/rectifications/:id/appeal', {
    schema: {
      tags: TAG, summary: '对差评提出申诉（由政务服务管理机构审核）', operationId: 'appealRectification', security: SESSION, params: IdParams, body: AppealBody,
      response: { 200: RectificationAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, ...STEP_ERRORS, 'note-too-short', 'appeal-not-allowed') },
    },
  }, async (request) => ({ rectification: await rectifications.appeal(request.params.id, lead(request), request.body.reason) }));

  app.post('/api/lead/rectifications/:id/follow-up', {
    schema: {
      tags: TAG, summary: '记录对申请人的回访（满意则办结，不满意则再次整改）', operationId: 'recordFollowUp', security: SESSION, params: IdParams, body: FollowUpBody,
      response: { 200: RectificationAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, ...STEP_ERRORS, 'note-too-short', 'not-replied') },
    },
  }, async (request) => {
    const me = lead(request);
    return { rectification: await rectifications.followUp(request.params.id, me, request.body.satisfied, request.body.note ?? '', (r) => r.department === me.department) };
  });

  app.get('/api/admin/rating-appeals', {
    schema: { tags: TAG, summary: '各部门待审核的差评申诉', operationId: 'listRatingAppeals', security: SESSION, response: { 200: RectificationsAnswer, ...errors(...AUTH_ERRORS) } },
  }, async (request) => {
    requireAccount(request, 'admin');
    return { rectifications: await rectifications.list(null, 'appealed') };
  });

  app.post('/api/admin/rating-appeals/:id/decide', {
    schema: {
      tags: TAG, summary: '审核差评申诉（成立：该差评不计入；不成立：退回部门整改）', operationId: 'decideRatingAppeal', security: SESSION, params: IdParams, body: AppealDecisionBody,
      response: { 200: RectificationAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, ...STEP_ERRORS, 'note-too-short', 'not-appealed') },
    },
  }, async (request) => {
    const admin = requireAccount(request, 'admin');
    return { rectification: await rectifications.decideAppeal(request.params.id, admin, request.body.upheld, request.body.note) };
  });

  app.get('/api/ratings/summary', {
    schema: { tags: TAG, summary: '满意度统计（按等级、渠道、服务环节、窗口人员；满意率、整改率、回访与申诉；只计本账号辖区的办件）', operationId: 'ratingSummary', security: SESSION, querystring: SummaryQuery, response: { 200: RatingSummary, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') } },
  }, async (request) => {
    const viewer = requireAccount(request, 'lead', 'admin', 'auditor');
    if (viewer.role === 'lead' && !viewer.department) throw forbidden('账号未关联部门');
    return ratings.summary(viewer, request.query.matter, await ownRegions(deps, viewer));
  });
}
