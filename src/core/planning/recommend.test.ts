import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalog/model.ts';
import type { Defect } from '../catalog/types.ts';
import { checkLifeEventsDocument, type LifeEventEdge } from './life-events.ts';
import { afterDelay, expiryOf, licenceReminders, recommend, type PastCase } from './recommend.ts';

// Only what the check looks at: which matters exist and which fields are dates.
const catalogue = {
  matters: new Map([['newborn-birth', {}], ['social-security-card', {}], ['school-admission', {}], ['restaurant-opening', {}], ['employee-hiring', {}]]),
  fields: new Map([['newbornBirthDate', { type: 'date' }], ['newbornName', { type: 'string' }]]),
} as unknown as Catalogue;

function check(data: unknown): { edges: LifeEventEdge[]; defects: Defect[] } {
  const edges: LifeEventEdge[] = [];
  const defects: Defect[] = [];
  checkLifeEventsDocument(data, 'catalog/life-events/x.yaml', catalogue, edges, defects);
  return { edges, defects };
}

const GRAPH = check({
  events: [
    { after: 'newborn-birth', recommend: 'social-security-card', why: '宝宝可以申领社保卡了。' },
    { after: 'newborn-birth', recommend: 'school-admission', when: { from: 'newbornBirthDate', years: 6 }, why: '宝宝到了上小学的年龄。' },
    { after: 'restaurant-opening', recommend: 'employee-hiring', why: '开店需要招用员工。' },
  ],
  assumptions: ['本目录的假设。'],
}).edges;

const birth = (over: Partial<PastCase> = {}): PastCase => ({
  id: 'c1', matterId: 'newborn-birth', startedOn: '2026-03-01', closedOn: '2026-03-05', done: true, facts: { newbornBirthDate: '2026-02-28' }, ...over,
});

describe('the life-event graph is checked', () => {
  it('a sound graph gives its edges, with no delay meaning "when the case closed"', () => {
    expect(GRAPH).toHaveLength(3);
    expect(GRAPH[0]?.when).toEqual({ from: 'closed', years: 0, months: 0, days: 0 });
    expect(GRAPH[1]?.when).toEqual({ from: 'newbornBirthDate', years: 6, months: 0, days: 0 });
  });

  it('unknown matters, bad delays, a non-date fact and a missing reason are named in Chinese, path by path', () => {
    const { edges, defects } = check({
      events: [
        { after: 'newborn-birth', recommend: 'moon-landing', why: '一个不存在的事项。' },
        { after: 'newborn-birth', recommend: 'school-admission', when: { from: 'newbornBirthDate', years: -1 }, why: '负数间隔。' },
        { after: 'newborn-birth', recommend: 'school-admission', when: { from: 'newbornName', weeks: 2 }, why: '不是日期。' },
        { after: 'restaurant-opening', recommend: 'restaurant-opening', why: '推荐自己。' },
        { after: 'restaurant-opening', recommend: 'employee-hiring' },
      ],
    });
    expect(edges).toEqual([]);
    expect(defects.map((d) => [d.path, d.message])).toEqual([
      ['assumptions', '推荐关系须在 source 中注明出处，或在 assumptions 中写明是本目录的假设'],
      ['events[0].recommend', '未知的一件事「moon-landing」'],
      ['events[1].when.years', '间隔应为 0 到 30 之间的整数'],
      ['events[2].when.weeks', '未知的键「weeks」，可用：from、years、months、days'],
      ['events[2].when.from', '「newbornName」既不是 closed（办结之日），也不是目录中的日期字段'],
      ['events[3].recommend', '不能推荐同一件事本身'],
      ['events[4].why', '应写明推荐理由（一句话）'],
    ]);
  });

  it('the same recommendation twice is a defect', () => {
    const e = { after: 'newborn-birth', recommend: 'social-security-card', why: '宝宝可以申领社保卡了。' };
    expect(check({ events: [e, e], assumptions: ['假设。'] }).defects.map((d) => d.path)).toEqual(['events[1]']);
  });
});

describe('recommendations after a finished case', () => {
  it('after a newborn case: the social security card now, school admission on the sixth birthday', () => {
    const r = recommend([birth()], GRAPH, '2026-03-06');
    expect(r.due).toEqual([{ matterId: 'social-security-card', why: '宝宝可以申领社保卡了。', dueOn: '2026-03-05', afterCaseId: 'c1', afterMatterId: 'newborn-birth' }]);
    expect(r.later.map((x) => [x.matterId, x.dueOn])).toEqual([['school-admission', '2032-02-28']]);
  });

  it('school admission moves to "due" once the child is six', () => {
    expect(recommend([birth()], GRAPH, '2032-02-28').due.map((x) => x.matterId)).toEqual(['social-security-card', 'school-admission']);
  });

  it('nothing from a case still open, rejected or withdrawn', () => {
    expect(recommend([birth({ closedOn: null })], GRAPH, '2026-03-06')).toEqual({ due: [], later: [] });
    expect(recommend([birth({ done: false })], GRAPH, '2026-03-06')).toEqual({ due: [], later: [] });
  });

  it('a matter already applied for since is not recommended again', () => {
    const card: PastCase = { id: 'c2', matterId: 'social-security-card', startedOn: '2026-03-06', closedOn: null, done: false, facts: {} };
    expect(recommend([birth(), card], GRAPH, '2026-03-07').due).toEqual([]);
  });

  it('without the birth date no school date is promised', () => {
    expect(recommend([birth({ facts: {} })], GRAPH, '2026-03-06').later).toEqual([]);
  });

  it('after opening a restaurant: employee hiring', () => {
    const shop: PastCase = { id: 's1', matterId: 'restaurant-opening', startedOn: '2026-01-02', closedOn: '2026-01-09', done: true, facts: {} };
    expect(recommend([shop], GRAPH, '2026-01-10').due.map((x) => x.matterId)).toEqual(['employee-hiring']);
  });

  it('a delay past the month end lands on its last day', () => {
    expect(afterDelay('2024-02-29', { years: 6, months: 0, days: 0 })).toBe('2030-02-28');
    expect(afterDelay('2026-01-31', { years: 0, months: 1, days: 1 })).toBe('2026-03-01');
  });
});

describe('licences about to expire', () => {
  const food = { id: 'l1', name: '食品经营许可证', issuedOn: '2021-12-20', validYears: 5 };
  it('the last valid day is the day before the anniversary', () => {
    expect(expiryOf(food)).toBe('2026-12-19');
    expect(expiryOf({ id: 'x', name: '社保卡', issuedOn: '2020-01-01' })).toBeNull();
  });

  it('within the notice period, soonest first; not before it, not once expired, not when revoked or 长期有效', () => {
    const licences = [
      food,
      { id: 'l2', name: '营业执照', issuedOn: '2020-01-01', validUntil: '2026-12-08' },
      { id: 'l3', name: '烟草专卖零售许可证', issuedOn: '2020-01-01', validUntil: '2027-03-01' },
      { id: 'l4', name: '旧证', issuedOn: '2020-01-01', validUntil: '2026-12-06' },
      { id: 'l5', name: '已注销', issuedOn: '2020-01-01', validUntil: '2026-12-10', revoked: true },
      { id: 'l6', name: '身份证', issuedOn: '2020-01-01', validUntil: null },
    ];
    expect(licenceReminders(licences, '2026-12-07', 30)).toEqual([
      { licenceId: 'l2', name: '营业执照', expiresOn: '2026-12-08', daysLeft: 1 },
      { licenceId: 'l1', name: '食品经营许可证', expiresOn: '2026-12-19', daysLeft: 12 },
    ]);
  });
});
