/** A planned material's codes in words, the same on every face: the portal, the window, the admin console, the PDFs and the command line. */
import type { ExemptionKind, Material } from '../catalog/types.ts';

export const MATERIAL_FORM_TEXT: Record<Material['form'], string> = { original: '原件', copy: '复印件', 'original-and-copy': '原件及复印件' };
export const MATERIAL_MEDIUM_TEXT: Record<Material['medium'], string> = { paper: '纸质', electronic: '电子', either: '纸质或电子均可' };
export const EXEMPTION_TEXT: Record<ExemptionKind, string> = { license: '电子证照', 'result-of-item': '前序事项结果', 'shared-data': '数据共享', commitment: '告知承诺' };

/** A time limit as a person reads it: 即办 for none, else so many working days. */
export const workingDaysText = (n: number): string => (n === 0 ? '即办' : `${n} 个工作日`);

/** Clauses joined by 「；」, each without its own closing 「。」 or 「；」, so none reads 「。；」. */
export const joinClauses = (parts: readonly string[]): string =>
  [...new Set(parts.map((p) => p.trim().replace(/[。；;.]+$/u, '')).filter((p) => p !== ''))].join('；');

/** Sentences run on, each closed by one 「。」. */
export const joinSentences = (parts: readonly (string | null | undefined)[]): string =>
  parts.map((p) => (p ?? '').trim().replace(/[。；;.]+$/u, '')).filter((p) => p !== '').map((p) => `${p}。`).join('');

/** A guide's time limit in one sentence: promised and legal limits, public-notice days, the note. */
export function guideTimeLimitText(t: { promisedWorkingDays: number; legalWorkingDays: number; calendarDays: number; note: string | null }): string {
  const promised = t.promisedWorkingDays === 0 ? '即办' : `承诺 ${workingDaysText(t.promisedWorkingDays)}`;
  const legal = t.legalWorkingDays === 0 ? '' : `（法定 ${workingDaysText(t.legalWorkingDays)}）`;
  const notice = t.calendarDays > 0 ? `，另加公示、公告等 ${t.calendarDays} 个自然日` : '';
  return joinClauses([`${promised}${legal}${notice}`, t.note ?? '']);
}
