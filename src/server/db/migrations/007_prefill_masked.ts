/**
 * Plans stored before personal values pre-filled into their forms were sealed (ID numbers, mobiles,
 * housing-fund accounts from shared data) kept those values in plaintext. People only ever saw their
 * masks, and the form column holds the values themselves, SM4-sealed; so each is replaced by its
 * mask. Migrations run without the field key (`onething db migrate`, and before start-up loads it),
 * which is why this masks rather than seals; plans written since are sealed (cases/form-values.ts).
 */
import type { Kysely } from 'kysely';
import type { Plan } from '../../../core/planning/types.ts';
import { mask } from '../../modules/cases/form-values.ts';

const BATCH = 500;

/** The plan text with its plain personal values masked, or null if it has none. */
export function maskPrefilled(text: string): string | null {
  const plan = JSON.parse(text) as Plan;
  let changed = false;
  const fields = plan.form.fields.map((f) => {
    if (!f.sensitive || typeof f.value !== 'string' || f.value === '') return f;
    changed = true;
    return { ...f, value: { masked: mask(f.value) } };
  });
  return changed ? JSON.stringify({ ...plan, form: { ...plan.form, fields } }) : null;
}

export function prefillMasked() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const k = db as unknown as Kysely<{ cases: { id: string; plan: string | null } }>;
      // In batches by id, so a large deployment's cases are never all in memory at once.
      let after = '';
      for (;;) {
        const rows = await k.selectFrom('cases').select(['id', 'plan']).where('id', '>', after).where('plan', 'is not', null).orderBy('id').limit(BATCH).execute();
        for (const r of rows) {
          const masked = maskPrefilled(r.plan as string);
          if (masked !== null) await k.updateTable('cases').set({ plan: masked }).where('id', '=', r.id).execute();
        }
        if (rows.length < BATCH) return;
        after = (rows.at(-1) as { id: string }).id;
      }
    },
    // A mask cannot be undone; the values stay in the sealed form.
    async down(): Promise<void> {},
  };
}
