/**
 * The unit-test fixture with jurisdictions: a province, two cities, two counties and a township under
 * the first city, a county department, and the fixture item 乙登记 implemented differently by region.
 */
import { fixtureDocuments } from '../testing/fixture.ts';
import type { CatalogueDocument } from './types.ts';

const region = (code: string, name: string, level: string, parent?: string): CatalogueDocument => ({
  file: `catalog/regions/${code}.yaml`, kind: 'region', data: { code, name, level, ...(parent ? { parent } : {}) },
});

export const COUNTY_WINDOW = { name: '示例区政务服务中心 乙窗口', address: '示例区路 2 号', phone: '12345', hours: '工作日 9:00-17:00' };
export const CITY_DESK = { name: '示例市政务服务中心 乙登记专窗', address: '示例市路 3 号', phone: '12345', hours: '工作日 9:00-17:00' };

export function regionalDocuments(): CatalogueDocument[] {
  const docs = fixtureDocuments();
  const itemB = docs.find((d) => d.file === 'catalog/items/b-reg.yaml') as CatalogueDocument;
  Object.assign(itemB.data as Record<string, unknown>, {
    nationalCode: { main: '000123', sub: '000123001' },
    implementations: [
      { region: '990102', department: 'db-xz', timeLimit: { promised: 1 }, fees: { free: false, note: '工本费 10 元' } },
      { region: '990100', windows: [CITY_DESK], timeLimit: { promised: 2 } },
    ],
  });
  return [
    region('990000', '示例省', 'province'),
    region('990100', '示例市', 'city', '990000'),
    region('990200', '示例二市', 'city', '990000'),
    region('990102', '示例区', 'county', '990100'),
    region('990121', '示例县', 'county', '990100'),
    region('990102001', '示例街道', 'township', '990102'),
    {
      file: 'catalog/departments/db-xz.yaml', kind: 'department',
      data: { code: 'db-xz', name: '示例区乙分局', level: 'county', region: '990102', window: COUNTY_WINDOW },
    },
    ...docs,
  ];
}

/** A deep copy of the regional fixture with one document changed by `edit`. */
export function regionalWith(file: string, edit: (data: Record<string, unknown>) => void): CatalogueDocument[] {
  const docs = regionalDocuments();
  const doc = docs.find((d) => d.file === file);
  if (!doc) throw new Error(`no fixture document ${file}`);
  edit(doc.data as Record<string, unknown>);
  return docs;
}
