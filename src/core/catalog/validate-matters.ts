/** Cross-reference checks of key matters: departments, items, the flow, questions and conditions. */
import { ruleDefects, type RuleScope } from './rule-check.ts';
import type { DocumentIndex } from './index-docs.ts';
import type { Defect, Matter, MatterItem, Question } from './types.ts';

type Report = (d: Defect) => void;

/** Finds a cycle in the `after` relation, as the list of items around it, or null. */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/** Every item a matter item is ordered after: those whose result it needs, and those it waits for when planned. */
export function predecessors(e: Pick<MatterItem, 'after' | 'afterIfPlanned'>): string[] {
  return [...(e.after ?? []), ...(e.afterIfPlanned ?? [])];
}

/** All items a matter item needs, directly or through others (the `after` relation, closed). */
export function ancestorsOf(matter: Matter): Map<string, Set<string>> {
  const direct = new Map(matter.items.map((e) => [e.item, e.after ?? []]));
  const memo = new Map<string, Set<string>>();
  const get = (id: string, seen: Set<string>): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const out = new Set<string>();
    for (const parent of direct.get(id) ?? []) {
      if (seen.has(parent)) continue;
      out.add(parent);
      for (const a of get(parent, new Set([...seen, parent]))) out.add(a);
    }
    memo.set(id, out);
    return out;
  };
  for (const e of matter.items) get(e.item, new Set([e.item]));
  return memo;
}

export function validateMatters(index: DocumentIndex, report: Report): void {
  const bundlers = new Map<string, Set<string>>();
  for (const { data } of index.matters.values()) {
    for (const e of data.items) {
      if (!bundlers.has(e.item)) bundlers.set(e.item, new Set());
      bundlers.get(e.item)?.add(data.id);
    }
  }
  for (const { file, data } of index.matters.values()) validateMatter(index, data, file, report, bundlers);
}

const RESERVED = new Set(['situation', 'matter']);

