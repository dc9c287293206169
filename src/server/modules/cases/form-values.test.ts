import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../crypto/sm4.ts';
import type { FieldCipher } from '../../deps.ts';
import type { MergedForm } from '../../../core/planning/types.ts';
import { maskedPrefill, maskedValues, openValues, sealValues } from './form-values.ts';

const cipher = createFieldCipher(randomBytes(32).toString('hex'));
/** A cipher that cannot open anything: what it shows was shown without the key. */
const locked: FieldCipher = { ...cipher, decrypt: () => { throw new Error('decrypt called'); } };
const form = { fields: [{ key: 'idNumber', sensitive: true }, { key: 'mobile', sensitive: true }, { key: 'name', sensitive: false }] } as unknown as MergedForm;
const values = { idNumber: '11010519491231002X', mobile: '13800138000', name: '张建国' };

describe('form values at rest', () => {
  it('seals personal values, keeping only their masks in the clear', () => {
    const stored = sealValues(values, form, cipher);
    expect(JSON.stringify(stored)).not.toContain('11010519491231002X');
    expect(JSON.stringify(stored)).not.toContain('13800138000');
    expect(openValues(stored, cipher)).toEqual(values);
  });

  it('shows sealed values masked without opening them', () => {
    const shown = maskedValues(sealValues(values, form, cipher), locked);
    expect(shown.idNumber).toMatch(/^\d{2,6}\*+[\dX]{2,4}$/);
    expect(shown.idNumber).not.toBe(values.idNumber);
    expect(shown.mobile).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(shown.name).toBe('张建国');
  });

  it('still shows values sealed before masks were kept, by opening them', () => {
    const old = { idNumber: { sealed: cipher.encrypt(values.idNumber) } };
    expect(() => maskedValues(old, locked)).toThrow('decrypt called');
    expect(maskedValues(old, cipher).idNumber).toBe(maskedValues(sealValues(values, form, cipher), cipher).idNumber);
    expect(maskedPrefill(old.idNumber, cipher)).toBe(maskedValues(old, cipher).idNumber);
  });
});
