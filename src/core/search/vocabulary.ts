/**
 * Checks the search vocabulary (catalog/search/*.yaml: synonyms, hints, cues) against a catalogue:
 * a synonym meaning no matter, a hint naming an unknown matter, question or option, or a cue for an
 * unknown part of the guide is a defect naming its file and path.
 */
import type { Catalogue } from '../catalog/model.ts';
import type { Defect } from '../catalog/types.ts';
import { SECTION_KEYS, type SearchHints, type SectionKey } from './ask.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function phrases(v: unknown, file: string, at: string, defects: Defect[]): string[] {
  if (!Array.isArray(v) || v.length === 0 || !v.every((p) => typeof p === 'string' && p.trim() !== '')) {
    defects.push({ file, path: at, message: '应为非空的短语列表' });
    return [];
  }
  return v as string[];
}

/** Checks one parsed document into `into`; `file` names it in defects. */
export function checkSearchDocument(data: unknown, file: string, catalogue: Catalogue, into: SearchHints, defects: Defect[]): void {
  if (!isRecord(data)) {
    defects.push({ file, path: '(根)', message: '应为映射（synonyms、hints 或 cues）' });
    return;
  }
  for (const key of Object.keys(data)) {
    if (!['synonyms', 'hints', 'cues', 'assumptions', 'source'].includes(key)) defects.push({ file, path: key, message: `未知的键「${key}」` });
  }
  if (!Array.isArray(data.assumptions) || data.assumptions.length === 0) defects.push({ file, path: 'assumptions', message: '口语化表达是本目录的假设，须在 assumptions 中写明' });
  if (data.synonyms !== undefined) {
    const names = [...catalogue.matters.values()].map((m) => m.name);
    if (!Array.isArray(data.synonyms)) defects.push({ file, path: 'synonyms', message: '应为列表' });
    else data.synonyms.forEach((s: unknown, i) => {
      const at = `synonyms[${i}]`;
      if (!isRecord(s) || typeof s.means !== 'string' || s.means.trim() === '') return void defects.push({ file, path: `${at}.means`, message: '应写明它在目录中的说法' });
      // A synonym leads to a matter: what it means must be (part of) one matter's name.
      if (!names.some((n) => n.includes(s.means as string))) return void defects.push({ file, path: `${at}.means`, message: `「${s.means}」不是目录中任何一件事的名称` });
      into.synonyms.push({ phrases: phrases(s.phrases, file, `${at}.phrases`, defects), means: s.means });
    });
  }
  if (data.hints !== undefined) {
    if (!Array.isArray(data.hints)) defects.push({ file, path: 'hints', message: '应为列表' });
    else data.hints.forEach((h: unknown, i) => {
      const at = `hints[${i}]`;
      if (!isRecord(h)) return void defects.push({ file, path: at, message: '应为映射（phrases、matter、answers）' });
      const matter = typeof h.matter === 'string' ? catalogue.matters.get(h.matter) : undefined;
      if (!matter) return void defects.push({ file, path: `${at}.matter`, message: `未知的一件事「${String(h.matter)}」` });
      const answers: Record<string, string | boolean> = {};
      if (h.answers !== undefined && !isRecord(h.answers)) defects.push({ file, path: `${at}.answers`, message: '应为映射（问题 → 回答）' });
      for (const [q, value] of Object.entries(isRecord(h.answers) ? h.answers : {})) {
        const question = matter.questionById.get(q);
        if (!question) defects.push({ file, path: `${at}.answers.${q}`, message: `「${matter.name}」没有问题「${q}」` });
        else if ((typeof value !== 'string' && typeof value !== 'boolean') || !question.optionValues.includes(value)) defects.push({ file, path: `${at}.answers.${q}`, message: `问题「${question.text}」没有选项「${String(value)}」` });
        else answers[q] = value;
      }
      into.hints.push({ phrases: phrases(h.phrases, file, `${at}.phrases`, defects), matter: matter.id, answers });
    });
  }
  if (data.cues !== undefined) {
    if (!isRecord(data.cues)) defects.push({ file, path: 'cues', message: '应为映射（指南部分 → 短语）' });
    else for (const [key, list] of Object.entries(data.cues)) {
      if (!(SECTION_KEYS as readonly string[]).includes(key)) {
        defects.push({ file, path: `cues.${key}`, message: `未知的指南部分「${key}」，可用：${SECTION_KEYS.join('、')}` });
        continue;
      }
      const ok = Array.isArray(list) && list.every((p) => typeof p === 'string' && p.trim() !== '');
      if (!ok) defects.push({ file, path: `cues.${key}`, message: '应为短语列表' });
      else into.cues[key as SectionKey] = [...(into.cues[key as SectionKey] ?? []), ...(list as string[])];
    }
  }
}

