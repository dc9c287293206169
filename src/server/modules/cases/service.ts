/**
 * The applicant's side of a case: start it, answer, choose items, fill the one form, upload
 * materials, submit (freezing the catalogue version and plan), follow it, withdraw it.
 */
import { sql, type Kysely } from 'kysely';
import { newCase, transitionCase } from '../../../core/case/case.ts';
import { withdrawCase } from '../../../core/case/orchestrate.ts';
import { regionOfFacts } from '../../../core/planning/jurisdiction.ts';
import { plan } from '../../../core/planning/plan.ts';
import type { Plan } from '../../../core/planning/types.ts';
import { todayIn } from '../../clock.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, badRequest, conflict, notFound } from '../../errors.ts';
import { invalidAnswers, planOrFail } from '../catalogue/planning.ts';
import { appendAudit, type AuditEntry } from '../audit/audit.ts';
import type { Account } from '../identity/roles.ts';
import { toAccount } from '../identity/service.ts';
import { notify } from '../notifications/service.ts';
import { recordMovement, WINDOW } from '../circulation/service.ts';
import type { SharedData } from '../shareddata/service.ts';
import { openValues, sealValues, storedPlan } from './form-values.ts';
import { checkSubmittable, formAfterAnswers, formWithValues, prefilled } from './steps.ts';
import { loadCase, saveCase, saveTasks, type CaseFileRow, type LoadedCase } from './store.ts';
import { rewriteFormKeys, writeCaseKeys } from '../window/search-keys.ts';
import { settleOnWithdrawal } from '../fees/orders.ts';
import { insertRows, prepared } from '../../db/prepared.ts';
import { newRowId } from '../../ids.ts';

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

const bumpCounter = prepared((db, p) => db.insertInto('counters').values({ name: p('name'), value: 1 })
  .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`counters.value + 1` })).returning('value'));
const accountById = prepared((db, p) => db.selectFrom('accounts').selectAll().where('id', '=', p('id')));

export class CaseService {
  constructor(
    private readonly deps: Deps,
    private readonly shared: SharedData,
  ) {}