function validateMatter(index: DocumentIndex, m: Matter, file: string, report: Report, bundlers: ReadonlyMap<string, ReadonlySet<string>>): void {
  const known = (map: Map<string, unknown>, id: string) => map.has(id) || index.broken.has(id);
  const at = (path: string) => (message: string) => report({ file, path, message });

  if (!known(index.departments, m.lead)) at('lead')(`牵头部门「${m.lead}」不存在`);
  m.partners.forEach((p, i) => {
    if (!known(index.departments, p)) at(`partners[${i}]`)(`配合部门「${p}」不存在`);
    if (p === m.lead) at(`partners[${i}]`)('牵头部门不必再列为配合部门');
  });
  m.guide.windows.forEach((w, i) => { if (!known(index.departments, w)) at(`guide.windows[${i}]`)(`部门「${w}」不存在`); });

  const inMatter = new Set(m.items.map((e) => e.item));
  const owners = new Set<string>();
  m.items.forEach((e, i) => {
    const item = index.items.get(e.item)?.data;
    if (!item) {
      if (!index.broken.has(e.item)) at(`items[${i}].item`)(`事项「${e.item}」不存在`);
      return;
    }
    owners.add(item.department);
    if (item.department !== m.lead && !m.partners.includes(item.department)) {
      at(`items[${i}].item`)(`事项「${e.item}」属于部门 ${item.department}，它既不是牵头部门也不是配合部门`);
    }
    for (const key of ['after', 'afterIfPlanned'] as const) {
      (e[key] ?? []).forEach((a, j) => {
        if (a === e.item) at(`items[${i}].${key}[${j}]`)('事项不能排在自己之后');
        else if (!inMatter.has(a)) at(`items[${i}].${key}[${j}]`)(`前置事项「${a}」不在本一件事中`);
      });
    }
  });
  m.partners.forEach((p, i) => {
    if (index.departments.has(p) && !owners.has(p)) at(`partners[${i}]`)(`配合部门「${p}」在本一件事中没有任何事项`);
  });
  const cycle = findCycle(new Map(m.items.map((e) => [e.item, predecessors(e).filter((a) => inMatter.has(a))])));
  if (cycle) at('items')(`事项之间的先后关系成环：${cycle.join(' → ')}`);

  const questions = new Map<string, Question>(m.questions.map((q) => [q.id, q]));
  const earlier = new Set<string>();
  m.questions.forEach((q, i) => {
    const path = `questions[${i}]`;
    if (RESERVED.has(q.id)) at(`${path}.id`)(`「${q.id}」是条件中的保留变量名，不能用作问题编号`);
    if (q.type === 'boolean' && q.options) at(`${path}.options`)('是非题的选项固定为 是/否，不需要 options');
    if (q.type !== 'boolean' && (q.options?.length ?? 0) < 2) at(`${path}.options`)('单选题和多选题至少需要 2 个选项');
    if (q.when !== undefined) {
      for (const message of ruleDefects(q.when, { questions, readable: earlier, where: '问题条件' })) at(`${path}.when`)(message);
    }
    earlier.add(q.id);
  });
  const situations = new Set(m.situations.map((s) => s.id));
  m.situations.forEach((s, i) => {
    for (const message of ruleDefects(s.when, { questions, where: '情形条件' })) at(`situations[${i}].when`)(message);
    if (s.eligible === false && !s.advice) at(`situations[${i}].advice`)('不符合联办条件的情形必须给出办理建议 advice');
  });

  const scope: RuleScope = { questions, situations, where: '条件' };
  const ancestors = cycle ? new Map<string, Set<string>>() : ancestorsOf(m);
  m.items.forEach((e, i) => {
    if (e.when !== undefined) for (const message of ruleDefects(e.when, scope)) at(`items[${i}].when`)(message);
    const located = index.items.get(e.item);
    if (!located) return;
    const itemScope: RuleScope = { ...scope, matter: { id: m.id, bundlers: bundlers.get(e.item) ?? new Set() } };
    const item = located.data;
    const itemAt = (path: string) => (message: string) =>
      report({ file: located.file, path, message: `（用于一件事 ${m.id}）${message}` });
    item.fields.forEach((ref, j) => {
      if (typeof ref !== 'string' && ref.when !== undefined) for (const message of ruleDefects(ref.when, itemScope)) itemAt(`fields[${j}].when`)(message);
    });
    const feeRules = (fees: typeof item.fees | undefined, at: string) => (fees?.charges ?? []).forEach((c, j) => {
      (c.exemptions ?? []).forEach((x, k) => { for (const message of ruleDefects(x.when, itemScope)) itemAt(`${at}.charges[${j}].exemptions[${k}].when`)(message); });
      (c.reductions ?? []).forEach((x, k) => { for (const message of ruleDefects(x.when, itemScope)) itemAt(`${at}.charges[${j}].reductions[${k}].when`)(message); });
    });
    feeRules(item.fees, 'fees');
    (item.implementations ?? []).forEach((impl, j) => feeRules(impl.fees, `implementations[${j}].fees`));
    item.materials.forEach((mat, j) => {
      if (mat.requiredIf !== undefined) for (const message of ruleDefects(mat.requiredIf, itemScope)) itemAt(`materials[${j}].requiredIf`)(message);
      (mat.replacedBy ?? []).forEach((r, k) => {
        if (r.when !== undefined) for (const message of ruleDefects(r.when, itemScope)) itemAt(`materials[${j}].replacedBy[${k}].when`)(message);
        if (r.kind === 'result-of-item' && inMatter.has(r.item) && !ancestors.get(e.item)?.has(r.item) && !cycle) {
          at(`items[${i}].after`)(`事项「${e.item}」的材料「${mat.name}」由事项「${r.item}」的结果替代，所以「${r.item}」必须排在它之前（after）`);
        }
      });
    });
  });
}
