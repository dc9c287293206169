/**
 * The comprehensive window (综合窗口): applications entered for visitors or as assisted applications,
 * the completeness check, and acceptance, acceptance on commitment, or rejection with every correction.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { createTasks } from '../../../core/case/orchestrate.ts';
import { transitionCase, type CaseRecord } from '../../../core/case/case.ts';
import { correctionNoticeTerm, REJECTION_KIND_LABEL, type RejectionKind } from '../../../core/case/corrections.ts';
import type { Calendar } from '../../../core/calendar/workdays.ts';
import type { ExemptionKind, Material } from '../../../core/catalog/types.ts';
import { checkResidentId } from '../../../core/fields/validators.ts';
import { todayIn } from '../../clock.ts';
import type { Deps } from '../../deps.ts';
import { badRequest, conflict } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { WINDOW } from '../circulation/service.ts';
import type { CaseService } from '../cases/service.ts';
import { caseFiles, loadCase, insertTasks, saveCase, type LoadedCase } from '../cases/store.ts';
import type { Account } from '../identity/roles.ts';
import { unguessablePassword, type IdentityService } from '../identity/service.ts';
import type { SharedData } from '../shareddata/service.ts';
import { notify } from '../notifications/service.ts';
import { applyEffects } from '../tasks/flow.ts';
import { unpaidItems } from '../fees/orders.ts';
import { resubmitLoaded } from './corrections.ts';

export interface MaterialCheck {
  id: string;
  name: string;
  status: 'provided' | 'exempt' | 'missing';
  deferrable: boolean;
  copies: number;
  form: Material['form'];
  medium: Material['medium'];
  exemption?: { kind: ExemptionKind; evidence: string };
  review: { formal: string[]; substantive: string[] };
  files: { id: string; name: string; source: string }[];
}


export class WindowService {
  constructor(
    private readonly deps: Deps,
    private readonly cases: CaseService,
    private readonly identity: IdentityService,
    private readonly shared: SharedData,
  ) {}

  private today = () => todayIn(this.deps.clock);

  /**
   * The visitor's account, found by ID number, or opened for them (they can set a password later).
   * An ID number that an account or the population register holds under another name is refused:
   * the case, and the record it pre-fills, would otherwise go to whoever holds the number.
   */
  async applicantFor(person: { idNumber: string; name: string; phone?: string }): Promise<string> {
    const invalid = checkResidentId(person.idNumber);
    if (invalid) throw badRequest('invalid-id-number', invalid, [{ path: 'applicant.idNumber', message: invalid }]);
    const name = person.name.trim();
    if (name === '') throw badRequest('name-required', '请填写申请人姓名', [{ path: 'applicant.name', message: '姓名不能为空' }]);
    const mismatch = () => conflict('applicant-name-mismatch', '证件号码与姓名不一致，请核对身份证件', [{ path: 'applicant.name', message: '与该证件号码登记的姓名不一致' }]);
    const known = await this.identity.findByIdNumber(person.idNumber);
    if (known) {
      if (known.displayName.trim() !== name) throw mismatch();
      return known.id;
    }
    const registered = await this.shared.nameOnRecord(person.idNumber);
    if (registered !== null && registered.trim() !== name) throw mismatch();
    const created = await this.identity.createAccount({
      username: `p${randomBytes(6).toString('hex')}`, password: unguessablePassword(), role: 'applicant',
      displayName: name, subject: 'person', idNumber: person.idNumber, phone: person.phone ?? null,
    });
    return created.id;
  }

  async check(caseId: string): Promise<{ materials: MaterialCheck[]; complete: boolean; onlyDeferrableMissing: boolean }> {
    const c = await loadCase(this.deps.db.kysely, this.deps.db.dialect, caseId);
    return this.checkLoaded(this.deps.db.kysely, c);
  }

  private async checkLoaded(db: Kysely<Database>, c: LoadedCase) {
    if (!c.plan) throw conflict('no-plan', '该件还没有办理方案');
    // Every file of the case, kept on it for the view and the dispatch that may follow; the check counts the attached.
    const all = await caseFiles(db, c.row.id);
    c.known = { ...c.known, files: all };
    const files = all.filter((f) => f.status === 'attached');
    const materials: MaterialCheck[] = c.plan.materials.map((m) => {
      const own = files.filter((f) => f.material_id === m.id && f.source !== 'exemption');
      return {
        id: m.id, name: m.name, deferrable: m.deferrable, copies: m.copies, form: m.form, medium: m.medium, review: m.review,
        status: m.status === 'exempt' ? 'exempt' : own.length > 0 ? 'provided' : 'missing',
        ...(m.exemption ? { exemption: { kind: m.exemption.kind, evidence: m.exemption.evidence } } : {}),
        files: own.map((f) => ({ id: f.id, name: f.name, source: f.source })),
      };
    });
    const missing = materials.filter((m) => m.status === 'missing');
    return { materials, complete: missing.length === 0, onlyDeferrableMissing: missing.length > 0 && missing.every((m) => m.deferrable) };
  }

  async accept(caseId: string, clerk: Account, deferred?: { material: string; deadline: string }[]): Promise<LoadedCase> {
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
      // Resuming a case waiting for corrections: what was supplied at the counter is recorded first, nothing entered again.
      if (c.record.status === 'correcting') await resubmitLoaded(trx, this.deps, c, clerk);
      const { catalogue } = await this.deps.catalogues.get(c.row.catalogue_version, trx);
      const day = acceptanceDay(c.record, catalogue.calendar, this.today());
      const probe = transitionCase(c.record, { type: 'accept', at: day });
      if (!probe.ok) throw conflict(probe.error.code, probe.error.message);
      const { materials } = await this.checkLoaded(trx, c);
      const missing = materials.filter((m) => m.status === 'missing');
      const t = deferred
        ? transitionCase(c.record, { type: 'accept-on-commitment', at: day, deferred, materials: c.plan?.materials ?? [], missing: missing.map((m) => m.id) })
        : missing.length > 0
          ? null
          : transitionCase(c.record, { type: 'accept', at: day });
      if (!t) {
        throw conflict('materials-missing', `材料不齐，不能直接受理：${missing.map((m) => m.name).join('、')}${missing.every((m) => m.deferrable) ? '（均可容缺，可选择容缺受理）' : ''}`,
          missing.map((m) => ({ path: `materials.${m.id}`, message: `缺少「${m.name}」`, code: m.deferrable ? 'deferrable' : 'required' })));
      }
      if (!t.ok) throw conflict(t.error.code, t.error.message);
      // An item whose fee is unpaid waits (待缴费) until it is paid (fees/orders.ts).
      const flow = createTasks(c.plan as NonNullable<LoadedCase['plan']>, day, catalogue.calendar, await unpaidItems(trx, this.deps, c));
      if (!flow.ok) throw conflict(flow.error.code, flow.error.message);
      const at = this.deps.clock.now().toISOString();
      await saveCase(trx, c, { status: t.state.status, record: JSON.stringify(t.state), on_commitment: deferred ? 1 : 0, deferred: JSON.stringify(t.state.deferred), accepted_at: at, accepted_by: clerk.id, window_party: c.row.window_party ?? clerk.department ?? WINDOW }, at);
      c.record = t.state;
      // In the order loadCase reads them, so the answer is the case as it is now stored.
      const order = flow.state.map((task, i) => i).sort((i, j) => byItem(flow.state[i]?.id, flow.state[j]?.id));
      const rows = await insertTasks(trx, caseId, flow.state, at);
      c.tasks = order.map((i) => flow.state[i] as LoadedCase['tasks'][number]);
      c.taskRows = order.map((i) => rows[i] as LoadedCase['taskRows'][number]);
      const body = deferred
        ? `办件 ${c.row.number} 已容缺受理，请在期限内补交：${deferred.map((d) => `${materials.find((m) => m.id === d.material)?.name ?? d.material}（${d.deadline} 前）`).join('、')}`
        : `办件 ${c.row.number} 已受理，各部门正在办理。`;
      // The acceptance is chained right after the dispatches it made, in one append.
      await applyEffects(trx, this.deps, c, flow.state, flow.effects, `account:${clerk.id}`, [{ actor: `account:${clerk.id}`, action: deferred ? 'case.accept-on-commitment' : 'case.accept', entity: 'case', entityId: caseId, detail: { deferred: deferred ?? [] } }]);
      await notify(trx, { accountId: c.row.applicant_id, kind: 'accepted', title: deferred ? '申请已容缺受理' : '申请已受理', body, caseId }, at);
      return c;
    });
  }

  /** 不予受理: only a matter outside the centre's remit or an applicant not eligible; incomplete materials are corrected instead. */
  async reject(caseId: string, clerk: Account, kind: RejectionKind, reason: string): Promise<void> {
    await this.deps.db.kysely.transaction().execute(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
      const t = transitionCase(c.record, { type: 'reject', at: this.today(), kind, reason });
      if (!t.ok) throw conflict(t.error.code, t.error.message, t.error.code === 'rejection-needs-reason' ? [{ path: 'reason', message: '请选择不予受理的理由并写明' }] : undefined);
      const at = this.deps.clock.now().toISOString();
      await saveCase(trx, c, { status: t.state.status, record: JSON.stringify(t.state), closed_at: at }, at);
      await trx.updateTable('case_files').set({ status: 'returned' }).where('case_id', '=', caseId).where('status', '=', 'attached').execute();
      const body = `办件 ${c.row.number} 不予受理：${REJECTION_KIND_LABEL[kind]}。${reason.trim()}。如不服，可以自收到不予受理通知书之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。`;
      await notify(trx, { accountId: c.row.applicant_id, kind: 'rejected', title: '申请不予受理', body, caseId }, at);
      await appendAudit(trx, this.deps.db.dialect, at, { actor: `account:${clerk.id}`, action: 'case.reject', entity: 'case', entityId: caseId, detail: { kind, reason: reason.trim() } });
    });
  }

  /** A deferred material arrives after acceptance on commitment; lateness is recorded against the deadline. */
  async supplyDeferred(caseId: string, actor: Account, material: string): Promise<{ late: boolean }> {
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
      const has = await trx.selectFrom('case_files').select('id').where('case_id', '=', caseId).where('material_id', '=', material).where('status', '=', 'attached').executeTakeFirst();
      if (!has) throw conflict('material-not-uploaded', '请先上传该材料');
      const t = transitionCase(c.record, { type: 'supply-deferred', at: this.today(), material });
      if (!t.ok) throw conflict(t.error.code, t.error.message);
      const at = this.deps.clock.now().toISOString();
      await saveCase(trx, c, { record: JSON.stringify(t.state), deferred: JSON.stringify(t.state.deferred) }, at);
      const late = t.state.deferred.find((d) => d.material === material)?.late ?? false;
      await appendAudit(trx, this.deps.db.dialect, at, { actor: `account:${actor.id}`, action: 'case.supply-deferred', entity: 'case', entityId: caseId, detail: { material, late } });
      return { late };
    });
  }
}

/**
 * The day a case is accepted on: today, or — not told of corrections within 5 working days of
 * receipt — the receipt day, on which it counts as accepted (行政许可法 §32), so its time limits run from then.
 */
function acceptanceDay(record: CaseRecord, calendar: Calendar, today: string): string {
  if (record.correction || !record.submittedOn) return today;
  const term = correctionNoticeTerm(calendar, record.submittedOn, today);
  return term.overdue ? term.receivedOn : today;
}

/** Item ids as the database orders them (plain code-unit order). */
const byItem = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);
