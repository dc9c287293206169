import { describe, expect, it } from 'vitest';
import type { PlanInput } from '../core/planning/types.ts';
import { items, material, ok, required, shipped } from './testing/plans.ts';

// What an applicant notices in the three first-batch matters deepened from outline for issue 12
// (残疾人服务, 教育入学, 开办运输企业), and 5.2.6 a) for every shipped material.
const { catalogue, defects } = shipped;


describe('the three deepened first-batch matters', () => {
  it('are in the catalogue, sound, at moderate depth', () => {
    expect(defects).toEqual([]);
    for (const id of ['disability-services', 'school-admission', 'transport-enterprise-opening']) {
      expect(catalogue.matters.get(id)?.depth, id).toBe('moderate');
    }
  });
});

describe('残疾人服务', () => {
  const base = { hasCertificate: false, hukouLocal: true, mentalOrIntellectual: false, lowIncome: false, needsLongTermCare: false };

  it('asks nothing on paper of an adult applying alone: ID, photo and household are checked by shared data', () => {
    const p = ok('disability-services', { answers: { ...base, byGuardian: false } });
    expect(p.situation?.id).toBe('new-certificate-self');
    expect(items(p)).toEqual(['cl-disability-certificate']);
    expect(material(p, 'disabled-person-photo')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(p, 'guardian-proof')).toBeUndefined();
    expect(required(p)).toEqual([]);
    expect(p.timeLimit.workingDays).toBe(10);
  });

  it('brings in the child rehabilitation aid and the living subsidy after the certificate, sparing certificate and 低保 proof', () => {
    const p = ok('disability-services', { answers: { ...base, byGuardian: true, childUnderSeven: true, lowIncome: true } });
    expect(p.situation?.id).toBe('new-certificate-by-guardian');
    expect(p.stages[0]).toEqual(['cl-disability-certificate']);
    expect(p.stages[1]).toEqual(expect.arrayContaining(['cl-child-rehabilitation-assistance', 'mz-disability-living-subsidy']));
    expect(items(p)).not.toContain('mz-severe-disability-care-subsidy');
    expect(material(p, 'disability-certificate')).toMatchObject({ status: 'exempt', exemption: { kind: 'result-of-item', ref: 'cl-disability-certificate' } });
    expect(material(p, 'low-income-proof')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(p, 'guardian-proof')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(p.timeLimit.workingDays).toBe(25);
  });

  it('asks for the diagnosis of a mental or intellectual disability, which may follow at the assessment', () => {
    const p = ok('disability-services', { answers: { ...base, byGuardian: false, mentalOrIntellectual: true } });
    expect(material(p, 'disability-medical-records')).toMatchObject({ status: 'required', deferrable: true, kind: 'proof', proof: { issuer: expect.stringContaining('医疗机构') } });
  });

  it('sends someone registered elsewhere, or already holding the certificate, to the right office', () => {
    const elsewhere = ok('disability-services', { answers: { hasCertificate: false, hukouLocal: false } });
    expect(elsewhere.situation).toMatchObject({ id: 'not-local-hukou', eligible: false });
    expect(elsewhere.situation?.advice).toContain('户籍所在地');
    expect(elsewhere.items).toEqual([]);
    const holder = ok('disability-services', { answers: {}, facts: { hasCertificate: true } });
    expect(holder.situation).toMatchObject({ id: 'holds-certificate', eligible: false });
    expect(holder.situation?.advice).toContain('重度残疾人护理补贴');
  });
});

describe('教育入学', () => {
  const local = { schoolStage: 'primary', reachedSchoolAge: true, childHukouLocal: true, housingType: 'owned', familyHardship: false };

  it('runs enrolment and the vaccination check side by side, with nothing on paper for a local child in an owned home', () => {
    const p = ok('school-admission', { answers: local, facts: { licenses: ['household-register', 'birth-medical-certificate', 'resident-id-card'] } });
    expect(p.situation?.id).toBe('local-hukou');
    expect(p.stages).toEqual([['jy-compulsory-school-enrolment', 'jk-school-vaccination-check']]);
    expect(material(p, 'residence-proof')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data', ref: expect.stringContaining('不动产登记') } });
    expect(material(p, 'vaccination-certificate')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(required(p)).toEqual([]);
    expect(p.timeLimit.workingDays).toBe(15);
  });

  it('asks a family without a registered home for a residence certificate from the 村（居）委会', () => {
    const p = ok('school-admission', { answers: { ...local, housingType: 'other' } });
    expect(material(p, 'residence-proof')).toMatchObject({ status: 'required', kind: 'proof', proof: { issuer: expect.stringContaining('村（居）民委员会') } });
    const rented = ok('school-admission', { answers: { ...local, housingType: 'rented' } });
    expect(material(rented, 'residence-proof')).toMatchObject({ status: 'exempt', exemption: { ref: '住房租赁登记备案信息' } });
  });

  it('offers the living subsidy to a family in hardship, after the school place, with the place pushed on', () => {
    const p = ok('school-admission', { answers: { ...local, familyHardship: true } });
    expect(p.stages[1]).toEqual(['jy-student-living-subsidy']);
    expect(material(p, 'enrolment-result')).toMatchObject({ status: 'exempt', exemption: { kind: 'result-of-item', ref: 'jy-compulsory-school-enrolment' } });
    expect(material(p, 'family-hardship-proof')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(p.timeLimit.workingDays).toBe(25);
    const declined = ok('school-admission', { answers: { ...local, familyHardship: true }, chosenItems: [] });
    expect(declined.notChosen.map((n) => n.id)).toEqual(['jy-student-living-subsidy']);
  });

  it('checks a migrant child’s residence permit and social insurance by shared data, and the junior stage’s school record', () => {
    const p = ok('school-admission', { answers: { schoolStage: 'junior', childHukouLocal: false, hasResidencePermit: true, housingType: 'rented', familyHardship: false } });
    expect(p.situation?.id).toBe('migrant-with-permit');
    expect(material(p, 'residence-permit')).toMatchObject({ status: 'exempt' });
    expect(material(p, 'parents-social-insurance-record')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(p, 'primary-school-record')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(p, 'child-birth-certificate')).toBeUndefined();
  });

  it('turns away a child under school age and a child without hukou or permit, saying what to do first', () => {
    const young = ok('school-admission', { answers: { schoolStage: 'primary', reachedSchoolAge: false }, facts: { childHukouLocal: true } });
    expect(young.situation).toMatchObject({ id: 'under-school-age', eligible: false });
    expect(young.situation?.advice).toContain('年满 6 周岁');
    const noPermit = ok('school-admission', { answers: { schoolStage: 'primary', reachedSchoolAge: true, childHukouLocal: false, hasResidencePermit: false } });
    expect(noPermit.situation).toMatchObject({ id: 'migrant-without-permit', eligible: false });
    expect(noPermit.situation?.advice).toContain('居住证');
  });
});

describe('开办运输企业', () => {
  const ready = { dangerousGoods: false, hasBusinessLicence: true, heavyVehicles: true, driversQualified: true, vehiclesReady: true, vehicleSource: 'owned' };

  it('verifies the licence, grants the permit, then issues the vehicles’ certificates, in 6 working days, with only the safety rules on paper', () => {
    const p = ok('transport-enterprise-opening', { answers: ready, facts: { licenses: ['business-licence'] } });
    expect(p.situation?.id).toBe('general-freight');
    expect(p.stages).toEqual([['sj-business-licence-verification'], ['jt-road-freight-permit'], ['jt-vehicle-transport-certificate']]);
    expect(material(p, 'road-transport-permit')).toMatchObject({ status: 'exempt', exemption: { kind: 'result-of-item', ref: 'jt-road-freight-permit' } });
    expect(material(p, 'vehicle-driving-licence')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(p, 'driver-qualification')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(p, 'vehicle-commitment')).toBeUndefined();
    expect(required(p)).toEqual(['transport-safety-rules']);
    expect(p.timeLimit.workingDays).toBe(6);
  });

  it('asks for the lease of rented vehicles', () => {
    const p = ok('transport-enterprise-opening', { answers: { ...ready, vehicleSource: 'leased' }, facts: { licenses: ['business-licence'] } });
    expect(required(p)).toEqual(['transport-safety-rules', 'vehicle-lease-contract']);
  });

  it('grants the permit on a vehicle commitment when the vehicles are not yet registered, leaving the certificates for later', () => {
    const p = ok('transport-enterprise-opening', { answers: { ...ready, vehiclesReady: false, vehicleSource: undefined } });
    expect(p.situation?.id).toBe('general-freight-vehicles-pending');
    expect(items(p)).not.toContain('jt-vehicle-transport-certificate');
    expect(material(p, 'vehicle-commitment')).toMatchObject({ status: 'required', kind: 'form' });
    expect(p.timeLimit.workingDays).toBe(5);
  });

  it('turns away dangerous goods, an enterprise without a licence, light vans only and unqualified drivers, each with advice', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ dangerousGoods: true }, 'dangerous-goods', '危险货物'],
      [{ dangerousGoods: false, hasBusinessLicence: false }, 'no-business-licence', '企业开办'],
      [{ dangerousGoods: false, hasBusinessLicence: true, heavyVehicles: false }, 'light-vehicles-only', '凭营业执照即可经营'],
      [{ dangerousGoods: false, hasBusinessLicence: true, heavyVehicles: true, driversQualified: false }, 'drivers-not-qualified', '从业资格考试'],
    ];
    for (const [answers, id, advice] of cases) {
      const p = ok('transport-enterprise-opening', { answers: answers as PlanInput['answers'] });
      expect(p.situation, id).toMatchObject({ id, eligible: false });
      expect(p.situation?.advice, id).toContain(advice);
      expect(p.items, id).toEqual([]);
    }
  });
});

describe('5.2.6 a) in the shipped catalogue', () => {
  it('gives every material of every item its type, and every proof its basis and issuer', () => {
    const untyped: string[] = [];
    const bareProofs: string[] = [];
    for (const item of catalogue.items.values()) {
      for (const m of item.materials) {
        if (!m.kind) untyped.push(`${item.code}/${m.id}`);
        if (m.kind === 'proof' && !(m.proof && m.proof.basis.length > 0 && m.proof.issuer.trim())) bareProofs.push(`${item.code}/${m.id}`);
      }
    }
    expect(untyped).toEqual([]);
    expect(bareProofs).toEqual([]);
  });

  it('carries the proof’s issuer into the plan an applicant reads', () => {
    const p = ok('disability-services', { answers: { hasCertificate: false, hukouLocal: true, byGuardian: false, mentalOrIntellectual: false, lowIncome: true, needsLongTermCare: false } });
    expect(material(p, 'low-income-proof')).toMatchObject({ kind: 'proof', proof: { issuer: '县级民政部门' } });
  });
});
