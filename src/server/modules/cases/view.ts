/** What a case looks like to the applicant and the window: progress per item, materials, documents. */
import { CASE_STATUS_LABEL, type CaseStatus } from '../../../core/case/case.ts';
import { awaiting, taskStatusLabel } from '../../../core/case/task.ts';
import type { Deps, FieldCipher } from '../../deps.ts';
import type { Plan } from '../../../core/planning/types.ts';
import { maskedPrefill, maskedValues } from './form-values.ts';
import { maskIdNumber } from '../../crypto/sm4.ts';
import { caseFiles, caseStatus, type LoadedCase } from './store.ts';
import { caseOutcome } from '../../../core/case/outcome.ts';
import { resultDocuments } from '../results/listing.ts';
import { correctionView, rejectionView } from '../window/corrections.ts';
import { intakeOf } from './intake.ts';
import { prepared } from '../../db/prepared.ts';

const applicantOf = prepared((db, p) => db.selectFrom('accounts').select(['display_name', 'id_number_enc']).where('id', '=', p('id')));

export async function caseView(deps: Pick<Deps, 'db' | 'cipher' | 'catalogues'>, c: LoadedCase) {
  const db = deps.db.kysely;
  const { cipher } = deps;
  const applicant = c.known?.applicant ?? await applicantOf.first(db, { id: c.row.applicant_id });
  const files = c.known?.files ?? await caseFiles(db, c.row.id);
  const status = caseStatus(c) as CaseStatus;
  const documents = [
    ...(c.row.accepted_at ? ['receipt' as const] : []),
    ...(c.row.on_commitment ? ['commitment' as const] : []),
    ...(status === 'rejected' ? ['rejection' as const] : []),
    ...(c.record.correction ? ['corrections' as const] : []),
  ];
  return {
    id: c.row.id,
    number: c.row.number,
    matter: { id: c.row.matter_id, name: c.plan?.matter.name ?? c.row.matter_id },
    status,
    statusLabel: CASE_STATUS_LABEL[status],
    channel: c.row.channel,
    applicant: { name: applicant?.display_name ?? '', idNumber: applicant?.id_number_enc ? maskIdNumber(cipher.decrypt(applicant.id_number_enc)) : null },
    assisted: c.row.assisted_by ? { by: c.row.assisted_by, authority: c.row.assisted_authority } : null,
    catalogueVersion: c.row.catalogue_version,
    answers: c.answers,
    chosenItems: c.chosenItems ?? null,
    plan: c.plan ? maskPlan(c.plan, cipher) : null,
    form: maskedValues(c.form, cipher),
    materials: (c.plan?.materials ?? []).map((m) => ({
      id: m.id, name: m.name, status: m.status, exemption: m.exemption ?? null, deferrable: m.deferrable,
      files: files.filter((f) => f.material_id === m.id && f.source !== 'exemption').map((f) => ({ id: f.id, name: f.name, source: f.source, status: f.status, createdAt: f.created_at })),
    })),
    progress: c.tasks.map((t) => ({
      item: t.id, name: t.name, department: t.department, status: t.status, statusLabel: taskStatusLabel(t, c.tasks), awaiting: awaiting(t, c.tasks),
      dispatchedOn: t.dispatchedOn ?? null, dueDate: t.dueDate ?? null, dueProvisional: t.dueProvisional === true, decidedOn: t.decidedOn ?? null,
      result: t.result ?? null, reasons: t.reasons ?? null, stopReason: t.stopReason ?? null, supplement: t.supplement ?? null,
    })),
    deferred: JSON.parse(c.row.deferred),
    corrections: JSON.parse(c.row.corrections),
    correction: correctionView(c.record, files),
    rejection: rejectionView(c.record),
    documents: documents.map((d) => ({ kind: d, url: `/api/cases/${c.row.id}/documents/${d}.pdf` })),
    outcome: caseOutcome(status, c.tasks),
    results: resultDocuments(c.row.id, c.tasks),
    createdAt: c.row.created_at,
    submittedAt: c.row.submitted_at,
    acceptedAt: c.row.accepted_at,
    intake: await intakeOf(deps.catalogues, c.row),
  };
}

/**
 * A plan as shown to people: personal values pre-filled into its form are masked like the form
 * itself. A stored plan's are sealed (see storedPlan), so showing one takes the cipher.
 */
export function maskPlan(plan: Plan, cipher?: FieldCipher): Plan {
  if (!plan.form.fields.some((f) => f.sensitive && f.value !== undefined)) return plan;
  return { ...plan, form: { ...plan.form, fields: plan.form.fields.map((f) => (f.sensitive && f.value !== undefined ? { ...f, value: maskedPrefill(f.value, cipher) } : f)) } };
}
