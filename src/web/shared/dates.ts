/**
 * Days and minutes as the chosen language writes them, always the Asia/Shanghai day (src/shared/time):
 * 2026年12月7日 in Chinese, 7 Dec 2026 in English.
 */
import { chineseDay, shanghaiDay, shanghaiMinute } from '../../shared/time/shanghai.ts';
import { dueText } from '../../core/calendar/workdays.ts';
import type { Lang } from './messages/index.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-12-07' (or an instant) → 2026年12月7日 / 7 Dec 2026. */
export function dayText(iso: string | null | undefined, lang: Lang): string {
  if (lang === 'zh') return chineseDay(iso);
  const day = shanghaiDay(iso);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : day;
}

/** An instant as 2026-12-07 09:30 (Chinese, as before) or 7 Dec 2026 09:30, Shanghai time. */
export function minuteText(iso: string | null | undefined, lang: Lang): string {
  const text = shanghaiMinute(iso);
  if (lang === 'zh' || !/^\d{4}-\d{2}-\d{2} /.test(text)) return text;
  return `${dayText(text.slice(0, 10), 'en')} ${text.slice(11)}`;
}

/** A due day, marked when it rests on a year whose holidays are not yet published: 2027-01-04（暂定） / 4 Jan 2027 (provisional). */
export const dueDay = (date: string, provisional: boolean | undefined, lang: Lang, mark: string): string =>
  (lang === 'zh' ? dueText(date, provisional) : `${dayText(date, 'en')}${provisional ? mark : ''}`);

/** A plain day in the language: YYYY-MM-DD stays in Chinese (as the pages showed it), 7 Dec 2026 in English. */
export const plainDay = (iso: string | null | undefined, lang: Lang): string => (lang === 'zh' ? shanghaiDay(iso) : dayText(iso, 'en'));
