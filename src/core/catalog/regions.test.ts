import { describe, expect, it } from 'vitest';
import { fixtureDocuments } from '../testing/fixture.ts';
import { checkCatalogue } from './check.ts';
import { regionChain, regionSubtree } from './regions.ts';
import { regionalDocuments, regionalWith } from './regions.fixture.ts';
import type { CatalogueDocument, Defect } from './types.ts';

const ITEM_B = 'catalog/items/b-reg.yaml';
type Data = Record<string, unknown>;
const implsOf = (d: Data) => d.implementations as Data[];

function defectsIn(docs: CatalogueDocument[], file: string): Pick<Defect, 'path' | 'message'>[] {
  return checkCatalogue(docs).defects.filter((d) => d.file === file).map(({ path, message }) => ({ path, message }));
}

describe('regions in the catalogue', () => {
  it('accepts the regional fixture and indexes its regions', () => {
    const { catalogue, defects } = checkCatalogue(regionalDocuments());
    expect(defects).toEqual([]);
    expect(regionChain(catalogue.regions, '990102001').map((r) => r.name)).toEqual(['示例街道', '示例区', '示例市', '示例省']);
    expect(catalogue.items.get('b-reg')?.nationalCode).toEqual({ main: '000123', sub: '000123001' });
  });

  it('names an unknown parent, a level not below the parent, and a code outside the parent', () => {
    const orphan = regionalWith('catalog/regions/990121.yaml', (d) => { d.parent = '990300'; });
    expect(defectsIn(orphan, 'catalog/regions/990121.yaml')).toEqual([{ path: 'parent', message: '上级行政区划「990300」不存在' }]);
    const upside = regionalWith('catalog/regions/990200.yaml', (d) => { d.parent = '990102'; });
    expect(defectsIn(upside, 'catalog/regions/990200.yaml')).toEqual([
      { path: 'level', message: '市级行政区划不能隶属于县级的「示例区」：层级应低于上级' },
    ]);
    const stray = regionalWith('catalog/regions/990121.yaml', (d) => { d.parent = '990200'; });
    expect(defectsIn(stray, 'catalog/regions/990121.yaml')).toEqual([
      { path: 'code', message: '代码「990121」与上级「示例二市」（990200）的代码前缀不一致（GB/T 2260）' },
    ]);
    const shortTown = regionalWith('catalog/regions/990102001.yaml', (d) => { d.level = 'county'; });
    expect(defectsIn(shortTown, 'catalog/regions/990102001.yaml').map((d) => d.path)).toEqual(['code', 'level']);
  });

  it('checks a region file’s shape and name', () => {
    const docs = regionalWith('catalog/regions/990121.yaml', (d) => { d.level = 'village'; d.code = 990121; });
    expect(defectsIn(docs, 'catalog/regions/990121.yaml').map((d) => d.path)).toEqual(['code', 'level']);
    const misnamed = regionalWith('catalog/regions/990121.yaml', (d) => { d.code = '990122'; });
    expect(defectsIn(misnamed, 'catalog/regions/990121.yaml')).toEqual([{ path: 'code', message: '文件名应与 code 一致：应为 990122.yaml' }]);
  });

  it('puts every department in a known region at the region’s level, once regions are declared', () => {
    const unknown = regionalWith('catalog/departments/db.yaml', (d) => { d.region = '990199'; });
    expect(defectsIn(unknown, 'catalog/departments/db.yaml')).toEqual([{ path: 'region', message: '所属行政区划「990199」不存在' }]);
    const level = regionalWith('catalog/departments/db-xz.yaml', (d) => { d.level = 'city'; });
    expect(defectsIn(level, 'catalog/departments/db-xz.yaml')).toEqual([{ path: 'level', message: '部门层级应与所属行政区划「示例区」一致：县级' }]);
    // A catalogue without any region file serves one jurisdiction: its department codes are not checked.
    expect(checkCatalogue(fixtureDocuments()).defects).toEqual([]);
  });

  it('checks each implementation: its region, its department’s jurisdiction and level, its time limit', () => {
    const docs = regionalWith(ITEM_B, (d) => {
      implsOf(d).push(
        { region: '990300' },
        { region: '990121', department: 'db-xz' },
        { region: '990200', department: 'dz' },
        { region: '990000', timeLimit: { promised: 11 } },
      );
      d.levels = ['county'];
    });
    expect(defectsIn(docs, ITEM_B)).toEqual([
      { path: 'implementations[1].department', message: '本事项只在县级实施，「乙部门」为市级部门' },
      { path: 'implementations[2].region', message: '行政区划「990300」不存在' },
      { path: 'implementations[3].department', message: '「示例区乙分局」不管辖「示例县」：实施部门应属于该行政区划或其上级' },
      { path: 'implementations[4].department', message: '部门「dz」不存在' },
      { path: 'implementations[5].department', message: '「乙部门」不管辖「示例省」：实施部门应属于该行政区划或其上级' },
      { path: 'implementations[5].department', message: '本事项只在县级实施，「乙部门」为市级部门' },
      { path: 'implementations[5].timeLimit.promised', message: '承诺时限（11）不能长于法定时限（10）' },
    ]);
  });

  it('refuses two implementations for one region and a malformed national code', () => {
    const docs = regionalWith(ITEM_B, (d) => {
      implsOf(d).push({ region: '990102' });
      d.nationalCode = { main: '00-12' };
    });
    expect(defectsIn(docs, ITEM_B).map((d) => d.path)).toEqual(['nationalCode.main', 'implementations[2]']);
  });

  it('needs regions for an item that has implementations', () => {
    const docs = regionalDocuments().filter((d) => d.kind !== 'region');
    expect(checkCatalogue(docs).defects.map((d) => [d.file, d.path])).toEqual(expect.arrayContaining([
      ['catalog/departments/da.yaml', 'region'],
      [ITEM_B, 'implementations[0].region'],
    ]));
  });
});

describe('a region with the regions below it', () => {
  const { catalogue } = checkCatalogue(regionalDocuments());
  it('is what a city’s staff see: the city, its counties and their townships, not the other city', () => {
    expect(regionSubtree(catalogue.regions, '990100').sort()).toEqual(['990100', '990102', '990102001', '990121']);
    expect(regionSubtree(catalogue.regions, '990121')).toEqual(['990121']);
    expect(regionSubtree(catalogue.regions, '990000')).toHaveLength(6);
  });
});
