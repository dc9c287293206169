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

type Fees = { free: boolean; note?: string };
type Conditions = string[] | undefined;

const list = (lines: string[]) => lines.map((l, i) => `${i + 1}. ${l}`).join('\n');
const days = (n: number) => (n === 0 ? '即办' : `${n} 个工作日`);

function sections(g: Guide): { key: string; title: string; answer: string }[] {
  const conditions = g.items.flatMap((i) => ((i.conditions as Conditions) ?? []).map((c) => `${i.name}：${c}`));
  const fees = g.items.map((i) => {
    const f = i.fees as Fees;
    return `${i.name}：${f.free ? '不收费' : '收费'}${f.note ? `（${f.note}）` : ''}`;
  });
  const materials = g.materials.map((m) => {
    const exempt = m.exemptions.length > 0 ? `；可免交：${m.exemptions.map((e) => e.evidence).join('、')}` : '';
    return `${m.name}（${m.form}，${m.copies} 份${m.when.every((w) => w === '必需') ? '' : `，${[...new Set(m.when.filter((w) => w !== '必需'))].join('或')}时提交`}${exempt}）`;
  });
  const name = (id: string) => g.items.find((i) => i.id === id)?.name ?? '';
  const windows = g.windows.map((w) => [w.window?.name ?? w.name, w.window?.address].filter(Boolean).join('，'));
  const t = g.timeLimit;
  return [
    { key: 'summary', title: `什么是${g.name}？`, answer: `${g.summary}\n包括：${g.items.map((i) => `${i.name}（${i.department}）`).join('；')}。` },
    { key: 'conditions', title: `哪些人可以办理${g.name}？需要什么条件？`, answer: `${g.applicants}${conditions.length ? `\n${list(conditions)}` : ''}` },
    { key: 'materials', title: `办理${g.name}需要哪些材料？`, answer: `${list(materials)}\n已有电子证照或可共享核验的，无需重复提交，以办理时系统生成的材料清单为准。` },
    {
      key: 'time-limit', title: `办理${g.name}需要多长时间？`,
      answer: `承诺时限 ${days(t.promisedWorkingDays)}（法定时限 ${days(t.legalWorkingDays)}）${t.calendarDays > 0 ? `，另有公示、公告等 ${t.calendarDays} 个自然日不计入` : ''}。${t.note ?? ''}`,
    },
    { key: 'fees', title: `办理${g.name}收费吗？`, answer: list(fees) },
    {
      key: 'where', title: `在哪里办理${g.name}？办公时间是什么？`,
      answer: `网上：${g.channels.map((c) => c.name).join('、')}。\n窗口：${windows.join('；')}。\n办公时间：${g.hours}${g.contacts.length ? `\n咨询电话：${g.contacts.map((c) => `${c.name} ${c.phone}`).join('；')}` : ''}`,
    },
    { key: 'process', title: `${g.name}的办理流程是怎样的？`, answer: `一次申请，${g.process.stages.map((s, i) => `第${i + 1}步：${s.map(name).join('、')}${s.length > 1 ? '（同时办理）' : ''}`).join('；')}；全部办结后统一送达结果，${g.trips === 0 ? '全程网上办理，无需到现场' : `最多跑 ${g.trips} 次`}。` },
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
