/**
 * Questions over the published guides (clause 7.2.2), on the same engine as search: colloquial
 * phrases are rewritten into catalogue words, cue phrases say which part of the guide is asked
 * about, hints name the matter a phrase implies and the questionnaire answers it already gives.
 * When no matter stands out, the answer is a hand-off to a person, never a guess.
 */
import { searchEngine, type Analyzer, type EngineIndex, type Hit } from './engine.ts';

export const SECTION_KEYS = ['summary', 'conditions', 'materials', 'timeLimit', 'fees', 'windows', 'hours', 'process', 'items', 'faq'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export type ImpliedAnswers = Record<string, string | boolean>;

export interface SearchHints {
  /** Colloquial phrases and the catalogue words they mean (生孩子 → 新生儿出生). */
  synonyms: { phrases: string[]; means: string }[];
  /** Phrases that imply a matter, and the questionnaire answers they already give. */
  hints: { phrases: string[]; matter: string; answers?: ImpliedAnswers }[];
  /** Phrases that ask about one part of a guide (带什么 → materials). */
  cues: Partial<Record<SectionKey, string[]>>;
}

export interface Knowledge {
  matters: EngineIndex;
  /** One document per FAQ entry, id `<matter>#<n>`. */
  faqs: EngineIndex;
  hints: SearchHints;
}

const HINT_BOOST = 8;
/** How far the best matter must stand above the next one to be trusted without a hint. */
const MARGIN = 1.25;
const MIN_COVERAGE = 0.6;
const IDENTITY = new Set(['name', 'lifeStage', 'items']);

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '');

interface Prepared {
  /** Synonym phrases, normalized, longest first. */
  pairs: (readonly [string, string])[];
  /** Synonym phrases by their pinyin, so shebaoka means what 社保卡 means. */
  spoken: Map<string, string> | null;
  hints: { phrases: string[]; matter: string; answers?: ImpliedAnswers }[];
}
const prepared = new WeakMap<SearchHints, Prepared>();

function prepare(hints: SearchHints, analyzer?: Analyzer): Prepared {
  let p = prepared.get(hints);
  if (!p) {
    p = {
      pairs: hints.synonyms.flatMap((s) => s.phrases.map((x) => [norm(x), s.means] as const)).filter(([x]) => x !== '').sort((a, b) => b[0].length - a[0].length),
      spoken: null,
      hints: hints.hints.map((h) => ({ ...h, phrases: h.phrases.map(norm) })),
    };
    prepared.set(hints, p);
  }
  if (analyzer && !p.spoken) p.spoken = new Map(hints.synonyms.flatMap((s) => s.phrases.map((x) => [analyzer.pinyin(x).full, s.means] as const)));
  return p;
}

/** The query with colloquial phrases replaced by what they mean, and the matters its hints name. */
export function rewrite(hints: SearchHints, query: string, analyzer?: Analyzer): { text: string; boost: Map<string, number>; answers: Map<string, ImpliedAnswers> } {
  const p = prepare(hints, analyzer);
  let text = norm(query);
  if (p.spoken) {
    const spoken = p.spoken;
    text = text.replace(/[a-z]{4,}/g, (w) => spoken.get(w) ?? w);
  }
  const boost = new Map<string, number>();
  const answers = new Map<string, ImpliedAnswers>();
  for (const h of p.hints) {
    if (!h.phrases.some((x) => text.includes(x))) continue;
    boost.set(h.matter, HINT_BOOST);
    answers.set(h.matter, { ...answers.get(h.matter), ...h.answers });
  }
  for (const [phrase, means] of p.pairs) if (text.includes(phrase)) text = text.split(phrase).join(` ${means} `);
  return { text, boost, answers };
}

/** Matters for a search box: same rewriting and hints as questions. */
export function findMatters(kb: Knowledge, query: string, limit = 20): Hit[] {
  const { text, boost } = rewrite(kb.hints, query, kb.matters.analyzer);
  return searchEngine(kb.matters, text, { limit, boost });
}

/** The part of the guide a question asks about: the longest cue phrase it contains. */
export function sectionOf(hints: SearchHints, query: string): { section: SectionKey; cue: string } | null {
  const q = norm(query);
  let best: { section: SectionKey; cue: string } | null = null;
  for (const key of SECTION_KEYS) {
    for (const cue of hints.cues[key] ?? []) {
      const c = norm(cue);
      if (c !== '' && q.includes(c) && (!best || c.length > best.cue.length)) best = { section: key, cue: c };
    }
  }
  return best;
}

export interface AskResult {
  handoff: boolean;
  matter?: string;
  section?: SectionKey;
  /** The FAQ entry answered, when the answer is one. */
  faq?: number;
  /** Questionnaire answers the question already gives, for the matter answered. */
  answers: ImpliedAnswers;
  /** Other matters the question may be about, best first. */
  alternatives: string[];
}

export function ask(kb: Knowledge, question: string): AskResult {
  const cue = sectionOf(kb.hints, question);
  const { text, boost, answers } = rewrite(kb.hints, question, kb.matters.analyzer);
  const about = cue ? text.split(cue.cue).join(' ') : text;
  const hits = searchEngine(kb.matters, about, { limit: 5, boost, minCoverage: MIN_COVERAGE, fields: IDENTITY });
  const [top, next] = hits;
  const sure = top !== undefined && (boost.has(top.id) ? !next || !boost.has(next.id) || top.score >= MARGIN * next.score : !next || top.score >= MARGIN * next.score);
  // FAQ entries are matched as written: the question's own words, before rewriting.
  const faqs = searchEngine(kb.faqs, question, { limit: 1, minCoverage: 0.75 });
  const faq = faqs[0];
  const faqMatter = faq?.id.slice(0, faq.id.lastIndexOf('#'));
  const alternatives = hits.map((h) => h.id);
  if (faq && faqMatter && (sure ? top.id === faqMatter : hits.length === 0 || alternatives.includes(faqMatter))) {
    return { handoff: false, matter: faqMatter, section: 'faq', faq: Number(faq.id.slice(faq.id.lastIndexOf('#') + 1)), answers: answers.get(faqMatter) ?? {}, alternatives: alternatives.filter((m) => m !== faqMatter) };
  }
  if (!sure || !top) return { handoff: true, answers: {}, alternatives };
  const section = cue && cue.section !== 'faq' ? cue.section : 'summary';
  return { handoff: false, matter: top.id, section, answers: answers.get(top.id) ?? {}, alternatives: alternatives.slice(1) };
}
