/** Reads the catalogue directory (YAML files) into documents and checks them. */
import fs from 'node:fs';
import path from 'node:path';
import { checkCatalogue, type CheckResult } from '../core/catalog/check.ts';
import type { CatalogueDocument, Defect, DocumentKind } from '../core/catalog/types.ts';
import { loadPackageCalendarYears } from './holidays.ts';
import { LIFE_EVENTS_FOLDER, loadLifeEvents } from './life-events.ts';
import { loadPolicies, POLICIES_FOLDER } from './policies.ts';
import { loadSearchHints, SEARCH_FOLDER } from './search.ts';
import { parseYaml } from './yaml.ts';

export { parseYaml };

/** The catalogue's folders and the kind of document each holds. */
export const KIND_BY_FOLDER: Readonly<Record<string, DocumentKind>> = {
  regions: 'region',
  departments: 'department',
  fields: 'fields',
  licenses: 'license',
  items: 'item',
  matters: 'matter',
  calendar: 'calendar',
};

export const DEFAULT_CATALOGUE_DIR = path.resolve(import.meta.dirname, '../../catalog');

export interface LoadResult extends CheckResult {
  documents: CatalogueDocument[];
}

/**
 * Reads the directory's YAML documents, naming each `<label>/<folder>/<file>`: by default after the
 * directory itself (so that `onething catalog check some/dir` points at the files as they lie); the
 * server passes `catalog`, the name its stored versions, drafts and exports use wherever
 * ONETHING_CATALOG_DIR points.
 */
export function readCatalogueDocuments(dir: string, defects: Defect[], label = path.basename(dir)): CatalogueDocument[] {
  if (!fs.existsSync(dir)) {
    defects.push({ file: dir, path: '(根)', message: '目录不存在' });
    return [];
  }
  const docs: CatalogueDocument[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = `${label}/${entry.name}`;
    if (!entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'README.md') defects.push({ file: rel, path: '(根)', message: '目录顶层只应有子文件夹（regions、departments、fields、licenses、items、matters、calendar、search、life-events、policies）' });
      continue;
    }
    // The search vocabulary is read beside the documents (loadSearchHints): it is no version's document.
    if (entry.name === SEARCH_FOLDER || entry.name === LIFE_EVENTS_FOLDER || entry.name === POLICIES_FOLDER) continue;
    const kind = KIND_BY_FOLDER[entry.name];
    if (!kind) {
      defects.push({ file: rel, path: '(根)', message: `未知的目录「${entry.name}」` });
      continue;
    }
    for (const name of fs.readdirSync(path.join(dir, entry.name)).sort()) {
      const file = `${rel}/${name}`;
      if (name.startsWith('.') || name === 'README.md') continue;
      if (!/\.ya?ml$/.test(name)) {
        defects.push({ file, path: '(根)', message: '只接受 .yaml 文件' });
        continue;
      }
      const data = parseYaml(file, fs.readFileSync(path.join(dir, entry.name, name), 'utf8'), defects);
      if (data !== undefined) docs.push({ file, kind, data });
    }
  }
  return docs;
}

/**
 * The documents checked together, then the search vocabulary against the catalogue they make: only
 * once that is sound, since a matter left out by a defect would make every phrase about it one more.
 */
export function loadCatalogue(dir: string = DEFAULT_CATALOGUE_DIR): LoadResult {
  const readDefects: Defect[] = [];
  const documents = readCatalogueDocuments(dir, readDefects);
  const result = checkCatalogue(documents, loadPackageCalendarYears());
  const sound = readDefects.length + result.defects.length === 0;
  const search = sound ? loadSearchHints(result.catalogue, path.join(dir, SEARCH_FOLDER), `${path.basename(dir)}/${SEARCH_FOLDER}`).defects : [];
  const lifeEvents = sound ? loadLifeEvents(result.catalogue, path.join(dir, LIFE_EVENTS_FOLDER), `${path.basename(dir)}/${LIFE_EVENTS_FOLDER}`).defects : [];
  const policies = sound ? loadPolicies(result.catalogue, path.join(dir, POLICIES_FOLDER), `${path.basename(dir)}/${POLICIES_FOLDER}`).defects : [];
  return { ...result, defects: [...readDefects, ...result.defects, ...search, ...lifeEvents, ...policies], documents };
}
