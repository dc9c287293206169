/**
 * Shared data (数据共享) behind one adapter shape: the facts the planner reads for an applicant, and
 * verification calls. The embedded default reads the local store seeded with demo records.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { FieldCipher } from '../../deps.ts';
import type { Account } from '../identity/roles.ts';
import { REGISTER_FIELDS, type Register } from '../../../core/catalog/registers.ts';
import { mask } from '../cases/form-values.ts';
import { DEMO_ENTERPRISES, DEMO_LICENSES, DEMO_PEOPLE, type EnterpriseRecord, type PersonRecord } from './demo.ts';
import { prepared } from '../../db/prepared.ts';

export interface SharedData {
  /** Facts for the planner and form pre-fill, about the applicant (a person or an enterprise). */
  factsFor(account: Account, idNumber: string | null): Promise<Record<string, unknown>>;
  /** The name the population register holds for an ID number, or null when it holds none. */
  nameOnRecord(idNumber: string): Promise<string | null>;
  /** The named fields of the applicant's record in a register, as a reviewer reads them; null when there is none. */
  fieldsFor(account: Account, idNumber: string | null, register: Register, fields: readonly string[]): Promise<{ field: string; label: string; value: string }[] | null>;
}

/** Records are kept as the registers would share them with us: keyed by a blind index, content SM4-encrypted. */
export async function seedSharedData(db: Kysely<Database>, cipher: FieldCipher): Promise<void> {
  const seal = (v: unknown) => cipher.encrypt(JSON.stringify(v));
  const rows = [
    ...DEMO_PEOPLE.map((p) => ({ kind: 'person', key: cipher.blindIndex(p.idNumber), data: seal(p) })),
    ...DEMO_ENTERPRISES.map((e) => ({ kind: 'enterprise', key: cipher.blindIndex(e.uscc), data: seal(e) })),
    ...DEMO_LICENSES.map((l) => ({ kind: 'license', key: `${cipher.blindIndex(l.holder)}:${l.type}`, data: seal(l) })),
  ];
  for (const row of rows) await db.insertInto('shared_records').values(row).onConflict((oc) => oc.columns(['kind', 'key']).doNothing()).execute();
}

const sharedRecord = prepared((db, p) => db.selectFrom('shared_records').select('data').where('kind', '=', p('kind')).where('key', '=', p('key')));

/**
 * `licenseTypes` are the e-license types the catalogue knows: held licenses are looked up by their
 * exact keys, so the look-up stays a few index probes however large the shared register grows.
 */
export function localSharedData(db: Kysely<Database>, cipher: FieldCipher, licenseTypes: () => Promise<readonly string[]>): SharedData {
  const record = async <T>(kind: string, key: string): Promise<T | null> => {
    const row = await sharedRecord.first(db, { kind, key: cipher.blindIndex(key) });
    return row ? (JSON.parse(cipher.decrypt(row.data)) as T) : null;
  };
  /**
   * Licenses held: those in the shared register, and e-licenses this platform issued into the wallet
   * whose holder is the account itself. A child's 出生医学证明 a parent keeps as guardian (or an
   * enterprise's licence an agent keeps) is not the parent's own, so it stands in for none of the
   * parent's materials.
   */
  const heldBy = async (holder: string, accountId: string): Promise<string[]> => {
    const holderKey = cipher.blindIndex(holder);
    const keys = (await licenseTypes()).map((type) => `${holderKey}:${type}`);
    const rows = keys.length ? await db.selectFrom('shared_records').select('data').where('kind', '=', 'license').where('key', 'in', keys).execute() : [];
    const wallet = await db.selectFrom('licenses').select('type').where('holder_id', '=', accountId).where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('keeper', 'is', null), eb('keeper', '=', 'self')])).execute();
    return [...new Set([...rows.map((r) => (JSON.parse(cipher.decrypt(r.data)) as { type: string }).type), ...wallet.map((w) => w.type)])];
  };
  /** A field as a person reads it: names, not numbers; an account number masked. */
  const shown = async (field: string, rec: PersonRecord | EnterpriseRecord): Promise<string> => {
    const v = (rec as unknown as Record<string, unknown>)[field];
    if (v === undefined || v === null || v === '') return '无记录';
    if (field === 'sex') return v === 'male' ? '男' : '女';
    if (field === 'spouse') return (await record<PersonRecord>('person', String(v)))?.name ?? '有婚姻登记记录';
    if (field === 'housingFund') {
      const f = v as NonNullable<PersonRecord['housingFund']>;
      return `${f.center}（账号 ${mask(f.account)}）`;
    }
    return String(v);
  };
  return {
    async nameOnRecord(idNumber) {
      return (await record<PersonRecord>('person', idNumber))?.name ?? null;
    },
    async fieldsFor(account, idNumber, register, fields) {
      const rec = register === 'enterprise'
        ? (account.enterpriseUscc ? await record<EnterpriseRecord>('enterprise', account.enterpriseUscc) : null)
        : (idNumber ? await record<PersonRecord>('person', idNumber) : null);
      if (!rec) return null;
      const labels = REGISTER_FIELDS[register] as Readonly<Record<string, string>>;
      const out = [];
      for (const field of fields) if (field in labels) out.push({ field, label: labels[field] as string, value: await shown(field, rec) });
      return out;
    },
    async factsFor(account, idNumber) {
      if (account.subject === 'enterprise' && account.enterpriseUscc) {
        const e = await record<EnterpriseRecord>('enterprise', account.enterpriseUscc);
        if (!e) return { applicantName: account.displayName };
        return {
          applicantName: account.displayName, enterpriseName: e.name, enterpriseUscc: e.uscc, enterpriseType: e.type,
          enterpriseAddress: e.address, legalRepName: e.legalRep, legalRepIdNumber: e.legalRepIdNumber,
          licenses: await heldBy(e.uscc, account.id),
        };
      }
      if (!idNumber) return { applicantName: account.displayName };
      const p = await record<PersonRecord>('person', idNumber);
      if (!p) return { applicantName: account.displayName, applicantIdNumber: idNumber };
      const spouse = p.spouse ? await record<PersonRecord>('person', p.spouse) : null;
      const [mother, father] = p.sex === 'female' ? [p, spouse] : [spouse, p];
      return {
        applicantName: p.name, applicantIdNumber: p.idNumber, applicantMobile: p.mobile, applicantAddress: p.address,
        hukouInProvince: p.hukouProvince === '99', householdVerified: true, householdHeadName: p.householdHead, householdAddress: p.householdAddress,
        parentsMarried: spouse !== null,
        ...(mother ? { motherName: mother.name, motherIdNumber: mother.idNumber } : {}),
        ...(father && spouse ? { fatherName: father.name, fatherIdNumber: father.idNumber } : {}),
        hasHousingFund: p.housingFund !== undefined,
        ...(p.housingFund ? { housingFundCenter: p.housingFund.center, housingFundAccount: p.housingFund.account } : {}),
        licenses: await heldBy(p.idNumber, account.id),
      };
    },
  };
}
