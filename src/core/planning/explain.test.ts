import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalog/load.ts';
import { matterGuide } from '../../server/modules/catalogue/guide.ts';
import { describeRule, forMatter } from './explain.ts';
import { guideTimeLimitText, joinClauses, joinSentences, workingDaysText } from './labels.ts';

const { catalogue } = loadCatalogue();
const newborn = catalogue.matters.get('newborn-birth');

describe('forMatter', () => {
  it('decides `{ var: matter }` for the matter being read and folds and/or/! around it', () => {
    const is = (id: string) => ({ '==': [{ var: 'matter' }, id] });
    const asked = { var: 'married' };
    expect(forMatter(is('a'), 'a')).toBe(true);
    expect(forMatter(is('b'), 'a')).toBe(false);
    expect(forMatter({ '!=': [{ var: 'matter' }, 'b'] }, 'a')).toBe(true);
    expect(forMatter({ in: [{ var: 'matter' }, ['b', 'a']] }, 'a')).toBe(true);
    expect(forMatter({ and: [is('a'), asked] }, 'a')).toBe(asked);
    expect(forMatter({ and: [is('b'), asked] }, 'a')).toBe(false);
    expect(forMatter({ or: [is('b'), { and: [is('a'), asked] }] }, 'a')).toBe(asked);
    expect(forMatter({ or: [is('b'), asked, { var: 'x' }] }, 'a')).toEqual({ or: [asked, { var: 'x' }] });
    expect(forMatter({ '!': [is('a')] }, 'a')).toBe(false);
    expect(forMatter(asked, 'a')).toBe(asked);
  });
});

describe('the guide of every shipped matter, as its page words it', () => {
  it('reads a shared item\'s condition on the matter as no condition in that matter\'s guide', () => {
    if (!newborn) throw new Error('no newborn-birth');
    expect(describeRule({ '==': [{ var: 'matter' }, 'newborn-birth'] }, newborn)).toBe('无附加条件');
    expect(describeRule({ '==': [{ var: 'matter' }, 'retirement'] }, newborn)).toBe('不适用');
  });

  it('has no rule JSON, no variable, no item, material or question id, and no 「。；」', () => {
    for (const matter of catalogue.matters.values()) {
      const g = matterGuide(catalogue, matter);
      const ids = [...catalogue.matters.keys(), ...g.items.map((i) => i.id), ...g.materials.map((m) => m.id), ...g.questions.map((q) => q.id), ...g.situations.map((s) => s.id)].filter((id) => id.length > 3);
      const texts = [
        guideTimeLimitText(g.timeLimit),
        ...g.items.flatMap((i) => [i.name, i.department, i.when ?? '', joinClauses(i.conditions), workingDaysText(i.timeLimit.promised)]),
        ...g.situations.map((s) => joinSentences([s.condition, s.eligible ? null : s.advice])),
        ...g.materials.flatMap((m) => [m.name, joinClauses(m.when)]),
      ];
      for (const text of texts) {
        const where = `${matter.id}: ${text}`;
        expect(text, where).not.toContain('{"');
        expect(text, where).not.toMatch(/\bvar\b|\bmatter\b|\bsituation\b/);
        expect(text, where).not.toContain('。；');
        expect(text, where).not.toMatch(/\b0 个工作日/);
        for (const id of ids) expect(text.includes(id), `${where} names ${id}`).toBe(false);
      }
    }
  });

  it('reads no working days as 即办', () => {
    expect(workingDaysText(0)).toBe('即办');
    expect(workingDaysText(3)).toBe('3 个工作日');
    expect(guideTimeLimitText({ promisedWorkingDays: 0, legalWorkingDays: 0, calendarDays: 0, note: null })).toBe('即办');
    expect(guideTimeLimitText({ promisedWorkingDays: 5, legalWorkingDays: 20, calendarDays: 7, note: '出生医学证明当场签发。' })).toBe('承诺 5 个工作日（法定 20 个工作日），另加公示、公告等 7 个自然日；出生医学证明当场签发');
    expect(joinClauses(['年满 16 周岁。', '在本市居住；', '年满 16 周岁'])).toBe('年满 16 周岁；在本市居住');
  });
});
