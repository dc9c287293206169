/**
 * 材料流转 (clause 7.7): paper materials moving between the window, departments and the applicant.
 * The sending side seals the record with its department's SM2 e-seal; the receiving side seals the
 * same record plus who received it and when, so each hand-over is signed for on both ends.
 */
import type { Kysely, Selectable } from 'kysely';
import type { CirculationTable, Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { caseStatus, loadCase, type LoadedCase } from '../cases/store.ts';
import type { Account } from '../identity/roles.ts';
import { circulationSignature, sealVerify } from '../tasks/seals.ts';
import { insertRows } from '../../db/prepared.ts';
import { newRowId } from '../../ids.ts';

type Row = Selectable<CirculationTable>;
export type MovementKind = 'handover' | 'courier' | 'return';

export interface MovementInput {
  caseId: string;
  materialId?: string;
  kind: MovementKind;
  to: string;
  waybill?: string;
}

/** The window's own party code; 'applicant' is the person, whose hand-backs the window signs for. */
export const WINDOW = 'zwfw';
const APPLICANT = 'applicant';

/** What the sender seals; the receiver seals this plus receivedBy and receivedAt. */
export function senderRecord(r: Row) {
  return { id: r.id, caseId: r.case_id, materialId: r.material_id, kind: r.kind, from: r.from_party, to: r.to_party, waybill: r.waybill, sentBy: r.sent_by, sentAt: r.sent_at };
}

export interface NewMovement {
  caseId: string;
  materialId: string | null;
  kind: Row['kind'];
  from: string;
  to: string;
  waybill: string | null;
  sentBy: string;
  /** Set when the receiving side signs at once (a result handed over at the counter). */
  receivedBy?: string;
  /** The case's window (cases.window_party), which receives on the applicant's behalf; default the platform's. */
  window?: string | null;
}

/** Every movement, whoever records it, is sealed the same way: the sender's seal, and the receiver's when received. */
export async function recordMovement(trx: Kysely<Database>, deps: Deps, m: NewMovement): Promise<string> {
  const at = deps.clock.now().toISOString();
  const row = newRow(m, at);
  row.sender_signature = await circulationSignature(trx, deps, m.from, senderRecord(row));
  if (m.receivedBy) {
    row.received_by = m.receivedBy;
    row.received_at = at;
    row.receiver_signature = await circulationSignature(trx, deps, receiverParty(m.to, m.window), { ...senderRecord(row), receivedBy: m.receivedBy, receivedAt: at });
  }
  await insertRows(trx, 'circulation', [row]);
  return row.id;
}

/**
 * Several movements one sender makes in one step (a dispatch pushing materials online to several
 * departments), sealed together: one SM2 signature over all their records (see batchRecord), kept
 * on each, and one insert. A single movement is sealed alone, as recordMovement seals it.
 */
export async function recordMovements(trx: Kysely<Database>, deps: Deps, from: string, moves: readonly Omit<NewMovement, 'from' | 'receivedBy'>[]): Promise<void> {
  if (moves.length === 0) return;
  const at = deps.clock.now().toISOString();
  const rows = moves.map((m) => newRow({ ...m, from }, at));
  const signature = await circulationSignature(trx, deps, from, sealedRecord(rows));
  for (const r of rows) r.sender_signature = signature;
  await insertRows(trx, 'circulation', rows);
}

function newRow(m: NewMovement, at: string): Row {
  return {
    id: newRowId(), case_id: m.caseId, material_id: m.materialId, kind: m.kind, from_party: m.from, to_party: m.to, waybill: m.waybill,
    sent_by: m.sentBy, sent_at: at, sender_signature: '', received_by: null, received_at: null, receiver_signature: null,
  };
}

/** What a sender's signature covers: a movement's own record, or the records of every movement it sealed at once, by id. */
export function sealedRecord(rows: readonly Row[]): unknown {
  if (rows.length === 1) return senderRecord(rows[0] as Row);
  return { purpose: 'onething.circulation-batch', movements: [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map(senderRecord) };
}

/** Whose seal receives: the department itself, or for the applicant the case's window (跨域通办: the window that collected it). */
const receiverParty = (to: string, window?: string | null) => (to === APPLICANT ? window ?? WINDOW : to);

/** The parties a case's movements may go to besides its departments: the applicant, the platform's window and the case's own. */
const windowParties = (c: LoadedCase) => new Set([APPLICANT, WINDOW, ...(c.row.window_party ? [c.row.window_party] : [])]);

/** The party an account acts for: a window clerk's is their window's department ('zwfw' by default), a reviewer's or lead's their department. */
function partyOf(account: Account): string | null {
  if (account.role === 'window') return account.department ?? WINDOW;
  if ((account.role === 'reviewer' || account.role === 'lead') && account.department) return account.department;
  return null;
}

const hasTask = (c: LoadedCase, department: string) => c.tasks.some((t) => t.department.code === department);

async function windowOfCase(db: Kysely<Database>, caseId: string): Promise<string | null> {
  return (await db.selectFrom('cases').select('window_party').where('id', '=', caseId).executeTakeFirst())?.window_party ?? null;
}

export class CirculationService {
  constructor(private readonly deps: Deps) {}

  async send(account: Account, input: MovementInput) {
    const from = partyOf(account);
    if (!from) throw forbidden('只有综合窗口和相关部门可以登记材料流转');
    if (input.kind === 'courier' && !input.waybill) throw badRequest('waybill-required', '寄递须填写运单号', [{ path: 'body.waybill', message: '请填写运单号' }]);
    if (input.to === from) throw badRequest('same-party', '不能流转给本方', [{ path: 'body.to', message: '接收方不能是发送方自己' }]);
    const { deps } = this;
    const at = deps.clock.now().toISOString();
    const id = newRowId();
    await deps.db.kysely.transaction().execute(async (trx) => {
      const c = await loadCase(trx, deps.db.dialect, input.caseId);
      if (account.role !== 'window' && !hasTask(c, from)) throw notFound('办件');
      if (caseStatus(c) === 'draft') throw conflict('case-not-submitted', '办件尚未提交，没有可流转的材料');
      if (!windowParties(c).has(input.to) && !hasTask(c, input.to)) {
        throw badRequest('not-a-party', '接收部门在该件中没有办理事项', [{ path: 'body.to', message: `「${input.to}」不是该件的办理部门` }]);
      }
      if (input.materialId !== undefined && !(c.plan?.materials ?? []).some((m) => m.id === input.materialId)) {
        throw badRequest('unknown-material', '该件没有这项材料', [{ path: 'body.materialId', message: `没有材料「${input.materialId}」` }]);
      }
      const row: Row = {
        id, case_id: c.row.id, material_id: input.materialId ?? null, kind: input.kind, from_party: from, to_party: input.to, waybill: input.waybill ?? null,
        sent_by: account.id, sent_at: at, sender_signature: '', received_by: null, received_at: null, receiver_signature: null,
      };
      row.sender_signature = await circulationSignature(trx, deps, from, senderRecord(row));
      await trx.insertInto('circulation').values(row).execute();
      await appendAudit(trx, deps.db.dialect, at, { actor: `account:${account.id}`, action: `circulation.${input.kind}`, entity: 'case', entityId: c.row.id, detail: { circulation: id, from, to: input.to, material: row.material_id, waybill: row.waybill } });
    });
    return this.view(deps.db.kysely, await this.row(id), true);
  }

  async receive(account: Account, id: string) {
    const { deps } = this;
    const party = partyOf(account);
    const at = deps.clock.now().toISOString();
    await deps.db.kysely.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('circulation').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || !party) throw notFound('流转记录');
      const c = await loadCase(trx, deps.db.dialect, row.case_id);
      if (account.role !== 'window' && !hasTask(c, party)) throw notFound('流转记录');
      if (receiverParty(row.to_party, c.row.window_party) !== party) throw forbidden('只有接收方可以签收');
      if (row.received_at !== null) throw conflict('already-received', '该材料已签收，不能重复签收');
      const signed = { ...senderRecord(row), receivedBy: account.id, receivedAt: at };
      const signature = await circulationSignature(trx, deps, party, signed);
      // Guarded by received_at, so two clerks signing at once cannot both win.
      const r = await trx.updateTable('circulation').set({ received_by: account.id, received_at: at, receiver_signature: signature })
        .where('id', '=', id).where('received_at', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict('already-received', '该材料已签收，不能重复签收');
      await appendAudit(trx, deps.db.dialect, at, { actor: `account:${account.id}`, action: 'circulation.received', entity: 'case', entityId: row.case_id, detail: { circulation: id, by: party } });
    });
    return this.view(deps.db.kysely, await this.row(id), true);
  }

  /** Who may look: the window, the case's applicant (without signatures), departments with a task in it. */
  async list(account: Account, caseId: string) {
    const db = this.deps.db.kysely;
    const c = await loadCase(db, this.deps.db.dialect, caseId);
    let signatures = true;
    if (account.role === 'applicant') {
      if (c.row.applicant_id !== account.id) throw notFound('办件');
      signatures = false;
    } else if (account.role === 'reviewer' || account.role === 'lead') {
      if (!account.department || !hasTask(c, account.department)) throw notFound('办件');
    } else if (account.role !== 'window') {
      throw forbidden();
    }
    const rows = await db.selectFrom('circulation').selectAll().where('case_id', '=', caseId).orderBy('sent_at').orderBy('id').execute();
    const movements = [];
    for (const r of rows) movements.push(await this.view(db, r, signatures, rows, c.row.window_party));
    return { movements };
  }

  private row(id: string) {
    return this.deps.db.kysely.selectFrom('circulation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  /** `caseRows`, the case's movements when already read: those sealed with the same signature are verified together. */
  private async view(db: Kysely<Database>, r: Row, signatures: boolean, caseRows?: readonly Row[], window?: string | null) {
    const sealedTogether = (caseRows ?? await db.selectFrom('circulation').selectAll().where('case_id', '=', r.case_id).where('sender_signature', '=', r.sender_signature).execute())
      .filter((x) => x.sender_signature === r.sender_signature && x.from_party === r.from_party);
    const senderVerified = await sealVerify(db, r.from_party, sealedRecord(sealedTogether.length > 0 ? sealedTogether : [r]), r.sender_signature);
    const receiverVerified = r.receiver_signature !== null && r.received_at !== null
      && (await sealVerify(db, receiverParty(r.to_party, window === undefined ? await windowOfCase(db, r.case_id) : window), { ...senderRecord(r), receivedBy: r.received_by, receivedAt: r.received_at }, r.receiver_signature));
    const { catalogue } = await this.deps.catalogues.latest();
    const name = (party: string) => (party === APPLICANT ? '申请人' : party === WINDOW ? '综合窗口' : catalogue.departments.get(party)?.name ?? party);
    return {
      id: r.id, caseId: r.case_id, materialId: r.material_id, kind: r.kind, from: r.from_party, to: r.to_party, fromName: name(r.from_party), toName: name(r.to_party), waybill: r.waybill,
      sentAt: r.sent_at, received: r.received_at !== null, receivedAt: r.received_at,
      senderVerified, receiverVerified,
      ...(signatures ? { sentBy: r.sent_by, receivedBy: r.received_by, senderSignature: r.sender_signature, receiverSignature: r.receiver_signature } : {}),
    };
  }
}
