import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Defect } from '../core/catalog/types.ts';
import { fixtureDocuments } from '../core/testing/fixture.ts';
import { statutoryHolidayDates } from '../core/calendar/statutory.ts';
import { DEFAULT_CATALOGUE_DIR, loadCatalogue, readCatalogueDocuments } from './load.ts';
import { writeCatalogueDirectory } from './write-fixture.ts';

const dirs: string[] = [];
function fixtureDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-catalog-'));
  dirs.push(dir);
  const catalog = path.join(dir, 'catalog');
  writeCatalogueDirectory(fixtureDocuments(), catalog);
  return catalog;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('loading the catalogue directory', () => {
  it('loads a sound directory with the package holiday calendar', () => {
    const r = loadCatalogue(fixtureDir());
    expect(r.defects).toEqual([]);
    expect(r.catalogue.matters.has('demo')).toBe(true);
    expect(r.catalogue.calendar.knows(2025)).toBe(true);
    expect(r.catalogue.calendar.isWorkingDay('2025-10-01')).toBe(false);
  });

  it('reports YAML syntax errors with the line, alongside every other defect', () => {
    const dir = fixtureDir();
    fs.writeFileSync(path.join(dir, 'departments/dc.yaml'), 'code: dc\nname: [丙部门\nlevel: city\n');
    fs.writeFileSync(path.join(dir, 'items/notes.txt'), 'x');
    fs.mkdirSync(path.join(dir, 'widgets'));
    const r = loadCatalogue(dir);
    const files = r.defects.map((d) => d.file);
    expect(files).toContain('catalog/items/notes.txt');
    expect(files).toContain('catalog/widgets');
    const syntax = r.defects.find((d) => d.file === 'catalog/departments/dc.yaml');
    expect(syntax?.message).toMatch(/^YAML 语法错误/);
    expect(syntax?.path).toMatch(/^第 \d+ 行第 \d+ 列$/);
    expect(r.defects.some((d) => d.message === '部门「dc」不存在')).toBe(true);
    expect(r.catalogue.matters.has('demo')).toBe(false);
  });

  it('names the documents after the directory, or catalog/<folder>/<file> for the server whatever the directory is called', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-catalog-'));
    dirs.push(dir);
    const renamed = path.join(dir, 'my-catalogue');
    fs.cpSync(DEFAULT_CATALOGUE_DIR, renamed, { recursive: true });
    fs.writeFileSync(path.join(renamed, 'stray.txt'), 'x');
    const defects: Defect[] = [];
    expect(readCatalogueDocuments(renamed, []).every((d) => d.file.startsWith('my-catalogue/'))).toBe(true);
    const documents = readCatalogueDocuments(renamed, defects, 'catalog');
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.every((d) => /^catalog\/[a-z]+\/[^/]+\.ya?ml$/.test(d.file))).toBe(true);
    expect(documents).toEqual(readCatalogueDocuments(DEFAULT_CATALOGUE_DIR, [], 'catalog'));
    expect(defects).toEqual([{ file: 'catalog/stray.txt', path: '(根)', message: expect.stringContaining('子文件夹') }]);
  });

  it('uses a calendar override file for a year the package does not know', () => {
    const dir = fixtureDir();
    fs.mkdirSync(path.join(dir, 'calendar'));
    const holidays = statutoryHolidayDates(2099).map((d) => `"${d.date}"`).join(', ');
    fs.writeFileSync(path.join(dir, 'calendar/2099.yaml'), `year: 2099\nholidays: [${holidays}]\nworkdays: ["2099-01-03"]\nassumptions: [测试]\n`);
    const r = loadCatalogue(dir);
    expect(r.defects).toEqual([]);
    expect(r.catalogue.calendar.provisional(2099)).toBe(false);
    expect(r.catalogue.calendar.isWorkingDay('2099-01-01')).toBe(false);
    expect(r.catalogue.calendar.isWorkingDay('2099-01-03')).toBe(true);
  });
  it('refuses a calendar file that leaves out a fixed statutory holiday, naming it', () => {
    const dir = fixtureDir();
    fs.mkdirSync(path.join(dir, 'calendar'));
    const holidays = statutoryHolidayDates(2099).filter((d) => d.name !== '国庆节').map((d) => `"${d.date}"`).join(', ');
    fs.writeFileSync(path.join(dir, 'calendar/2099.yaml'), `year: 2099\nholidays: [${holidays}]\nworkdays: []\nassumptions: [测试]\n`);
    expect(loadCatalogue(dir).defects).toEqual([
      { file: 'catalog/calendar/2099.yaml', path: 'holidays', message: expect.stringContaining('缺少法定节假日「国庆节」：2099-10-01、2099-10-02、2099-10-03') },
    ]);
  });
});
