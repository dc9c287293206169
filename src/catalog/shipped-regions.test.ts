import { describe, expect, it } from 'vitest';
import { plan } from '../core/planning/plan.ts';
import type { Plan } from '../core/planning/types.ts';
import { loadCatalogue } from './load.ts';

const { catalogue, defects } = loadCatalogue();
const restaurant = {
  servesColdDishes: false, servesFreshDrinks: false, servesRawSeafood: false, hasSignboard: false,
  largeVenue: false, staffNeedHealthCheck: false, sellsTobacco: false,
};

function restaurantIn(region?: string): Plan {
  const r = plan(catalogue, 'restaurant-opening', { answers: restaurant, ...(region ? { region } : {}) });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.plan;
}
const licence = (p: Plan) => p.items.find((i) => i.id === 'sj-food-business-licence');

describe('the shipped jurisdictions (C4.2, C6.1)', () => {
  it('ships a province, two cities and two counties under 示例市, every department in one of them', () => {
    expect(defects).toEqual([]);
    const levels = [...catalogue.regions.values()].map((r) => `${r.name}:${r.level}:${r.parent ?? ''}`).sort();
    expect(levels).toEqual(['示例二市:city:990000', '示例区:county:990100', '示例县:county:990100', '示例市:city:990000', '示例省:province:']);
    for (const d of catalogue.departments.values()) expect(catalogue.regions.get(d.region)?.level, d.code).toBe(d.level);
  });

  it('handles the food licence differently in the two counties: department, window and promised limit', () => {
    const district = licence(restaurantIn('990102'));
    const county = licence(restaurantIn('990121'));
    expect(district).toMatchObject({ department: { code: 'sj', name: '示例市市场监督管理局' }, region: { name: '示例市', level: 'city' }, timeLimit: { promised: 5 } });
    expect(county).toMatchObject({ department: { code: 'sj-xx', name: '示例市示例县市场监督管理局' }, region: { name: '示例县', level: 'county' }, timeLimit: { promised: 4 } });
    expect(district?.windows?.[0]?.name).toContain('示例区政务服务中心');
    expect(county?.windows?.[0]?.name).toContain('示例县政务服务中心');
  });

  it('combines a county item and a city item in one plan, and counts the county’s limit', () => {
    const p = restaurantIn('990121');
    expect(licence(p)).toMatchObject({ region: { level: 'county' } });
    expect(p.items.find((i) => i.id === 'sj-business-licence-verification')).toMatchObject({ department: { code: 'sj' }, region: { level: 'city' } });
    expect(p.timeLimit.workingDays).toBe(4);
    expect(restaurantIn().timeLimit.workingDays).toBe(5);
  });

  it('falls back to the city default in a city with no implementation of its own', () => {
    expect(licence(restaurantIn('990200'))).toMatchObject({ department: { code: 'sj' }, timeLimit: { promised: 5 } });
    expect(licence(restaurantIn())).toEqual(licence(restaurantIn('990200')));
  });
});
