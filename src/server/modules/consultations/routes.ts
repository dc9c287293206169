/** 咨询、建议、投诉 (see service.ts): the applicant's, the window's and the department's routes. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  Consultation, ConsultationAnswerBody, ConsultationBody, ConsultationCloseBody, Consultations, DepartmentConsultationsQuery, WalkInConsultationBody, WindowConsultationBody,
} from '../../../contracts/consultations.ts';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, SESSION } from '../../../contracts/http.ts';
import type { Deps } from '../../deps.ts';
import { forbidden } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';
import type { Account } from '../identity/roles.ts';
import { ConsultationService } from './service.ts';

const TAG = ['咨询投诉'];

export function consultationRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const service = new ConsultationService(deps);
  const staff = (request: Parameters<typeof requireAccount>[0]) => {
    const a = requireAccount(request, 'lead', 'reviewer', 'window');
    if (!a.department) throw forbidden('账号未关联部门');
    return a as Account & { department: string };
  };

  app.post('/api/consultations', {
    schema: {
      tags: TAG, summary: '提交咨询、建议或投诉（由相关一件事的牵头部门答复，未指明的由政务服务中心答复）', operationId: 'recordConsultation', security: SESSION, body: ConsultationBody,
      response: { 201: Consultation, ...errors(...BODY_ERRORS, ...AUTH_ERRORS) },
    },
  }, async (request, reply) => {
    const c = await service.record(requireAccount(request, 'applicant'), request.body);
    reply.code(201);
    return c;
  });

  app.get('/api/consultations', {
    schema: { tags: TAG, summary: '我的咨询、建议和投诉，及其答复', operationId: 'myConsultations', security: SESSION, response: { 200: Consultations, ...errors(...AUTH_ERRORS) } },
  }, async (request) => ({ consultations: await service.mine(requireAccount(request, 'applicant')) }));

  app.post('/api/consultations/:id/close', {
    schema: {
      tags: TAG, summary: '确认答复已解决问题，或退回再次答复（限一次）', operationId: 'closeConsultation', security: SESSION, params: IdParams, body: ConsultationCloseBody,
      response: { 200: Consultation, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'reason-required', 'consultation-not-answered', 'reopen-limit') },
    },
  }, async (request) => service.close(requireAccount(request, 'applicant'), request.params.id, request.body));

  app.post('/api/window/consultations', {
    schema: {
      tags: TAG, summary: '综合窗口为办件申请人登记咨询、建议或投诉', operationId: 'recordConsultationAtWindow', security: SESSION, body: WindowConsultationBody,
      response: { 201: Consultation, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found') },
    },
  }, async (request, reply) => {
    const c = await service.recordAtWindow(requireAccount(request, 'window'), request.body);
    reply.code(201);
    return c;
  });

  app.post('/api/window/walk-in-consultations', {
    schema: {
      tags: TAG, summary: '综合窗口为没有办件的来访群众登记咨询、建议或投诉（答复经短信告知）', operationId: 'recordWalkInConsultation', security: SESSION, body: WalkInConsultationBody,
      response: { 201: Consultation, ...errors(...BODY_ERRORS, ...AUTH_ERRORS) },
    },
  }, async (request, reply) => {
    const c = await service.recordWalkIn(requireAccount(request, 'window'), request.body);
    reply.code(201);
    return c;
  });

  app.get('/api/window/walk-in-consultations', {
    schema: { tags: TAG, summary: '窗口登记的来访群众咨询、建议和投诉，及其答复', operationId: 'walkInConsultations', security: SESSION, response: { 200: Consultations, ...errors(...AUTH_ERRORS) } },
  }, async (request) => {
    requireAccount(request, 'window');
    return { consultations: await service.walkIns() };
  });

  app.post('/api/window/walk-in-consultations/:id/close', {
    schema: {
      tags: TAG, summary: '记录来访群众对答复的确认，或退回再次答复（限一次）', operationId: 'closeWalkInConsultation', security: SESSION, params: IdParams, body: ConsultationCloseBody,
      response: { 200: Consultation, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'reason-required', 'consultation-not-answered', 'reopen-limit') },
    },
  }, async (request) => service.close(requireAccount(request, 'window'), request.params.id, request.body, true));

  app.get('/api/department/consultations', {
    schema: {
      tags: TAG, summary: '本部门应答复的咨询、建议和投诉（按答复期限排序）', operationId: 'departmentConsultations', security: SESSION, querystring: DepartmentConsultationsQuery,
      response: { 200: Consultations, ...errors('invalid-request', ...AUTH_ERRORS) },
    },
  }, async (request) => ({ consultations: await service.forDepartment(staff(request), request.query.status) }));

  app.post('/api/department/consultations/:id/answer', {
    schema: {
      tags: TAG, summary: '答复咨询、建议或投诉（答复经站内信和短信送达申请人）', operationId: 'answerConsultation', security: SESSION, params: IdParams, body: ConsultationAnswerBody,
      response: { 200: Consultation, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'consultation-not-open') },
    },
  }, async (request) => service.answer(staff(request), request.params.id, request.body.answer));
}
