/**
 * The 免申即享 run: each policy's rules over every subject of the shared registers; each eligible
 * subject gets its offer once — the unique key (policy, subject) settles two runs at once — and is
 * told in the inbox and by SMS when it has an account here. Run by the housekeeping worker and on
 * demand by a department (its policies) or an administrator (all).
 */
import path from 'node:path';
import { loadPolicies, POLICIES_FOLDER } from '../../../catalog/policies.ts';
import type { Catalogue } from '../../../core/catalog/model.ts';
import { eligibility } from '../../../core/offers/eligibility.ts';
import { initialStatus, maskedName, publicityWindow } from '../../../core/offers/offer.ts';
import type { Policy } from '../../../core/offers/policy.ts';
import { todayIn } from '../../clock.ts';
import type { Deps } from '../../deps.ts';
import { appendAudit } from '../audit/audit.ts';
import { notify } from '../notifications/service.ts';
import { subjectsOf } from './facts.ts';
import { accountsOfSubject } from './subjects.ts';
import { newRowId } from '../../ids.ts';

export const RUN_ACTOR = 'system:offers';

let book: { dir: string; version: number; policies: Policy[] } | null = null;

/** The policies as they apply to the latest catalogue version; defective ones are left out (the catalogue check names them). */
export async function currentPolicies(deps: Pick<Deps, 'catalogues' | 'config'>): Promise<{ catalogue: Catalogue; policies: Policy[] }> {
  const { version, catalogue } = await deps.catalogues.latest();
  const dir = path.join(deps.config.catalogueDir, POLICIES_FOLDER);
  if (book?.dir !== dir || book.version !== version) book = { dir, version, policies: loadPolicies(catalogue, dir).policies };
  return { catalogue, policies: book.policies };
}

export interface RunOutcome { policies: { policyId: string; policyName: string; eligible: number; created: number }[]; created: number }

export async function runOffers(deps: Pick<Deps, 'db' | 'clock' | 'catalogues' | 'config' | 'cipher'>, only: (p: Policy) => boolean = () => true, actor = RUN_ACTOR): Promise<RunOutcome> {
  const db = deps.db.kysely;
  const { catalogue, policies } = await currentPolicies(deps);
  const chosen = policies.filter(only);
  const today = todayIn(deps.clock);
  const subjects = await subjectsOf(db, deps.cipher, [...new Set(chosen.map((p) => p.target))], today);
  const out: RunOutcome = { policies: [], created: 0 };
  for (const policy of chosen) {
    const found = subjects.filter((s) => s.kind === policy.target).map((s) => ({ s, e: eligibility(policy, s.facts) })).filter((x) => x.e.eligible);
    // Those already found are skipped with one read; the unique key still settles a race.
    const known = new Set((await db.selectFrom('offers').select('subject_key').where('policy_id', '=', policy.id).execute()).map((r) => r.subject_key));
    let created = 0;
    for (const { s, e } of found) {
      if (known.has(s.key)) continue;
      const at = deps.clock.now().toISOString();
      const status = initialStatus(policy.mode);
      const window = status === 'publicity' ? publicityWindow(catalogue.calendar, today, policy) : null;
      const id = newRowId();
      const inserted = await db.transaction().execute(async (trx) => {
        const r = await trx.insertInto('offers').values({
          id, policy_id: policy.id, subject_kind: s.kind, subject_key: s.key, subject_name_enc: deps.cipher.encrypt(s.name), subject_masked: maskedName(s.name, s.kind),
          department: policy.department, mode: policy.mode, status, reasons: JSON.stringify(e.reasons), found_on: today, created_at: at,
          confirmed_at: null, declined_at: null, publicity_from: window ? today : null, publicity_until: window?.publicityUntil ?? null, objection_until: window?.objectionUntil ?? null,
          decided_at: null, decided_by: null, decision_note: null, updated_at: at,
        }).onConflict((oc) => oc.columns(['policy_id', 'subject_key']).doNothing()).executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
        const body = policy.mode === 'confirm'
          ? `经共享数据核验，您符合「${policy.name}」的条件：${policy.benefit}无需提交材料，登录后在首页“免申即享”中一键确认即可。`
          : `经共享数据核验，您符合「${policy.name}」的条件，无需申请：${policy.benefit}名单公示至 ${window?.publicityUntil ?? ''}，期满经部门确认后直接兑现。`;
        for (const accountId of await accountsOfSubject(trx, s)) {
          await notify(trx, { accountId, kind: 'offer', title: policy.mode === 'confirm' ? `免申即享：${policy.name}待您确认` : `免申即享：您将直接享受${policy.name}`, body }, at, `offer:${id}:${accountId}`);
        }
        await appendAudit(trx, deps.db.dialect, at, { actor, action: 'offer.found', entity: 'offer', entityId: id, detail: { policy: policy.id, mode: policy.mode, status } });
        return true;
      });
      if (inserted) created++;
    }
    out.policies.push({ policyId: policy.id, policyName: policy.name, eligible: found.length, created });
    out.created += created;
  }
  return out;
}

/** The housekeeping job: every policy, as the worker. */
export async function findOffers(deps: Pick<Deps, 'db' | 'clock' | 'catalogues' | 'config' | 'cipher'>): Promise<number> {
  return (await runOffers(deps)).created;
}
