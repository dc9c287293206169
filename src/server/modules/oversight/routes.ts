/** The lead department's oversight routes (see service.ts), and a department's urges to answer. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, SESSION } from '../../../contracts/http.ts';
import { OverseenCaseDetail, OverseenCases, Urge, UrgeAnswerBody, UrgeBody, UrgeParams, UrgesAnswer } from '../../../contracts/oversight.ts';
import type { Deps } from '../../deps.ts';
import { forbidden } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';
import type { Account } from '../identity/roles.ts';
import { Oversight } from './service.ts';

const TAG = ['牵头部门统筹'];

export function oversightRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const oversight = new Oversight(deps);
  const staff = (request: Parameters<typeof requireAccount>[0], ...roles: ('lead' | 'reviewer')[]) => {
    const a = requireAccount(request, ...roles);
    if (!a.department) throw forbidden('账号未关联部门');
    return a as Account & { department: string };
  };

  app.get('/api/lead/cases', {
    schema: { tags: TAG, summary: '本部门牵头的一件事中尚在办理的办件（各子件状态、超期、未答复督办）', operationId: 'leadCases', security: SESSION, response: { 200: OverseenCases, ...errors(...AUTH_ERRORS) } },
  }, async (request) => ({ cases: await oversight.cases(staff(request, 'lead')) }));

  app.get('/api/lead/cases/:id', {
    schema: { tags: TAG, summary: '一个办件的全部子件、联合审查记录和督办记录', operationId: 'leadCase', security: SESSION, params: IdParams, response: { 200: OverseenCaseDetail, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found', 'not-matter-lead') } },
  }, async (request) => oversight.detail(staff(request, 'lead'), request.params.id));

  app.post('/api/lead/cases/:id/urges', {
    schema: {
      tags: TAG, summary: '督办：要求承办部门在期限内办结或答复', operationId: 'urgeTask', security: SESSION, params: IdParams, body: UrgeBody,
      response: { 201: Urge, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'not-matter-lead', 'note-too-short', 'urge-deadline-past', 'item-not-in-case', 'task-not-open') },
    },
  }, async (request, reply) => {
    const urge = await oversight.urge(staff(request, 'lead'), request.params.id, request.body);
    reply.code(201);
    return urge;
  });

  app.get('/api/department/urges', {
    schema: { tags: TAG, summary: '本部门待答复的督办', operationId: 'departmentUrges', security: SESSION, response: { 200: UrgesAnswer, ...errors(...AUTH_ERRORS) } },
  }, async (request) => ({ urges: await oversight.forDepartment(staff(request, 'reviewer', 'lead')) }));

  app.post('/api/department/urges/:id/answer', {
    schema: {
      tags: TAG, summary: '答复督办', operationId: 'answerUrge', security: SESSION, params: UrgeParams, body: UrgeAnswerBody,
      response: { 200: Urge, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'note-too-short', 'urge-answered') },
    },
  }, async (request) => oversight.answer(staff(request, 'reviewer', 'lead'), request.params.id, request.body.answer));
}
