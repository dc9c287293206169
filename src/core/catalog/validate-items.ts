/** Cross-reference checks of departments, the field dictionary, licenses, items and calendars. */
import { ruleProblems, ruleVariables } from '../rules/jsonlogic.ts';
import { isDate } from '../calendar/dates.ts';
import { FIRST_STATUTORY_YEAR, LAST_STATUTORY_YEAR, statutoryHolidays } from '../calendar/statutory.ts';
import type { DocumentIndex } from './index-docs.ts';
import type { Defect, Fees, FieldDef, Item } from './types.ts';
import { REGISTER_FIELDS, REGISTERS } from './registers.ts';
import { isSharedSource, MACHINE_CHECKED, SHARED_SOURCE_IDS, SHARED_SOURCES, sharedFact } from './shared-facts.ts';

type Report = (d: Defect) => void;

function fieldDefects(f: Omit<FieldDef, 'group'>): string[] {
  const out: string[] = [];
  const enumLike = f.type === 'enum' || f.type === 'multi-enum';
  if (enumLike && !f.options?.length) out.push(`字段「${f.key}」类型为 ${f.type}，必须给出 options`);
  if (!enumLike && f.options) out.push(`字段「${f.key}」类型为 ${f.type}，不应有 options`);
  if (f.format && f.type !== 'string') out.push(`字段「${f.key}」的 format 只用于 string 类型`);
  if (f.pattern) {
    try {
      new RegExp(f.pattern, 'u');
    } catch {
      out.push(`字段「${f.key}」的 pattern 不是合法的正则表达式`);
    }
  }
  return out;
}

/** The parts of an own field's definition that two items must agree on. */
export function ownFieldSignature(f: Record<string, unknown>): string {
  const { optional: _o, when: _w, own: _own, ...def } = f;
  return JSON.stringify(def, Object.keys(def).sort());
}

export function validateItems(index: DocumentIndex, report: Report): void {
  const known = (map: Map<string, unknown>, id: string) => map.has(id) || index.broken.has(id);

  for (const { file, data, path } of index.fields.values()) {
    for (const message of fieldDefects(data)) report({ file, path: path ?? '(根)', message });
  }
  for (const { file, data } of index.licenses.values()) {
    if (!known(index.departments, data.department)) report({ file, path: 'department', message: `签发部门「${data.department}」不存在` });
  }

  const ownFields = new Map<string, { item: string; signature: string }>();
  const materialNames = new Map<string, { item: string; name: string }>();
  for (const { file, data: item } of index.items.values()) {
    checkItem(index, item, file, report, known);
    item.fields.forEach((ref, i) => {
      if (typeof ref === 'string' || !('own' in ref)) return;
      const signature = ownFieldSignature(ref as Record<string, unknown>);
      const first = ownFields.get(ref.key);
      if (first && first.signature !== signature) {
        report({ file, path: `fields[${i}]`, message: `专属字段「${ref.key}」与事项 ${first.item} 中的定义不一致；同名字段必须定义相同` });
      } else if (!first) ownFields.set(ref.key, { item: item.code, signature });
    });
    item.materials.forEach((m, i) => {
      const first = materialNames.get(m.id);
      if (first && first.name !== m.name) {
        report({ file, path: `materials[${i}].name`, message: `材料「${m.id}」在事项 ${first.item} 中名为「${first.name}」；同一材料编码必须同名` });
      } else if (!first) materialNames.set(m.id, { item: item.code, name: m.name });
    });
  }

  for (const { file, data } of index.calendars) {
    const inYear = (d: string) => isDate(d) && d.startsWith(`${data.year}-`);
    data.holidays.forEach((d, i) => { if (!inYear(d)) report({ file, path: `holidays[${i}]`, message: `「${d}」不是 ${data.year} 年的有效日期` }); });
    data.workdays.forEach((d, i) => {
      if (!inYear(d)) report({ file, path: `workdays[${i}]`, message: `「${d}」不是 ${data.year} 年的有效日期` });
      if (data.holidays.includes(d)) report({ file, path: `workdays[${i}]`, message: `「${d}」不能既是节假日又是调休工作日` });
    });
    // A year's file replaces the package's year wholesale, so it must at least keep the fixed holidays.
    if (Number.isInteger(data.year) && data.year >= FIRST_STATUTORY_YEAR && data.year <= LAST_STATUTORY_YEAR) {
      const listed = new Set(data.holidays);
      for (const h of statutoryHolidays(data.year)) {
        const missing = h.dates.filter((d) => !listed.has(d));
        if (missing.length > 0) {
          report({ file, path: 'holidays', message: `${data.year} 年日历缺少法定节假日「${h.name}」：${missing.join('、')}（全国年节及纪念日放假办法）` });
        }
      }
    }
  }
}

