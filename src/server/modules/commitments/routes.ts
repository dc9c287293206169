/** 告知承诺 routes; see service.ts, deadlines.ts and checks.ts. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CheckBody, SignCommitmentsBody, CommitmentCheck, CommitmentChecksAnswer, CommitmentMaterialParams, CommitmentsAnswer } from '../../../contracts/commitments.ts';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, SESSION } from '../../../contracts/http.ts';
import type { Deps } from '../../deps.ts';
import { forbidden } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';
import { reachCase } from '../cases/routes.ts';
import type { CaseService } from '../cases/service.ts';
import type { Account } from '../identity/roles.ts';
import { CommitmentChecks } from './checks.ts';
import { CommitmentService } from './service.ts';

const TAG = ['告知承诺'];

export function commitmentRoutes(server: FastifyInstance, deps: Deps, cases: CaseService): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const commitments = new CommitmentService(deps, cases);
  const checks = new CommitmentChecks(deps);

  app.get('/api/cases/:id/commitments', {
    schema: { tags: TAG, summary: '本件的告知承诺（承诺内容、签署人与时间、补交期限、履行情况）', operationId: 'caseCommitments', security: SESSION, params: IdParams, response: { 200: CommitmentsAnswer, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') } },
  }, async (request) => {
    const { c } = await reachCase(deps, request, request.params.id);
    return { commitments: await commitments.list(deps.db.kysely, c) };
  });

  app.put('/api/cases/:id/commitments', {
    schema: {
      tags: TAG, summary: '选择以告知承诺代替材料并签署（网上：签名与时间；窗口：附申请人签字的承诺书），办理方案随之更新', operationId: 'signCommitments', security: SESSION,
      params: IdParams, body: SignCommitmentsBody,
      response: { 200: CommitmentsAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'case-not-draft', 'no-plan', 'signer-mismatch', 'letter-required', 'letter-not-found', 'not-committable', 'concurrent-update') },
    },
  }, async (request) => {
    const actor = requireAccount(request, 'applicant', 'window');
    return { commitments: await commitments.sign(request.params.id, actor, request.body) };
  });

  app.post('/api/cases/:id/commitments/:material/supplied', {
    schema: {
      tags: TAG, summary: '已补交承诺的材料（须先上传）', operationId: 'commitmentSupplied', security: SESSION, params: CommitmentMaterialParams,
      response: { 200: CommitmentsAnswer, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found', 'not-promised', 'commitment-settled', 'material-not-uploaded') },
    },
  }, async (request) => {
    const actor = requireAccount(request, 'applicant', 'window');
    return { commitments: await commitments.supplied(request.params.id, actor, request.params.material) };
  });

  const staff = (request: Parameters<typeof requireAccount>[0]) => {
    const a = requireAccount(request, 'reviewer', 'lead');
    if (!a.department) throw forbidden('账号未关联部门');
    return a as Account & { department: string };
  };

  app.get('/api/department/commitment-checks', {
    schema: { tags: TAG, summary: '本部门的告知承诺核查任务（逾期未履行的承诺）', operationId: 'commitmentChecks', security: SESSION, response: { 200: CommitmentChecksAnswer, ...errors(...AUTH_ERRORS) } },
  }, async (request) => ({ checks: await checks.list(staff(request).department) }));

  app.post('/api/department/commitment-checks/:id/complete', {
    schema: {
      tags: TAG, summary: '完成核查（承诺属实，或不实并依法处理）', operationId: 'completeCommitmentCheck', security: SESSION, params: IdParams, body: CheckBody,
      response: { 200: CommitmentCheck, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'check-done') },
    },
  }, async (request) => checks.complete(request.params.id, staff(request), request.body.compliant, request.body.note));
}
