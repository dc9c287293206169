/**
 * Issuing an e-license on approval: its holder taken from the case (see holder.ts), its validity from
 * the license type, the whole sealed with the department's SM2 key. The signed data holds no personal
 * number; the holder's ID number is kept SM4-sealed beside it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Catalogue } from '../../../core/catalog/model.ts';
import type { Task } from '../../../core/case/task.ts';
import { todayIn } from '../../clock.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { openValues } from '../cases/form-values.ts';
import type { LoadedCase } from '../cases/store.ts';
import { sealSign } from '../tasks/seals.ts';
import { licenseHolder, validity } from './holder.ts';

export interface IssueInput {
  c: LoadedCase;
  task: Task;
  catalogue: Catalogue;
  license: string;
  name: string;
  number: string;
}

export async function issueLicense(trx: Kysely<Database>, deps: Deps, input: IssueInput): Promise<string> {
  const { c, task, catalogue } = input;
  const id = randomUUID();
  const account = await trx.selectFrom('accounts').select(['id', 'display_name', 'subject', 'enterprise_uscc', 'id_number_enc']).where('id', '=', c.row.applicant_id).executeTakeFirstOrThrow();
  const type = catalogue.licenses.get(input.license);
  const { holder, keeper } = licenseHolder(type, openValues(c.form, deps.cipher), {
    displayName: account.display_name, subject: account.subject, enterpriseUscc: account.enterprise_uscc,
    idNumber: account.id_number_enc ? deps.cipher.decrypt(account.id_number_enc) : null,
  });
  const issuedAt = deps.clock.now().toISOString();
  const { validFrom, validUntil } = validity(todayIn(deps.clock), type?.validYears);
  const data = {
    id, type: input.license, name: input.name, number: input.number, department: task.department.code, issuedAt, caseNumber: c.row.number,
    holder: holder.name, holderKind: holder.kind, ...(holder.creditCode ? { holderCreditCode: holder.creditCode } : {}), validFrom, validUntil,
  };
  const signature = await sealSign(trx, deps, task.department.code, data);
  await trx.insertInto('licenses').values({
    id, type: input.license, name: input.name, number: input.number, holder_id: account.id, holder_name: holder.name,
    holder_kind: holder.kind, holder_credit_code: holder.creditCode ?? null, holder_id_number_enc: holder.idNumber ? deps.cipher.encrypt(holder.idNumber) : null,
    keeper, valid_from: validFrom, valid_until: validUntil,
    case_id: c.row.id, task_id: `${c.row.id}:${task.id}`, department: task.department.code, data: JSON.stringify(data), issued_at: issuedAt, signature, revoked_at: null,
  }).execute();
  return id;
}
