/**
 * Field value checks: calendar dates, the national identifier formats (GB 11643, GB 32100),
 * phone numbers, bank cards, and a value against its field definition.
 * Each checker returns null when valid, otherwise a short message a window clerk can read out.
 */
import type { FieldDef, FieldFormat } from '../catalog/types.ts';
import { isDate } from '../calendar/dates.ts';

/**
 * What is wrong with a value, as a code (and the bound or length it broke), so each face can word it
 * in its own language; zhProblem words it in Chinese.
 */
export type FieldProblemCode =
  | 'id-length' | 'id-region' | 'id-birth' | 'id-check'
  | 'uscc-length' | 'uscc-chars' | 'uscc-first' | 'uscc-region' | 'uscc-check'
  | 'mobile' | 'phone' | 'bank-card-length' | 'bank-card-check' | 'postcode' | 'email' | 'address-short' | 'address-letters'
  | 'integer' | 'number' | 'min' | 'max' | 'date' | 'not-before' | 'not-after' | 'min-length' | 'max-length'
  | 'pattern-broken' | 'pattern' | 'text' | 'yes-no' | 'option' | 'options-list' | 'options-unknown' | 'options-repeated';
export interface FieldProblem { code: FieldProblemCode; n?: number | string }

const ZH: Record<FieldProblemCode, string> = {
  'id-length': '公民身份号码应为 18 位，前 17 位为数字，最后一位为数字或 X',
  'id-region': '公民身份号码前 6 位地址码不正确，前两位不是有效的省份代码',
  'id-birth': '公民身份号码第 7–14 位出生日期不是有效日期',
  'id-check': '公民身份号码校验码不正确，请核对最后一位',
  'uscc-length': '统一社会信用代码应为 18 位',
  'uscc-chars': '统一社会信用代码只能由数字和大写字母组成，且不含 I、O、Z、S、V',
  'uscc-first': '统一社会信用代码第 1 位登记管理部门代码不正确',
  'uscc-region': '统一社会信用代码第 3–8 位应为行政区划代码（数字）',
  'uscc-check': '统一社会信用代码第 18 位校验码不正确',
  mobile: '手机号码应为 11 位数字，以 1 开头',
  phone: '电话号码应为手机号码，或带区号的固定电话（如 020-12345678），或 12345 等服务号码',
  'bank-card-length': '银行卡号应为 12–19 位数字',
  'bank-card-check': '银行卡号校验不通过，请核对卡号',
  postcode: '邮政编码应为 6 位数字',
  email: '电子邮箱格式不正确，应如 name@example.com',
  'address-short': '地址过短，请填写到街道、门牌号',
  'address-letters': '地址不能只有数字或符号，请填写详细地址',
  'pattern-broken': '的格式规则定义有误，请联系管理员',
  pattern: '格式不正确',
  text: '应为文字',
  'yes-no': '应为“是”或“否”',
  date: '应为有效日期（年-月-日，如 2025-01-31）',
  option: '不在可选范围内，请从选项中选择',
  'options-list': '应为选项列表',
  'options-unknown': '含有不在可选范围内的选项',
  'options-repeated': '有重复的选项',
  integer: '应为整数', number: '应为数字', min: '不能小于 {n}', max: '不能大于 {n}',
  'not-before': '不能早于 {n}', 'not-after': '不能晚于 {n}', 'min-length': '至少应有 {n} 个字', 'max-length': '不能超过 {n} 个字',
};

export function zhProblem(problem: FieldProblem | null): string | null {
  return problem === null ? null : ZH[problem.code].replace('{n}', String(problem.n ?? ''));
}

/** Strict 'YYYY-MM-DD' naming a real calendar day. */
export const isValidDate = (s: string): boolean => isDate(s);

// ---- GB 11643-1999 公民身份号码 ----

/** Province-level codes of GB/T 2260 (plus 99, the demo jurisdiction's own code). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 99,
]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character for the 17-digit body. */
export function residentIdCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS[sum % 11] ?? '';
}

