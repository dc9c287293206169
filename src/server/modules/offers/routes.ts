/** 免申即享 (see run.ts and service.ts): the applicant's, the public's, the department's and the administrator's routes. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, PUBLIC, SESSION, SESSION_OR_SIGNED } from '../../../contracts/http.ts';
import {
  DepartmentOffer, DepartmentOffers, DepartmentOffersQuery, ObjectionBody, ObjectionReceipt, ObjectionResolveBody, Offer, OfferDecisionBody, OfferObjection, OfferRun, OfferRunBody, Offers, Publicity,
} from '../../../contracts/offers.ts';
import type { Deps } from '../../deps.ts';
import { badRequest } from '../../errors.ts';
import { requireAccount, requireDepartment } from '../../http/auth.ts';
import { currentPolicies, runOffers } from './run.ts';
import { OfferService } from './service.ts';

const TAG = ['免申即享'];

export function offerRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const service = new OfferService(deps);

  /** The policies a run covers: one named (it must be the caller's), or all of the department's (the administrator's: all). */
  const run = async (department: string | null, actor: string, policyId: string | undefined) => {
    const { policies } = await currentPolicies(deps);
    const mine = policies.filter((p) => department === null || p.department === department);
    if (policyId !== undefined && !mine.some((p) => p.id === policyId)) throw badRequest('unknown-policy', '没有这项政策，或不由本部门负责', [{ path: 'body.policyId', message: '未知的政策' }]);
    return runOffers(deps, (p) => mine.includes(p) && (policyId === undefined || p.id === policyId), actor);
  };

  app.get('/api/me/offers', {
    schema: { tags: TAG, summary: '为您推荐的政策：经共享数据核验、您符合条件的免申即享政策（一键确认或直接兑现）', operationId: 'myOffers', security: SESSION, response: { 200: Offers, ...errors(...AUTH_ERRORS) } },
  }, async (request) => ({ offers: await service.mine(requireAccount(request, 'applicant')) }));

  app.post('/api/me/offers/:id/confirm', {
    schema: { tags: TAG, summary: '一键确认：确认享受该政策（确认即申请，随后公示）', operationId: 'confirmOffer', security: SESSION, params: IdParams, response: { 200: Offer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'offer-state', 'unknown-policy') } },
  }, async (request) => service.confirm(requireAccount(request, 'applicant'), request.params.id));

  app.post('/api/me/offers/:id/decline', {
    schema: { tags: TAG, summary: '放弃享受该政策', operationId: 'declineOffer', security: SESSION, params: IdParams, response: { 200: Offer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'offer-state') } },
  }, async (request) => service.decline(requireAccount(request, 'applicant'), request.params.id));

  app.get('/api/public/offers', {
    schema: { tags: TAG, summary: '免申即享公示名单（姓名隐去中间的字）及异议截止日期', operationId: 'offerPublicity', security: PUBLIC, response: { 200: Publicity, ...errors('no-catalogue') } },
  }, async () => ({ entries: await service.publicity() }));

  app.post('/api/public/offers/:id/objections', {
    schema: {
      tags: TAG, summary: '对公示名单提出异议（任何人可提出；登录后提出的记下账号）', operationId: 'objectToOffer', security: PUBLIC, params: IdParams, body: ObjectionBody,
      response: { 201: ObjectionReceipt, ...errors(...BODY_ERRORS, 'not-found', 'objection-closed') },
    },
  }, async (request, reply) => {
    const p = request.principal;
    const receipt = await service.object(request.params.id, request.body.text, p?.kind === 'account' ? p.account : null);
    reply.code(201);
    return receipt;
  });

  app.get('/api/department/offers', {
    schema: {
      tags: TAG, summary: '本部门的免申即享名单、二次确认队列和各项政策的数字', operationId: 'departmentOffers', security: SESSION_OR_SIGNED, querystring: DepartmentOffersQuery,
      response: { 200: DepartmentOffers, ...errors('invalid-request', ...AUTH_ERRORS) },
    },
  }, async (request) => service.forDepartment(requireDepartment(request).department, request.query));

  app.post('/api/department/offers/run', {
    schema: {
      tags: TAG, summary: '运行本部门的免申即享政策：按共享数据找出符合条件的对象，每人只建一次名单并通知', operationId: 'runDepartmentOffers', security: SESSION_OR_SIGNED, body: OfferRunBody,
      response: { 200: OfferRun, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'unknown-policy') },
    },
  }, async (request) => {
    const d = requireDepartment(request);
    return run(d.department, d.actor, request.body.policyId);
  });

  app.post('/api/department/offers/:id/decision', {
    schema: {
      tags: TAG, summary: '二次确认：公示期满、异议处理完后确认兑现，或不予兑现（写明理由）', operationId: 'decideOffer', security: SESSION_OR_SIGNED, params: IdParams, body: OfferDecisionBody,
      response: { 200: DepartmentOffer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'reason-required', 'offer-state', 'publicity-running', 'objection-open') },
    },
  }, async (request) => {
    const d = requireDepartment(request);
    return service.decide(d.department, d.actor, request.params.id, request.body.grant, request.body.note);
  });

  app.post('/api/department/offer-objections/:id/resolve', {
    schema: {
      tags: TAG, summary: '核查并处理公示异议（成立或不成立，写明核查结果）', operationId: 'resolveOfferObjection', security: SESSION_OR_SIGNED, params: IdParams, body: ObjectionResolveBody,
      response: { 200: OfferObjection, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'objection-settled', 'offer-state') },
    },
  }, async (request) => {
    const d = requireDepartment(request);
    return service.resolveObjection(d.department, d.actor, request.params.id, request.body.upheld, request.body.note);
  });

  app.post('/api/admin/offers/run', {
    schema: {
      tags: TAG, summary: '运行全部（或一项）免申即享政策', operationId: 'runOffers', security: SESSION, body: OfferRunBody,
      response: { 200: OfferRun, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'unknown-policy') },
    },
  }, async (request) => {
    const admin = requireAccount(request, 'admin');
    return run(null, `account:${admin.id}`, request.body.policyId);
  });
}
