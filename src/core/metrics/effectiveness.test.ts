import { describe, expect, it } from 'vitest';
import type { Reductions } from '../planning/types.ts';
import { effectiveness, type CaseFacts } from './effectiveness.ts';

const reductions = (materialsAfter: number, daysAfter: number): Reductions => ({
  items: { before: 5, after: 1 }, forms: { before: 5, after: 1 }, fields: { before: 50, after: 20 },
  materials: { before: 12, after: materialsAfter }, trips: { before: 5, after: 1 }, workingDays: { before: 12, after: daysAfter },
});
const base: CaseFacts = { channel: 'online', assisted: false, reductions: reductions(2, 5), materials: [{ status: 'exempt' }, { status: 'required' }], workingDaysTaken: 4, ratings: [5], rectifications: { opened: 0, replied: 0 } };

describe('effectiveness over cases (clause 8.1)', () => {
  it('measures the five dimensions', () => {
    const e = effectiveness(['online', 'window'], [
      base,
      { ...base, channel: 'window', assisted: true, reductions: reductions(4, 7), workingDaysTaken: 6, ratings: [2], rectifications: { opened: 1, replied: 1 } },
      { ...base, workingDaysTaken: null, ratings: [] },
    ]);
    expect(e.cases).toBe(3);
    expect(e.channels).toEqual({ offered: ['online', 'window'], used: { online: 2, window: 1 }, onlineShare: 0.667 });
    expect(e.process).toEqual({ promisedBefore: 12, promisedAfter: 5.7, actualAverage: 5, actualMedian: 5, completed: 2 });
    expect(e.materials).toMatchObject({ before: 12, after: 2.7, fieldsBefore: 50, fieldsAfter: 20, exemptionRate: 0.5 });
    expect(e.cost).toEqual({ tripsBefore: 5, tripsAfter: 1, assisted: 1 });
    expect(e.satisfaction).toEqual({ ratings: 2, byLevel: { 5: 1, 4: 0, 3: 0, 2: 1, 1: 0 }, satisfactionRate: 0.5, rectificationRate: 1 });
  });

  it('says "no data" rather than zero when there are no cases', () => {
    const e = effectiveness(['online'], []);
    expect(e.process.actualAverage).toBeNull();
    expect(e.satisfaction.satisfactionRate).toBeNull();
    expect(e.channels.onlineShare).toBeNull();
  });
});