export function residentIdProblem(value: string): FieldProblem | null {
  if (!/^\d{17}[\dXx]$/.test(value)) return { code: 'id-length' };
  if (!PROVINCES.has(Number(value.slice(0, 2)))) return { code: 'id-region' };
  const y = Number(value.slice(6, 10));
  if (y < 1900 || !isDate(`${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`)) {
    return { code: 'id-birth' };
  }
  if (residentIdCheckChar(value) !== value[17]?.toUpperCase()) return { code: 'id-check' };
  return null;
}

// ---- GB 32100-2015 统一社会信用代码 ----

/** The code's 31 characters; a character's value is its index here. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character of a unified social credit code, from its first 17. */
export function usccCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(body[i] ?? '') * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31] ?? '';
}

export function usccProblem(value: string): FieldProblem | null {
  if ([...value].length !== 18) return { code: 'uscc-length' };
  if (![...value].every((c) => USCC_CHARS.includes(c))) {
    return { code: 'uscc-chars' };
  }
  if (!/^[1-9ANY]/.test(value)) return { code: 'uscc-first' };
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { code: 'uscc-region' };
  // Positions 9–17 are not checked as a GB 11714 organisation code: many real codes (e.g. 92… for
  // individual businesses) carry a registration number there whose own check digit does not hold.
  if (usccCheckChar(value) !== value[17]) return { code: 'uscc-check' };
  return null;
}

// ---- Telephone ----

function mobileProblem(value: string): FieldProblem | null {
  return /^1[3-9]\d{9}$/.test(value) ? null : { code: 'mobile' };
}

/** Landline with its area code (0 + 2–3 digits), a 7–8 digit local number, optional extension. */
const LANDLINE = /^0\d{2,3}-?[1-9]\d{6,7}(?:(?:-|转)\d{1,6})?$/u;
/** 5-digit service numbers (12345, 12315, 95598 …) and 400/800 numbers. */
const SERVICE = /^(?:1\d{4}|9\d{4}|[48]00-?\d{3}-?\d{4})$/;

function phoneProblem(value: string): FieldProblem | null {
  if (mobileProblem(value) === null || LANDLINE.test(value) || SERVICE.test(value)) return null;
  return { code: 'phone' };
}

// ---- Bank card ----

function bankCardProblem(value: string): FieldProblem | null {
  const digits = value.replace(/ /g, '');
  if (!/^\d{12,19}$/.test(digits)) return { code: 'bank-card-length' };
  // Luhn: from the right, double every second digit and subtract 9 when it exceeds 9.
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0 ? null : { code: 'bank-card-check' };
}

// ---- Postcode, e-mail, address ----

function postcodeProblem(value: string): FieldProblem | null {
  return /^\d{6}$/.test(value) ? null : { code: 'postcode' };
}

/** Dot-atom local part and a dotted domain whose last label is letters (中文 domains allowed). */
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

function emailProblem(value: string): FieldProblem | null {
  const at = value.lastIndexOf('@');
  if (EMAIL.test(value) && at <= 64 && value.length <= 254) return null;
  return { code: 'email' };
}

function addressProblem(value: string): FieldProblem | null {
  const s = value.trim();
  if ([...s].length < 5) return { code: 'address-short' };
  if (!/\p{L}/u.test(s)) return { code: 'address-letters' };
  return null;
}

const FORMAT_PROBLEMS: Record<FieldFormat, (v: string) => FieldProblem | null> = {
  'resident-id': residentIdProblem,
  uscc: usccProblem,
  mobile: mobileProblem,
  phone: phoneProblem,
  'bank-card': bankCardProblem,
  postcode: postcodeProblem,
  email: emailProblem,
  address: addressProblem,
};

/** The same checks, each answering in the Chinese a window clerk reads out. */
const inChinese = (check: (v: string) => FieldProblem | null) => (v: string): string | null => zhProblem(check(v));
export const checkResidentId = inChinese(residentIdProblem);
export const checkUscc = inChinese(usccProblem);
export const checkMobile = inChinese(mobileProblem);
export const checkPhone = inChinese(phoneProblem);
export const checkBankCard = inChinese(bankCardProblem);
export const checkPostcode = inChinese(postcodeProblem);
export const checkEmail = inChinese(emailProblem);
export const checkAddress = inChinese(addressProblem);
export const FORMAT_CHECKS: Record<FieldFormat, (v: string) => string | null> = {
  'resident-id': checkResidentId, uscc: checkUscc, mobile: checkMobile, phone: checkPhone,
  'bank-card': checkBankCard, postcode: checkPostcode, email: checkEmail, address: checkAddress,
};

