import { describe, expect, it } from 'vitest';
import type { Plan } from '../core/planning/types.ts';
import { items, material, ok, required as requiredOf, shipped } from './testing/plans.ts';

// What an applicant notices in the three first-batch matters deepened from outline (issue 12):
// which items an answer brings in, what is spared and how, the promised limit, the advice when turned away.
const { catalogue, defects } = shipped;

const required = (p: Plan) => requiredOf(p).sort();

describe('the three deepened first-batch matters', () => {
  it('are sound and at moderate depth, every material typed and every proof with its basis and issuer', () => {
    expect(defects).toEqual([]);
    for (const id of ['credit-repair', 'enterprise-deregistration', 'utility-connection']) {
      const m = catalogue.matters.get(id);
      expect(m?.depth, id).toBe('moderate');
      for (const e of m?.items ?? []) {
        for (const mat of catalogue.items.get(e.item)?.materials ?? []) {
          expect(mat.kind, `${e.item}/${mat.id}`).toBeDefined();
          if (mat.kind === 'proof') expect(mat.proof?.issuer, `${e.item}/${mat.id}`).toBeTruthy();
        }
      }
    }
  });
});

describe('信用修复', () => {
  const repair = { corrected: true, repairAreas: ['abnormal', 'tax'], abnormalReason: 'annual-report' };

  it('takes the application once, then repairs market and tax records side by side, with nothing but the commitment to upload', () => {
    const p = ok('credit-repair', { answers: repair, facts: { licenses: ['business-licence'] } });
    expect(p.situation?.id).toBe('repair');
    expect(p.stages).toEqual([['fg-credit-repair'], ['sj-credit-repair', 'sw-tax-credit-repair']]);
    expect(material(p, 'annual-report-supplement')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(p, 'tax-correction-proof')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(p, 'business-licence')).toMatchObject({ status: 'exempt', exemption: { kind: 'license', ref: 'business-licence' } });
    // One commitment for every department, not one each.
    expect(material(p, 'credit-repair-commitment')?.items).toEqual(['fg-credit-repair', 'sj-credit-repair', 'sw-tax-credit-repair']);
    expect(required(p)).toEqual(['credit-repair-commitment']);
    expect(p.timeLimit.workingDays).toBe(7);
  });

  it('brings in only the departments of the records chosen', () => {
    const other = ok('credit-repair', { answers: { corrected: true, repairAreas: ['other'], periodServed: true } });
    expect(items(other)).toEqual(['fg-credit-repair']);
    expect(material(other, 'penalty-fulfilment-proof')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(other.timeLimit.workingDays).toBe(2);
    const market = ok('credit-repair', { answers: { corrected: true, repairAreas: ['market-penalty'], periodServed: true } });
    expect(items(market)).toEqual(['fg-credit-repair', 'sj-credit-repair']);
    expect(market.timeLimit.workingDays).toBe(5);
  });

  it('lets a signed commitment stand for the address proof, and asks for a report to leave the serious list', () => {
    const address = { corrected: true, repairAreas: ['abnormal'], abnormalReason: 'address' };
    expect(material(ok('credit-repair', { answers: address }), 'address-contact-proof')).toMatchObject({ status: 'required', alternatives: [expect.objectContaining({ kind: 'commitment' })] });
    expect(material(ok('credit-repair', { answers: address, commitments: ['address-contact-proof'] }), 'address-contact-proof')).toMatchObject({ status: 'exempt', exemption: { kind: 'commitment' } });
    const serious = ok('credit-repair', { answers: { corrected: true, repairAreas: ['serious-list'], periodServed: true } });
    expect(material(serious, 'serious-list-correction-report')).toMatchObject({ status: 'required' });
  });

  it('turns away an uncorrected record and one whose minimum publicity period is not over, saying what to do first', () => {
    const uncorrected = ok('credit-repair', { answers: { corrected: false } });
    expect(uncorrected.situation).toMatchObject({ id: 'not-corrected', eligible: false });
    expect(uncorrected.situation?.advice).toContain('纠正失信行为');
    expect(uncorrected.items).toEqual([]);
    const early = ok('credit-repair', { answers: { corrected: true, repairAreas: ['market-penalty', 'tax'], periodServed: false } });
    expect(early.situation).toMatchObject({ id: 'period-not-served', eligible: false });
    expect(early.situation?.advice).toContain('纳税信用');
  });
});

describe('企业注销登记', () => {
  const simplified = { simplifiedDeregistration: true, customsRegistered: false, hasHousingFundAccount: false };

  it('publishes the simplified notice for 20 days beside the tax opinion, deregisters only once it ends, then closes social insurance', () => {
    const p = ok('enterprise-deregistration', { answers: simplified, facts: { licenses: ['business-licence'] } });
    expect(p.situation?.id).toBe('simplified');
    expect(p.stages).toEqual([['sj-simplified-deregistration-notice', 'sw-tax-deregistration'], ['sj-deregistration'], ['rs-social-insurance-deregistration']]);
    // The registration waits for the publicity it follows (afterIfPlanned), so no reviewer can decide it inside the 20 days.
    expect(p.items.find((i) => i.id === 'sj-deregistration')?.after).toEqual(['sw-tax-deregistration', 'sj-simplified-deregistration-notice']);
    expect(p.timeLimit).toMatchObject({ workingDays: 3, calendarDays: 20 });
    expect(material(p, 'tax-clearance-certificate')).toMatchObject({ status: 'exempt', exemption: { kind: 'result-of-item', ref: 'sw-tax-deregistration' } });
    expect(material(p, 'deregistration-notice')).toMatchObject({ status: 'exempt', exemption: { kind: 'result-of-item', ref: 'sj-deregistration' } });
    expect(material(p, 'liquidation-report')).toBeUndefined();
    expect(required(p)).toEqual(['deregistration-application', 'investors-commitment']);
  });

  it('in general deregistration asks for the resolution and liquidation report, checks the liquidation filing, and has no 20-day notice', () => {
    const p = ok('enterprise-deregistration', { answers: { simplifiedDeregistration: false, liquidationStatus: 'completed', customsRegistered: false, hasHousingFundAccount: false } });
    expect(p.situation?.id).toBe('general');
    expect(items(p)).not.toContain('sj-simplified-deregistration-notice');
    expect(p.items.find((i) => i.id === 'sj-deregistration')?.after).toEqual(['sw-tax-deregistration']);
    expect(p.timeLimit.calendarDays).toBeUndefined();
    expect(material(p, 'liquidation-report')).toMatchObject({ status: 'required', items: ['sw-tax-deregistration', 'sj-deregistration'] });
    expect(material(p, 'dissolution-resolution')).toMatchObject({ status: 'required' });
    expect(material(p, 'liquidation-group-filing')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(p, 'investors-commitment')).toBeUndefined();
  });

  it('closes the customs record and the housing-fund account only for an enterprise that has them, after the deregistration', () => {
    const p = ok('enterprise-deregistration', { answers: { ...simplified, customsRegistered: true, hasHousingFundAccount: true } });
    expect(p.stages[2]).toEqual(['rs-social-insurance-deregistration', 'hg-customs-declarant-deregistration', 'gjj-unit-account-deregistration']);
    expect(material(p, 'housing-fund-staff-accounts')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
  });

  it('turns away an enterprise still in liquidation and one ended by bankruptcy, saying what to do', () => {
    const pending = ok('enterprise-deregistration', { answers: { simplifiedDeregistration: false, liquidationStatus: 'pending' } });
    expect(pending.situation).toMatchObject({ id: 'liquidation-pending', eligible: false });
    expect(pending.situation?.advice).toContain('清算组备案');
    expect(pending.items).toEqual([]);
    const bankrupt = ok('enterprise-deregistration', { answers: { simplifiedDeregistration: false, liquidationStatus: 'bankruptcy' } });
    expect(bankrupt.situation?.advice).toContain('破产管理人');
  });
});

describe('水电气网联合报装', () => {
  const base = { utilities: ['power', 'water'], premises: 'owned', powerVoltage: 'low', needsExcavation: false };

  it('surveys once, then connects the utilities ticked side by side in 5 working days, the owned premises checked in the property register', () => {
    const p = ok('utility-connection', { answers: base, facts: { licenses: ['business-licence'] } });
    expect(p.situation?.id).toBe('connection-only');
    expect(p.stages).toEqual([['zj-utility-joint-survey'], ['power-connection', 'water-connection']]);
    expect(material(p, 'connection-property-proof')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(p, 'business-licence')).toMatchObject({ status: 'exempt', exemption: { kind: 'license' } });
    expect(material(p, 'electricity-load-list')).toBeUndefined();
    expect(required(p)).toEqual(['connection-site-plan']);
    expect(p.timeLimit.workingDays).toBe(5);
  });

  it('asks a tenant for the lease, spares a building project its plan, and asks a high-voltage user for the load list', () => {
    expect(material(ok('utility-connection', { answers: { ...base, premises: 'rented' } }), 'connection-property-proof')).toMatchObject({ status: 'required' });
    const project = ok('utility-connection', { answers: { ...base, premises: 'project' } });
    expect(material(project, 'connection-property-proof')).toBeUndefined();
    expect(material(project, 'construction-project-permit')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(project, 'connection-site-plan')).toMatchObject({ status: 'exempt' });
    expect(material(ok('utility-connection', { answers: { ...base, powerVoltage: 'high' } }), 'electricity-load-list')).toMatchObject({ status: 'required' });
  });

  it('adds the road-excavation permit when digging, and the planning permit only for a new municipal pipeline, on the survey’s plan', () => {
    const small = ok('utility-connection', { answers: { ...base, needsExcavation: true, newPipeline: false } });
    expect(small.situation?.id).toBe('connection-with-excavation');
    expect(items(small)).toContain('zj-road-excavation-permit');
    expect(items(small)).not.toContain('zrzy-connection-planning-permit');
    const large = ok('utility-connection', { answers: { ...base, needsExcavation: true, newPipeline: true } });
    expect(large.stages[1]).toEqual(expect.arrayContaining(['zj-road-excavation-permit', 'zrzy-connection-planning-permit']));
    expect(material(large, 'connection-construction-plan')).toMatchObject({ status: 'exempt', exemption: { kind: 'result-of-item', ref: 'zj-utility-joint-survey' } });
  });

  it('turns away an application that ticks no utility, saying what to choose', () => {
    const p = ok('utility-connection', { answers: { utilities: [] } });
    expect(p.situation).toMatchObject({ id: 'nothing-selected', eligible: false });
    expect(p.situation?.advice).toContain('至少选择一项');
    expect(p.items).toEqual([]);
  });
});
