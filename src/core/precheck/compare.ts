/**
 * 智能预审, judging: what was read from a material's file against the form and the material's review
 * points (审核要点) → findings, each a Chinese sentence an applicant can act on before submitting. Personal
 * numbers appear in findings masked only. OCR can misread, so a mismatch is a warning to look again
 * and only a failed check digit or a passed expiry date is an error.
 */
import type { MergedForm } from '../planning/types.ts';
import type { Extraction } from './extract.ts';

export type Severity = 'error' | 'warning' | 'ok';

export interface Finding {
  severity: Severity;
  /** Stable, for tests and styling; never shown. */
  kind: 'unreadable' | 'id-check' | 'code-check' | 'expired' | 'valid' | 'name-mismatch' | 'name-match' | 'id-mismatch' | 'id-match' | 'code-mismatch' | 'code-match';
  message: string;
  /** The values the sentence names (numbers masked, dates YYYY-MM-DD), so an interface can word it in its own language. */
  params: Record<string, string>;
}

export interface MaterialToCheck {
  name: string;
  items: string[];
  review: { formal: string[]; substantive: string[] };
}

export interface FormFact {
  key: string;
  label: string;
  kind: 'name' | 'id' | 'code';
  value: string;
}

/** '110101199003011234' → '110101********1234'; a code keeps its first 6 and last 4 as well. */
export function maskNumber(value: string): string {
  const chars = [...value];
  return chars.length <= 10 ? '*'.repeat(chars.length) : chars.slice(0, 6).join('') + '*'.repeat(chars.length - 10) + chars.slice(-4).join('');
}

/** The form's names, ID numbers and credit codes that the material's items ask for, with their values. */
export function formFacts(form: MergedForm, values: Record<string, unknown>, items: string[]): FormFact[] {
  const props = (form.schema.properties ?? {}) as Record<string, { format?: string }>;
  const facts: FormFact[] = [];
  for (const f of form.fields) {
    const value = values[f.key];
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (items.length && f.items.length && !f.items.some((i) => items.includes(i))) continue;
    const format = props[f.key]?.format;
    const kind = format === 'cn-resident-id' ? 'id' : format === 'cn-uscc' ? 'code' : /Name$/.test(f.key) && /姓名|名称/.test(f.label) ? 'name' : null;
    if (kind) facts.push({ key: f.key, label: f.label, kind, value: value.trim() });
  }
  return facts;
}

/** YYYY-MM-DD strings order as the days do. */
const compareDates = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const bare = (s: string) => s.replace(/[\s·•.()（）]/g, '');

export function judge(material: MaterialToCheck, read: Extraction, facts: FormFact[], today: string): Finding[] {
  const points = [...material.review.formal, ...material.review.substantive].join('；');
  const findings: Finding[] = [];
  if (read.chars < 8) {
    return [{ severity: 'warning', kind: 'unreadable', message: '未能从文件中识别出文字：请确认上传的是清晰、完整、未反光的证件图片或扫描件', params: {} }];
  }
  for (const n of read.idNumbers) {
    if (n.problem) findings.push({ severity: 'error', kind: 'id-check', message: `识别到的公民身份号码 ${maskNumber(n.value)} 不正确：${n.problem.replace(/^公民身份号码/, '')}（若是图片不清晰造成的误读，请重新拍摄上传）`, params: { number: maskNumber(n.value), problem: n.problem.replace(/^公民身份号码/, '') } });
  }
  for (const n of read.creditCodes) {
    if (n.problem) findings.push({ severity: 'error', kind: 'code-check', message: `识别到的统一社会信用代码 ${maskNumber(n.value)} 不正确：${n.problem.replace(/^统一社会信用代码/, '')}（若是图片不清晰造成的误读，请重新拍摄上传）`, params: { number: maskNumber(n.value), problem: n.problem.replace(/^统一社会信用代码/, '') } });
  }

  const ends = read.dates.filter((d) => d.expiry).map((d) => d.date).sort(compareDates);
  const end = ends[ends.length - 1];
  const asksValidity = /有效期|有效/.test(points);
  if (end && compareDates(end, today) < 0 && !read.openEnded) {
    findings.push({ severity: 'error', kind: 'expired', message: `证件已过有效期（有效期至 ${cnDate(end)}）${asksValidity ? '，审核要求证件在有效期内' : ''}：请换用有效的证件`, params: { date: end } });
  } else if (end && asksValidity) {
    findings.push({ severity: 'ok', kind: 'valid', message: `证件在有效期内（有效期至 ${cnDate(end)}）`, params: { date: end } });
  } else if (read.openEnded && asksValidity) {
    findings.push({ severity: 'ok', kind: 'valid', message: '证件为长期有效', params: { date: '' } });
  }

  const asksMatch = /一致|相符/.test(points);
  const formNames = facts.filter((f) => f.kind === 'name');
  if (formNames.length && read.names.length && (asksMatch || /姓名|名称/.test(points))) {
    const matched = read.names.find((n) => formNames.some((f) => bare(f.value) === bare(n.value)));
    if (matched) findings.push({ severity: 'ok', kind: 'name-match', message: `${matched.label}「${matched.value}」与申请表一致`, params: { label: matched.label, name: matched.value } });
    else {
      const n = read.names[0];
      const onForm = formNames.map((f) => `${f.label}「${f.value}」`).join('、');
      if (n) findings.push({ severity: 'warning', kind: 'name-mismatch', message: `材料上的${n.label}「${n.value}」与申请表填写的${onForm}不一致：请核对材料是否传错，或修改申请表`, params: { label: n.label, name: n.value, form: onForm } });
    }
  }
  const compareNumbers = (kind: 'id' | 'code', read_: { value: string; problem: string | null }[], what: string) => {
    const mine = facts.filter((f) => f.kind === kind);
    const good = read_.filter((n) => !n.problem);
    if (!mine.length || !good.length) return;
    const hit = good.find((n) => mine.some((f) => f.value.toUpperCase() === n.value));
    if (hit) findings.push({ severity: 'ok', kind: kind === 'id' ? 'id-match' : 'code-match', message: `${what} ${maskNumber(hit.value)} 与申请表一致`, params: { number: maskNumber(hit.value) } });
    else {
      const numbers = good.map((n) => maskNumber(n.value)).join('、');
      const labels = mine.map((f) => f.label).join('、');
      findings.push({ severity: 'warning', kind: kind === 'id' ? 'id-mismatch' : 'code-mismatch', message: `材料上的${what} ${numbers} 与申请表填写的${labels}不一致：请核对`, params: { number: numbers, labels } });
    }
  };
  compareNumbers('id', read.idNumbers, '公民身份号码');
  compareNumbers('code', read.creditCodes, '统一社会信用代码');
  return findings;
}

/** Findings that belong in the draft 一次性告知: what looks wrong, not what was confirmed. */
export const problems = (findings: Finding[]) => findings.filter((f) => f.severity !== 'ok');