// ---- A value against its field definition ----

/**
 * The parts of a field definition that constrain a value. Bounds may be numbers, or for date
 * fields 'YYYY-MM-DD' strings (the catalogue schema accepts either).
 */
export type FieldConstraints = Omit<
  Pick<FieldDef, 'label' | 'type' | 'format' | 'options' | 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'pattern'>,
  'minimum' | 'maximum'
> & { minimum?: number | string; maximum?: number | string };

function checkNumber(field: FieldConstraints, value: unknown, integer: boolean): FieldProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { code: integer ? 'integer' : 'number' };
  if (integer && !Number.isInteger(value)) return { code: 'integer' };
  if (typeof field.minimum === 'number' && value < field.minimum) return { code: 'min', n: field.minimum };
  if (typeof field.maximum === 'number' && value > field.maximum) return { code: 'max', n: field.maximum };
  return null;
}

function checkDate(field: FieldConstraints, value: unknown): FieldProblem | null {
  if (typeof value !== 'string' || !isValidDate(value)) return { code: 'date' };
  // 'YYYY-MM-DD' strings order the same way as the days they name.
  if (typeof field.minimum === 'string' && value < field.minimum) return { code: 'not-before', n: field.minimum };
  if (typeof field.maximum === 'string' && value > field.maximum) return { code: 'not-after', n: field.maximum };
  return null;
}

function checkString(field: FieldConstraints, value: string): FieldProblem | null {
  const length = [...value].length; // code points, so a Chinese character counts once
  if (field.minLength !== undefined && length < field.minLength) return { code: 'min-length', n: field.minLength };
  if (field.maxLength !== undefined && length > field.maxLength) return { code: 'max-length', n: field.maxLength };
  if (field.pattern !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(field.pattern, 'u');
    } catch {
      return { code: 'pattern-broken' };
    }
    if (!re.test(value)) return { code: 'pattern' };
  }
  return field.format ? FORMAT_PROBLEMS[field.format](value) : null;
}

function checkTyped(field: FieldConstraints, value: unknown): FieldProblem | null {
  const allowed = new Set((field.options ?? []).map((o) => o.value));
  switch (field.type) {
    case 'string':
      return typeof value === 'string' ? checkString(field, value) : { code: 'text' };
    case 'integer':
      return checkNumber(field, value, true);
    case 'number':
      return checkNumber(field, value, false);
    case 'boolean':
      return typeof value === 'boolean' ? null : { code: 'yes-no' };
    case 'date':
      return checkDate(field, value);
    case 'enum':
      return typeof value === 'string' && allowed.has(value) ? null : { code: 'option' };
    case 'multi-enum': {
      if (!Array.isArray(value)) return { code: 'options-list' };
      if (!value.every((v) => typeof v === 'string' && allowed.has(v))) return { code: 'options-unknown' };
      return new Set(value).size === value.length ? null : { code: 'options-repeated' };
    }
  }
}

/**
 * Checks a value against its field definition; null when valid. An empty string counts as
 * "not filled in" for string, date and enum fields: whether a field is required is decided elsewhere.
 */
export function fieldValueProblem(field: FieldConstraints, value: unknown): FieldProblem | null {
  if (value === '' && (field.type === 'string' || field.type === 'date' || field.type === 'enum')) return null;
  return checkTyped(field, value);
}

/** The same, in Chinese and naming the field: 「手机号码」手机号码应为 11 位数字，以 1 开头. */
export function checkFieldValue(field: FieldConstraints, value: unknown): string | null {
  const problem = fieldValueProblem(field, value);
  return problem === null ? null : `「${field.label}」${zhProblem(problem)}`;
}
