/**
 * 补正 at acceptance (行政许可法 §32): the window tells every correction at once, the case waits in
 * 待补正 with everything already given, and the applicant (online) or the clerk (at the counter)
 * supplies the named materials and fields; the window then accepts it as it stands.
 */
import type { Kysely } from 'kysely';
import { transitionCase, type CaseRecord } from '../../../core/case/case.ts';
import { REJECTION_KIND_LABEL, type CorrectionRequest } from '../../../core/case/corrections.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { badRequest, conflict } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { openValues, sealValues } from '../cases/form-values.ts';
import { mustReach } from '../cases/service.ts';
import { formWithValues } from '../cases/steps.ts';
import { caseFiles, loadCase, saveCase, type CaseFileRow, type LoadedCase } from '../cases/store.ts';
import type { Account } from '../identity/roles.ts';
import { notify } from '../notifications/service.ts';

export interface CorrectionInput {
  material?: string;
  field?: string;
  problem: string;
  correction: string;
}

/** Materials with a file uploaded (online or at the counter) since the request. */
export function freshMaterials(files: readonly CaseFileRow[], request: CorrectionRequest): Set<string> {
  return new Set(files.filter((f) => f.status === 'attached' && f.source !== 'exemption' && f.created_at > request.requestedAt).map((f) => f.material_id));
}

/** The latest 补正材料通知书 as the case's view shows it: each item, and whether it has been supplied. */
export function correctionView(record: CaseRecord, files: readonly CaseFileRow[]) {
  const r = record.correction;
  if (!r) return null;
  const fresh = freshMaterials(files, r);
  return {
    requestedOn: r.requestedOn, deadline: r.deadline ?? null, answeredOn: r.answeredOn ?? null, answeredBy: r.answeredBy ?? null,
    items: r.items.map((x) => ({ ...x, supplied: x.material !== undefined ? fresh.has(x.material) : r.answeredOn !== undefined })),
  };
}

export function rejectionView(record: CaseRecord) {
  return record.rejection ? { ...record.rejection, kindLabel: REJECTION_KIND_LABEL[record.rejection.kind] } : null;
}

const itemText = (x: { name: string; problem: string; correction: string }) => `「${x.name}」${x.problem}，${x.correction}`;

export async function askCorrections(deps: Deps, caseId: string, clerk: Account, items: CorrectionInput[], deadline?: string): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const c = await loadCase(trx, deps.db.dialect, caseId, true);
    if (!c.plan) throw conflict('no-plan', '该件还没有办理方案');
    const at = deps.clock.now().toISOString();
    const t = transitionCase(c.record, {
      type: 'ask-corrections', at, items, ...(deadline ? { deadline } : {}),
      materials: c.plan.materials, fields: c.plan.form.fields.map((f) => ({ id: f.key, label: f.label })),
    });
    if (!t.ok) throw conflict(t.error.code, t.error.message);
    await saveCase(trx, c, { status: t.state.status, record: JSON.stringify(t.state) }, at);
    const told = t.state.correction as CorrectionRequest;
    const by = told.deadline ? `请于 ${told.deadline} 前` : '请';
    await notify(trx, {
      accountId: c.row.applicant_id, kind: 'corrections', title: '请补正申请材料',
      body: `办件 ${c.row.number} 需补正 ${told.items.length} 项：${told.items.map(itemText).join('；')}。${by}在办件页面逐项上传或更正后点击“已补正”，也可到综合窗口补正；已提交的内容无需重新填报。`,
      caseId,
    }, at);
    await appendAudit(trx, deps.db.dialect, at, { actor: `account:${clerk.id}`, action: 'case.ask-corrections', entity: 'case', entityId: caseId, detail: { items: told.items, deadline: told.deadline ?? null } });
  });
}

/**
 * 已补正: every named material has a new upload and every named field a new value (given here). The
 * applicant does it online; the clerk does it at the counter, or as the first step of accepting.
 */
export async function resubmitLoaded(trx: Kysely<Database>, deps: Deps, c: LoadedCase, actor: Account, values: Record<string, unknown> = {}): Promise<void> {
  const request = c.record.correction;
  const named = new Set((request?.items ?? []).flatMap((x) => (x.field !== undefined ? [x.field] : [])));
  const extra = Object.keys(values).filter((k) => !named.has(k));
  if (extra.length > 0) throw badRequest('invalid-form', '只能更正补正通知书所列的表单项', extra.map((k) => ({ path: `values.${k}`, message: '该项不在补正通知书中' })));
  const files = await caseFiles(trx, c.row.id);
  const fresh = request ? freshMaterials(files, request) : new Set<string>();
  const given = Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k]) => k);
  const by = actor.role === 'window' ? 'window' as const : 'applicant' as const;
  const t = transitionCase(c.record, { type: 'resubmit', at: deps.clock.now().toISOString(), by, supplied: [...fresh, ...given] });
  if (!t.ok) {
    const open = (request?.items ?? []).filter((x) => !(x.material !== undefined ? fresh.has(x.material) : given.includes(x.field as string)));
    throw conflict(t.error.code, t.error.message, open.map((x) => ({ path: x.material !== undefined ? `materials.${x.material}` : `values.${x.field}`, message: `「${x.name}」尚未补正` })));
  }
  const at = deps.clock.now().toISOString();
  const changes: Parameters<typeof saveCase>[2] = { status: t.state.status, record: JSON.stringify(t.state) };
  if (given.length > 0 && c.plan) {
    const form = sealValues(formWithValues(c.plan, openValues(c.form, deps.cipher), values), c.plan.form, deps.cipher);
    changes.form = JSON.stringify(form);
    c.form = form;
  }
  await saveCase(trx, c, changes, at);
  c.record = t.state;
  c.known = { ...c.known, files };
  await appendAudit(trx, deps.db.dialect, at, { actor: `account:${actor.id}`, action: 'case.resubmit', entity: 'case', entityId: c.row.id, detail: { by, materials: [...fresh], fields: given } });
}

export async function resubmit(deps: Deps, caseId: string, actor: Account, values?: Record<string, unknown>): Promise<LoadedCase> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const c = await loadCase(trx, deps.db.dialect, caseId, true);
    mustReach(actor, c.row.applicant_id);
    await resubmitLoaded(trx, deps, c, actor, values);
    if (actor.role !== 'window') {
      await notify(trx, { accountId: c.row.applicant_id, kind: 'resubmitted', title: '补正材料已提交', body: `办件 ${c.row.number} 的补正材料已提交，综合窗口审查后将告知受理结果。`, caseId }, deps.clock.now().toISOString());
    }
    return c;
  });
}
