import { describe, expect, it } from 'vitest';
import type { Plan, PlanInput } from '../core/planning/types.ts';
import { items as itemsOf, material, ok as planOf, required as requiredOf, shipped } from './testing/plans.ts';

// What a veteran notices in 退役军人服务, deepened from outline (issue 12): which items the way they
// left service and their answers bring in, what is spared and how, the promised limit, the advice when turned away.
const { catalogue, defects } = shipped;

const ok = (input: PlanInput): Plan => planOf('veteran-services', input);
const items = (p: Plan) => itemsOf(p).sort();
const required = (p: Plan) => requiredOf(p).sort();

const soldier = { dischargeType: 'soldier', placementLocal: true, placementMode: 'independent', recordsTransferred: true };

describe('退役军人服务 in the catalogue', () => {
  it('is sound and at moderate depth, every material typed, every proof with its basis and issuer, every form with a sample', () => {
    expect(defects).toEqual([]);
    const m = catalogue.matters.get('veteran-services');
    expect(m?.depth).toBe('moderate');
    expect(m?.items.length).toBe(7);
    for (const e of m?.items ?? []) {
      for (const mat of catalogue.items.get(e.item)?.materials ?? []) {
        const where = `${e.item}/${mat.id}`;
        expect(mat.kind, where).toBeDefined();
        if (mat.kind === 'proof') expect(mat.proof?.basis.length && mat.proof.issuer, where).toBeTruthy();
        if (mat.kind === 'form') expect(mat.sample, where).toContain('填写示例');
      }
    }
  });
});

describe('退役军人服务', () => {
  it('registers a soldier on independent employment once, then the hukou, insurance, grant, training and card, the pension after the hukou', () => {
    const p = ok({ answers: { ...soldier, needsHukou: true, hukouAddressType: 'family', wantsTraining: true } });
    expect(p.situation?.id).toBe('soldier-independent');
    expect(p.stages[0]).toEqual(['tyjr-veteran-reception']);
    expect(p.stages[1]).toEqual(expect.arrayContaining([
      'ga-veteran-hukou-registration', 'yb-veteran-medical-transfer', 'tyjr-independent-employment-subsidy',
      'tyjr-veteran-skills-training', 'tyjr-preferential-card',
    ]));
    expect(p.stages[2]).toEqual(['rs-veteran-pension-transfer']);
    expect(material(p, 'discharge-certificate')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(p, 'veteran-reception-result')).toMatchObject({ status: 'exempt', exemption: { kind: 'result-of-item', ref: 'tyjr-veteran-reception' } });
    expect(material(p, 'host-household-register')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    expect(material(p, 'military-pension-voucher')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' }, proof: { issuer: expect.stringContaining('部队') } });
    expect(material(p, 'veteran-photo')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data' } });
    // Only what a person must sign is left: the registration form and the household head's consent.
    expect(required(p)).toEqual(['household-head-consent', 'veteran-registration-form']);
    expect(material(p, 'household-head-consent')).toMatchObject({ kind: 'form', sample: '户主同意入户意见书（填写示例）' });
    expect(p.timeLimit.workingDays).toBe(12);
  });

  it('spares the ID card by the e-licence, and the house by the property register when settling in one’s own home', () => {
    const p = ok({ answers: { ...soldier, needsHukou: true, hukouAddressType: 'owned', wantsTraining: false }, facts: { licenses: ['resident-id-card'] } });
    expect(material(p, 'veteran-id')).toMatchObject({ status: 'exempt', exemption: { kind: 'license', ref: 'resident-id-card' } });
    expect(material(p, 'settlement-property-certificate')).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data', ref: expect.stringContaining('不动产登记') } });
    expect(material(p, 'household-head-consent')).toBeUndefined();
    expect(items(p)).not.toContain('tyjr-veteran-skills-training');
    const collective = ok({ answers: { ...soldier, needsHukou: true, hukouAddressType: 'collective', wantsTraining: false } });
    expect(required(collective)).toEqual(['veteran-registration-form']);
  });

  it('gives a soldier with an arranged job and a transferred officer no grant and no training, and no hukou item when the hukou stayed', () => {
    const arranged = ok({ answers: { ...soldier, placementMode: 'arranged', needsHukou: false } });
    expect(arranged.situation?.id).toBe('soldier-arranged');
    expect(items(arranged)).toEqual(['rs-veteran-pension-transfer', 'tyjr-preferential-card', 'tyjr-veteran-reception', 'yb-veteran-medical-transfer']);
    expect(arranged.answers).not.toHaveProperty('wantsTraining');
    expect(arranged.timeLimit.workingDays).toBe(11);
    const officer = ok({ answers: { dischargeType: 'officer', placementLocal: true, recordsTransferred: true, needsHukou: true, hukouAddressType: 'collective' } });
    expect(officer.situation?.id).toBe('officer-transfer');
    expect(officer.answers).not.toHaveProperty('placementMode');
    expect(items(officer)).toContain('ga-veteran-hukou-registration');
    expect(items(officer)).not.toContain('tyjr-independent-employment-subsidy');
  });

  it('asks for the discharge certificate only when the army has not handed the records over, and reads that from the register', () => {
    const waiting = ok({ answers: { ...soldier, recordsTransferred: false, needsHukou: false, wantsTraining: false } });
    expect(material(waiting, 'discharge-certificate')).toMatchObject({ status: 'required', kind: 'proof', proof: { issuer: '退役军人原服役部队' } });
    const prefilled = ok({ answers: { dischargeType: 'soldier', placementLocal: true, placementMode: 'independent' }, facts: { recordsTransferred: true } });
    expect(prefilled.nextQuestion?.id).toBe('needsHukou');
  });

  it('lets the veteran leave out the card and the training, and sends them to the grant alone', () => {
    const p = ok({ answers: { ...soldier, needsHukou: false, wantsTraining: true }, chosenItems: [] });
    expect(p.notChosen.map((n) => n.id).sort()).toEqual(['tyjr-preferential-card', 'tyjr-veteran-skills-training']);
    expect(items(p)).toContain('tyjr-independent-employment-subsidy');
    expect(material(p, 'veteran-photo')).toBeUndefined();
  });

  it('turns away a veteran placed elsewhere and one retired on transfer, saying where to go', () => {
    const elsewhere = ok({ answers: { dischargeType: 'soldier', placementLocal: false } });
    expect(elsewhere.situation).toMatchObject({ id: 'placed-elsewhere', eligible: false });
    expect(elsewhere.situation?.advice).toContain('安置地的退役军人事务部门');
    expect(elsewhere.items).toEqual([]);
    const retired = ok({ answers: { dischargeType: 'retired' } });
    expect(retired.situation).toMatchObject({ id: 'retired-transfer', eligible: false });
    expect(retired.situation?.advice).toContain('军休服务管理机构');
    expect(retired.situation?.advice).toContain('优待证');
    expect(retired.items).toEqual([]);
  });
});
