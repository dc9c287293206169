/**
 * Field value checks: calendar dates, the national identifier formats (GB 11643, GB 32100),
 * phone numbers, bank cards, and a value against its field definition.
 * Each checker returns null when valid, otherwise a short message a window clerk can read out.
 */
import type { FieldDef, FieldFormat } from '../catalog/types.ts';
import { isDate } from '../calendar/dates.ts';

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

export function checkResidentId(value: string): string | null {
  if (!/^\d{17}[\dXx]$/.test(value)) return '公民身份号码应为 18 位，前 17 位为数字，最后一位为数字或 X';
  if (!PROVINCES.has(Number(value.slice(0, 2)))) return '公民身份号码前 6 位地址码不正确，前两位不是有效的省份代码';
  const y = Number(value.slice(6, 10));
  if (y < 1900 || !isDate(`${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`)) {
    return '公民身份号码第 7–14 位出生日期不是有效日期';
  }
  if (residentIdCheckChar(value) !== value[17]?.toUpperCase()) return '公民身份号码校验码不正确，请核对最后一位';
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

export function checkUscc(value: string): string | null {
  if ([...value].length !== 18) return '统一社会信用代码应为 18 位';
  if (![...value].every((c) => USCC_CHARS.includes(c))) {
    return '统一社会信用代码只能由数字和大写字母组成，且不含 I、O、Z、S、V';
  }
  if (!/^[1-9ANY]/.test(value)) return '统一社会信用代码第 1 位登记管理部门代码不正确';
  if (!/^\d{6}$/.test(value.slice(2, 8))) return '统一社会信用代码第 3–8 位应为行政区划代码（数字）';
  // Positions 9–17 are not checked as a GB 11714 organisation code: many real codes (e.g. 92… for
  // individual businesses) carry a registration number there whose own check digit does not hold.
  if (usccCheckChar(value) !== value[17]) return '统一社会信用代码第 18 位校验码不正确';
  return null;
}

// ---- Telephone ----

export function checkMobile(value: string): string | null {
  return /^1[3-9]\d{9}$/.test(value) ? null : '手机号码应为 11 位数字，以 1 开头';
}

/** Landline with its area code (0 + 2–3 digits), a 7–8 digit local number, optional extension. */
const LANDLINE = /^0\d{2,3}-?[1-9]\d{6,7}(?:(?:-|转)\d{1,6})?$/u;
/** 5-digit service numbers (12345, 12315, 95598 …) and 400/800 numbers. */
const SERVICE = /^(?:1\d{4}|9\d{4}|[48]00-?\d{3}-?\d{4})$/;

export function checkPhone(value: string): string | null {
  if (checkMobile(value) === null || LANDLINE.test(value) || SERVICE.test(value)) return null;
  return '电话号码应为手机号码，或带区号的固定电话（如 020-12345678），或 12345 等服务号码';
}

// ---- Bank card ----

export function checkBankCard(value: string): string | null {
  const digits = value.replace(/ /g, '');
  if (!/^\d{12,19}$/.test(digits)) return '银行卡号应为 12–19 位数字';
  // Luhn: from the right, double every second digit and subtract 9 when it exceeds 9.
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0 ? null : '银行卡号校验不通过，请核对卡号';
}

// ---- Postcode, e-mail, address ----

export function checkPostcode(value: string): string | null {
  return /^\d{6}$/.test(value) ? null : '邮政编码应为 6 位数字';
}

/** Dot-atom local part and a dotted domain whose last label is letters (中文 domains allowed). */
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

export function checkEmail(value: string): string | null {
  const at = value.lastIndexOf('@');
  if (EMAIL.test(value) && at <= 64 && value.length <= 254) return null;
  return '电子邮箱格式不正确，应如 name@example.com';
}

export function checkAddress(value: string): string | null {
  const s = value.trim();
  if ([...s].length < 5) return '地址过短，请填写到街道、门牌号';
  if (!/\p{L}/u.test(s)) return '地址不能只有数字或符号，请填写详细地址';
  return null;
}

export const FORMAT_CHECKS: Record<FieldFormat, (v: string) => string | null> = {
  'resident-id': checkResidentId,
  uscc: checkUscc,
  mobile: checkMobile,
  phone: checkPhone,
  'bank-card': checkBankCard,
  postcode: checkPostcode,
  email: checkEmail,
  address: checkAddress,
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

function checkNumber(field: FieldConstraints, value: unknown, integer: boolean): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return integer ? '应为整数' : '应为数字';
  if (integer && !Number.isInteger(value)) return '应为整数';
  if (typeof field.minimum === 'number' && value < field.minimum) return `不能小于 ${field.minimum}`;
  if (typeof field.maximum === 'number' && value > field.maximum) return `不能大于 ${field.maximum}`;
  return null;
}

function checkDate(field: FieldConstraints, value: unknown): string | null {
  if (typeof value !== 'string' || !isValidDate(value)) return '应为有效日期（年-月-日，如 2025-01-31）';
  // 'YYYY-MM-DD' strings order the same way as the days they name.
  if (typeof field.minimum === 'string' && value < field.minimum) return `不能早于 ${field.minimum}`;
  if (typeof field.maximum === 'string' && value > field.maximum) return `不能晚于 ${field.maximum}`;
  return null;
}

function checkString(field: FieldConstraints, value: string): string | null {
  const length = [...value].length; // code points, so a Chinese character counts once
  if (field.minLength !== undefined && length < field.minLength) return `至少应有 ${field.minLength} 个字`;
  if (field.maxLength !== undefined && length > field.maxLength) return `不能超过 ${field.maxLength} 个字`;
  if (field.pattern !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(field.pattern, 'u');
    } catch {
      return '的格式规则定义有误，请联系管理员';
    }
    if (!re.test(value)) return '格式不正确';
  }
  return field.format ? FORMAT_CHECKS[field.format](value) : null;
}

function checkTyped(field: FieldConstraints, value: unknown): string | null {
  const allowed = new Set((field.options ?? []).map((o) => o.value));
  switch (field.type) {
    case 'string':
      return typeof value === 'string' ? checkString(field, value) : '应为文字';
    case 'integer':
      return checkNumber(field, value, true);
    case 'number':
      return checkNumber(field, value, false);
    case 'boolean':
      return typeof value === 'boolean' ? null : '应为“是”或“否”';
    case 'date':
      return checkDate(field, value);
    case 'enum':
      return typeof value === 'string' && allowed.has(value) ? null : '不在可选范围内，请从选项中选择';
    case 'multi-enum': {
      if (!Array.isArray(value)) return '应为选项列表';
      if (!value.every((v) => typeof v === 'string' && allowed.has(v))) return '含有不在可选范围内的选项';
      return new Set(value).size === value.length ? null : '有重复的选项';
    }
  }
}

/**
 * Checks a value against its field definition; null when valid. An empty string counts as
 * "not filled in" for string, date and enum fields: whether a field is required is decided elsewhere.
 */
export function checkFieldValue(field: FieldConstraints, value: unknown): string | null {
  if (value === '' && (field.type === 'string' || field.type === 'date' || field.type === 'enum')) return null;
  const message = checkTyped(field, value);
  return message === null ? null : `「${field.label}」${message}`;
}
