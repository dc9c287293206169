import { describe, expect, it } from 'vitest';
import type { Region } from '../catalog/types.ts';
import { rollUp } from './regions.ts';

const region = (code: string, name: string, level: Region['level'], parent?: string): [string, Region] => [code, { code, name, level, ...(parent ? { parent } : {}) } as Region];
const TREE = new Map([
  region('990000', '示例省', 'province'), region('990100', '示例市', 'city', '990000'), region('990102', '示例区', 'county', '990100'),
  region('990121', '示例县', 'county', '990100'), region('990200', '示例二市', 'city', '990000'),
]);

describe('figures per region, rolled up', () => {
  it('gives a city its counties’ sums and the province its cities’, parents first', () => {
    const figures = rollUp(TREE, new Map([['990102', { cases: 3, accepted: 2 }], ['990121', { cases: 1, accepted: 1 }], ['990100', { cases: 2, accepted: 0 }], ['990200', { cases: 4, accepted: 3 }], ['880000', { cases: 9, accepted: 9 }]]));
    const by = Object.fromEntries(figures.map((f) => [f.name, f]));
    expect(by['示例区']?.total).toEqual({ cases: 3, accepted: 2 });
    expect(by['示例市']).toMatchObject({ own: { cases: 2, accepted: 0 }, total: { cases: 6, accepted: 3 } });
    expect(by['示例省']).toMatchObject({ own: { cases: 0, accepted: 0 }, total: { cases: 10, accepted: 6 }, fullName: '示例省' });
    expect(by['示例县']?.fullName).toBe('示例省示例市示例县');
    expect(figures.map((f) => f.name)).toEqual(['示例省', '示例市', '示例区', '示例县', '示例二市']);
  });
});
