/**
 * Dates as people in China read them: every date shown or printed is the Asia/Shanghai day of the
 * stored instant, never its UTC day (an instant after 16:00 UTC is the next day in Shanghai), nor the
 * day of whatever time zone a browser happens to run in. One helper for the server's PDFs and pages
 * and for the web app alike (src/shared: no Node built-ins, no packages; src/core has no clock).
 */
const TZ = 'Asia/Shanghai';
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const MINUTE = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const PLAIN_DAY = /^\d{4}-\d{2}-\d{2}$/;

const parse = (iso: string): Date | null => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** 'YYYY-MM-DD' in Shanghai; a plain date stays as it is; '' for nothing, the text itself if unreadable. */
export function shanghaiDay(iso: string | null | undefined): string {
  if (!iso) return '';
  if (PLAIN_DAY.test(iso)) return iso;
  const d = parse(iso);
  return d ? DAY.format(d) : iso;
}

/** 'YYYY-MM-DD HH:MM' in Shanghai. */
export function shanghaiMinute(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = parse(iso);
  if (!d) return iso;
  const p = Object.fromEntries(MINUTE.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Today in Shanghai, 'YYYY-MM-DD'. */
export const shanghaiToday = (now: Date = new Date()): string => DAY.format(now);

/** '2026-12-04' → '2026年12月4日'. */
export function chineseDay(iso: string | null | undefined): string {
  const day = shanghaiDay(iso);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}
