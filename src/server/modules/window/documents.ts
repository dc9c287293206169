/** The printable documents of acceptance (clause 7.3), made from the case as recorded. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { DocumentParams } from '../../../contracts/cases.ts';
import { AUTH_ERRORS, binary, errors, SESSION } from '../../../contracts/http.ts';
import { dueDateWithPeriods, isProvisional } from '../../../core/calendar/workdays.ts';
import { maskIdNumber } from '../../crypto/sm4.ts';
import type { Deps } from '../../deps.ts';
import { renderCommitmentLetter, renderCorrectionNotice, renderReceipt, renderRejectionNotice } from '../../documents/index.ts';
import { REJECTION_KIND_LABEL } from '../../../core/case/corrections.ts';
import type { DocumentBase } from '../../documents/types.ts';
import { notFound } from '../../errors.ts';
import { reachCase } from '../cases/routes.ts';
import type { LoadedCase } from '../cases/store.ts';
import { MATERIAL_FORM_TEXT } from '../../../core/planning/labels.ts';
import { ensureProgressCode } from '../progress/code.ts';

async function base(deps: Deps, c: LoadedCase, on: string): Promise<DocumentBase> {
  const db = deps.db.kysely;
  const applicant = await db.selectFrom('accounts').select(['display_name', 'id_number_enc']).where('id', '=', c.row.applicant_id).executeTakeFirstOrThrow();
  const clerk = c.row.accepted_by ? await db.selectFrom('accounts').select('display_name').where('id', '=', c.row.accepted_by).executeTakeFirst() : undefined;
  const { catalogue } = await deps.catalogues.get(c.row.catalogue_version);
  const centre = catalogue.departments.get('zwfw');
  return {
    caseNumber: c.row.number,
    matterName: c.plan?.matter.name ?? c.row.matter_id,
    applicantName: applicant.display_name,
    ...(applicant.id_number_enc ? { applicantIdMasked: maskIdNumber(deps.cipher.decrypt(applicant.id_number_enc)) } : {}),
    issuedOn: on,
    issuer: '示例市政务服务中心',
    clerk: clerk?.display_name ?? '综合窗口',
    window: centre?.window ?? { name: '综合窗口', address: '', phone: '12345', hours: '' },
  };
}

export function documentRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/cases/:id/documents/:kind', {
    schema: {
      tags: ['综合窗口'], summary: '受理凭证、告知承诺书、补正材料通知书、不予受理通知书（PDF）', operationId: 'caseDocument', security: SESSION, params: DocumentParams,
      response: { 200: binary('application/pdf', 'PDF 文书'), ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') },
    },
  }, async (request, reply) => {
    const { c } = await reachCase(deps, request, request.params.id);
    const { catalogue } = await deps.catalogues.get(c.row.catalogue_version);
    const record = c.record;
    let pdf: Buffer;
    if (request.params.kind === 'receipt.pdf') {
      if (!record.acceptedOn || !c.plan) throw notFound('受理凭证');
      // The acceptance day starts the clock; a day off counts from the next working day (receiptDay).
      const { calendar } = catalogue;
      const { acceptedOn } = record;
      const caseDue = dueDateWithPeriods(calendar, acceptedOn, c.plan.timeLimit.workingDays, c.plan.timeLimit.calendarDays ?? 0);
      const deferred = new Set(record.deferred.map((d) => d.material));
      // Made at the first print for a case accepted before query codes existed.
      const code = await ensureProgressCode(deps.db.kysely, deps.cipher, c.row.id, deps.clock.now().toISOString());
      pdf = await renderReceipt({
        ...(await base(deps, c, record.acceptedOn)),
        acceptedAt: c.row.accepted_at ?? `${record.acceptedOn}T00:00:00Z`,
        progressUrl: `${deps.config.publicUrl}/progress?n=${encodeURIComponent(c.row.number)}&c=${code}`,
        progressCode: code,
        items: c.tasks.map((t) => ({
          name: t.name, department: t.department.name, promisedDays: t.promised, dueDate: t.dueDate ?? caseDue,
          provisional: t.dueDate ? t.dueProvisional === true : isProvisional(calendar, acceptedOn, caseDue),
        })),
        materials: c.plan.materials.map((m) => ({
          name: m.name, copies: m.copies, form: MATERIAL_FORM_TEXT[m.form],
          status: m.status === 'exempt' ? '免提交' as const : deferred.has(m.id) ? '容缺后补' as const : '已提交' as const,
          ...(m.exemption ? { note: m.exemption.evidence } : {}),
        })),
        dueDate: caseDue,
        provisional: isProvisional(calendar, acceptedOn, caseDue),
      });
    } else if (request.params.kind === 'commitment.pdf') {
      if (!record.onCommitment || !c.plan) throw notFound('告知承诺书');
      const names = new Map(c.plan.materials.map((m) => [m.id, m.name]));
      pdf = await renderCommitmentLetter({
        ...(await base(deps, c, record.acceptedOn ?? '')),
        missing: record.deferred.map((d) => ({ name: names.get(d.material) ?? d.material, deadline: d.deadline })),
      });
    } else if (request.params.kind === 'corrections.pdf') {
      const told = record.correction;
      if (!told) throw notFound('补正材料通知书');
      pdf = await renderCorrectionNotice({
        ...(await base(deps, c, told.requestedOn)),
        receivedOn: record.submittedOn ?? told.requestedOn,
        items: told.items.map((x) => ({ subject: x.field !== undefined ? `${x.name}（申请表填写事项）` : x.name, problem: x.problem, correction: x.correction })),
        ...(told.deadline ? { deadline: told.deadline } : {}),
      });
    } else {
      if (record.status !== 'rejected') throw notFound('不予受理通知书');
      // Rejections recorded before 补正 was its own step gave only corrections: they are shown as the reason.
      const legacy = (JSON.parse(c.row.corrections) as { subject: string; problem: string }[]).map((x) => `${x.subject}${x.problem}`).join('；');
      pdf = await renderRejectionNotice({
        ...(await base(deps, c, record.rejectedOn ?? '')),
        ground: record.rejection ? REJECTION_KIND_LABEL[record.rejection.kind] : '申请材料存在问题',
        reason: record.rejection?.reason ?? (legacy || '见申请时的告知'),
        ...(record.rejection?.kind === 'outside-remit' ? { referral: '请向有权机关提出申请。' } : {}),
        legalBasis: ['《中华人民共和国行政许可法》第三十二条'],
      });
    }
    reply.type('application/pdf').header('Content-Disposition', `inline; filename="${c.row.number}-${request.params.kind}"`);
    return pdf;
  });
}
