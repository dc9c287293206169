// The test runner is the one import from outside src/core; the tests run under Node only.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FORMAT_CHECKS,
  checkAddress,
  checkBankCard,
  checkEmail,
  checkFieldValue,
  checkMobile,
  checkPhone,
  checkPostcode,
  checkResidentId,
  checkUscc,
  isValidDate,
  type FieldConstraints,
} from './validators.ts';

// ---- Independent helpers: the tests compute check characters themselves ----

/** GB 11643 check character (ISO 7064 MOD 11-2), written out from the standard's formula. */
function idCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const weight = 2 ** (17 - i) % 11; // W_i = 2^(i-1) mod 11, counted from the right
    sum += Number(body17[i]) * weight;
  }
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}
const withIdCheck = (body17: string): string => body17 + idCheckChar(body17);

/** Luhn check digit appended to a body of digits. */
function withLuhn(body: string): string {
  let sum = 0;
  [...body].reverse().forEach((c, i) => {
    const d = Number(c) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return body + String((10 - (sum % 10)) % 10);
}

/** Changes the digit at index i to the next digit (9 → 0). */
const bump = (s: string, i: number): string => s.slice(0, i) + String((Number(s[i]) + 1) % 10) + s.slice(i + 1);

describe('test helpers', () => {
  it('idCheckChar reproduces the GB 11643 example 11010519491231002X', () => {
    expect(withIdCheck('11010519491231002')).toBe('11010519491231002X');
  });
  it('withLuhn reproduces the textbook Luhn example 79927398713', () => {
    expect(withLuhn('7992739871')).toBe('79927398713');
  });
});

describe('isValidDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-12-31', true],
    ['1900-01-01', true],
    ['2025-02-29', false],
    ['1900-02-29', false], // divisible by 100, not by 400
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-1-01', false],
    ['2025/01/01', false],
    ['2025-01-01T00:00', false],
    [' 2025-01-01', false],
    ['', false],
  ])('%s → %s', (s, ok) => {
    expect(isValidDate(s)).toBe(ok);
  });
});

