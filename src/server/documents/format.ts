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

/** A date left blank for handwriting. */
export const BLANK_DATE = '　　　　年　　月　　日';
