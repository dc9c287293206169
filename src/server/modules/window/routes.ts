/** The window's routes: applications for visitors, the completeness check, and the three outcomes. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CaseView, MaterialParams } from '../../../contracts/cases.ts';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, SESSION } from '../../../contracts/http.ts';
import { CheckResult, CommitmentBody, CorrectionsBody, RejectBody, ResubmitBody, SuppliedAnswer, WindowCaseBody, WindowCasesAnswer, WindowQuery } from '../../../contracts/window.ts';
import type { CaseRecord } from '../../../core/case/case.ts';
import { correctionNoticeTerm } from '../../../core/case/corrections.ts';
import { dayOf } from '../../../core/case/result.ts';
import { todayIn } from '../../clock.ts';
import type { Deps } from '../../deps.ts';
import { requireAccount } from '../../http/auth.ts';
import type { CaseService } from '../cases/service.ts';
import { loadCase } from '../cases/store.ts';
import { scopeCondition, windowScope } from '../cases/scope.ts';
import { caseView } from '../cases/view.ts';
import { askCorrections, resubmit } from './corrections.ts';
import type { WindowService } from './service.ts';
import { windowSearchRoutes } from './search-routes.ts';

const TAG = ['综合窗口'];
/** What acceptance can meet: the case moved on, or its materials do not allow it. */
const DECISION_ERRORS = [...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'concurrent-update', 'no-plan', 'case-not-submitted', 'case-already-accepted', 'case-already-decided', 'case-closed', 'corrections-pending'] as const;
/** 已补正 can meet a case not waiting for corrections, or corrections not all supplied. */
const RESUBMIT_ERRORS = ['not-correcting', 'corrections-not-supplied', 'invalid-form', 'invalid-date', 'date-out-of-order'] as const;