describe('checkResidentId', () => {
  const valid = [
    '11010519491231002X', // GB 11643-1999's own example
    withIdCheck('44010620000229123'), // born on a leap day
    withIdCheck('99010119900101001'), // the demo jurisdiction's code 99
    withIdCheck('65280119000101999'),
    withIdCheck('81000020231130456'),
  ];
  it.each(valid)('accepts %s', (id) => {
    expect(checkResidentId(id)).toBeNull();
  });

  it('accepts a lower-case x', () => {
    expect(checkResidentId('11010519491231002x')).toBeNull();
  });

  it.each([
    ['wrong check digit', '110105194912310021', '公民身份号码校验码不正确，请核对最后一位'],
    ['wrong check digit (X → 0)', '110105194912310020', '公民身份号码校验码不正确，请核对最后一位'],
    ['Feb 30 birth date', withIdCheck('11010519490230002'), '公民身份号码第 7–14 位出生日期不是有效日期'],
    ['Feb 29 in a common year', withIdCheck('11010520250229002'), '公民身份号码第 7–14 位出生日期不是有效日期'],
    ['born before 1900', withIdCheck('11010518991231002'), '公民身份号码第 7–14 位出生日期不是有效日期'],
    ['province code 00', withIdCheck('00010519491231002'), '公民身份号码前 6 位地址码不正确，前两位不是有效的省份代码'],
    ['province code 24', withIdCheck('24010519491231002'), '公民身份号码前 6 位地址码不正确，前两位不是有效的省份代码'],
    ['17 digits', '11010519491231002', '公民身份号码应为 18 位，前 17 位为数字，最后一位为数字或 X'],
    ['19 characters', '11010519491231002X1', '公民身份号码应为 18 位，前 17 位为数字，最后一位为数字或 X'],
    ['letters in the body', '1101051949123100AX', '公民身份号码应为 18 位，前 17 位为数字，最后一位为数字或 X'],
    ['full-width digits', '１１０１０５１９４９１２３１００２Ｘ', '公民身份号码应为 18 位，前 17 位为数字，最后一位为数字或 X'],
  ])('rejects %s', (_what, id, message) => {
    expect(checkResidentId(id)).toBe(message);
  });

  const provinces = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46];
  const more = [50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 99];
  const daysIn = (y: number, m: number): number =>
    [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  const body = fc
    .record({
      province: fc.constantFrom(...provinces, ...more),
      rest: fc.integer({ min: 0, max: 9999 }),
      year: fc.integer({ min: 1900, max: 2099 }),
      month: fc.integer({ min: 1, max: 12 }),
      seq: fc.integer({ min: 0, max: 999 }),
    })
    .chain((b) =>
      fc.integer({ min: 1, max: daysIn(b.year, b.month) }).map(
        (day) => `${b.province}${pad(b.rest, 4)}${b.year}${pad(b.month, 2)}${pad(day, 2)}${pad(b.seq, 3)}`,
      ),
    );

  it('property: the computed check char is accepted, every other one rejected', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 10 }), (b, shift) => {
        const chars = '0123456789X';
        const right = idCheckChar(b);
        const wrong = chars[(chars.indexOf(right) + shift) % 11] ?? '';
        expect(checkResidentId(b + right)).toBeNull();
        expect(checkResidentId(b + wrong)).toBe('公民身份号码校验码不正确，请核对最后一位');
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkUscc', () => {
  // Both were checked by hand against GB 32100's formula (values are indexes in the 31-character set):
  // 91110000802100433B: 9·1+1·3+1·9+1·27+8·20+2·25+1·13+4·10+3·30+3·28 = 485; 485 mod 31 = 20; 31−20 = 11 → 'B'.
  // 91350100M000100Y43: 9·1+1·3+3·9+5·27+1·26+M(21)·20+1·8+Y(30)·30+4·28 = 1640; 1640 mod 31 = 28; 31−28 = 3 → '3'.
  it.each(['91350100M000100Y43', '91110000802100433B'])('accepts %s', (code) => {
    expect(checkUscc(code)).toBeNull();
  });

  it('maps a remainder of 0 to check char 0 (31 → 0)', () => {
    // 9·1+1·3+4·9+4·27+2·19+7·20+1·29+2·25+3·13+4·8+5·24+6·10+J(18)·30 = 1302 = 42·31.
    expect(checkUscc('9144200007123456J0')).toBeNull();
  });

  it('does not apply the GB 11714 check to positions 9–17 (individual businesses, 92…)', () => {
    // Positions 9–17 (MA5ABCDE9) are not a valid organisation code; only the 18th char counts.
    const body = '92440101MA5ABCDE9';
    const C = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = [...body].reduce((s, c, i) => s + C.indexOf(c) * (W[i] ?? 0), 0);
    const code = body + C[(31 - (sum % 31)) % 31];
    expect(checkUscc(code)).toBeNull();
  });

  it.each([
    ['changed last char', '91350100M000100Y44', '统一社会信用代码第 18 位校验码不正确'],
    ['changed last char (B → C)', '91110000802100433C', '统一社会信用代码第 18 位校验码不正确'],
    ['changed middle char', '91110000802100533B', '统一社会信用代码第 18 位校验码不正确'],
    ['contains I', '91110000I02100433B', '统一社会信用代码只能由数字和大写字母组成，且不含 I、O、Z、S、V'],
    ['contains O', '91110000802100O33B', '统一社会信用代码只能由数字和大写字母组成，且不含 I、O、Z、S、V'],
    ['contains Z', '9111000080210043ZB', '统一社会信用代码只能由数字和大写字母组成，且不含 I、O、Z、S、V'],
    ['lower case', '91350100m000100y43', '统一社会信用代码只能由数字和大写字母组成，且不含 I、O、Z、S、V'],
    ['17 chars', '91110000802100433', '统一社会信用代码应为 18 位'],
    ['19 chars', '91110000802100433BB', '统一社会信用代码应为 18 位'],
    ['department code 0', '01110000802100433B', '统一社会信用代码第 1 位登记管理部门代码不正确'],
    ['letter in the area code', '911A0000802100433B', '统一社会信用代码第 3–8 位应为行政区划代码（数字）'],
  ])('rejects %s', (_what, code, message) => {
    expect(checkUscc(code)).toBe(message);
  });
});

