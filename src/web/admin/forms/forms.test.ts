/**
 * What the catalogue forms write: the same YAML, comments and order kept, and the rules the
 * catalogue uses, read out as sentences (never as rule JSON).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import '../../shared/messages/staff-faces.ts';
import { fill, messages, type MessageKey } from '../../shared/messages/index.ts';
import { fromRule, sentence, toRule, type Subject } from './rules.ts';
import { addEntry, readDoc, removeEntry, setValue } from './yamlDoc.ts';

const zh = (key: MessageKey, params?: Record<string, string | number>) => fill(messages.zh[key], params);
const en = (key: MessageKey, params?: Record<string, string | number>) => fill(messages.en[key], params);

const MATTER = `# 新生儿出生
id: newborn-birth
name: 新生儿出生“一件事” # 名称以国办文件为准
questions:
  - id: bornHere
    text: 宝宝是否在本省助产机构出生？
    type: boolean
  - id: applicantParent
    text: 由谁提交申请？
    type: choice
    options:
      - { value: mother, label: 宝宝的母亲 }
      - { value: father, label: 宝宝的父亲 }
`;
const SUBJECTS: Subject[] = [
  { id: 'bornHere', label: '宝宝是否在本省助产机构出生？', type: 'boolean' },
  { id: 'applicantParent', label: '由谁提交申请？', type: 'choice', options: [{ value: 'mother', label: '宝宝的母亲' }, { value: 'father', label: '宝宝的父亲' }] },
];

describe('the forms edit the YAML text', () => {
  it('changes one value and keeps the comments, the order and the rest', () => {
    const next = setValue(MATTER, ['questions', 0, 'text'], '宝宝是否在本省具有资质的助产机构出生？');
    expect(next).toContain('# 新生儿出生');
    expect(next).toContain('# 名称以国办文件为准');
    expect(next.indexOf('id: bornHere')).toBeLessThan(next.indexOf('id: applicantParent'));
    expect(next).toContain('- { value: mother, label: 宝宝的母亲 }');
    expect((parse(next) as { questions: { text: string }[] }).questions[0]?.text).toBe('宝宝是否在本省具有资质的助产机构出生？');
  });

  it('writes a condition as the rule the catalogue uses, on one line, and removes it when emptied', () => {
    const rule = toRule({ join: 'and', parts: [{ field: 'bornHere', op: '==', value: true }] });
    const next = setValue(MATTER, ['questions', 1, 'when'], rule);
    expect((parse(next) as { questions: { when: unknown }[] }).questions[1]?.when).toEqual({ '==': [{ var: 'bornHere' }, true] });
    expect(next.split('\n').filter((l) => l.includes('when:'))).toHaveLength(1);
    expect(setValue(next, ['questions', 1, 'when'], undefined)).toBe(MATTER);
  });

  it('adds and removes list entries, and leaves text that is not YAML alone', () => {
    const added = addEntry(MATTER, ['questions'], { id: 'q3', text: '新的问题？', type: 'boolean' });
    expect((parse(added) as { questions: unknown[] }).questions).toHaveLength(3);
    expect(removeEntry(added, ['questions', 2])).toBe(MATTER);
    const broken = 'name: [unclosed';
    expect(readDoc(broken)).toBeNull();
    expect(setValue(broken, ['name'], 'x')).toBe(broken);
  });
});

describe('the condition builder', () => {
  it('reads the shipped rules back into comparisons, and declines what it cannot show', () => {
    const rule = { and: [{ '==': [{ var: 'bornHere' }, true] }, { in: [{ var: 'applicantParent' }, ['mother', 'father']] }] };
    const model = fromRule(rule);
    expect(model).toEqual({ join: 'and', parts: [{ field: 'bornHere', op: '==', value: true }, { field: 'applicantParent', op: 'in', value: ['mother', 'father'] }] });
    expect(toRule(model!)).toEqual(rule);
    expect(fromRule(undefined)).toEqual({ join: 'and', parts: [] });
    expect(fromRule({ '==': [{ var: 'a' }, { var: 'b' }] })).toBeNull();
    expect(fromRule({ if: [true, 1, 2] })).toBeNull();
  });

  it('says the condition as a sentence with the questions\' words and the options\' labels', () => {
    const model = fromRule({ or: [{ '==': [{ var: 'bornHere' }, false] }, { '!=': [{ var: 'applicantParent' }, 'mother'] }] })!;
    const said = sentence(zh, model, SUBJECTS);
    expect(said).toBe('当「宝宝是否在本省助产机构出生？」为“否”，或「由谁提交申请？」不为“宝宝的母亲”时');
    expect(said).not.toMatch(/[{}]|var|mother/);
    expect(sentence(en, model, SUBJECTS)).toBe('When "宝宝是否在本省助产机构出生？" is “no” or "由谁提交申请？" is not “宝宝的母亲”');
    expect(sentence(zh, { join: 'and', parts: [] }, SUBJECTS)).toBe('总是适用（未设条件）');
  });
});