function checkItem(
  index: DocumentIndex, item: Item, file: string, report: Report, known: (m: Map<string, unknown>, id: string) => boolean,
): void {
  if (!known(index.departments, item.department)) report({ file, path: 'department', message: `部门「${item.department}」不存在` });
  if (item.timeLimit.promised > item.timeLimit.legal) {
    report({ file, path: 'timeLimit.promised', message: `承诺时限（${item.timeLimit.promised}）不能长于法定时限（${item.timeLimit.legal}）` });
  }
  const { result } = item;
  if (result.kind === 'license') {
    if (!result.license) report({ file, path: 'result.license', message: '结果为电子证照时必须给出证照类型 license' });
    else if (!known(index.licenses, result.license)) report({ file, path: 'result.license', message: `电子证照类型「${result.license}」不存在` });
    else {
      const issuer = index.licenses.get(result.license)?.data.department;
      if (issuer && issuer !== item.department) {
        report({ file, path: 'result.license', message: `电子证照「${result.license}」由 ${issuer} 签发，与本事项部门 ${item.department} 不一致` });
      }
    }
  } else if (result.license) report({ file, path: 'result.license', message: '结果为文书时不应给出 license' });

  item.fields.forEach((ref, i) => {
    const path = `fields[${i}]`;
    if (typeof ref === 'string') {
      if (!known(index.fields, ref)) report({ file, path, message: `字段字典中没有「${ref}」` });
      return;
    }
    if ('own' in ref) {
      if (index.fields.has(ref.key)) report({ file, path, message: `专属字段「${ref.key}」与字段字典重名，请直接引用字典字段` });
      for (const message of fieldDefects(ref)) report({ file, path, message });
    } else if (!known(index.fields, ref.key)) report({ file, path: `${path}.key`, message: `字段字典中没有「${ref.key}」` });
    if (ref.when !== undefined) for (const message of ruleProblems(ref.when)) report({ file, path: `${path}.when`, message });
  });

  item.materials.forEach((m, i) => {
    const path = `materials[${i}]`;
    // 5.2.6: a 证明 kept in the list names why it is asked for and who issues it.
    if (m.kind === 'proof' && (!m.proof || m.proof.basis.length === 0 || m.proof.issuer.trim() === '')) report({ file, path: `${path}.proof`, message: `证明材料「${m.name}」须列明设定依据（basis）和开具证明单位（issuer）` });
    if (m.proof && m.kind !== 'proof') report({ file, path: `${path}.kind`, message: `材料「${m.name}」列了证明的设定依据和开具单位，材料类型应为 proof（证明材料）` });
    if (m.requiredIf !== undefined) for (const message of ruleProblems(m.requiredIf)) report({ file, path: `${path}.requiredIf`, message });
    (m.replacedBy ?? []).forEach((r, j) => {
      const rp = `${path}.replacedBy[${j}]`;
      if (r.kind === 'license' && !known(index.licenses, r.license)) report({ file, path: `${rp}.license`, message: `电子证照类型「${r.license}」不存在` });
      if (r.kind === 'result-of-item') {
        if (r.item === item.code) report({ file, path: `${rp}.item`, message: '材料不能由本事项自己的结果替代' });
        else if (!known(index.items, r.item)) report({ file, path: `${rp}.item`, message: `事项「${r.item}」不存在` });
      }
      if (r.kind === 'shared-data' && (r.register !== undefined || r.fields !== undefined)) {
        const fields = r.register && r.register in REGISTER_FIELDS ? REGISTER_FIELDS[r.register] : null;
        if (!fields) report({ file, path: `${rp}.register`, message: `共享数据来源应为 ${REGISTERS.join('、')} 之一，并列出 fields` });
        else if (!r.fields) report({ file, path: `${rp}.fields`, message: '请列出审查时需要核对的字段' });
        else r.fields.forEach((f, k) => { if (!(f in fields)) report({ file, path: `${rp}.fields.${k}`, message: `「${r.register}」没有字段「${f}」，可用：${Object.keys(fields).join('、')}` }); });
      }
      if (r.when !== undefined) for (const message of ruleProblems(r.when)) report({ file, path: `${rp}.when`, message });
    });
    if (m.deferrable && (m.replacedBy ?? []).some((r) => r.kind === 'commitment' && r.when === undefined)) {
      report({ file, path, message: '材料已可由告知承诺替代，无需再标为容缺' });
    }
  });
  if (item.autoDecision) checkAutoDecision(item, file, report);
  checkFees(item.fees, 'fees', file, report);
  (item.implementations ?? []).forEach((impl, i) => { if (impl.fees) checkFees(impl.fees, `implementations[${i}].fees`, file, report); });
}