describe('checkBankCard', () => {
  const b16 = withLuhn('622202020011234');
  const b19 = withLuhn('621700000000123456');
  const b12 = withLuhn('12345678901');
  it.each([b16, b19, b12, `${b16.slice(0, 4)} ${b16.slice(4, 8)} ${b16.slice(8, 12)} ${b16.slice(12)}`])(
    'accepts %s',
    (card) => {
      expect(checkBankCard(card)).toBeNull();
    },
  );

  it.each([
    ['altered digit', bump(b16, 5), '银行卡号校验不通过，请核对卡号'],
    ['altered check digit', bump(b19, 18), '银行卡号校验不通过，请核对卡号'],
    ['6222020200112345678 (Luhn fails)', '6222020200112345678', '银行卡号校验不通过，请核对卡号'],
    ['11 digits', withLuhn('1234567890'), '银行卡号应为 12–19 位数字'],
    ['20 digits', withLuhn('1234567890123456789'), '银行卡号应为 12–19 位数字'],
    ['a dash', `${b16.slice(0, 4)}-${b16.slice(4)}`, '银行卡号应为 12–19 位数字'],
  ])('rejects %s', (_what, card, message) => {
    expect(checkBankCard(card)).toBe(message);
  });
});

describe('checkMobile / checkPhone / checkPostcode / checkEmail / checkAddress', () => {
  it.each([
    [checkMobile, '13800138000', true],
    [checkMobile, '19912345678', true],
    [checkMobile, '12800138000', false],
    [checkMobile, '1380013800', false],
    [checkMobile, '138001380000', false],
    [checkMobile, '+8613800138000', false],
    [checkPhone, '13800138000', true],
    [checkPhone, '020-12345678', true],
    [checkPhone, '0760-8888888', true],
    [checkPhone, '02012345678', true],
    [checkPhone, '020-12345678-8001', true],
    [checkPhone, '12345', true],
    [checkPhone, '95598', true],
    [checkPhone, '400-810-8888', true],
    [checkPhone, '12345678', false], // no area code
    [checkPhone, '020-1234567890', false],
    [checkPhone, '20-12345678', false],
    [checkPhone, '1234', false],
    [checkPhone, '电话', false],
    [checkPostcode, '528400', true],
    [checkPostcode, '52840', false],
    [checkPostcode, '5284001', false],
    [checkPostcode, '52840A', false],
    [checkEmail, 'zhang.san@example.com', true],
    [checkEmail, 'li+si@mail.gov.cn', true],
    [checkEmail, 'wang@中山.中国', true],
    [checkEmail, 'zhangsan@example', false],
    [checkEmail, 'zhangsan.example.com', false],
    [checkEmail, 'zhang@@example.com', false],
    [checkEmail, '.zhang@example.com', false],
    [checkEmail, 'zhang san@example.com', false],
    [checkEmail, 'zhang@-example.com', false],
    [checkAddress, '中山市东区松苑路1号', true],
    [checkAddress, '  石岐区大信路 88 号  ', true],
    [checkAddress, '中山市', false],
    [checkAddress, '  1号  ', false],
    [checkAddress, '123-45, 67', false],
  ] as const)('%o(%s) valid: %s', (check, value, ok) => {
    const message = check(value);
    if (ok) expect(message).toBeNull();
    else expect(message).toMatch(/\p{Script=Han}/u);
  });

  it('gives the specified messages', () => {
    expect(checkMobile('123')).toBe('手机号码应为 11 位数字，以 1 开头');
    expect(checkPostcode('1')).toBe('邮政编码应为 6 位数字');
  });

  it('FORMAT_CHECKS maps each format to its checker', () => {
    expect(FORMAT_CHECKS).toEqual({
      'resident-id': checkResidentId,
      uscc: checkUscc,
      mobile: checkMobile,
      phone: checkPhone,
      'bank-card': checkBankCard,
      postcode: checkPostcode,
      email: checkEmail,
      address: checkAddress,
    });
  });
});

