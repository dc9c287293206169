/** An e-license as its wallet and its verification page show it: holder, issuer, validity, dates in China. */
import type { Selectable } from 'kysely';
import type { Catalogue } from '../../../core/catalog/model.ts';
import { shanghaiDay } from '../../../shared/time/shanghai.ts';
import { maskIdNumber } from '../../crypto/sm4.ts';
import type { LicenseTable } from '../../db/schema.ts';
import type { FieldCipher } from '../../deps.ts';
import { KEEPER_TEXT, type Keeper } from './holder.ts';

export type LicenseRow = Selectable<LicenseTable>;

export function licenseFacts(row: LicenseRow, departments: Catalogue['departments'], cipher: FieldCipher) {
  const keeper: Keeper = row.keeper ?? 'self';
  const validFrom = row.valid_from ?? shanghaiDay(row.issued_at);
  return {
    holder: {
      kind: row.holder_kind ?? 'person',
      name: row.holder_name,
      creditCode: row.holder_credit_code,
      idNumber: row.holder_id_number_enc ? maskIdNumber(cipher.decrypt(row.holder_id_number_enc)) : null,
    },
    keeper,
    keeperLabel: KEEPER_TEXT[keeper],
    issuer: departments.get(row.department)?.name ?? row.department,
    issuedOn: shanghaiDay(row.issued_at),
    validFrom,
    validUntil: row.valid_until,
    validity: validityText(validFrom, row.valid_until),
  };
}

export const validityText = (from: string, until: string | null): string => (until ? `${from} 至 ${until}` : '长期有效');
