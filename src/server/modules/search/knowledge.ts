/**
 * The knowledge of one published catalogue version: the matter index for search, one document per
 * FAQ entry, and each guide's answer per section, written from the same guide every channel shows.
 */
import type { Catalogue, CompiledMatter } from '../../../core/catalog/model.ts';
import { LIFE_STAGES } from '../../../core/catalog/types.ts';
import type { Knowledge, SearchHints, SectionKey } from '../../../core/search/ask.ts';
import { buildEngine } from '../../../core/search/engine.ts';
import { matterGuide } from '../catalogue/guide.ts';
import { analyzer, learnTerms } from './analyzer.ts';

export interface VersionKnowledge extends Knowledge {
  version: number;
  catalogue: Catalogue;
  /** Answer text per matter and section. */
  sections: ReadonlyMap<string, Readonly<Record<Exclude<SectionKey, 'faq'>, string>>>;
  faqEntries: ReadonlyMap<string, { q: string; a: string }[]>;
}

const FORM: Record<string, string> = { original: '原件', copy: '复印件', 'original-and-copy': '原件及复印件' };
const days = (n: number) => (n === 0 ? '即办' : `${n} 个工作日`);

/** The matter's name without the “一件事” suffix every matter carries. */
export const bareName = (name: string) => name.replace(/[“"]?一件事[”"]?$/, '');

function sectionTexts(catalogue: Catalogue, matter: CompiledMatter): Record<Exclude<SectionKey, 'faq'>, string> {
  const g = matterGuide(catalogue, matter);
  const names = new Map(g.items.map((i) => [i.id, i.name]));
  const eligible = g.situations.filter((s) => s.eligible).map((s) => s.name);
  const not = g.situations.filter((s) => !s.eligible).map((s) => s.name);
  const paid = g.items.filter((i) => !i.fees.free);
  // Only conditions that name an answer (「…」为「…」) are worth saying; 必需 and the like go without.
  const when = (w: string[]) => [...new Set(w)].filter((x) => x.startsWith('「'));
  return {
    summary: g.summary,
    conditions: `适用对象：${g.applicants}${eligible.length ? `可以联办的情形：${eligible.join('；')}。` : ''}${not.length ? `不能联办的情形：${not.join('；')}（请按指南提示分别办理）。` : ''}`,
    materials: `需要准备的材料：${g.materials.map((m) => {
      const w = when(m.when);
      return `${m.name}（${m.copies} 份${FORM[m.form] ?? ''}${w.length ? `，${w.join('或')}时需要` : ''}${m.exemptions.length ? `，可免提交：${m.exemptions.map((e) => e.evidence).join('、')}` : ''}）`;
    }).join('；')}。`,
    timeLimit: `承诺 ${days(g.timeLimit.promisedWorkingDays)}办结（法定 ${days(g.timeLimit.legalWorkingDays)}）${g.timeLimit.calendarDays > 0 ? `，另加公示、公告等 ${g.timeLimit.calendarDays} 个自然日` : ''}。${g.timeLimit.note ?? ''}`,
    fees: paid.length === 0 ? '本一件事涉及的事项均不收费。' : `收费的事项：${paid.map((i) => `${i.name}${i.fees.note ? `（${i.fees.note}）` : ''}`).join('；')}；其余事项不收费。`,
    windows: `${g.windows.map((w) => (w.window ? `${w.window.name}，地址：${w.window.address}，电话：${w.window.phone}` : w.name)).join('；')}。也可以通过：${g.channels.map((c) => c.name).join('；')}。`,
    hours: g.hours,
    process: g.process.stages.map((s, i) => `第 ${i + 1} 步：${s.map((id) => names.get(id) ?? id).join('、')}${s.length > 1 ? '（同时办理）' : ''}`).join('；') + '。',
    items: `共 ${g.items.length} 个事项：${g.items.map((i) => `${i.name}（${i.department}，${i.required ? '必办' : '可选'}）`).join('；')}。`,
  };
}

export function buildKnowledge(version: number, catalogue: Catalogue, hints: SearchHints): VersionKnowledge {
  learnTerms(catalogue);
  const matters = [...catalogue.matters.values()];
  const dept = (code: string) => catalogue.departments.get(code)?.name ?? '';
  const index = buildEngine(matters.map((m) => ({
    id: m.id,
    fields: [
      { name: 'name', text: bareName(m.name), weight: 10 },
      { name: 'lifeStage', text: LIFE_STAGES[m.lifeStage], weight: 4 },
      { name: 'items', text: m.entries.map((e) => e.def.name).join('，'), weight: 3 },
      { name: 'materials', text: [...new Set(m.entries.flatMap((e) => e.def.materials.map((x) => x.name)))].join('，'), weight: 2 },
      { name: 'guide', text: [m.guide.summary, m.guide.applicants, ...m.situationList.map((s) => s.name), ...(m.guide.faq ?? []).map((f) => f.q)].join('。'), weight: 1 },
      { name: 'departments', text: [m.lead, ...m.partners].map(dept).join('，'), weight: 1 },
    ],
  })), analyzer);
  const faqs = buildEngine(matters.flatMap((m) => (m.guide.faq ?? []).map((f, n) => ({
    id: `${m.id}#${n}`,
    fields: [{ name: 'question', text: f.q, weight: 1 }],
  }))), analyzer);
  return {
    version, catalogue, hints, matters: index, faqs,
    sections: new Map(matters.map((m) => [m.id, sectionTexts(catalogue, m)])),
    faqEntries: new Map(matters.map((m) => [m.id, m.guide.faq ?? []])),
  };
}
