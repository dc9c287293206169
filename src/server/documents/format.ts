/** Chinese date and number formatting for printed documents. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2025-03-05` → `2025年3月5日`. Throws on anything that is not a YYYY-MM-DD date. */
export function cnDate(date: string): string {
  const m = DATE.exec(date);
  if (!m || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Midnight Beijing time of a YYYY-MM-DD date (the PDF's CreationDate). */
export function beijingMidnight(date: string): Date {
  cnDate(date);
  return new Date(`${date}T00:00:00+08:00`);
}

const BEIJING = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO datetime → `2025年3月5日 10:32` in Beijing time. */
export function cnDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO datetime: ${iso}`);
  const parts = Object.fromEntries(BEIJING.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  return `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日 ${parts.hour}:${parts.minute}`;
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十 (1–99). */
export function cnNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`cnNumber: ${n}`);
  if (n <= 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** A date left blank for handwriting. */
export const BLANK_DATE = '　　　　年　　月　　日';
