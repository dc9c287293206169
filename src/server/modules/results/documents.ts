/**
 * Each decided item's results as sealed PDFs: the decision letter (准予/不予许可决定书) and the
 * certificate (an e-license's printed copy, or the 办理结果凭证). Only the case's applicant (a parent
 * as guardian included), the window, and the staff of the departments that have an item in the case
 * may fetch them.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AUTH_ERRORS, binary, errors, SESSION } from '../../../contracts/http.ts';
import { ResultDocumentParams } from '../../../contracts/results.ts';
import type { Deps } from '../../deps.ts';
import { decisionTitle, renderCertificate, renderDecisionLetter } from '../../documents/results.ts';
import { notFound } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';
import { loadCase, type LoadedCase } from '../cases/store.ts';
import { sealSign } from '../tasks/seals.ts';
import { licenseFacts } from './wallet.ts';

async function reachResults(deps: Deps, request: FastifyRequest, id: string): Promise<LoadedCase> {
  const account = requireAccount(request, 'applicant', 'window', 'reviewer', 'lead');
  const c = await loadCase(deps.db.kysely, deps.db.dialect, id);
  if (account.role === 'applicant' && account.id !== c.row.applicant_id) throw notFound('办件');
  if ((account.role === 'reviewer' || account.role === 'lead') && !c.tasks.some((t) => t.department.code === account.department)) throw notFound('办件');
  return c;
}

const disposition = (ascii: string, title: string) => `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(title)}`;

export function resultDocumentRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/cases/:id/results/:item/:kind', {
    schema: {
      tags: ['结果送达'], summary: '事项的准予/不予许可决定书、证照打印件或办理结果凭证（PDF，部门电子印章签章）', operationId: 'resultDocument', security: SESSION,
      params: ResultDocumentParams,
      response: { 200: binary('application/pdf', '加盖部门电子印章（SM2）的 PDF 文书'), ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') },
    },
  }, async (request, reply) => {
    const c = await reachResults(deps, request, request.params.id);
    const task = c.tasks.find((t) => t.id === request.params.item);
    if (!task || (task.status !== 'approved' && task.status !== 'refused')) throw notFound('办理结果');
    const approve = task.status === 'approved';
    if (request.params.kind === 'certificate.pdf' && !approve) throw notFound('办理结果');
    const applicant = await deps.db.kysely.selectFrom('accounts').select('display_name').where('id', '=', c.row.applicant_id).executeTakeFirstOrThrow();
    const license = task.result?.license ? await deps.db.kysely.selectFrom('licenses').selectAll().where('id', '=', task.result.license).executeTakeFirst() : undefined;
    const base = { caseNumber: c.row.number, matterName: c.plan?.matter.name ?? c.row.matter_id, applicantName: applicant.display_name, itemName: task.name, decidedOn: task.decidedOn ?? '' };
    const seal = (what: unknown) => sealSign(deps.db.kysely, deps, task.department.code, what);
    let pdf: Buffer;
    let title: string;
    if (request.params.kind === 'decision.pdf') {
      const { catalogue } = await deps.catalogues.get(c.row.catalogue_version);
      const result = approve && task.result ? { name: task.result.name, ...(task.result.ref ? { ref: task.result.ref } : {}), ...(license ? { holder: license.holder_name } : {}) } : undefined;
      const letter = { ...base, decision: approve ? 'approve' as const : 'refuse' as const, acceptedOn: c.record.acceptedOn ?? base.decidedOn, legalBasis: catalogue.items.get(task.id)?.legalBasis ?? [], reasons: task.reasons ?? [], ...(result ? { result } : {}) };
      title = decisionTitle(letter.decision);
      pdf = await renderDecisionLetter({ ...letter, seal: { department: task.department.name, signature: await seal({ document: 'decision', item: task.id, ...letter }) } });
    } else {
      const result = { name: task.result?.name ?? task.name, ...(task.result?.ref ? { ref: task.result.ref } : {}) };
      pdf = await renderCertificate({ ...base, result, seal: { department: task.department.name, signature: license?.signature ?? await seal({ document: 'certificate', item: task.id, ...base, result }) }, ...(license ? { license: licenseDocument(deps, license) } : {}) });
      title = license ? result.name : '办理结果凭证';
    }
    reply.type('application/pdf').header('Content-Disposition', disposition(`${c.row.number}-${task.id}-${request.params.kind}`, `${title}-${c.row.number}.pdf`)).header('Cache-Control', 'private, no-store');
    return pdf;
  });
}

function licenseDocument(deps: Deps, row: Parameters<typeof licenseFacts>[0]) {
  const facts = licenseFacts(row, new Map(), deps.cipher);
  const number = facts.holder.creditCode ? { label: '统一社会信用代码', value: facts.holder.creditCode } : facts.holder.idNumber ? { label: '公民身份号码', value: facts.holder.idNumber } : undefined;
  return {
    holder: facts.holder.name, ...(number ? { holderNumber: number } : {}), ...(facts.keeper !== 'self' ? { keeper: facts.keeperLabel } : {}),
    validFrom: facts.validFrom, validUntil: facts.validUntil, verifyUrl: `${deps.config.publicUrl}/verify/${row.id}`,
  };
}
