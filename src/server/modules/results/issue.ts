/**
 * Issuing an e-license on approval: its holder taken from the case (see holder.ts), its validity from
 * the license type, the whole sealed with the department's SM2 key. The signed data holds no personal
 * number; the holder's own ID number, where known, is kept SM4-sealed beside it. It is copied sealed
 * (from the form, or the applicant's account when the holder is the applicant): issuing opens nothing.
 */
import type { Kysely } from 'kysely';
import type { Catalogue } from '../../../core/catalog/model.ts';
import type { Task } from '../../../core/case/task.ts';
import { todayIn } from '../../clock.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { LoadedCase } from '../cases/store.ts';
import { sealSign } from '../tasks/seals.ts';
import { licenseHolder, validity, type HolderIdNumber } from './holder.ts';
import { prepared } from '../../db/prepared.ts';
import { newRowId } from '../../ids.ts';

export interface IssueInput {
  c: LoadedCase;
  task: Task;
  catalogue: Catalogue;
  license: string;
  name: string;
  number: string;
}

const holderAccount = prepared((db, p) => db.selectFrom('accounts').select(['id', 'display_name', 'subject', 'enterprise_uscc', 'id_number_enc']).where('id', '=', p('id')));

export async function issueLicense(trx: Kysely<Database>, deps: Deps, input: IssueInput): Promise<string> {
  const { c, task, catalogue } = input;
  const id = newRowId();
  const account = await holderAccount.first(trx, { id: c.row.applicant_id });
  if (!account) throw new Error(`no account ${c.row.applicant_id}`);
  const type = catalogue.licenses.get(input.license);
  const { holder, keeper, idNumber } = licenseHolder(type, c.form, { displayName: account.display_name, subject: account.subject, enterpriseUscc: account.enterprise_uscc }, c.answers);
  const issuedAt = deps.clock.now().toISOString();
  const { validFrom, validUntil } = validity(todayIn(deps.clock), type?.validYears);
  const data = {
    id, type: input.license, name: input.name, number: input.number, department: task.department.code, issuedAt, caseNumber: c.row.number,
    holder: holder.name, holderKind: holder.kind, ...(holder.creditCode ? { holderCreditCode: holder.creditCode } : {}), validFrom, validUntil,
  };
  const signature = await sealSign(trx, deps, task.department.code, data);
  await trx.insertInto('licenses').values({
    id, type: input.license, name: input.name, number: input.number, holder_id: account.id, holder_name: holder.name,
    holder_kind: holder.kind, holder_credit_code: holder.creditCode ?? null, holder_id_number_enc: sealedIdNumber(idNumber, c.form, account.id_number_enc, deps),
    keeper, valid_from: validFrom, valid_until: validUntil,
    case_id: c.row.id, task_id: `${c.row.id}:${task.id}`, department: task.department.code, data: JSON.stringify(data), issued_at: issuedAt, signature, revoked_at: null,
  }).execute();
  return id;
}

/** The holder's own number, sealed: as the form or the account keeps it, sealed now only if the form has it plain. */
function sealedIdNumber(from: HolderIdNumber, form: Record<string, unknown>, applicantSealed: string | null, deps: Deps): string | null {
  if (!from) return null;
  if (from.from === 'applicant') return applicantSealed;
  const v = form[from.key];
  if (typeof v === 'object' && v !== null && 'sealed' in v && typeof v.sealed === 'string') return v.sealed;
  return typeof v === 'string' && v.trim() !== '' ? deps.cipher.encrypt(v.trim()) : null;
}
