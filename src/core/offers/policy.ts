/**
 * 免申即享 policies (catalog/policies/*.yaml): who is eligible, by the same JSON Logic rules over the
 * same shared-data facts an item's 秒批 reads (autoDecision), what they get, and whether the law
 * asks them to apply (`confirm`: 一键确认) or not (`grant`: 直接兑现). Checked against a catalogue:
 * unknown departments, matters, sources and facts, bad periods, are defects naming file and path.
 */
import type { Catalogue } from '../catalog/model.ts';
import { isSharedSource, SHARED_SOURCE_IDS, SHARED_SOURCES, sharedFact } from '../catalog/shared-facts.ts';
import type { AutoDecision, Defect } from '../catalog/types.ts';
import { ruleProblems, ruleVariables } from '../rules/jsonlogic.ts';

export const POLICY_MODES = ['confirm', 'grant'] as const;
export type PolicyMode = (typeof POLICY_MODES)[number];
export const POLICY_TARGETS = ['person', 'enterprise'] as const;
export type PolicyTarget = (typeof POLICY_TARGETS)[number];

export const POLICY_MODE_NAME: Record<PolicyMode, string> = { confirm: '一键确认', grant: '直接兑现' };
export const POLICY_TARGET_NAME: Record<PolicyTarget, string> = { person: '个人', enterprise: '企业' };

export interface Policy {
  id: string;
  name: string;
  department: string;
  target: PolicyTarget;
  mode: PolicyMode;
  legalBasis: string[];
  /** What the subject receives, in a sentence or two. */
  benefit: string;
  /** The rules, all of which must pass; `basis` says why no application is needed to find them. */
  eligibility: AutoDecision;
  /** Working days of 公示, and of the 异议 period counted from the same first day. */
  publicityDays: number;
  objectionDays: number;
  /** The key matter a person may still apply through, when there is one. */
  matter?: string;
  source?: string[];
  assumptions?: string[];
}

const KEYS = ['id', 'name', 'department', 'target', 'mode', 'legalBasis', 'benefit', 'eligibility', 'publicityDays', 'objectionDays', 'matter', 'source', 'assumptions'];
const MAX_DAYS = 30;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, min = 1): v is string => typeof v === 'string' && v.trim().length >= min;
const texts = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((x) => isText(x));

/** The rules' defects: each reads only facts of the shared-data sources it names. */
function checkRules(v: unknown, file: string, defects: Defect[]): AutoDecision | undefined {
  const report = (path: string, message: string) => defects.push({ file, path, message });
  if (!isRecord(v)) return void report('eligibility', '应为映射（basis、rules）');
  let ok = true;
  if (!isText(v.basis, 5)) { report('eligibility.basis', '应写明免于申请的依据（一句话）'); ok = false; }
  if (!Array.isArray(v.rules) || v.rules.length === 0) return void report('eligibility.rules', '应为非空列表');
  v.rules.forEach((r: unknown, i) => {
    const at = `eligibility.rules[${i}]`;
    if (!isRecord(r) || !isText(r.name) || !Array.isArray(r.data)) { report(at, '应为映射（name、rule、data）'); ok = false; return; }
    const problems = ruleProblems(r.rule);
    for (const message of problems) { report(`${at}.rule`, message); ok = false; }
    r.data.forEach((d: unknown, j) => {
      if (typeof d !== 'string' || !isSharedSource(d)) {
        report(`${at}.data[${j}]`, `平台没有共享数据来源「${String(d)}」，可用：${SHARED_SOURCE_IDS.map((s) => `${s}（${SHARED_SOURCES[s].name}）`).join('、')}`);
        ok = false;
      }
    });
    if (problems.length > 0) return;
    const sources = r.data.filter((d): d is keyof typeof SHARED_SOURCES => typeof d === 'string' && isSharedSource(d));
    const names = ruleVariables(r.rule);
    if (names.length === 0) { report(`${at}.rule`, `资格规则「${r.name}」没有读取任何共享数据`); ok = false; }
    for (const name of names) {
      if (sources.some((s) => sharedFact(s, name))) continue;
      const readable = sources.flatMap((s) => Object.keys(SHARED_SOURCES[s].facts));
      report(`${at}.rule`, `资格规则「${r.name}」读取了「${name}」，但它声明的共享数据中没有这一项${readable.length ? `；可读取：${readable.join('、')}` : ''}`);
      ok = false;
    }
  });
  return ok ? { basis: (v.basis as string).trim(), rules: (v.rules as AutoDecision['rules']).map((r) => ({ name: r.name.trim(), rule: r.rule, data: r.data })) } : undefined;
}

