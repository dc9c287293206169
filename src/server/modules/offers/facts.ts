/**
 * The shared-data facts a policy's rules read (core/catalog/shared-facts.ts), for every subject of the
 * shared registers at once: the run scans people and enterprises, not accounts, so those who never
 * came to the platform are found too. Ages are read as of the day of the run; no number leaves here
 * but the blind index the registers are keyed by.
 */
import type { Kysely } from 'kysely';
import { ageOn } from '../../../core/offers/offer.ts';
import type { PolicyTarget } from '../../../core/offers/policy.ts';
import type { Database } from '../../db/schema.ts';
import type { FieldCipher } from '../../deps.ts';
import type { EnterpriseRecord, PersonRecord } from '../shareddata/demo.ts';

export interface Subject {
  kind: PolicyTarget;
  /** The register's key: the blind index of the ID number or credit code. */
  key: string;
  name: string;
  /** An enterprise's credit code, in memory only: enterprise accounts name the code they act for. */
  uscc?: string;
  facts: Record<string, unknown>;
}

/** 失业保险稳岗返还's usual ceiling on last year's layoffs (an assumption of catalog/policies/job-retention-refund.yaml). */
const LAYOFF_RATE_LIMIT = 0.055;

export function personFacts(p: PersonRecord, today: string, licenses: readonly string[]): Record<string, unknown> {
  return {
    hukouInProvince: p.hukouProvince === '99', householdVerified: true, parentsMarried: p.spouse !== undefined, hasHousingFund: p.housingFund !== undefined,
    agedEightyOrOver: ageOn(p.birthDate, today) >= 80,
    guardianOfChildUnderThree: (p.children ?? []).some((c) => ageOn(c.birthDate, today) < 3),
    licenses: [...licenses],
  };
}

export function enterpriseFacts(e: EnterpriseRecord, licenses: readonly string[]): Record<string, unknown> {
  const u = e.unemploymentInsurance;
  return {
    enterpriseType: e.type, licenses: [...licenses],
    // No record in the unemployment-insurance register is no fact: the rule then cannot pass.
    ...(u ? { unemploymentInsurancePaidYear: u.monthsPaidLastYear >= 12, layoffRateWithinLimit: u.layoffRate <= LAYOFF_RATE_LIMIT } : {}),
  };
}

/** Every subject of the registers of `kinds`, with its facts as of `today`. */
export async function subjectsOf(db: Kysely<Database>, cipher: FieldCipher, kinds: readonly PolicyTarget[], today: string): Promise<Subject[]> {
  if (kinds.length === 0) return [];
  const open = <T>(data: string) => JSON.parse(cipher.decrypt(data)) as T;
  const held = new Map<string, string[]>();
  for (const l of await db.selectFrom('shared_records').select(['key', 'data']).where('kind', '=', 'license').execute()) {
    const holder = l.key.slice(0, l.key.lastIndexOf(':'));
    held.set(holder, [...(held.get(holder) ?? []), open<{ type: string }>(l.data).type]);
  }
  const rows = await db.selectFrom('shared_records').select(['kind', 'key', 'data']).where('kind', 'in', [...kinds]).orderBy('kind').orderBy('key').execute();
  return rows.map((r): Subject => {
    const licenses = held.get(r.key) ?? [];
    if (r.kind === 'enterprise') {
      const e = open<EnterpriseRecord>(r.data);
      return { kind: 'enterprise', key: r.key, name: e.name, uscc: e.uscc, facts: enterpriseFacts(e, licenses) };
    }
    const p = open<PersonRecord>(r.data);
    return { kind: 'person', key: r.key, name: p.name, facts: personFacts(p, today, licenses) };
  });
}
