import { describe, expect, it } from 'vitest';
import { licenseHolder, validity } from './holder.ts';

const person = { displayName: '王芳', subject: 'person' as const, enterpriseUscc: null };
const sealed = { sealed: 'v1.opaque', masked: '990102********0021' };

describe('whose an e-license is', () => {
  it('gives a newborn\'s licence to the child, kept by the parent as guardian, with no number (a newborn has none yet)', () => {
    expect(licenseHolder({ holder: 'person' }, { newbornName: '李小宝', motherIdNumber: sealed }, person)).toEqual({
      holder: { kind: 'person', name: '李小宝' }, keeper: 'guardian', idNumber: null,
    });
  });

  it('gives a minor\'s social security card to the child, with the child\'s own number from the form', () => {
    const values = { cardholderName: '李小花', cardholderIdNumber: sealed, cardholderRelation: 'parent' };
    expect(licenseHolder({ holder: 'person' }, values, person)).toEqual({ holder: { kind: 'person', name: '李小花' }, keeper: 'guardian', idNumber: { from: 'form', key: 'cardholderIdNumber' } });
    // Applying for oneself: the cardholder is the applicant, whose own number goes on the card.
    expect(licenseHolder({ holder: 'person' }, { ...values, cardholderRelation: 'self' }, person)).toEqual({ holder: { kind: 'person', name: '王芳' }, keeper: 'self', idNumber: { from: 'applicant' } });
  });

  it('gives a disability certificate to the disabled person when a guardian applies', () => {
    const values = { disabledPersonName: '张小明', disabledPersonIdNumber: sealed };
    expect(licenseHolder({ holder: 'person' }, values, person, { byGuardian: true })).toMatchObject({ holder: { name: '张小明' }, keeper: 'guardian', idNumber: { from: 'form', key: 'disabledPersonIdNumber' } });
    expect(licenseHolder({ holder: 'person' }, values, person, { byGuardian: false })).toMatchObject({ holder: { name: '王芳' }, keeper: 'self' });
  });

  it('gives an enterprise\'s licence to the enterprise, with its credit code and no personal number', () => {
    const agent = { displayName: '陈晓梅', subject: 'enterprise' as const, enterpriseUscc: '91990100MA01HW8K2X' };
    expect(licenseHolder({ holder: 'enterprise' }, { enterpriseName: '示例市好味餐饮管理有限公司' }, agent)).toEqual({
      holder: { kind: 'enterprise', name: '示例市好味餐饮管理有限公司', creditCode: '91990100MA01HW8K2X' }, keeper: 'self', idNumber: null,
    });
    expect(licenseHolder({ holder: 'enterprise' }, { enterpriseName: '某公司', enterpriseUscc: '91350100M000100Y43' }, person)).toMatchObject({ holder: { creditCode: '91350100M000100Y43' }, keeper: 'agent' });
  });
});

describe('how long an e-license is valid', () => {
  it('runs to the day before the anniversary, or for good', () => {
    expect(validity('2026-12-04', 5)).toEqual({ validFrom: '2026-12-04', validUntil: '2031-12-03' });
    expect(validity('2026-01-01', 10)).toEqual({ validFrom: '2026-01-01', validUntil: '2035-12-31' });
    expect(validity('2026-03-01', 1)).toEqual({ validFrom: '2026-03-01', validUntil: '2027-02-28' });
    expect(validity('2027-03-01', 1)).toEqual({ validFrom: '2027-03-01', validUntil: '2028-02-29' });
    expect(validity('2026-12-04', undefined)).toEqual({ validFrom: '2026-12-04', validUntil: null });
  });

  it('counts a licence issued on 29 February to the last day of February in a common year', () => {
    expect(validity('2028-02-29', 5)).toEqual({ validFrom: '2028-02-29', validUntil: '2033-02-28' });
    expect(validity('2028-02-29', 4)).toEqual({ validFrom: '2028-02-29', validUntil: '2032-02-28' });
  });
});
