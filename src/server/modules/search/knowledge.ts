/**
 * The knowledge of one published catalogue version: the matter index for search, one document per
 * FAQ entry, and each guide's answer per section, written from the same guide every channel shows.
 */
import type { Catalogue, CompiledMatter } from '../../../core/catalog/model.ts';
import { LIFE_STAGES } from '../../../core/catalog/types.ts';
import type { Guide } from '../../../contracts/catalogue.ts';
import type { Knowledge, SearchHints } from '../../../core/search/ask.ts';
import { buildEngine } from '../../../core/search/engine.ts';
import { sectionTexts, type SectionTexts } from '../../../core/search/sections.ts';
import { matterGuide } from '../catalogue/guide.ts';
import { analyzer, learnTerms } from './analyzer.ts';

export interface VersionKnowledge extends Knowledge {
  version: number;
  catalogue: Catalogue;
  /** Answer text per matter and section. */
  sections: ReadonlyMap<string, SectionTexts>;
  faqEntries: ReadonlyMap<string, { q: string; a: string }[]>;
}

/** The matter's name without the “一件事” suffix every matter carries. */
export const bareName = (name: string) => name.replace(/[“"]?一件事[”"]?$/, '');

/** The guide's parts as the Q&A says them: the knowledge base's wording, the materials list under its heading. */
function answerTexts(catalogue: Catalogue, matter: CompiledMatter): SectionTexts {
  const s = sectionTexts(matterGuide(catalogue, matter) as Guide);
  return { ...s, materials: `需要准备的材料：\n${s.materials}` };
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
    sections: new Map(matters.map((m) => [m.id, answerTexts(catalogue, m)])),
    faqEntries: new Map(matters.map((m) => [m.id, m.guide.faq ?? []])),
  };
}
