/**
 * The applicant's side of a case: start it, answer, choose items, fill the one form, upload
 * materials, submit (freezing the catalogue version and plan), follow it, withdraw it.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { newCase, transitionCase } from '../../../core/case/case.ts';
import { withdrawCase } from '../../../core/case/orchestrate.ts';
import { plan } from '../../../core/planning/plan.ts';
import type { Plan } from '../../../core/planning/types.ts';
import { validateFormValues } from '../../../core/planning/validate-form.ts';
import { todayIn } from '../../clock.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, badRequest, conflict } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Account } from '../identity/roles.ts';
import { notify } from '../notifications/service.ts';
import { recordMovement } from '../circulation/service.ts';
import type { SharedData } from '../shareddata/service.ts';
import { openValues, sealValues } from './form-values.ts';
import { loadCase, saveCase, saveTasks, type LoadedCase } from './store.ts';

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

export class CaseService {
  constructor(
    private readonly deps: Deps,
    private readonly shared: SharedData,
    private readonly identityData: (accountId: string) => Promise<{ idNumber: string | null; phone: string | null }>,
  ) {}

  get db(): Kysely<Database> {
    return this.deps.db.kysely;
  }

  private now = () => this.deps.clock.now().toISOString();
  private today = () => todayIn(this.deps.clock);

  async transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  /** Shared data about the applicant, and what their own account says (the mobile they verified). */
  async factsFor(applicantId: string): Promise<Record<string, unknown>> {
    const account = await this.db.selectFrom('accounts').selectAll().where('id', '=', applicantId).executeTakeFirstOrThrow();
    const { idNumber, phone } = await this.identityData(applicantId);
    const shared = await this.shared.factsFor({ id: account.id, username: account.username, role: account.role, displayName: account.display_name, department: account.department, subject: account.subject, enterpriseUscc: account.enterprise_uscc }, idNumber);
    return { ...(phone ? { applicantMobile: phone } : {}), ...shared };
  }

  /**
   * What planning a case needs from outside its transaction: the applicant's facts and the case's
   * catalogue version (on SQLite a transaction holds the only connection).
   */
  async prepare(caseId: string): Promise<{ facts: Record<string, unknown> }> {
    const head = await this.db.selectFrom('cases').select(['applicant_id', 'catalogue_version']).where('id', '=', caseId).executeTakeFirst();
    if (!head) throw new AppError('not-found', 404, '办件不存在或无权查看');
    await this.deps.catalogues.get(head.catalogue_version);
    return { facts: await this.factsFor(head.applicant_id) };
  }

  /** Plans the case with its frozen catalogue version, the applicant's facts and the given answers. */
  async replan(trx: Kysely<Database>, c: Pick<LoadedCase, 'row'>, answers: Record<string, unknown>, chosenItems: string[] | undefined, facts: Record<string, unknown>): Promise<Plan> {
    const { catalogue } = await this.deps.catalogues.get(c.row.catalogue_version, trx);
    const r = plan(catalogue, c.row.matter_id, { answers, chosenItems, facts });
    if (!r.ok) throw badRequest('invalid-answers', '回答或所选事项有误', r.errors.map((e) => ({ path: e.path, message: e.message, code: e.code })));
    return r.plan;
  }

  async nextNumber(trx: Kysely<Database>): Promise<string> {
    const year = this.today().slice(0, 4);
    const row = await trx.insertInto('counters').values({ name: `case-${year}`, value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`counters.value + 1` }))
      .returning('value').executeTakeFirstOrThrow();
    return `YJS${year}${String(row.value).padStart(7, '0')}`;
  }

  async create(input: { matterId: string; applicantId: string; actor: Account; channel: 'online' | 'window'; assisted?: { by: string; authority: string } }): Promise<string> {
    const { version, catalogue } = await this.deps.catalogues.latest();
    if (!catalogue.matters.has(input.matterId)) throw new AppError('not-found', 404, `一件事「${input.matterId}」不存在`);
    const id = randomUUID();
    const at = this.now();
    const facts = await this.factsFor(input.applicantId);
    const first = plan(catalogue, input.matterId, { answers: {}, facts });
    await this.transaction(async (trx) => {
      await trx.insertInto('cases').values({
        id, number: await this.nextNumber(trx), matter_id: input.matterId, catalogue_version: version, applicant_id: input.applicantId,
        channel: input.channel, assisted_by: input.assisted?.by ?? null, assisted_authority: input.assisted?.authority ?? null,
        status: 'draft', record: JSON.stringify(newCase(id, input.matterId)), answers: '{}', chosen_items: null,
        form: JSON.stringify(first.ok ? sealValues(prefilled(first.plan), first.plan.form, this.deps.cipher) : {}),
        plan: first.ok ? JSON.stringify(first.plan) : null, on_commitment: 0, deferred: '[]', corrections: '[]',
        created_at: at, updated_at: at, submitted_at: null, accepted_at: null, accepted_by: null, closed_at: null, row_version: 0,
      }).execute();
      await appendAudit(trx, this.deps.db.dialect, at, { actor: `account:${input.actor.id}`, action: 'case.create', entity: 'case', entityId: id, detail: { matter: input.matterId, channel: input.channel, assisted: input.assisted ?? null } });
    });
    return id;
  }

  async setAnswers(caseId: string, actor: Account, answers: Record<string, unknown>, chosenItems: string[] | undefined): Promise<Plan> {
    const { facts } = await this.prepare(caseId);
    return this.transaction(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
      requireDraft(c);
      const p = await this.replan(trx, c, answers, chosenItems, facts);
      const form = openValues(c.form, this.deps.cipher);
      for (const f of p.form.fields) if (form[f.key] === undefined && f.value !== undefined) form[f.key] = f.value;
      const keep = Object.fromEntries(Object.entries(form).filter(([k]) => p.form.fields.some((f) => f.key === k)));
      await saveCase(trx, c, { answers: JSON.stringify(answers), chosen_items: chosenItems ? JSON.stringify(chosenItems) : null, plan: JSON.stringify(p), form: JSON.stringify(sealValues(keep, p.form, this.deps.cipher)) }, this.now());
      await appendAudit(trx, this.deps.db.dialect, this.now(), { actor: `account:${actor.id}`, action: 'case.answers', entity: 'case', entityId: caseId, detail: { situation: p.situation?.id ?? null, items: p.items.map((i) => i.id) } });
      return p;
    });
  }

  /** Saves the form as a draft: what is filled in must be valid; required fields may wait. */
  async saveForm(caseId: string, actor: Account, values: Record<string, unknown>): Promise<void> {
    await this.transaction(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
      requireDraft(c);
      if (!c.plan) throw conflict('no-plan', '请先回答引导问题');
      const merged = { ...openValues(c.form, this.deps.cipher), ...values };
      const errors = validateFormValues(c.plan.form, merged, { partial: true });
      if (errors.length > 0) throw badRequest('invalid-form', '表单填写有误', errors.map((e) => ({ path: e.path, message: e.message, code: e.code })));
      await saveCase(trx, c, { form: JSON.stringify(sealValues(merged, c.plan.form, this.deps.cipher)) }, this.now());
      await appendAudit(trx, this.deps.db.dialect, this.now(), { actor: `account:${actor.id}`, action: 'case.form', entity: 'case', entityId: caseId, detail: { fields: Object.keys(values) } });
    });
  }

  async addFile(caseId: string, actor: Account, materialId: string, file: { name: string; mime: string; data: Buffer }, source: 'upload' | 'window'): Promise<string> {
    if (!this.deps.config.uploads.types.includes(file.mime) || !MAGIC[file.mime]?.(file.data)) {
      throw new AppError('unsupported-file-type', 415, `只接受以下类型的文件：${this.deps.config.uploads.types.join('、')}（内容须与类型一致）`, [{ path: 'file', message: `文件类型 ${file.mime} 不被接受` }]);
    }
    // Checked before the file is stored, so a refused upload leaves nothing on disk; checked again in the transaction.
    const mayUpload = (c: LoadedCase) => {
      const material = c.plan?.materials.find((m) => m.id === materialId);
      if (!material) throw badRequest('unknown-material', `本件的材料清单中没有「${materialId}」`, [{ path: 'materialId', message: '材料不在清单中' }]);
      const supplementAsked = c.tasks.some((t) => t.status === 'supplement');
      // A department asking for supplementary material may ask for one the plan had spared.
      if (material.status === 'exempt' && !supplementAsked) throw conflict('material-exempt', `「${material.name}」已免于提交（${material.exemption?.evidence ?? ''}），无需上传`);
      const open = c.record.status === 'draft' || (c.record.deferred ?? []).some((d) => d.material === materialId && !d.suppliedOn) || supplementAsked;
      if (!open) throw conflict('case-not-editable', '该件当前不能再上传材料');
    };
    mayUpload(await loadCase(this.db, this.deps.db.dialect, caseId));
    const stored = await this.deps.files.put(file.data);
    const id = randomUUID();
    await this.transaction(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
      mayUpload(c);
      await trx.insertInto('case_files').values({ id, case_id: caseId, material_id: materialId, source, file_hash: stored.hash, name: file.name.slice(0, 200), mime: file.mime, size: stored.size, evidence: null, status: 'attached', created_by: actor.id, created_at: this.now() }).execute();
      await appendAudit(trx, this.deps.db.dialect, this.now(), { actor: `account:${actor.id}`, action: 'case.file', entity: 'case', entityId: caseId, detail: { material: materialId, hash: stored.hash, size: stored.size } });
    });
    return id;
  }

  /** Submits: complete answers, an eligible situation, a valid form and every non-deferrable material. */
  async submit(caseId: string, actor: Account): Promise<void> {
    const { facts } = await this.prepare(caseId);
    await this.transaction(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
      requireDraft(c);
      const p = await this.replan(trx, c, c.answers, c.chosenItems, facts);
      if (!p.complete) throw conflict('answers-incomplete', `还有问题未回答：${p.nextQuestion?.text ?? ''}`, [{ path: `answers.${p.nextQuestion?.id}`, message: '请回答' }]);
      if (!p.situation?.eligible) throw conflict('not-eligible', `本情形不能通过一件事办理：${p.situation?.advice ?? ''}`);
      const errors = validateFormValues(p.form, openValues(c.form, this.deps.cipher));
      const files = await trx.selectFrom('case_files').select(['material_id']).where('case_id', '=', caseId).where('status', '=', 'attached').execute();
      const have = new Set(files.map((f) => f.material_id));
      // At the window the clerk's completeness check decides (accept, accept on commitment, or reject).
      const missing = c.row.channel === 'window' ? [] : p.materials.filter((m) => m.status === 'required' && !m.deferrable && !have.has(m.id));
      const details = [
        ...errors.map((e) => ({ path: e.path, message: e.message, code: e.code })),
        ...missing.map((m) => ({ path: `materials.${m.id}`, message: `请上传「${m.name}」`, code: 'material-missing' })),
      ];
      if (details.length > 0) throw badRequest('incomplete-application', '申请还不完整，请按提示补充', details);
      const t = transitionCase(c.record, { type: 'submit', at: this.today() });
      if (!t.ok) throw conflict(t.error.code, t.error.message);
      const at = this.now();
      for (const m of p.materials.filter((x) => x.status === 'exempt')) {
        await trx.insertInto('case_files').values({ id: randomUUID(), case_id: caseId, material_id: m.id, source: 'exemption', file_hash: null, name: m.name, mime: null, size: null, evidence: JSON.stringify(m.exemption), status: 'attached', created_by: actor.id, created_at: at }).execute();
      }
      await saveCase(trx, c, { status: t.state.status, record: JSON.stringify(t.state), plan: JSON.stringify(p), submitted_at: at }, at);
      await appendAudit(trx, this.deps.db.dialect, at, { actor: `account:${actor.id}`, action: 'case.submit', entity: 'case', entityId: caseId, detail: { catalogueVersion: c.row.catalogue_version, items: p.items.map((i) => i.id) } });
    });
  }

  /** Withdraws before every decision: open tasks stop, materials go back, everyone is told. */
  async withdraw(caseId: string, actor: Account): Promise<void> {
    await this.transaction(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
      const { catalogue } = await this.deps.catalogues.get(c.row.catalogue_version, trx);
      const r = withdrawCase(c.record, c.tasks, this.today(), catalogue.calendar);
      if (!r.ok) throw conflict(r.error.code, r.error.message);
      const at = this.now();
      await saveTasks(trx, c, r.tasks, at);
      await saveCase(trx, c, { status: r.case.status, record: JSON.stringify(r.case), closed_at: at }, at);
      await trx.updateTable('case_files').set({ status: 'returned' }).where('case_id', '=', caseId).where('status', '=', 'attached').execute();
      for (const task of r.tasks.filter((t) => t.status === 'stopped' && t.dispatchedOn !== undefined)) {
        await recordMovement(trx, this.deps, { caseId, materialId: null, kind: 'return', from: task.department.code, to: 'applicant', waybill: null, sentBy: 'platform' });
      }
      await notify(trx, { accountId: c.row.applicant_id, kind: 'withdrawn', title: '申请已撤回', body: `办件 ${c.row.number} 已撤回，各部门停止办理，已提交的材料退回。`, caseId }, at);
      await appendAudit(trx, this.deps.db.dialect, at, { actor: `account:${actor.id}`, action: 'case.withdraw', entity: 'case', entityId: caseId, detail: { stopped: r.tasks.filter((t) => t.status === 'stopped').map((t) => t.id) } });
    });
  }
}

function requireDraft(c: LoadedCase): void {
  if (c.record.status !== 'draft') throw conflict('case-not-draft', '该件已提交，不能再修改');
}

function prefilled(p: Plan): Record<string, unknown> {
  return Object.fromEntries(p.form.fields.filter((f) => f.value !== undefined).map((f) => [f.key, f.value]));
}