export function windowRoutes(server: FastifyInstance, deps: Deps, cases: CaseService, window: WindowService): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const view = async (id: string) => caseView(deps, await loadCase(deps.db.kysely, deps.db.dialect, id));
  windowSearchRoutes(server, deps);

  app.post('/api/window/cases', {
    schema: {
      tags: TAG, summary: '为来访群众录入申请，或帮办代办', operationId: 'windowCreateCase', security: SESSION,
      body: WindowCaseBody,
      response: { 201: CaseView, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'invalid-id-number', 'applicant-name-mismatch', 'name-required', 'matter-required', 'no-catalogue', 'unknown-region') },
    },
  }, async (request, reply) => {
    const clerk = requireAccount(request, 'window');
    const applicantId = await window.applicantFor(request.body.applicant);
    const c = await cases.create({ matterId: request.body.matterId, applicantId, actor: clerk, channel: 'window', ...(request.body.assisted ? { assisted: request.body.assisted } : {}), ...(request.body.region ? { region: request.body.region } : {}) });
    reply.code(201);
    return caseView(deps, c);
  });

  app.get('/api/window/cases', {
    schema: { tags: TAG, summary: '申请列表：待受理（默认，含补正告知期限）、待补正、已受理、不予受理、已撤回', operationId: 'windowCases', security: SESSION, querystring: WindowQuery, response: { 200: WindowCasesAnswer, ...errors('invalid-request', ...AUTH_ERRORS) } },
  }, async (request) => {
    const clerk = requireAccount(request, 'window');
    const status = request.query.status ?? 'submitted';
    // A window sees the applications of its own region and the regions below it (and those whose region is unknown).
    const scope = await windowScope(deps, clerk);
    const rows = await deps.db.kysely.selectFrom('cases').select(['id', 'number', 'matter_id', 'channel', 'submitted_at', 'accepted_at', 'record', 'catalogue_version'])
      .where('status', '=', status)
      // …and what it took in itself for another region (跨域通办).
      .where(scopeCondition(scope))
      .orderBy(status === 'submitted' ? 'submitted_at' : 'updated_at', status === 'submitted' ? 'asc' : 'desc').limit(200).execute();
    const today = todayIn(deps.clock);
    const cases = [];
    for (const r of rows) {
      const record = JSON.parse(r.record) as CaseRecord;
      // The 5 working days run until corrections are told; a case told once and resubmitted is past them.
      const receivedOn = record.submittedOn ?? dayOf(r.submitted_at);
      const untold = status === 'submitted' && !record.correction && receivedOn !== undefined;
      const { catalogue } = untold ? await deps.catalogues.get(r.catalogue_version) : { catalogue: null };
      cases.push({
        id: r.id, number: r.number, matter: r.matter_id, channel: r.channel, submittedAt: r.submitted_at, acceptedAt: r.accepted_at,
        correctionTerm: catalogue && receivedOn ? correctionNoticeTerm(catalogue.calendar, receivedOn, today) : null,
        resubmittedOn: record.correction?.answeredOn ?? null,
      });
    }
    return { cases };
  });

  app.get('/api/window/cases/:id/check', {
    schema: { tags: TAG, summary: '按形式审查要点核对材料', operationId: 'checkCase', security: SESSION, params: IdParams, response: { 200: CheckResult, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found', 'no-plan') } },
  }, async (request) => {
    requireAccount(request, 'window');
    return window.check(request.params.id);
  });

  app.post('/api/window/cases/:id/accept', {
    schema: { tags: TAG, summary: '受理（出具受理凭证）', operationId: 'acceptCase', security: SESSION, params: IdParams, response: { 200: CaseView, ...errors(...DECISION_ERRORS, 'materials-missing', 'invalid-plan', 'corrections-not-supplied') } },
  }, async (request) => {
    const clerk = requireAccount(request, 'window');
    return caseView(deps, await window.accept(request.params.id, clerk));
  });

  app.post('/api/window/cases/:id/accept-on-commitment', {
    schema: {
      tags: TAG, summary: '容缺受理（出具告知承诺书）', operationId: 'acceptOnCommitment', security: SESSION, params: IdParams,
      body: CommitmentBody,
      response: { 200: CaseView, ...errors(...DECISION_ERRORS, 'corrections-not-supplied', 'not-deferrable', 'deferred-mismatch', 'invalid-deadline', 'nothing-missing', 'unknown-material', 'invalid-plan') },
    },
  }, async (request) => {
    const clerk = requireAccount(request, 'window');
    return caseView(deps, await window.accept(request.params.id, clerk, request.body.deferred));
  });

  app.post('/api/window/cases/:id/corrections', {
    schema: {
      tags: TAG, summary: '一次性告知补正（出具补正材料通知书），办件转为待补正', operationId: 'askCorrections', security: SESSION, params: IdParams,
      body: CorrectionsBody,
      response: { 200: CaseView, ...errors(...DECISION_ERRORS, 'corrections-required', 'correction-incomplete', 'unknown-material', 'unknown-field', 'not-required', 'invalid-deadline', 'invalid-date', 'date-out-of-order') },
    },
  }, async (request) => {
    const clerk = requireAccount(request, 'window');
    await askCorrections(deps, request.params.id, clerk, request.body.items, request.body.deadline);
    return view(request.params.id);
  });

  app.post('/api/cases/:id/resubmit', {
    schema: {
      tags: ['办件（申请人）'], summary: '已补正：补正通知书所列材料均已重新上传、表单项已更正（values 只含所列表单项）', operationId: 'resubmitCorrections', security: SESSION, params: IdParams,
      body: ResubmitBody,
      response: { 200: CaseView, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'concurrent-update', 'no-plan', 'case-closed', ...RESUBMIT_ERRORS) },
    },
  }, async (request) => {
    const account = requireAccount(request, 'applicant', 'window');
    const c = await resubmit(deps, request.params.id, account, request.body.values);
    return caseView(deps, c);
  });

  app.post('/api/window/cases/:id/reject', {
    schema: {
      tags: TAG, summary: '不予受理（仅限不属于受理范围或申请人不具备资格；材料问题应告知补正）', operationId: 'rejectCase', security: SESSION, params: IdParams,
      body: RejectBody,
      response: { 200: CaseView, ...errors(...DECISION_ERRORS, 'rejection-needs-reason') },
    },
  }, async (request) => {
    const clerk = requireAccount(request, 'window');
    await window.reject(request.params.id, clerk, request.body.kind, request.body.reason);
    return view(request.params.id);
  });

  app.post('/api/window/cases/:id/deferred/:material', {
    schema: {
      tags: TAG, summary: '登记补交容缺材料', operationId: 'supplyDeferred', security: SESSION, params: MaterialParams,
      response: { 200: SuppliedAnswer, ...errors('invalid-request', 'cross-site-request', ...AUTH_ERRORS, 'not-found', 'concurrent-update', 'not-on-commitment', 'not-deferred', 'already-supplied', 'material-not-uploaded', 'invalid-date') },
    },
  }, async (request) => {
    const clerk = requireAccount(request, 'window');
    const r = await window.supplyDeferred(request.params.id, clerk, request.params.material);
    return { ...r, case: await view(request.params.id) };
  });
}
