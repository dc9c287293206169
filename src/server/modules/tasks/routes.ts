/** The department workbench and integration API: the same routes for reviewers and for department systems. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sm3Hex } from '../../crypto/sm3.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { requireDepartment } from '../../http/auth.ts';
import type { Acting, TaskService } from './service.ts';

const TAG = ['部门办理'];
const taskParams = { type: 'object', required: ['caseId', 'item'], properties: { caseId: { type: 'string', format: 'uuid' }, item: { type: 'string', maxLength: 100 } } };
type P = { Params: { caseId: string; item: string } };

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

export function taskRoutes(app: FastifyInstance, deps: Deps, tasks: TaskService): void {
  const id = (p: P['Params']) => `${p.caseId}:${p.item}`;

  app.get<{ Querystring: { status?: string } }>('/api/department/tasks', {
    schema: { tags: TAG, summary: '本部门子件队列（含期限标识）', querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: ['dispatched', 'claimed', 'supplement', 'approved', 'refused', 'stopped'] } } } },
  }, async (request) => ({ tasks: await tasks.queue(acting(request).department, request.query) }));

  app.get<P>('/api/department/tasks/:caseId/:item', { schema: { tags: TAG, summary: '子件详情（仅本事项所需字段和材料）', params: taskParams } },
    async (request) => tasks.view(id(request.params), acting(request)));

  app.post<P>('/api/department/tasks/:caseId/:item/claim', { schema: { tags: TAG, summary: '认领', params: taskParams } },
    async (request) => ({ task: await tasks.claim(id(request.params), acting(request)) }));

  app.post<P>('/api/department/tasks/:caseId/:item/release', { schema: { tags: TAG, summary: '退回队列', params: taskParams } },
    async (request) => ({ task: await tasks.release(id(request.params), acting(request)) }));

  app.post<P & { Body: { number?: string; note?: string } }>('/api/department/tasks/:caseId/:item/approve', {
    schema: { tags: TAG, summary: '准予办理（出具结果或电子证照）', params: taskParams, body: { type: 'object', additionalProperties: false, properties: { number: { type: 'string', minLength: 1, maxLength: 64 }, note: { type: 'string', maxLength: 500 } } } },
  }, async (request) => idempotent(deps, request, async () => ({ task: await tasks.approve(id(request.params), acting(request), request.body ?? {}) })));

  app.post<P & { Body: { reasons: string[] } }>('/api/department/tasks/:caseId/:item/refuse', {
    schema: { tags: TAG, summary: '不予办理（写明理由）', params: taskParams, body: { type: 'object', required: ['reasons'], additionalProperties: false, properties: { reasons: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 500 } } } } },
  }, async (request) => idempotent(deps, request, async () => ({ task: await tasks.refuse(id(request.params), acting(request), request.body.reasons) })));

  app.post<P & { Body: { materials: string[]; note: string } }>('/api/department/tasks/:caseId/:item/supplement', {
    schema: { tags: TAG, summary: '要求补充材料（暂停计时）', params: taskParams, body: { type: 'object', required: ['materials', 'note'], additionalProperties: false, properties: { materials: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 200 } }, note: { type: 'string', maxLength: 500 } } } },
  }, async (request) => idempotent(deps, request, async () => ({ task: await tasks.requestSupplement(id(request.params), acting(request), request.body.materials, request.body.note) })));

  app.post<{ Body: { caseId: string; kind: 'review' | 'inspection' | 'acceptance'; tasks: string[]; heldOn: string; outcome: string } }>('/api/department/joint-reviews', {
    schema: {
      tags: TAG, summary: '记录牵头部门组织的联合评审、勘验或验收（仅牵头部门管理人员；日期在受理日至今天之间）',
      body: { type: 'object', required: ['caseId', 'kind', 'tasks', 'heldOn', 'outcome'], additionalProperties: false, properties: { caseId: { type: 'string', format: 'uuid' }, kind: { type: 'string', enum: ['review', 'inspection', 'acceptance'] }, tasks: { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 20 }, heldOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, outcome: { type: 'string', minLength: 1, maxLength: 2000 } } },
    },
  }, async (request, reply) => {
    const a = acting(request);
    // A department system counts as `lead` for releasing tasks; it does not organise joint reviews.
    const r = await tasks.jointReview({ ...a, manager: a.reviewerId !== null && a.lead }, request.body);
    reply.code(201);
    return r;
  });
}
