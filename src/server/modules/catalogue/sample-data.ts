/**
 * What a material's sample (材料样本, 5.2.6 a) shows, gathered from the published catalogue: the
 * material's type, copies, original/copy and medium, its review points, a proof's issuer and basis,
 * and for a form a filled-in example with made-up values that no one could take for real ones.
 */
import type { Catalogue, CompiledItem, CompiledMatter } from '../../../core/catalog/model.ts';
import { MATERIAL_KINDS, type FieldDef, type Material, type Replacement } from '../../../core/catalog/types.ts';
import { describeRule } from '../../../core/planning/explain.ts';
import { EXEMPTION_TEXT, MATERIAL_FORM_TEXT, MATERIAL_MEDIUM_TEXT } from '../../../core/planning/labels.ts';
import { cnDate } from '../../documents/format.ts';

export interface SampleData {
  /** 《材料名》样本 */
  title: string;
  /** The catalogue's name for the sample, e.g. 信用修复承诺书（示范文本）; a form without one is its 填写示例. */
  sampleName: string | null;
  /** Who publishes it (the PDF Author): the matter's lead department or the item's department. */
  issuer: string;
  /** The matter, or the item, it belongs to. */
  context: string;
  issuedOn: string;
  catalogueVersion: number;
  /** `label：value` rows describing the material. */
  facts: [string, string][];
  review: { formal: string[]; substantive: string[] };
  proof: { issuer: string; basis: string[] } | null;
  /** Only for a form (申请表、承诺书、授权书…). */
  example: SampleExample | null;
  /** The 告知承诺 that can stand in for the material, when the catalogue gives its text. */
  commitmentInstead: string | null;
}

export interface SampleExample {
  /** Section, field, example value. */
  rows: [string, string, string][];
  /** The commitment's or authorisation's text, one clause a line. */
  text: string | null;
  signature: string[];
}

/** One material as the items of a matter (or one item) ask for it. */
interface Occurrence {
  item: CompiledItem;
  material: Material;
  when?: string;
}

/** Made-up names in the order fields ask for people, so two people on one form differ. */
const NAMES = ['张三', '李四', '王五', '赵六', '孙七'];
export const EXAMPLE_ENTERPRISE = '示例有限公司';
export const EXAMPLE_ADDRESS = '示例省示例市示例区示例路1号';

/** Identifiers made of zeros: the right length to show the layout, plainly not a real number. */
const BY_FORMAT: Record<NonNullable<FieldDef['format']>, string> = {
  'resident-id': '000000199001010000',
  uscc: '000000000000000000',
  mobile: '13000000000',
  phone: '0000-0000000',
  'bank-card': '0000000000000000',
  postcode: '000000',
  email: 'zhangsan@example.com',
  address: EXAMPLE_ADDRESS,
};

function exampleValue(def: FieldDef, today: string, names: { next(): string }): string {
  if (def.format) return BY_FORMAT[def.format];
  switch (def.type) {
    case 'date': return cnDate(today);
    case 'boolean': return '是';
    case 'enum': case 'multi-enum': return def.options?.[0]?.label ?? '示例';
    case 'integer': return String(def.minimum ?? 1);
    case 'number': return String(def.minimum ?? 100);
    default: break;
  }
  const label = def.label.replace(/（[^）]*）/g, '');
  if (/姓名/.test(label)) return names.next();
  if (/银行|支行/.test(label)) return '示例银行示例支行';
  if (/地址|住所|地点|经营场所/.test(label)) return EXAMPLE_ADDRESS;
  if (/号码|账号|卡号|证号|编码|代码|文号|编号/.test(label)) return '0'.repeat(Math.min(def.maxLength ?? 10, 10));
  if (/名称/.test(label)) return /机构|医院/.test(label) ? '示例医院' : /中心/.test(label) ? '示例中心' : EXAMPLE_ENTERPRISE;
  return `示例${label}`.slice(0, 20);
}