/** Checks one parsed document into `into`; `file` names it in defects. */
export function checkPolicyDocument(data: unknown, file: string, catalogue: Pick<Catalogue, 'departments' | 'matters'>, into: Policy[], defects: Defect[]): void {
  const report = (path: string, message: string) => defects.push({ file, path, message });
  if (!isRecord(data)) return void report('(根)', '应为映射（id、name、department、target、mode、eligibility……）');
  const before = defects.length;
  for (const key of Object.keys(data)) if (!KEYS.includes(key)) report(key, `未知的键「${key}」`);
  if (typeof data.id !== 'string' || !/^[a-z0-9][a-z0-9-]{1,62}$/.test(data.id)) report('id', '应为小写字母、数字和连字符组成的标识');
  else if (into.some((p) => p.id === data.id)) report('id', `政策「${data.id}」重复了`);
  if (!isText(data.name, 2)) report('name', '应写明政策名称');
  if (typeof data.department !== 'string' || !catalogue.departments.has(data.department)) report('department', `未知的部门「${String(data.department)}」`);
  if (!(POLICY_TARGETS as readonly unknown[]).includes(data.target)) report('target', '应为 person（个人）或 enterprise（企业）');
  if (!(POLICY_MODES as readonly unknown[]).includes(data.mode)) report('mode', '应为 confirm（一键确认）或 grant（直接兑现）');
  if (!texts(data.legalBasis)) report('legalBasis', '应列出至少一项法律或政策依据');
  if (!isText(data.benefit, 5)) report('benefit', '应写明享受的待遇（一句话）');
  for (const key of ['publicityDays', 'objectionDays'] as const) {
    const n = data[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_DAYS) report(key, `应为 1 到 ${MAX_DAYS} 之间的整数（工作日）`);
  }
  if (typeof data.objectionDays === 'number' && typeof data.publicityDays === 'number' && data.objectionDays > data.publicityDays) {
    report('objectionDays', '异议期从公示首日起算，不能长于公示期');
  }
  if (data.matter !== undefined && (typeof data.matter !== 'string' || !catalogue.matters.has(data.matter))) report('matter', `未知的一件事「${String(data.matter)}」`);
  for (const key of ['source', 'assumptions'] as const) if (data[key] !== undefined && !texts(data[key])) report(key, '应为非空的文字列表');
  if (!texts(data.source) && !texts(data.assumptions)) report('assumptions', '政策须在 source 中注明出处，或在 assumptions 中写明是本目录的假设');
  const eligibility = checkRules(data.eligibility, file, defects);
  if (defects.length > before || !eligibility) return;
  into.push({
    id: data.id as string, name: (data.name as string).trim(), department: data.department as string, target: data.target as PolicyTarget, mode: data.mode as PolicyMode,
    legalBasis: data.legalBasis as string[], benefit: (data.benefit as string).trim(), eligibility,
    publicityDays: data.publicityDays as number, objectionDays: data.objectionDays as number,
    ...(data.matter !== undefined ? { matter: data.matter as string } : {}),
    ...(data.source !== undefined ? { source: data.source as string[] } : {}),
    ...(data.assumptions !== undefined ? { assumptions: data.assumptions as string[] } : {}),
  });
}
