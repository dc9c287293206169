/** Small hand-made plans and the 2025 National Day calendar, for the case tests. */
import { buildCalendar, type Calendar } from '../calendar/workdays.ts';
import type { PlannedItem } from '../planning/types.ts';

export function plannedItem(id: string, name: string, after: string[] = [], promised = 1): PlannedItem {
  return {
    id,
    name,
    department: { code: `dept-${id}`, name: `${name}部门` },
    why: 'required',
    optional: false,
    after,
    stage: 0,
    timeLimit: { promised, legal: promised },
    result: { kind: 'document', name: `${name}结果` },
  };
}

/** a → b → c, with d in parallel; a is named like the newborn matter's first item. */
export const chainPlan = {
  items: [
    plannedItem('a', '出生医学证明签发', [], 1),
    plannedItem('b', '出生登记', ['a'], 2),
    plannedItem('c', '社会保障卡申领', ['b'], 2),
    plannedItem('d', '预防接种证办理', [], 0),
  ],
};

const days = (from: number, to: number, month = '10') =>
  Array.from({ length: to - from + 1 }, (_, i) => `2025-${month}-${String(from + i).padStart(2, '0')}`);

/** 2025 as the State Council announced it: National Day and Mid-Autumn off 1–8 October, make-up workdays 28 September and 11 October. */
export const nationalDay2025: Calendar = buildCalendar([
  { year: 2025, holidays: days(1, 8), workdays: ['2025-09-28', '2025-10-11'], source: 'test: 国办发明电〔2024〕12号' },
]);