function exemptionWords(r: Replacement, catalogue: Catalogue): string {
  const evidence = r.kind === 'license' ? `${catalogue.licenses.get(r.license)?.name ?? r.license}电子证照`
    : r.kind === 'result-of-item' ? `「${catalogue.items.get(r.item)?.name ?? r.item}」的办理结果`
    : r.kind === 'shared-data' ? r.data : '签署告知承诺书';
  return `【${EXEMPTION_TEXT[r.kind]}】${evidence}`;
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
const clause = (s: string) => s.trim().replace(/[。；;.]+$/u, '');

/** The commitment or authorisation a form of that name states; null for an application form or a list. */
function formText(name: string, occ: Occurrence[], enterprise: boolean, catalogue: Catalogue): string | null {
  const who = enterprise ? '本单位' : '本人';
  const itemNames = unique(occ.map((o) => `「${o.item.name}」`)).join('、');
  if (/授权/.test(name)) {
    const departments = unique(occ.map((o) => catalogue.departments.get(o.item.department)?.name ?? o.item.department)).join('、');
    return [
      `${who}授权${departments}为办理${itemNames}查询${who}的相关信用信息，查询结果仅用于该事项的办理。`,
      '授权期限自签署之日起至该事项办结之日止。',
    ].join('\n');
  }
  if (!/承诺/.test(name)) return null;
  // 告知承诺: the applicant states that it meets the item's conditions, so the commitment is those conditions.
  const conditions = unique(occ.flatMap((o) => o.item.conditions.map(clause))).filter((c) => c !== '');
  return [
    `${who}已知晓办理${itemNames}的条件和要求，现郑重承诺：`,
    ...conditions.map((c, i) => `（${i + 1}）${c}；`),
    `（${conditions.length + 1}）所提交的材料和填写的信息真实、合法、有效；`,
    `（${conditions.length + 2}）如有不实或违反承诺，${who}自愿承担终止办理、撤销办理结果、记入信用记录等相应法律责任。`,
  ].join('\n');
}

function build(catalogue: Catalogue, occ: Occurrence[], ctx: { context: string; issuer: string; enterprise: boolean; version: number; today: string }): SampleData {
  const m = occ[0]!.material;
  const replacements = occ.flatMap((o) => o.material.replacedBy ?? []);
  const facts: [string, string][] = [
    ['材料名称', m.name],
    ['材料类型', m.kind ? MATERIAL_KINDS[m.kind] : '—'],
    ['份数', `${m.copies} 份`],
    ['原件或复印件', MATERIAL_FORM_TEXT[m.form]],
    ['载体', MATERIAL_MEDIUM_TEXT[m.medium]],
    ['所属事项', unique(occ.map((o) => `${o.item.name}（${catalogue.departments.get(o.item.department)?.name ?? o.item.department}）`)).join('；')],
  ];
  const when = unique(occ.map((o) => o.when).filter((w): w is string => w !== undefined));
  if (when.length > 0) facts.push(['提交情形', when.join('；')]);
  if (replacements.length > 0) facts.push(['可免提交', unique(replacements.map((r) => exemptionWords(r, catalogue))).join('；')]);
  if (occ.every((o) => o.material.deferrable === true)) facts.push(['容缺', '可先行受理、按期后补']);
  const notes = unique(occ.map((o) => o.material.note).filter((n): n is string => Boolean(n)));
  if (notes.length > 0) facts.push(['说明', notes.join('')]);

  let example: SampleExample | null = null;
  if (m.kind === 'form') {
    const refs = [...new Map(occ.flatMap((o) => o.item.fieldRefs).map((r) => [r.def.key, r])).values()];
    // The one who signs is 张三 wherever the form names them, so the example agrees with its signature.
    const pick = (re: RegExp) => refs.find((r) => re.test(r.def.label))?.def.key;
    const signer = ctx.enterprise ? pick(/^法定代表人.*姓名/) : pick(/^(申请人|经办人).*姓名/);
    let n = 0;
    const others = { next: () => NAMES[1 + (n++ % (NAMES.length - 1))]! };
    const signerName = { next: () => NAMES[0]! };
    const rows: [string, string, string][] = refs.map((ref) => [
      catalogue.groups.get(ref.def.group)?.title ?? '',
      ref.optional ? `${ref.def.label}（选填）` : ref.def.label,
      exampleValue(ref.def, ctx.today, ref.def.key === signer ? signerName : others),
    ]);
    example = {
      rows,
      text: formText(m.name, occ, ctx.enterprise, catalogue),
      signature: ctx.enterprise
        ? [`申请单位（盖章）：${EXAMPLE_ENTERPRISE}`, `法定代表人（签字）：${NAMES[0]}`, `日期：${cnDate(ctx.today)}`]
        : [`申请人（签字）：${NAMES[0]}`, `日期：${cnDate(ctx.today)}`],
    };
  }
  const commitment = replacements.find((r): r is Extract<Replacement, { kind: 'commitment' }> => r.kind === 'commitment' && Boolean(r.text));
  return {
    title: `《${m.name}》样本`,
    sampleName: m.sample ?? (m.kind === 'form' ? `${m.name}（填写示例）` : null),
    issuer: ctx.issuer,
    context: ctx.context,
    issuedOn: ctx.today,
    catalogueVersion: ctx.version,
    facts,
    review: {
      formal: unique(occ.flatMap((o) => o.material.review.formal ?? [])),
      substantive: unique(occ.flatMap((o) => o.material.review.substantive ?? [])),
    },
    proof: m.kind === 'proof' && m.proof ? m.proof : null,
    example,
    commitmentInstead: commitment?.text ?? null,
  };
}

const enterpriseFields = (occ: Occurrence[]) => occ.some((o) => o.item.fieldRefs.some((r) => r.def.format === 'uscc'));

/** The sample of a material as a matter's guide lists it (merged over the matter's items); null when the matter has no such material. */
export function matterSample(catalogue: Catalogue, matter: CompiledMatter, materialId: string, version: number, today: string): SampleData | null {
  const occ: Occurrence[] = matter.entries.flatMap((e) => e.def.materials.filter((m) => m.id === materialId).map((material) => ({
    item: e.def, material, when: material.requiredIf === undefined ? '必需' : describeRule(material.requiredIf, matter),
  })));
  if (occ.length === 0) return null;
  const lead = catalogue.departments.get(matter.lead)?.name ?? matter.lead;
  return build(catalogue, occ, { context: matter.name, issuer: lead, enterprise: matter.subject === 'enterprise', version, today });
}

/** The sample of a material as one item asks for it; null when the item has no such material. */
export function itemSample(catalogue: Catalogue, item: CompiledItem, materialId: string, version: number, today: string): SampleData | null {
  const occ: Occurrence[] = item.materials.filter((m) => m.id === materialId).map((material) => ({ item, material }));
  if (occ.length === 0) return null;
  const department = catalogue.departments.get(item.department)?.name ?? item.department;
  return build(catalogue, occ, { context: item.name, issuer: department, enterprise: enterpriseFields(occ), version, today });
}
