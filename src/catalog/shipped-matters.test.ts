import { describe, expect, it } from 'vitest';
import { items, material, ok, shipped, stageOf } from './testing/plans.ts';

// What an applicant notices in the matters deepened or added for issue 12: which items a situation
// brings in, which materials shared data, e-licences or earlier items spare, and the promised limit.
const { catalogue, defects } = shipped;


describe('the deepened and added matters', () => {
  it('are in the catalogue, sound, at the depth the data allows', () => {
    expect(defects).toEqual([]);
    const depth = (id: string) => catalogue.matters.get(id)?.depth;
    expect(depth('listing-compliance-check')).toBe('full');
    expect(depth('bankruptcy-info-check')).toBe('full');
    for (const id of ['enterprise-migration', 'flexible-employment-insurance', 'second-hand-house-transfer']) expect(depth(id), id).toBe('moderate');
    expect(depth('veteran-services')).toBe('moderate');
  });
});

const listing = { counsellingFiled: true, hasImportExport: false, hasOutsideSubsidiaries: false };

describe('企业上市合法合规信息核查', () => {
  it('brings in the customs check only for an enterprise that imports or exports', () => {
    expect(items(ok('listing-compliance-check', { answers: listing }))).not.toContain('hg-customs-credit-check');
    const p = ok('listing-compliance-check', { answers: { ...listing, hasImportExport: true } });
    expect(stageOf(p, 'fg-special-credit-report')).toBe(0);
    expect(stageOf(p, 'hg-customs-credit-check')).toBe(0);
    expect(stageOf(p, 'zjh-listing-compliance-verification')).toBe(1);
    expect(material(p, 'customs-credit-result')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
  });

  it('replaces every department’s certificate with the credit report, pushed from the first item, in 6 working days', () => {
    const p = ok('listing-compliance-check', { answers: listing });
    expect(p.situation?.id).toBe('listing-local');
    expect(material(p, 'special-credit-report')).toMatchObject({ status: 'exempt', exemption: { kind: 'result-of-item', ref: 'fg-special-credit-report' } });
    expect(material(p, 'listing-counselling-filing')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(p.materials.filter((m) => m.status === 'required').map((m) => m.id)).toEqual(['credit-report-authorization']);
    expect(p.timeLimit.workingDays).toBe(6);
  });

  it('asks for the reports of subsidiaries outside the province, deferrable', () => {
    const p = ok('listing-compliance-check', { answers: { ...listing, hasOutsideSubsidiaries: true } });
    expect(p.situation?.id).toBe('listing-with-outside-subsidiaries');
    expect(material(p, 'outside-subsidiary-credit-reports')).toMatchObject({ status: 'required', deferrable: true });
  });

  it('turns away an enterprise not yet in listing counselling, saying what to do first', () => {
    const p = ok('listing-compliance-check', { answers: { counsellingFiled: false } });
    expect(p.situation).toMatchObject({ id: 'listing-not-filed', eligible: false });
    expect(p.situation?.advice).toContain('辅导备案');
    expect(p.items).toEqual([]);
  });
});

const bankruptcy = { administratorAppointed: true, applicantRole: 'lead', debtorHasEmployees: false, queryVehicles: false };

describe('企业破产信息核查', () => {
  it('verifies the administrator once, then queries the departments side by side, in 4 working days', () => {
    const p = ok('bankruptcy-info-check', { answers: bankruptcy });
    expect(p.stages[0]).toEqual(['fy-administrator-verification']);
    expect(p.stages[1]).toEqual(expect.arrayContaining(['zrzy-real-estate-query', 'sj-registration-archive-query', 'sw-tax-info-query']));
    expect(material(p, 'administrator-appointment-decision')).toMatchObject({ status: 'exempt' });
    expect(material(p, 'administrator-staff-proof')).toBeUndefined();
    expect(p.timeLimit.workingDays).toBe(4);
  });

  it('adds the social-insurance and housing-fund queries when the debtor has employees, vehicles when asked', () => {
    const p = ok('bankruptcy-info-check', { answers: { ...bankruptcy, debtorHasEmployees: true, queryVehicles: true } });
    expect(items(p)).toEqual(expect.arrayContaining(['rs-social-insurance-arrears-query', 'gjj-debtor-deposit-query', 'ga-debtor-vehicle-query']));
    const without = ok('bankruptcy-info-check', { answers: { ...bankruptcy, queryVehicles: true }, chosenItems: [] });
    expect(without.notChosen.map((n) => n.id)).toEqual(['ga-debtor-vehicle-query']);
  });

  it('asks a staff member for the administrator’s delegation', () => {
    const p = ok('bankruptcy-info-check', { answers: { ...bankruptcy, applicantRole: 'staff' } });
    expect(p.situation?.id).toBe('administrator-staff');
    expect(material(p, 'administrator-staff-proof')).toMatchObject({ status: 'required' });
  });

  it('turns away a request before the court has appointed an administrator', () => {
    const p = ok('bankruptcy-info-check', { answers: { administratorAppointed: false } });
    expect(p.situation).toMatchObject({ id: 'administrator-not-appointed', eligible: false });
  });
});

describe('社会保障卡居民服务（居民服务一卡通）', () => {
  it('offers the transport and culture applications as items to choose, opened from the card record', () => {
    const none = ok('social-security-card', { answers: { cardStatus: 'none', cardholder: 'self' }, chosenItems: [] });
    expect(none.notChosen.map((n) => n.id).sort()).toEqual(['jt-ssc-transit-service', 'wl-ssc-culture-tourism-service']);
    const p = ok('social-security-card', { answers: { cardStatus: 'lost', cardholder: 'self' }, chosenItems: ['jt-ssc-transit-service'] });
    expect(items(p)).toEqual(expect.arrayContaining(['rs-ssc-reissue', 'jt-ssc-transit-service']));
    expect(items(p)).not.toContain('wl-ssc-culture-tourism-service');
    expect(material(p, 'ssc-card-info')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
  });
});

describe('企业迁移', () => {
  const migration = { migrationRestricted: false, migrationScope: 'in-province', hasHousingFundAccount: true };

  it('registers the move first, then moves tax, social insurance and housing fund on the shared record', () => {
    const p = ok('enterprise-migration', { answers: migration, facts: { licenses: ['business-licence'] } });
    expect(p.stages[0]).toEqual(['sj-migration-registration']);
    expect(p.stages[1]).toEqual(expect.arrayContaining(['sw-tax-migration', 'rs-social-insurance-migration', 'gjj-unit-account-migration']));
    expect(material(p, 'business-licence')).toMatchObject({ status: 'exempt', exemption: { kind: 'license', ref: 'business-licence' } });
    expect(material(p, 'migration-registration-result')).toMatchObject({ status: 'exempt', exemption: { kind: 'result-of-item', ref: 'sj-migration-registration' } });
    expect(material(p, 'new-address-proof')).toMatchObject({ alternatives: [expect.objectContaining({ kind: 'commitment' })] });
    expect(p.timeLimit.workingDays).toBe(2);
  });

  it('sends a cross-province move and a restricted enterprise elsewhere', () => {
    expect(ok('enterprise-migration', { answers: { migrationRestricted: false, migrationScope: 'cross-province' } }).situation).toMatchObject({ eligible: false });
    expect(ok('enterprise-migration', { answers: { migrationRestricted: true } }).situation?.advice).toContain('信用修复');
  });
});

describe('灵活就业参保', () => {
  const flexible = { workingAge: true, employedByUnit: false, localHukou: true, insureMedical: false };

  it('runs registration → pension enrolment → premium declaration, 即办, with no paper for a local resident', () => {
    const p = ok('flexible-employment-insurance', { answers: flexible });
    expect(stageOf(p, 'rs-flexible-employment-registration')).toBe(0);
    expect(stageOf(p, 'rs-flexible-pension-enrolment')).toBe(1);
    expect(stageOf(p, 'sw-flexible-premium-declaration')).toBe(2);
    expect(items(p)).not.toContain('yb-flexible-medical-enrolment');
    expect(p.materials.filter((m) => m.status === 'required')).toEqual([]);
    expect(p.timeLimit.workingDays).toBe(0);
  });

  it('asks a non-local worker for the residence permit, spared by its e-licence', () => {
    const asked = ok('flexible-employment-insurance', { answers: { ...flexible, localHukou: false } });
    expect(material(asked, 'flexible-worker-residence-permit')).toMatchObject({ status: 'required', alternatives: [{ kind: 'license', ref: 'residence-permit' }] });
    const spared = ok('flexible-employment-insurance', { answers: { ...flexible, localHukou: false }, facts: { licenses: ['residence-permit'] } });
    expect(material(spared, 'flexible-worker-residence-permit')).toMatchObject({ status: 'exempt' });
  });

  it('turns away someone already insured by an employer', () => {
    expect(ok('flexible-employment-insurance', { answers: { workingAge: true, employedByUnit: true } }).situation).toMatchObject({ id: 'flexible-employed-by-unit', eligible: false });
  });
});

describe('二手房转移登记及水电气网联动过户', () => {
  it('pays the tax, registers the transfer, then transfers the utilities ticked, on the registration record', () => {
    const p = ok('second-hand-house-transfer', { answers: { contractFiled: true, propertyMortgaged: false, utilities: ['water', 'gas'] } });
    expect(p.stages).toEqual([['sw-house-transfer-tax'], ['zrzy-house-transfer-registration'], ['water-account-transfer', 'gas-account-transfer']]);
    expect(material(p, 'house-tax-payment')).toMatchObject({ status: 'exempt', exemption: { kind: 'result-of-item', ref: 'sw-house-transfer-tax' } });
    expect(material(p, 'house-sale-contract')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(p, 'mortgagee-consent')).toBeUndefined();
  });

  it('asks for the bank’s consent when the house is still mortgaged', () => {
    const p = ok('second-hand-house-transfer', { answers: { contractFiled: true, propertyMortgaged: true, utilities: [] } });
    expect(p.situation?.id).toBe('transfer-mortgaged');
    expect(material(p, 'mortgagee-consent')).toMatchObject({ status: 'required' });
  });
});

describe('退役军人服务', () => {
  it('registers the hukou only for a veteran whose hukou was cancelled on enlistment', () => {
    const officer = { dischargeType: 'officer', placementLocal: true };
    expect(items(ok('veteran-services', { answers: { ...officer, needsHukou: true } }))).toContain('ga-veteran-hukou-registration');
    const p = ok('veteran-services', { answers: { ...officer, needsHukou: false } });
    expect(items(p)).not.toContain('ga-veteran-hukou-registration');
    expect(material(p, 'discharge-certificate')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
  });
});
