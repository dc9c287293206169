/** The window's routes: applications for visitors, the completeness check, and the three outcomes. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { requireAccount } from '../../http/auth.ts';
import type { CaseService } from '../cases/service.ts';
import { loadCase } from '../cases/store.ts';
import { caseView } from '../cases/view.ts';
import type { WindowService } from './service.ts';

const TAG = ['综合窗口'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

export function windowRoutes(app: FastifyInstance, deps: Deps, cases: CaseService, window: WindowService): void {
  const view = async (id: string) => caseView(deps.db.kysely, deps.cipher, await loadCase(deps.db.kysely, deps.db.dialect, id));

  app.post<{ Body: { matterId: string; applicant: { idNumber: string; name: string; phone?: string }; assisted?: { by: string; authority: string } } }>('/api/window/cases', {
    schema: {
      tags: TAG, summary: '为来访群众录入申请，或帮办代办',
      body: {
        type: 'object', required: ['matterId', 'applicant'], additionalProperties: false,
        properties: {
          matterId: { type: 'string', minLength: 1, maxLength: 100 },
          applicant: { type: 'object', required: ['idNumber', 'name'], additionalProperties: false, properties: { idNumber: { type: 'string', minLength: 15, maxLength: 18 }, name: { type: 'string', minLength: 1, maxLength: 50 }, phone: { type: 'string', maxLength: 20 } } },
          assisted: { type: 'object', required: ['by', 'authority'], additionalProperties: false, properties: { by: { type: 'string', minLength: 1, maxLength: 50 }, authority: { type: 'string', minLength: 1, maxLength: 200 } } },
        },
      },
    },
  }, async (request, reply) => {
    const clerk = requireAccount(request, 'window');
    const applicantId = await window.applicantFor(request.body.applicant);
    const c = await cases.create({ matterId: request.body.matterId, applicantId, actor: clerk, channel: 'window', ...(request.body.assisted ? { assisted: request.body.assisted } : {}) });
    reply.code(201);
    return caseView(deps.db.kysely, deps.cipher, c);
  });

  app.get<{ Querystring: { status?: 'submitted' | 'accepted' | 'rejected' | 'withdrawn' } }>('/api/window/cases', {
    schema: { tags: TAG, summary: '申请列表：待受理（默认）、已受理、不予受理、已撤回', querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: ['submitted', 'accepted', 'rejected', 'withdrawn'] } } } },
  }, async (request) => {
    requireAccount(request, 'window');
    const status = request.query.status ?? 'submitted';
    const rows = await deps.db.kysely.selectFrom('cases').select(['id', 'number', 'matter_id', 'channel', 'submitted_at', 'accepted_at'])
      .where('status', '=', status).orderBy(status === 'submitted' ? 'submitted_at' : 'updated_at', status === 'submitted' ? 'asc' : 'desc').limit(200).execute();
    return { cases: rows.map((r) => ({ id: r.id, number: r.number, matter: r.matter_id, channel: r.channel, submittedAt: r.submitted_at, acceptedAt: r.accepted_at })) };
  });

  app.get<{ Params: { id: string } }>('/api/window/cases/:id/check', { schema: { tags: TAG, summary: '按形式审查要点核对材料', params: idParams } }, async (request) => {
    requireAccount(request, 'window');
    return window.check(request.params.id);
  });

  app.post<{ Params: { id: string } }>('/api/window/cases/:id/accept', { schema: { tags: TAG, summary: '受理（出具受理凭证）', params: idParams } }, async (request) => {
    const clerk = requireAccount(request, 'window');
    return caseView(deps.db.kysely, deps.cipher, await window.accept(request.params.id, clerk));
  });

  app.post<{ Params: { id: string }; Body: { deferred: { material: string; deadline: string }[] } }>('/api/window/cases/:id/accept-on-commitment', {
    schema: {
      tags: TAG, summary: '容缺受理（出具告知承诺书）', params: idParams,
      body: { type: 'object', required: ['deferred'], additionalProperties: false, properties: { deferred: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'object', required: ['material', 'deadline'], additionalProperties: false, properties: { material: { type: 'string', maxLength: 100 }, deadline: date } } } } },
    },
  }, async (request) => {
    const clerk = requireAccount(request, 'window');
    return caseView(deps.db.kysely, deps.cipher, await window.accept(request.params.id, clerk, request.body.deferred));
  });

  app.post<{ Params: { id: string }; Body: { corrections: { subject: string; problem: string; correction: string }[] } }>('/api/window/cases/:id/reject', {
    schema: {
      tags: TAG, summary: '不予受理（一次性告知全部补正内容）', params: idParams,
      body: { type: 'object', required: ['corrections'], additionalProperties: false, properties: { corrections: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'object', required: ['subject', 'problem', 'correction'], additionalProperties: false, properties: { subject: { type: 'string', minLength: 1, maxLength: 200 }, problem: { type: 'string', minLength: 1, maxLength: 500 }, correction: { type: 'string', minLength: 1, maxLength: 500 } } } } } },
    },
  }, async (request) => {
    const clerk = requireAccount(request, 'window');
    await window.reject(request.params.id, clerk, request.body.corrections);
    return view(request.params.id);
  });

  app.post<{ Params: { id: string; material: string } }>('/api/window/cases/:id/deferred/:material', {
    schema: { tags: TAG, summary: '登记补交容缺材料', params: { type: 'object', required: ['id', 'material'], properties: { id: { type: 'string', format: 'uuid' }, material: { type: 'string', maxLength: 100 } } } },
  }, async (request) => {
    const clerk = requireAccount(request, 'window');
    const r = await window.supplyDeferred(request.params.id, clerk, request.params.material);
    return { ...r, case: await view(request.params.id) };
  });
}
