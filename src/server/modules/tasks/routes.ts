/** The department workbench and integration API: the same routes for reviewers and for department systems. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Created } from '../../../contracts/cases.ts';
import { AUTH_ERRORS, BODY_ERRORS, errors, SESSION, SESSION_OR_SIGNED, SIGNED_ERRORS } from '../../../contracts/http.ts';
import { ApproveBody, JointReviewBody, QueueAnswer, type QueueEntry, RefuseBody, SharedRecordsAnswer, SupplementBody, TaskAnswer, TaskParams, TaskQuery, TaskView } from '../../../contracts/tasks.ts';
import { sm3Hex } from '../../crypto/sm3.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { requireDepartment } from '../../http/auth.ts';
import type { SharedData } from '../shareddata/service.ts';
import type { Acting, TaskService } from './service.ts';

const TAG = ['部门办理'];
/** Reviewers with their session, department systems with signed requests. */
const CALLER_ERRORS = [...AUTH_ERRORS, ...SIGNED_ERRORS] as const;
/** A decision on a task: the task may have moved on, or the key been used for another request. */
const DECISION_ERRORS = [...BODY_ERRORS, ...CALLER_ERRORS, 'not-found', 'concurrent-update', 'idempotency-key-reused', 'task-not-claimed', 'task-not-claimed-by-you', 'task-already-decided', 'task-not-open', 'task-in-supplement', 'task-stopped', 'invalid-date', 'date-out-of-order'] as const;
const IDEMPOTENCY = '同一 Idempotency-Key 头的重复请求得到第一次的答复';

function acting(request: FastifyRequest): Acting & { lead: boolean } {
  const d = requireDepartment(request);
  return { department: d.department, actor: d.actor, reviewerId: d.reviewer?.id ?? null, lead: d.reviewer === null || d.reviewer.role === 'lead' };
}

/**
 * Replays of a decision with the same Idempotency-Key get the first answer; the key is bound to the
 * request it came with, so reusing it for another request is refused rather than silently replayed.
 */
async function idempotent<T>(deps: Deps, request: FastifyRequest, run: () => Promise<T>): Promise<T> {
  const key = request.headers['idempotency-key'];
  const p = request.principal;
  if (typeof key !== 'string' || !p) return run();
  const scope = p.kind === 'client' ? `client:${p.clientId}` : `account:${p.account.id}`;
  const fingerprint = sm3Hex(`${request.method}\n${request.url}\n${request.rawBody ?? ''}`);
  const seen = await deps.db.kysely.selectFrom('idempotency').select('response').where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
  if (seen) {
    const stored = JSON.parse(seen.response) as { fingerprint: string; body: T };
    if (stored.fingerprint !== fingerprint) throw new AppError('idempotency-key-reused', 422, '该 Idempotency-Key 已用于另一个请求，请换一个');
    return stored.body;
  }
  const result = await run();
  await deps.db.kysely.insertInto('idempotency').values({ scope, key, response: JSON.stringify({ fingerprint, body: result }), created_at: deps.clock.now().toISOString() })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing()).execute();
  return result;
}

