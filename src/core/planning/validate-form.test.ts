import { describe, expect, it } from 'vitest';
import { checkCatalogue } from '../catalog/check.ts';
import { fixtureDocuments } from '../testing/fixture.ts';
import { plan } from './plan.ts';
import { validateFormValues } from './validate-form.ts';

const { catalogue } = checkCatalogue(fixtureDocuments());
const r = plan(catalogue, 'demo', { answers: { married: true, inProvince: true, extras: [] } });
if (!r.ok) throw new Error('fixture plan failed');
const { form } = r.plan;

describe('validateFormValues', () => {
  it('accepts a complete, valid form', () => {
    expect(validateFormValues(form, {
      applicantName: '张三', applicantIdNumber: '11010519491231002X', applicantMobile: '13800138000', deliveryMethod: 'post', birthPlace: '示例市',
    })).toEqual([]);
  });

  it('names every problem at once, in Chinese, with the field path', () => {
    const errors = validateFormValues(form, { applicantIdNumber: '110105194912310021', applicantMobile: '2380013800', deliveryMethod: 'pigeon', colour: 'red' });
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['unknown-field', 'form.colour'],
      ['required', 'form.applicantName'],
      ['invalid-value', 'form.applicantIdNumber'],
      ['invalid-value', 'form.applicantMobile'],
      ['invalid-value', 'form.deliveryMethod'],
      ['required', 'form.birthPlace'],
    ]);
    expect(errors[1]?.message).toBe('请填写「申请人姓名」');
    expect(errors[2]?.message).toContain('校验码');
    // Each wrong value also says what is wrong as a code, for a face in another language to word (issue 15).
    expect(errors.filter((e) => e.code === 'invalid-value').map((e) => e.problem)).toEqual([{ code: 'id-check' }, { code: 'mobile' }, { code: 'option' }]);
    expect(errors[3]?.message).toBe('「手机号码」手机号码应为 11 位数字，以 1 开头');
  });

  it('lets a draft leave required fields empty but still checks what is filled in', () => {
    expect(validateFormValues(form, { applicantMobile: '13800138000' }, { partial: true })).toEqual([]);
    expect(validateFormValues(form, { applicantMobile: '1380013800' }, { partial: true })).toHaveLength(1);
  });
});