/** 收费: free means no charges; each exemption and reduction a sound rule, a reduction one measure. */
function checkFees(fees: Fees, path: string, file: string, report: Report): void {
  const charges = fees.charges ?? [];
  if (fees.free && charges.length > 0) report({ file, path: `${path}.charges`, message: '标为不收费（free: true）的事项不应列出收费项目' });
  charges.forEach((c, i) => {
    const at = `${path}.charges[${i}]`;
    (c.exemptions ?? []).forEach((e, j) => { for (const message of ruleProblems(e.when)) report({ file, path: `${at}.exemptions[${j}].when`, message }); });
    (c.reductions ?? []).forEach((r, j) => {
      for (const message of ruleProblems(r.when)) report({ file, path: `${at}.reductions[${j}].when`, message });
      if ((r.percent === undefined) === (r.amount === undefined)) report({ file, path: `${at}.reductions[${j}]`, message: `减免「${r.name}」应给出 percent（减免百分比）或 amount（减免金额，分）二者之一` });
      else if (r.amount !== undefined && r.amount > c.amount) report({ file, path: `${at}.reductions[${j}].amount`, message: `减免「${r.name}」的金额不能大于收费标准（${c.amount} 分）` });
    });
  });
}

/**
 * 秒批 only where no person is needed: each rule reads only facts of the shared-data sources it names,
 * and every material with a substantive review point can be replaced by shared data.
 */
function checkAutoDecision(item: Item, file: string, report: Report): void {
  const auto = item.autoDecision as NonNullable<Item['autoDecision']>;
  auto.rules.forEach((r, i) => {
    const path = `autoDecision.rules[${i}]`;
    const problems = ruleProblems(r.rule);
    for (const message of problems) report({ file, path: `${path}.rule`, message });
    const sources = r.data.filter(isSharedSource);
    r.data.forEach((d, j) => {
      if (!isSharedSource(d)) report({ file, path: `${path}.data[${j}]`, message: `平台没有共享数据来源「${d}」，可用：${SHARED_SOURCE_IDS.map((s) => `${s}（${SHARED_SOURCES[s].name}）`).join('、')}` });
    });
    if (problems.length > 0) return;
    const names = ruleVariables(r.rule);
    if (names.length === 0) report({ file, path: `${path}.rule`, message: `秒批规则「${r.name}」没有读取任何共享数据` });
    for (const name of names) {
      if (sources.some((s) => sharedFact(s, name))) continue;
      const readable = sources.flatMap((s) => Object.keys(SHARED_SOURCES[s].facts));
      report({ file, path: `${path}.rule`, message: `秒批规则「${r.name}」读取了「${name}」，但它声明的共享数据中没有这一项${readable.length ? `；可读取：${readable.join('、')}` : ''}` });
    }
  });
  item.materials.forEach((m, i) => {
    if ((m.review.substantive ?? []).length === 0) return;
    if ((m.replacedBy ?? []).some((r) => MACHINE_CHECKED.has(r.kind))) return;
    report({ file, path: `materials[${i}]`, message: `材料「${m.name}」需要人工实质审查，且不能由共享数据替代，事项不能声明秒批（autoDecision）` });
  });
}
