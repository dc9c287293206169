/**
 * The 12345 hotline's knowledge base (clause 7.2.3), drawn from a published catalogue's guides: for
 * each key matter one entry per question an operator is asked (what it is, who may apply, materials,
 * time limit, fees, where and when, the process) and each of the guide's own questions and answers.
 * Field set modelled on GB/T 44191 (政务服务便民热线知识库): knowledge id, title (the question), answer,
 * category, matter, responsible and partner departments, keywords, source version, valid from and
 * until (assumption: the standard's exact field names are not in key-matters-data.md; these are its
 * elements as the issue lists them).
 */
import type { Guide } from '../../../contracts/catalogue.ts';
import { sectionTexts } from '../../../core/search/sections.ts';

export interface KnowledgeEntry {
  id: string;
  title: string;
  answer: string;
  category: string;
  matterId: string;
  matterName: string;
  department: string;
  partners: string[];
  keywords: string[];
  sourceVersion: number;
  validFrom: string;
  /** Until superseded by the next publication. */
  validUntil: string | null;
}

/** The operator's questions, each answered with the guide's part in the one wording of core/search/sections.ts. */
function sections(g: Guide): { key: string; title: string; answer: string }[] {
  const s = sectionTexts(g);
  return [
    { key: 'summary', title: `什么是${g.name}？`, answer: `${s.summary}\n${s.items}` },
    { key: 'conditions', title: `哪些人可以办理${g.name}？需要什么条件？`, answer: s.conditions },
    { key: 'materials', title: `办理${g.name}需要哪些材料？`, answer: s.materials },
    { key: 'time-limit', title: `办理${g.name}需要多长时间？`, answer: s.timeLimit },
    { key: 'fees', title: `办理${g.name}收费吗？`, answer: s.fees },
    { key: 'where', title: `在哪里办理${g.name}？办公时间是什么？`, answer: `${s.windows}\n${s.hours}` },
    { key: 'process', title: `${g.name}的办理流程是怎样的？`, answer: s.process },
  ];
}

export function knowledgeEntries(guides: readonly Guide[], version: number, publishedAt: string): KnowledgeEntry[] {
  const out: KnowledgeEntry[] = [];
  for (const g of guides) {
    const base = {
      category: g.lifeStage.name, matterId: g.id, matterName: g.name, department: g.lead.name, partners: g.partners.map((p) => p.name),
      keywords: [g.name.replace(/[“”"]?一件事[“”"]?/g, ''), ...g.items.map((i) => i.name)], sourceVersion: version, validFrom: publishedAt, validUntil: null,
    };
    for (const s of sections(g)) out.push({ id: `${g.id}:${s.key}`, title: s.title, answer: s.answer.trim(), ...base });
    g.faq.forEach((f, i) => out.push({ id: `${g.id}:faq-${i + 1}`, title: f.q, answer: f.a, ...base }));
  }
  return out;
}