export function taskRoutes(server: FastifyInstance, deps: Deps, tasks: TaskService, shared: SharedData): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const id = (p: Static<typeof TaskParams>) => `${p.caseId}:${p.item}`;

  app.get('/api/department/tasks', {
    schema: { tags: TAG, summary: '本部门子件队列（含期限标识）', operationId: 'taskQueue', security: SESSION_OR_SIGNED, querystring: TaskQuery, response: { 200: QueueAnswer, ...errors('invalid-request', ...CALLER_ERRORS) } },
    // The queue reads status and deadline from rows as plain strings; they are the contract's values.
  }, async (request) => ({ tasks: (await tasks.queue(acting(request).department, request.query)) as QueueEntry[] }));

  app.get('/api/department/tasks/:caseId/:item', {
    schema: { tags: TAG, summary: '子件详情（仅本事项所需字段和材料）', operationId: 'getTask', security: SESSION_OR_SIGNED, params: TaskParams, response: { 200: TaskView, ...errors('invalid-request', ...CALLER_ERRORS, 'not-found') } },
  },
    async (request) => tasks.view(id(request.params), acting(request)));

  app.get('/api/department/tasks/:caseId/:item/shared-records', {
    schema: { tags: TAG, summary: '审查需核对的共享数据（仅本事项所需字段；每次查看留痕）', operationId: 'taskSharedRecords', security: SESSION_OR_SIGNED, params: TaskParams, response: { 200: SharedRecordsAnswer, ...errors('invalid-request', ...CALLER_ERRORS, 'not-found') } },
  }, async (request) => tasks.sharedRecords(id(request.params), acting(request), shared));

  app.post('/api/department/tasks/:caseId/:item/claim', {
    schema: { tags: TAG, summary: '认领', operationId: 'claimTask', security: SESSION_OR_SIGNED, params: TaskParams, response: { 200: TaskAnswer, ...errors(...DECISION_ERRORS, 'task-not-claimable', 'reviewer-required') } },
  },
    async (request) => ({ task: await tasks.claim(id(request.params), acting(request)) }));

  app.post('/api/department/tasks/:caseId/:item/release', {
    schema: { tags: TAG, summary: '退回队列', operationId: 'releaseTask', security: SESSION_OR_SIGNED, params: TaskParams, response: { 200: TaskAnswer, ...errors(...DECISION_ERRORS) } },
  },
    async (request) => ({ task: await tasks.release(id(request.params), acting(request)) }));

  app.post('/api/department/tasks/:caseId/:item/approve', {
    schema: {
      tags: TAG, summary: '准予办理（出具结果或电子证照）', description: IDEMPOTENCY, operationId: 'approveTask', security: SESSION_OR_SIGNED, params: TaskParams, body: ApproveBody,
      response: { 200: TaskAnswer, ...errors(...DECISION_ERRORS, 'duplicate-number', 'result-required') },
    },
  }, async (request) => idempotent(deps, request, async () => ({ task: await tasks.approve(id(request.params), acting(request), request.body ?? {}) })));

  app.post('/api/department/tasks/:caseId/:item/refuse', {
    schema: {
      tags: TAG, summary: '不予办理（写明理由）', description: IDEMPOTENCY, operationId: 'refuseTask', security: SESSION_OR_SIGNED, params: TaskParams, body: RefuseBody,
      response: { 200: TaskAnswer, ...errors(...DECISION_ERRORS, 'refusal-needs-reasons') },
    },
  }, async (request) => idempotent(deps, request, async () => ({ task: await tasks.refuse(id(request.params), acting(request), request.body.reasons) })));

  app.post('/api/department/tasks/:caseId/:item/supplement', {
    schema: {
      tags: TAG, summary: '要求补正：按编码列出本事项的材料，和须说明的表单项或问题，逐项附说明（暂停计时）', description: IDEMPOTENCY, operationId: 'requestSupplement', security: SESSION_OR_SIGNED, params: TaskParams, body: SupplementBody,
      response: { 200: TaskAnswer, ...errors(...DECISION_ERRORS, 'supplement-needs-materials', 'invalid-supplement') },
    },
  }, async (request) => idempotent(deps, request, async () => ({ task: await tasks.requestSupplement(id(request.params), acting(request), request.body) })));

  app.post('/api/department/joint-reviews', {
    schema: {
      tags: TAG, summary: '记录牵头部门组织的联合评审、勘验或验收（仅牵头部门管理人员；日期在受理日至今天之间）', operationId: 'recordJointReview', security: SESSION,
      body: JointReviewBody,
      response: { 201: Created, ...errors(...BODY_ERRORS, ...CALLER_ERRORS, 'not-found', 'case-not-accepted', 'held-on-out-of-range', 'invalid-tasks') },
    },
  }, async (request, reply) => {
    const a = acting(request);
    // A department system counts as `lead` for releasing tasks; it does not organise joint reviews.
    const r = await tasks.jointReview({ ...a, manager: a.reviewerId !== null && a.lead }, request.body);
    reply.code(201);
    return r;
  });
}
