/** The parts of a published guide a question can be answered from: their names and the guide page's anchors. */
import type { SectionKey } from './ask.ts';

export const SECTION_NAMES: Readonly<Record<SectionKey, string>> = {
  summary: '事项简介',
  conditions: '办理条件',
  materials: '申请材料',
  timeLimit: '办理时限',
  fees: '收费标准',
  windows: '办理窗口',
  hours: '办公时间',
  process: '办理流程',
  items: '涉及事项',
  faq: '常见问题',
};

/** Element ids on the guide page (`/matters/:id#…`). */
export const SECTION_ANCHORS: Readonly<Record<SectionKey, string>> = {
  summary: 'guide-title',
  conditions: 'section-conditions',
  materials: 'section-materials',
  timeLimit: 'section-time-limit',
  fees: 'section-items',
  windows: 'section-windows',
  hours: 'section-hours',
  process: 'section-process',
  items: 'section-items',
  faq: 'section-faq',
};

/**
 * The parts of a published guide the section texts read: the public guide (contracts' Guide) has
 * this shape; core names only what it uses, as it may not import the contracts.
 */
export interface SectionGuide {
  summary: string;
  applicants: string;
  hours: string;
  trips: number;
  items: readonly { id: string; name: string; department: string; required: boolean; conditions?: unknown; fees?: unknown }[];
  situations: readonly { name: string; eligible: boolean }[];
  materials: readonly { name: string; copies: number; form: string; when: readonly string[]; exemptions: readonly { evidence: string }[] }[];
  timeLimit: { promisedWorkingDays: number; legalWorkingDays: number; calendarDays: number; note?: string | null };
  windows: readonly { name: string; window?: { name: string; address: string; phone: string } | null }[];
  channels: readonly { name: string }[];
  contacts: readonly { name: string; phone: string }[];
  process: { stages: readonly (readonly string[])[] };
}

export type SectionTexts = Readonly<Record<Exclude<SectionKey, 'faq'>, string>>;

const FORM: Readonly<Record<string, string>> = { original: '原件', copy: '复印件', 'original-and-copy': '原件及复印件' };
const days = (n: number) => (n === 0 ? '即办' : `${n} 个工作日`);
const numbered = (lines: readonly string[]) => lines.map((l, i) => `${i + 1}. ${l}`).join('\n');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Each part of a guide in sentences a person can read out: the one wording the Q&A answers with and
 * the 12345 knowledge base is made of. Lists are numbered, one line each.
 */
export function sectionTexts(g: SectionGuide): SectionTexts {
  const names = new Map(g.items.map((i) => [i.id, i.name]));
  const eligible = g.situations.filter((s) => s.eligible).map((s) => s.name);
  const not = g.situations.filter((s) => !s.eligible).map((s) => s.name);
  const itemConditions = g.items.flatMap((i) => strings(i.conditions).map((c) => `${i.name}：${c}`));
  // Only conditions that name an answer (「…」为「…」) are worth saying; 必需 and the like go without.
  const when = (w: readonly string[]) => [...new Set(w)].filter((x) => x.startsWith('「'));
  const fee = (f: unknown) => (typeof f === 'object' && f !== null ? (f as { free?: unknown; note?: unknown }) : {});
  const t = g.timeLimit;
  return {
    summary: g.summary,
    conditions: [
      `适用对象：${g.applicants}`,
      ...(eligible.length ? [`可以联办的情形：${eligible.join('；')}。`] : []),
      ...(not.length ? [`不能联办的情形：${not.join('；')}（请按指南提示分别办理）。`] : []),
      ...(itemConditions.length ? [`各事项的受理条件：\n${numbered(itemConditions)}`] : []),
    ].join('\n'),
    materials: `${numbered(g.materials.map((m) => {
      const w = when(m.when);
      return `${m.name}（${FORM[m.form] ?? m.form}，${m.copies} 份${w.length ? `，${w.join('或')}时提交` : ''}${m.exemptions.length ? `；可免交：${m.exemptions.map((e) => e.evidence).join('、')}` : ''}）`;
    }))}\n已有电子证照或可共享核验的，无需重复提交，以办理时系统生成的材料清单为准。`,
    timeLimit: `承诺时限 ${days(t.promisedWorkingDays)}（法定时限 ${days(t.legalWorkingDays)}）${t.calendarDays > 0 ? `，另有公示、公告等 ${t.calendarDays} 个自然日不计入` : ''}。${t.note ?? ''}`.trim(),
    fees: `${g.items.every((i) => fee(i.fees).free === true) ? '本一件事涉及的事项均不收费。\n' : ''}${numbered(g.items.map((i) => {
      const f = fee(i.fees);
      const charges = Array.isArray((f as { charges?: unknown }).charges) ? (f as { charges: { name: string; amount: number; exemptions?: { who: string }[] }[] }).charges : [];
      const priced = charges.map((c) => `${c.name} ${(c.amount / 100).toFixed(2)} 元${c.exemptions?.length ? `（${c.exemptions.map((e) => e.who).join('、')}免收）` : ''}`).join('；');
      return `${i.name}：${f.free === true ? '不收费' : priced ? `收费，${priced}` : '收费'}${typeof f.note === 'string' && f.note ? `（${f.note}）` : ''}`;
    }))}`,
    windows: `窗口：${g.windows.map((w) => (w.window ? `${w.window.name}，地址：${w.window.address}，电话：${w.window.phone}` : w.name)).join('；')}。\n网上：${g.channels.map((c) => c.name).join('、')}。`,
    hours: `办公时间：${g.hours}${g.contacts.length ? `\n咨询电话：${g.contacts.map((c) => `${c.name} ${c.phone}`).join('；')}` : ''}`,
    process: `一次申请，${g.process.stages.map((s, i) => `第 ${i + 1} 步：${s.map((id) => names.get(id) ?? '').join('、')}${s.length > 1 ? '（同时办理）' : ''}`).join('；')}；全部办结后统一送达结果，${g.trips === 0 ? '全程网上办理，无需到现场' : `最多跑 ${g.trips} 次`}。`,
    items: `共 ${g.items.length} 个事项：${g.items.map((i) => `${i.name}（${i.department}，${i.required ? '必办' : '可选'}）`).join('；')}。`,
  };
}
