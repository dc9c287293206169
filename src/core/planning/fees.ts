/**
 * 收费: what each planned item costs the applicant, after exemptions (免收) and reductions (减收),
 * in fen (分) as integers the way finance keeps them, and the plan's total. Pure.
 */
import { compileRule, truthy, type Evaluator, type Rule } from '../rules/jsonlogic.ts';
import type { Fees } from '../catalog/types.ts';

/** One charge as this applicant meets it. */
export interface PlannedCharge {
  name: string;
  /** 收费标准, fen. */
  amount: number;
  basis: string;
  /** 应缴, fen, after exemption and reductions. */
  due: number;
  /** The exemption that applies, in words (who is exempt). */
  exempt?: string;
  reductions: { name: string; amount: number }[];
}

export interface PlannedFees {
  free: boolean;
  note?: string;
  /** Absent in plans frozen before fees were structured. */
  charges?: PlannedCharge[];
  /** 应缴合计 of the item, fen. */
  due?: number;
}

// Rules are catalogue data, the same object for every plan: compile each once.
const compiled = new WeakMap<object, Evaluator>();
function test(rule: Rule, data: Readonly<Record<string, unknown>>): boolean {
  if (rule === null || typeof rule !== 'object') return truthy(rule);
  let f = compiled.get(rule);
  if (!f) compiled.set(rule, (f = compileRule(rule)));
  return truthy(f(data));
}

/** The item's fees for these answers: the first exemption that holds waives the charge; reductions apply in order. */
export function planFees(fees: Fees, data: Readonly<Record<string, unknown>>): PlannedFees {
  const charges: PlannedCharge[] = (fees.charges ?? []).map((c) => {
    const exemption = (c.exemptions ?? []).find((e) => test(e.when, data));
    if (exemption) return { name: c.name, amount: c.amount, basis: c.basis, due: 0, exempt: exemption.who, reductions: [] };
    let due = c.amount;
    const reductions: PlannedCharge['reductions'] = [];
    for (const r of c.reductions ?? []) {
      if (due === 0 || !test(r.when, data)) continue;
      // A percentage of the standard, rounded to the fen (half up); never more than what is left.
      const off = Math.min(due, r.percent !== undefined ? Math.round((c.amount * r.percent) / 100) : (r.amount ?? 0));
      due -= off;
      reductions.push({ name: r.name, amount: off });
    }
    return { name: c.name, amount: c.amount, basis: c.basis, due, reductions };
  });
  return {
    free: fees.free,
    ...(fees.note !== undefined ? { note: fees.note } : {}),
    charges,
    due: charges.reduce((sum, c) => sum + c.due, 0),
  };
}

/** The plan's 收费合计: the standard of every charge and what is due after exemptions and reductions. */
export function totalFees(items: readonly { fees?: PlannedFees }[]): { standard: number; due: number } {
  let standard = 0;
  let due = 0;
  for (const i of items) {
    for (const c of i.fees?.charges ?? []) standard += c.amount;
    due += i.fees?.due ?? 0;
  }
  return { standard, due };
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const LARGE = ['', '万', '亿', '万亿'];

/** 人民币大写 as finance writes it on a receipt: 1500 fen → 壹拾伍元整, 1005 → 壹拾元零伍分. */
export function amountInWords(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError('amount must be a non-negative integer of fen');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let words = '';
  if (yuan > 0) {
    const groups: number[] = [];
    for (let n = yuan; n > 0; n = Math.floor(n / 10000)) groups.push(n % 10000);
    let zero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g] as number;
      if (group === 0) {
        zero = words !== '';
        continue;
      }
      // A gap inside the number is read as one 零 (壹仟零伍, 壹万零叁拾).
      if (words !== '' && (zero || group < 1000)) words += '零';
      zero = false;
      let inner = '';
      let gap = false;
      for (let d = 3; d >= 0; d--) {
        const digit = Math.floor(group / 10 ** d) % 10;
        if (digit === 0) {
          gap = inner !== '';
          continue;
        }
        if (gap) inner += '零';
        gap = false;
        inner += (DIGITS[digit] as string) + SMALL[d];
      }
      words += inner + LARGE[g];
    }
    words += '元';
  }
  if (jiao === 0 && cents === 0) return `${words || '零元'}整`;
  if (jiao > 0) words += `${DIGITS[jiao]}角`;
  else if (yuan > 0) words += '零';
  if (cents > 0) words += `${DIGITS[cents]}分`;
  else words += '整';
  return words;
}

/** ¥15.00 as printed beside the capitals. */
export const yuanText = (fen: number): string => `¥${(fen / 100).toFixed(2)}`;