describe('checkFieldValue', () => {
  const options = [
    { value: 'a', label: '甲' },
    { value: 'b', label: '乙' },
    { value: 'c', label: '丙' },
  ];
  const f = (field: Omit<FieldConstraints, 'label'>): FieldConstraints => ({ label: '字段', ...field });

  it.each<[string, FieldConstraints, unknown, string | null]>([
    // string
    ['string ok', f({ type: 'string' }), '张三', null],
    ['empty string is not judged here', f({ type: 'string', format: 'mobile', minLength: 3 }), '', null],
    ['string given a number', f({ type: 'string' }), 12, '「字段」应为文字'],
    ['minLength counts Chinese once', f({ type: 'string', minLength: 3 }), '张三丰', null],
    ['below minLength', f({ type: 'string', minLength: 3 }), '张三', '「字段」至少应有 3 个字'],
    ['maxLength counts Chinese once', f({ type: 'string', maxLength: 2 }), '张三', null],
    ['a supplementary-plane character counts once', f({ type: 'string', maxLength: 1 }), '𠀀', null],
    ['above maxLength', f({ type: 'string', maxLength: 2 }), '张三丰', '「字段」不能超过 2 个字'],
    ['pattern matches', f({ type: 'string', pattern: '^\\p{Script=Han}+$' }), '张三', null],
    ['pattern fails', f({ type: 'string', pattern: '^\\p{Script=Han}+$' }), 'Zhang', '「字段」格式不正确'],
    ['broken pattern', f({ type: 'string', pattern: '(' }), 'x', '「字段」的格式规则定义有误，请联系管理员'],
    [
      'format with label',
      { label: '申请人手机号码', type: 'string', format: 'mobile' },
      '1380013800',
      '「申请人手机号码」手机号码应为 11 位数字，以 1 开头',
    ],
    ['format ok', f({ type: 'string', format: 'resident-id' }), '11010519491231002X', null],
    ['format fails', f({ type: 'string', format: 'bank-card' }), '6222020200112345678', '「字段」银行卡号校验不通过，请核对卡号'],
    // integer / number
    ['integer ok', f({ type: 'integer', minimum: 0, maximum: 10 }), 10, null],
    ['integer fraction', f({ type: 'integer' }), 1.5, '「字段」应为整数'],
    ['integer as string', f({ type: 'integer' }), '3', '「字段」应为整数'],
    ['integer below minimum', f({ type: 'integer', minimum: 1 }), 0, '「字段」不能小于 1'],
    ['integer above maximum', f({ type: 'integer', maximum: 10 }), 11, '「字段」不能大于 10'],
    ['number ok', f({ type: 'number', minimum: 0.5 }), 0.5, null],
    ['number NaN', f({ type: 'number' }), Number.NaN, '「字段」应为数字'],
    ['number Infinity', f({ type: 'number' }), Number.POSITIVE_INFINITY, '「字段」应为数字'],
    ['number below minimum', f({ type: 'number', minimum: 0 }), -0.01, '「字段」不能小于 0'],
    ['number above maximum', f({ type: 'number', maximum: 100 }), 100.5, '「字段」不能大于 100'],
    // boolean
    ['boolean ok', f({ type: 'boolean' }), false, null],
    ['boolean as string', f({ type: 'boolean' }), 'true', '「字段」应为“是”或“否”'],
    // date
    ['date leap day', f({ type: 'date' }), '2024-02-29', null],
    ['date not a leap year', f({ type: 'date' }), '2025-02-29', '「字段」应为有效日期（年-月-日，如 2025-01-31）'],
    ['date wrong shape', f({ type: 'date' }), '2025/01/31', '「字段」应为有效日期（年-月-日，如 2025-01-31）'],
    ['date empty', f({ type: 'date' }), '', null],
    ['date within bounds', f({ type: 'date', minimum: '2025-01-01', maximum: '2025-12-31' }), '2025-12-31', null],
    ['date before minimum', f({ type: 'date', minimum: '2025-01-01' }), '2024-12-31', '「字段」不能早于 2025-01-01'],
    ['date after maximum', f({ type: 'date', maximum: '2025-12-31' }), '2026-01-01', '「字段」不能晚于 2025-12-31'],
    // enum / multi-enum
    ['enum ok', f({ type: 'enum', options }), 'b', null],
    ['enum not in options', f({ type: 'enum', options }), 'd', '「字段」不在可选范围内，请从选项中选择'],
    ['enum by label', f({ type: 'enum', options }), '甲', '「字段」不在可选范围内，请从选项中选择'],
    ['enum without options', f({ type: 'enum' }), 'a', '「字段」不在可选范围内，请从选项中选择'],
    ['multi-enum ok', f({ type: 'multi-enum', options }), ['a', 'c'], null],
    ['multi-enum none chosen', f({ type: 'multi-enum', options }), [], null],
    ['multi-enum duplicates', f({ type: 'multi-enum', options }), ['a', 'a'], '「字段」有重复的选项'],
    ['multi-enum not in options', f({ type: 'multi-enum', options }), ['a', 'z'], '「字段」含有不在可选范围内的选项'],
    ['multi-enum not an array', f({ type: 'multi-enum', options }), 'a', '「字段」应为选项列表'],
  ])('%s', (_what, field, value, expected) => {
    expect(checkFieldValue(field, value)).toBe(expected);
  });
});