  /** Told of each file stored for a material, once committed, before the upload answers (智能预审 queues it). */
  readonly fileAdded: ((caseId: string, fileId: string) => Promise<void>)[] = [];

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
    return (await this.applicantFacts(applicantId)).facts;
  }

  /** The facts, and the account's name and sealed ID number, which the case's view shows. */
  private async applicantFacts(applicantId: string) {
    const row = await accountById.first(this.db, { id: applicantId });
    if (!row) throw notFound('申请人');
    const open = (enc: string | null) => (enc ? this.deps.cipher.decrypt(enc) : null);
    const phone = open(row.phone_enc);
    const shared = await this.shared.factsFor(toAccount(row), open(row.id_number_enc));
    return { facts: { ...(phone ? { applicantMobile: phone } : {}), ...shared }, applicant: { display_name: row.display_name, id_number_enc: row.id_number_enc }, account: row };
  }

  /**
   * What planning a case needs from outside its transaction: the applicant's facts and the case's
   * catalogue version (on SQLite a transaction holds the only connection).
   */
  async prepare(caseId: string, actor: Account): Promise<{ facts: Record<string, unknown> }> {
    const head = await this.db.selectFrom('cases').select(['applicant_id', 'catalogue_version']).where('id', '=', caseId).executeTakeFirst();
    if (!head) throw notFound('办件');
    mustReach(actor, head.applicant_id);
    await this.deps.catalogues.get(head.catalogue_version);
    return { facts: await this.factsFor(head.applicant_id) };
  }

  /** Loads and locks a draft the actor may change. */
  private async draft(trx: Kysely<Database>, caseId: string, actor: Account): Promise<LoadedCase> {
    const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
    mustReach(actor, c.row.applicant_id);
    requireDraft(c);
    return c;
  }

  /** Plans the case with its frozen catalogue version, the applicant's facts and the given answers. */
  async replan(trx: Kysely<Database>, c: Pick<LoadedCase, 'row'>, answers: Record<string, unknown>, chosenItems: string[] | undefined, facts: Record<string, unknown>, commitments?: string[]): Promise<Plan> {
    const { catalogue } = await this.deps.catalogues.get(c.row.catalogue_version, trx);
    return planOrFail(catalogue, c.row.matter_id, { answers, chosenItems, facts, commitments: commitments ?? (JSON.parse(c.row.commitments ?? '[]') as string[]), ...(c.row.region ? { region: c.row.region } : {}) });
  }

  async nextNumber(trx: Kysely<Database>): Promise<string> {
    const year = this.today().slice(0, 4);
    const row = await bumpCounter.first(trx, { name: `case-${year}` });
    if (!row) throw new Error('counter not bumped');
    return `YJS${year}${String(row.value).padStart(7, '0')}`;
  }

  /**
   * Starts a case. With answers, form values and `submit`, the whole online application happens in
   * this one call and one transaction: anything wrong, and no case is left behind.
   */
  async create(input: CreateInput): Promise<LoadedCase> {
    const { version, catalogue } = await this.deps.catalogues.latest();
    if (!catalogue.matters.has(input.matterId)) throw new AppError('not-found', 404, `一件事「${input.matterId}」不存在`);
    const id = newRowId();
    const at = this.now();
    const { facts, applicant, account } = await this.applicantFacts(input.applicantId);
    if (input.region !== undefined && !catalogue.regions.has(input.region)) {
      throw badRequest('unknown-region', `没有代码为「${input.region.slice(0, 20)}」的行政区划`, [{ path: 'body.region', message: '不是本平台的行政区划' }]);
    }
    const region = input.region ?? regionOfFacts(catalogue.regions, facts) ?? null;
    const answers = input.answers ?? {};
    const planned = plan(catalogue, input.matterId, { answers, chosenItems: input.chosenItems, facts, ...(region ? { region } : {}) });
    if (!planned.ok && input.answers !== undefined) throw invalidAnswers(planned.errors);
    const p = planned.ok ? planned.plan : null;
    const actor = `account:${input.actor.id}`;
    const audit: AuditEntry[] = [{ actor, action: 'case.create', entity: 'case', entityId: id, detail: { matter: input.matterId, channel: input.channel, assisted: input.assisted ?? null, region, window: input.channel === 'window' ? input.actor.department ?? WINDOW : null } }];
    let form = p ? prefilled(p) : {};
    if (p && input.answers !== undefined) {
      form = formAfterAnswers(p, form);
      audit.push({ actor, action: 'case.answers', entity: 'case', entityId: id, detail: answersDetail(p) });
    }
    if (input.values !== undefined) {
      form = formWithValues(p, form, input.values);
      audit.push({ actor, action: 'case.form', entity: 'case', entityId: id, detail: { fields: Object.keys(input.values) } });
    }
    let record = newCase(id, input.matterId);
    if (input.submit && p) {
      checkSubmittable(p, form, new Set(), input.channel);
      const t = transitionCase(record, { type: 'submit', at: this.today() });
      if (!t.ok) throw conflict(t.error.code, t.error.message);
      record = t.state;
      audit.push({ actor, action: 'case.submit', entity: 'case', entityId: id, detail: { catalogueVersion: version, items: p.items.map((i) => i.id) } });
    }
    const sealed = p ? sealValues(form, p.form, this.deps.cipher) : {};
    return this.transaction(async (trx) => {
      const row = {
        id, number: await this.nextNumber(trx), matter_id: input.matterId, catalogue_version: version, applicant_id: input.applicantId,
        channel: input.channel, assisted_by: input.assisted?.by ?? null, assisted_authority: input.assisted?.authority ?? null,
        status: record.status, record: JSON.stringify(record), answers: JSON.stringify(answers), chosen_items: input.chosenItems ? JSON.stringify(input.chosenItems) : null,
        form: JSON.stringify(sealed), plan: p ? storedPlan(p, this.deps.cipher) : null, on_commitment: 0, deferred: '[]', corrections: '[]', commitments: '[]',
        created_at: at, updated_at: at, submitted_at: record.status === 'submitted' ? at : null, accepted_at: null, accepted_by: null, closed_at: null, row_version: 0,
        entered_by: input.channel === 'window' ? input.actor.id : null, region,
        window_party: input.channel === 'window' ? input.actor.department ?? WINDOW : null,
      };
      await trx.insertInto('cases').values(row).execute();
      await writeCaseKeys(trx, this.deps.cipher, id, account, typeof facts.applicantMobile === 'string' ? facts.applicantMobile : null, form);
      const files = record.status === 'submitted' && p ? await this.attachExemptions(trx, id, p, input.actor, at) : [];
      await appendAudit(trx, this.deps.db.dialect, at, ...audit);
      // A new case has only the files just attached: its view need not read them, nor the applicant, again.
      return { row, record, plan: p, answers, chosenItems: input.chosenItems, form: sealed, tasks: [], taskRows: [], known: { files, applicant } };
    });
  }

  async setAnswers(caseId: string, actor: Account, answers: Record<string, unknown>, chosenItems: string[] | undefined): Promise<Plan> {
    const { facts } = await this.prepare(caseId, actor);
    return this.transaction(async (trx) => {
      const c = await this.draft(trx, caseId, actor);
      const p = await this.replan(trx, c, answers, chosenItems, facts);
      const form = formAfterAnswers(p, openValues(c.form, this.deps.cipher));
      await saveCase(trx, c, { answers: JSON.stringify(answers), chosen_items: chosenItems ? JSON.stringify(chosenItems) : null, plan: storedPlan(p, this.deps.cipher), form: JSON.stringify(sealValues(form, p.form, this.deps.cipher)) }, this.now());
      await appendAudit(trx, this.deps.db.dialect, this.now(), { actor: `account:${actor.id}`, action: 'case.answers', entity: 'case', entityId: caseId, detail: answersDetail(p) });
      return p;
    });
  }

  async saveForm(caseId: string, actor: Account, values: Record<string, unknown>): Promise<LoadedCase> {
    return this.transaction(async (trx) => {
      const c = await this.draft(trx, caseId, actor);
      const plain = formWithValues(c.plan, openValues(c.form, this.deps.cipher), values);
      const form = sealValues(plain, c.plan?.form ?? null, this.deps.cipher);
      await saveCase(trx, c, { form: JSON.stringify(form) }, this.now());
      await rewriteFormKeys(trx, this.deps.cipher, caseId, plain);
      await appendAudit(trx, this.deps.db.dialect, this.now(), { actor: `account:${actor.id}`, action: 'case.form', entity: 'case', entityId: caseId, detail: { fields: Object.keys(values) } });
      // A draft has no tasks, and saveCase keeps the row up to date: the case need not be read again.
      return { ...c, form };
    });
  }

  /** Materials spared by a held e-license, shared data or an earlier result are attached with their evidence. */
  private async attachExemptions(trx: Kysely<Database>, caseId: string, p: Plan, actor: Account, at: string): Promise<CaseFileRow[]> {
    const rows = p.materials.filter((x) => x.status === 'exempt').map((m) => ({
      id: newRowId(), case_id: caseId, material_id: m.id, source: 'exemption' as const, file_hash: null, name: m.name, mime: null, size: null,
      evidence: JSON.stringify(m.exemption), status: 'attached' as const, created_by: actor.id, created_at: at,
    }));
    await insertRows(trx, 'case_files', rows);
    return rows.map(({ id, material_id, name, source, status, evidence, created_at }) => ({ id, material_id, name, source, status, evidence, created_at }));
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
      // A material promised by 告知承诺 to be supplied later may come whenever it is ready.
      const promisedLater = material.exemption?.kind === 'commitment' && material.exemption.supplyWithinDays !== undefined;
      if (material.status === 'exempt' && !supplementAsked && !promisedLater) throw conflict('material-exempt', `「${material.name}」已免于提交（${material.exemption?.evidence ?? ''}），无需上传`);
      const correcting = c.record.status === 'correcting' && (c.record.correction?.items ?? []).some((x) => x.material === materialId);
      const open = c.record.status === 'draft' || (c.record.deferred ?? []).some((d) => d.material === materialId && !d.suppliedOn) || supplementAsked || correcting || promisedLater;
      if (!open) throw conflict('case-not-editable', '该件当前不能再上传材料');
    };
    mayUpload(await loadCase(this.db, this.deps.db.dialect, caseId));
    const stored = await this.deps.files.put(file.data);
    const id = newRowId();
    await this.transaction(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
      mayUpload(c);
      await trx.insertInto('case_files').values({ id, case_id: caseId, material_id: materialId, source, file_hash: stored.hash, name: file.name.slice(0, 200), mime: file.mime, size: stored.size, evidence: null, status: 'attached', created_by: actor.id, created_at: this.now() }).execute();
      await appendAudit(trx, this.deps.db.dialect, this.now(), { actor: `account:${actor.id}`, action: 'case.file', entity: 'case', entityId: caseId, detail: { material: materialId, hash: stored.hash, size: stored.size } });
    });
    for (const told of this.fileAdded) await told(caseId, id);
    return id;
  }

  /** Submits, freezing the catalogue version and the plan the case was made with. */
  async submit(caseId: string, actor: Account): Promise<LoadedCase> {
    const { facts } = await this.prepare(caseId, actor);
    return this.transaction(async (trx) => {
      const c = await this.draft(trx, caseId, actor);
      const p = await this.replan(trx, c, c.answers, c.chosenItems, facts);
      const files = await trx.selectFrom('case_files').select(['material_id']).where('case_id', '=', caseId).where('status', '=', 'attached').execute();
      checkSubmittable(p, openValues(c.form, this.deps.cipher), new Set(files.map((f) => f.material_id)), c.row.channel);
      const t = transitionCase(c.record, { type: 'submit', at: this.today() });
      if (!t.ok) throw conflict(t.error.code, t.error.message);
      const at = this.now();
      await this.attachExemptions(trx, caseId, p, actor, at);
      await saveCase(trx, c, { status: t.state.status, record: JSON.stringify(t.state), plan: storedPlan(p, this.deps.cipher), submitted_at: at }, at);
      await appendAudit(trx, this.deps.db.dialect, at, { actor: `account:${actor.id}`, action: 'case.submit', entity: 'case', entityId: caseId, detail: { catalogueVersion: c.row.catalogue_version, items: p.items.map((i) => i.id) } });
      return { ...c, record: t.state, plan: p };
    });
  }

  /** Withdraws before every decision: open tasks stop, materials go back, everyone is told. */
  async withdraw(caseId: string, actor: Account): Promise<LoadedCase> {
    return this.transaction(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
      mustReach(actor, c.row.applicant_id);
      const { catalogue } = await this.deps.catalogues.get(c.row.catalogue_version, trx);
      const r = withdrawCase(c.record, c.tasks, this.today(), catalogue.calendar);
      if (!r.ok) throw conflict(r.error.code, r.error.message);
      const at = this.now();
      await saveTasks(trx, c, r.tasks, at);
      await saveCase(trx, c, { status: r.case.status, record: JSON.stringify(r.case), closed_at: at }, at);
      await trx.updateTable('case_files').set({ status: 'returned' }).where('case_id', '=', caseId).where('status', '=', 'attached').execute();
      await settleOnWithdrawal(trx, this.deps, { row: c.row, tasks: r.tasks }, `account:${actor.id}`);
      for (const task of r.tasks.filter((t) => t.status === 'stopped' && t.dispatchedOn !== undefined)) {
        await recordMovement(trx, this.deps, { caseId, materialId: null, kind: 'return', from: task.department.code, to: 'applicant', waybill: null, sentBy: 'platform', window: c.row.window_party });
      }
      await notify(trx, { accountId: c.row.applicant_id, kind: 'withdrawn', title: '申请已撤回', body: `办件 ${c.row.number} 已撤回，各部门停止办理，已提交的材料退回。`, caseId }, at);
      await appendAudit(trx, this.deps.db.dialect, at, { actor: `account:${actor.id}`, action: 'case.withdraw', entity: 'case', entityId: caseId, detail: { stopped: r.tasks.filter((t) => t.status === 'stopped').map((t) => t.id) } });
      return loadCase(trx, this.deps.db.dialect, caseId);
    });
  }
}

export interface CreateInput {
  matterId: string;
  applicantId: string;
  actor: Account;
  channel: 'online' | 'window';
  assisted?: { by: string; authority: string };
  answers?: Record<string, unknown>;
  chosenItems?: string[];
  values?: Record<string, unknown>;
  submit?: boolean;
  /** Chosen by the applicant or the window; otherwise read from the address in shared data. */
  region?: string;
}

/** An applicant reaches only their own cases; the window reaches every case. */
export function mustReach(actor: Account, applicantId: string): void {
  if (actor.role === 'applicant' && actor.id !== applicantId) throw notFound('办件');
}

function requireDraft(c: LoadedCase): void {
  if (c.record.status !== 'draft') throw conflict('case-not-draft', '该件已提交，不能再修改');
}


const answersDetail = (p: Plan) => ({ situation: p.situation?.id ?? null, items: p.items.map((i) => i.id) });
