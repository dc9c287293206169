/**
 * The life-event graph (catalog/life-events/*.yaml): after one key matter is done, another is
 * recommended, now or after a delay counted from the closing day or from a date the applicant gave
 * (the child's birth date). Checked against a catalogue: unknown matters, unknown or non-date facts
 * and bad delays are defects naming their file and path.
 */
import type { Catalogue } from '../catalog/model.ts';
import type { Defect } from '../catalog/types.ts';

/** When the recommendation falls due: `from` is `closed` (the day the case closed) or a date field's key. */
export interface Delay { from: string; years: number; months: number; days: number }

export interface LifeEventEdge {
  after: string;
  recommend: string;
  when: Delay;
  why: string;
}

export const CLOSED = 'closed';
const DELAY_UNITS = ['years', 'months', 'days'] as const;
const MAX_DELAY: Record<(typeof DELAY_UNITS)[number], number> = { years: 30, months: 360, days: 3650 };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function delay(v: unknown, file: string, at: string, catalogue: Catalogue, defects: Defect[]): Delay | undefined {
  const none: Delay = { from: CLOSED, years: 0, months: 0, days: 0 };
  if (v === undefined) return none;
  if (!isRecord(v)) return void defects.push({ file, path: at, message: '应为映射（from、years、months、days）' });
  let ok = true;
  for (const key of Object.keys(v)) {
    if (key !== 'from' && !(DELAY_UNITS as readonly string[]).includes(key)) {
      defects.push({ file, path: `${at}.${key}`, message: `未知的键「${key}」，可用：from、years、months、days` });
      ok = false;
    }
  }
  const from = v.from ?? CLOSED;
  if (typeof from !== 'string' || (from !== CLOSED && catalogue.fields.get(from)?.type !== 'date')) {
    defects.push({ file, path: `${at}.from`, message: `「${String(from)}」既不是 closed（办结之日），也不是目录中的日期字段` });
    ok = false;
  }
  const d = { ...none, from: String(from) };
  for (const unit of DELAY_UNITS) {
    const n = v[unit];
    if (n === undefined) continue;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_DELAY[unit]) {
      defects.push({ file, path: `${at}.${unit}`, message: `间隔应为 0 到 ${MAX_DELAY[unit]} 之间的整数` });
      ok = false;
    } else d[unit] = n;
  }
  return ok ? d : undefined;
}

/** Checks one parsed document into `into`; `file` names it in defects. */
export function checkLifeEventsDocument(data: unknown, file: string, catalogue: Catalogue, into: LifeEventEdge[], defects: Defect[]): void {
  if (!isRecord(data)) return void defects.push({ file, path: '(根)', message: '应为映射（events、assumptions、source）' });
  for (const key of Object.keys(data)) {
    if (!['events', 'assumptions', 'source'].includes(key)) defects.push({ file, path: key, message: `未知的键「${key}」` });
  }
  const noted = (k: string) => Array.isArray(data[k]) && (data[k] as unknown[]).length > 0;
  if (!noted('assumptions') && !noted('source')) defects.push({ file, path: 'assumptions', message: '推荐关系须在 source 中注明出处，或在 assumptions 中写明是本目录的假设' });
  if (!Array.isArray(data.events)) return void defects.push({ file, path: 'events', message: '应为列表' });
  data.events.forEach((e: unknown, i) => {
    const at = `events[${i}]`;
    if (!isRecord(e)) return void defects.push({ file, path: at, message: '应为映射（after、recommend、when、why）' });
    for (const key of Object.keys(e)) {
      if (!['after', 'recommend', 'when', 'why'].includes(key)) defects.push({ file, path: `${at}.${key}`, message: `未知的键「${key}」` });
    }
    let ok = true;
    for (const key of ['after', 'recommend'] as const) {
      if (typeof e[key] !== 'string' || !catalogue.matters.has(e[key])) {
        defects.push({ file, path: `${at}.${key}`, message: `未知的一件事「${String(e[key])}」` });
        ok = false;
      }
    }
    if (ok && e.after === e.recommend) {
      defects.push({ file, path: `${at}.recommend`, message: '不能推荐同一件事本身' });
      ok = false;
    }
    if (typeof e.why !== 'string' || e.why.trim().length < 5) {
      defects.push({ file, path: `${at}.why`, message: '应写明推荐理由（一句话）' });
      ok = false;
    }
    if (ok && into.some((x) => x.after === e.after && x.recommend === e.recommend)) {
      defects.push({ file, path: at, message: `「${String(e.after)}」之后推荐「${String(e.recommend)}」重复了` });
      ok = false;
    }
    const when = delay(e.when, file, `${at}.when`, catalogue, defects);
    if (ok && when) into.push({ after: e.after as string, recommend: e.recommend as string, when, why: (e.why as string).trim() });
  });
}
