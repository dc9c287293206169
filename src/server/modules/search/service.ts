/** Search and questions over the latest published guides, with the knowledge built once per version. */
import type { AskAnswer, MatterSearchAnswer } from '../../../contracts/search.ts';
import type { Catalogue } from '../../../core/catalog/model.ts';
import { LIFE_STAGES } from '../../../core/catalog/types.ts';
import { ask, findMatters, type SearchHints } from '../../../core/search/ask.ts';
import { nearest } from '../../../core/search/engine.ts';
import { SECTION_ANCHORS, SECTION_NAMES } from '../../../core/search/sections.ts';
import { hintsFor, loadSearchHints } from '../../../catalog/search.ts';
import type { CatalogueStore } from '../catalogue/store.ts';
import { buildKnowledge, type VersionKnowledge } from './knowledge.ts';

/** Versions kept: the latest and a few that open pages may still ask about. */
const KEPT = 3;
const HOTLINE = '12345';
const PERSON_NOTE = '在线人工咨询正在建设中：请拨打 12345 政务服务便民热线，或到综合窗口当面咨询。';

type Field = MatterSearchAnswer['results'][number]['matchedIn'][number];

export class SearchService {
  private readonly built = new Map<number, VersionKnowledge>();
  private vocabulary: SearchHints | null = null;

  constructor(private readonly catalogues: CatalogueStore, private readonly dir?: string, private readonly warn: (message: string) => void = () => {}) {}

  async latest(): Promise<VersionKnowledge> {
    const { version, catalogue } = await this.catalogues.latest();
    let kb = this.built.get(version);
    if (!kb) {
      kb = buildKnowledge(version, catalogue, hintsFor(this.hints(catalogue), catalogue));
      this.built.set(version, kb);
      for (const v of [...this.built.keys()].sort((a, b) => b - a).slice(KEPT)) this.built.delete(v);
    }
    return kb;
  }

  private hints(catalogue: Catalogue): SearchHints {
    if (!this.vocabulary) {
      const { hints, defects } = loadSearchHints(catalogue, this.dir);
      for (const d of defects) this.warn(`${d.file} ${d.path}：${d.message}`);
      this.vocabulary = hints;
    }
    return this.vocabulary;
  }

  private person(kb: VersionKnowledge, matterId?: string): AskAnswer['person'] {
    const matter = matterId ? kb.catalogue.matters.get(matterId) : undefined;
    const codes = matter ? matter.guide.windows : [...kb.catalogue.departments.keys()];
    const dept = codes.map((c) => kb.catalogue.departments.get(c)).find((d) => d?.window && (matter || d.window.name.includes('咨询')));
    const w = dept?.window;
    return { hotline: HOTLINE, window: w ? { name: w.name, address: w.address, phone: w.phone, hours: w.hours } : null, note: PERSON_NOTE };
  }

  async search(q: string): Promise<MatterSearchAnswer> {
    const kb = await this.latest();
    const ref = (id: string) => ({ id, name: kb.catalogue.matters.get(id)?.name ?? '' });
    const results = q.trim() === '' ? [] : findMatters(kb, q).flatMap((h) => {
      const m = kb.catalogue.matters.get(h.id);
      return m ? [{ id: m.id, name: m.name, subject: m.subject, lifeStage: LIFE_STAGES[m.lifeStage], summary: m.guide.summary, score: Math.round(h.score * 100) / 100, matchedIn: h.fields as Field[] }] : [];
    });
    const empty = results.length === 0 && q.trim() !== '';
    return { version: kb.version, results, suggestions: empty ? nearest(kb.matters, q, ['name', 'items']).map(ref) : [], handoff: empty, person: this.person(kb) };
  }

  async ask(question: string): Promise<AskAnswer> {
    const kb = await this.latest();
    const ref = (id: string) => ({ id, name: kb.catalogue.matters.get(id)?.name ?? '' });
    const r = ask(kb, question);
    const matter = r.matter ? kb.catalogue.matters.get(r.matter) : undefined;
    const base = { version: kb.version, question, alternatives: r.alternatives.filter((id) => kb.catalogue.matters.has(id)).slice(0, 3).map(ref) };
    if (r.handoff || !matter || !r.section) return { ...base, handoff: true, answer: null, start: null, person: this.person(kb) };
    const faq = r.section === 'faq' ? kb.faqEntries.get(matter.id)?.[r.faq ?? -1] : undefined;
    const text = r.section === 'faq' ? (faq?.a ?? '') : (kb.sections.get(matter.id)?.[r.section] ?? '');
    const described = Object.entries(r.answers).flatMap(([q, v]) => {
      const question = matter.questionById.get(q);
      return question ? [{ question: question.text, answer: question.labels.get(v) ?? (v === true ? '是' : v === false ? '否' : String(v)) }] : [];
    });
    return {
      ...base,
      handoff: false,
      answer: { matter: ref(matter.id), section: { key: r.section, name: SECTION_NAMES[r.section] }, faq: faq?.q ?? null, text, link: `/matters/${encodeURIComponent(matter.id)}?v=${kb.version}#${SECTION_ANCHORS[r.section]}` },
      start: { matter: ref(matter.id), answers: r.answers, described, link: `/matters/${encodeURIComponent(matter.id)}/apply` },
      person: this.person(kb, matter.id),
    };
  }
}
