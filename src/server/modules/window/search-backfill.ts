/**
 * Cases stored before the window's search (migration 011) get their search keys once, at start-up:
 * migrations run without the field key, so the blind indexes cannot be made there. In batches by id,
 * so a large deployment's cases are never all in memory; a counter records that it is done.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { FieldCipher } from '../../deps.ts';
import { openValues } from '../cases/form-values.ts';
import { writeCaseKeys } from './search-keys.ts';

const DONE = 'search-keys-011';
const BATCH = 200;

export async function backfillSearchKeys(db: Kysely<Database>, cipher: FieldCipher): Promise<number> {
  if (await db.selectFrom('counters').select('value').where('name', '=', DONE).executeTakeFirst()) return 0;
  let after = '';
  let done = 0;
  for (;;) {
    const rows = await db.selectFrom('cases').innerJoin('accounts', 'accounts.id', 'cases.applicant_id')
      .select(['cases.id', 'cases.form', 'accounts.phone_enc', 'accounts.id_number_idx', 'accounts.display_name', 'accounts.enterprise_uscc']).where('cases.id', '>', after).orderBy('cases.id').limit(BATCH).execute();
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        // Keys already there (a case written since) are kept: writeCaseKeys adds only what is missing.
        await writeCaseKeys(trx, cipher, r.id, r, r.phone_enc ? cipher.decrypt(r.phone_enc) : null, openValues(JSON.parse(r.form) as Record<string, unknown>, cipher));
      }
    });
    done += rows.length;
    if (rows.length < BATCH) break;
    after = (rows.at(-1) as { id: string }).id;
  }
  await db.insertInto('counters').values({ name: DONE, value: 1 }).onConflict((oc) => oc.column('name').doNothing()).execute();
  return done;
}
