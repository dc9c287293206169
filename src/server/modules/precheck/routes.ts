/**
 * 智能预审 routes: whether it is on; the findings for the applicant (and the window serving them)
 * while the case is a draft and after; for the window; for the department reviewing a task (only
 * its item's materials). The queue starts on every upload through the case service's hook.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, PUBLIC, SESSION, SESSION_OR_SIGNED, SIGNED_ERRORS } from '../../../contracts/http.ts';
import { PrecheckAnswer, PrecheckQueued, PrecheckState } from '../../../contracts/precheck.ts';
import { TaskParams } from '../../../contracts/tasks.ts';
import type { Deps } from '../../deps.ts';
import { conflict, notFound } from '../../errors.ts';
import { requireAccount, requireDepartment } from '../../http/auth.ts';
import { reachCase } from '../cases/routes.ts';
import type { CaseService } from '../cases/service.ts';
import { loadCase } from '../cases/store.ts';
import { tesseractEngine, type OcrEngine } from './engine.ts';
import { PrecheckService } from './service.ts';

const TAG = ['智能预审'];

export function precheckRoutes(server: FastifyInstance, deps: Deps, cases: CaseService, engine: OcrEngine = tesseractEngine(deps.config.ocr)): PrecheckService {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const precheck = new PrecheckService(deps, engine);
  // Marked pending before the upload answers (so the page asking next sees it), read after; a failure to queue never fails the upload.
  cases.fileAdded.push(async (caseId, fileId) => { await precheck.enqueue(caseId, fileId).catch(() => false); });
  server.addHook('onClose', async () => precheck.close());

  app.get('/api/public/precheck', {
    schema: { tags: TAG, summary: '智能预审是否启用（本机 OCR 引擎）', operationId: 'precheckState', security: PUBLIC, response: { 200: PrecheckState, ...errors('invalid-characters') } },
  }, async () => engine.state());

  app.get('/api/cases/:id/precheck', {
    schema: { tags: TAG, summary: '本件已上传材料的预审结果（一次性告知草稿）；识别中时 pending 为 true', operationId: 'casePrecheck', security: SESSION, params: IdParams, response: { 200: PrecheckAnswer, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') } },
  }, async (request) => {
    await reachCase(deps, request, request.params.id);
    return precheck.forCase(request.params.id);
  });

  app.post('/api/cases/:id/precheck', {
    schema: { tags: TAG, summary: '重新预审本件的全部上传材料', operationId: 'rerunPrecheck', security: SESSION, params: IdParams, response: { 202: PrecheckQueued, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'precheck-off') } },
  }, async (request, reply) => {
    await reachCase(deps, request, request.params.id);
    const state = await engine.state();
    if (!state.enabled) throw conflict('precheck-off', `智能预审未启用：${state.reason}`);
    reply.code(202);
    return { queued: await precheck.rerun(request.params.id) };
  });

  app.get('/api/window/cases/:id/precheck', {
    schema: { tags: ['综合窗口'], summary: '窗口查看申请材料的预审结果', operationId: 'windowPrecheck', security: SESSION, params: IdParams, response: { 200: PrecheckAnswer, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') } },
  }, async (request) => {
    requireAccount(request, 'window');
    return precheck.forCase(request.params.id);
  });

  app.get('/api/department/tasks/:caseId/:item/precheck', {
    schema: { tags: ['部门办理'], summary: '本子件所需材料的预审结果', operationId: 'taskPrecheck', security: SESSION_OR_SIGNED, params: TaskParams, response: { 200: PrecheckAnswer, ...errors('invalid-request', ...AUTH_ERRORS, ...SIGNED_ERRORS, 'not-found') } },
  }, async (request) => {
    const { department } = requireDepartment(request);
    const { caseId, item } = request.params;
    const c = await loadCase(deps.db.kysely, deps.db.dialect, caseId).catch(() => null);
    const task = c?.tasks.find((t) => t.id === item);
    // A department sees a case only through its own task, and only once that task has reached it.
    if (!task || task.department.code !== department || task.status === 'waiting') throw notFound('子件');
    return precheck.forCase(caseId, (m) => m.items.includes(item));
  });

  return precheck;
}
