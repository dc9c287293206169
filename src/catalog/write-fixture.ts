/** Writes catalogue documents out as a catalogue directory of YAML files (for tests and exports). */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { CatalogueDocument } from '../core/catalog/types.ts';

export function writeCatalogueDirectory(docs: readonly CatalogueDocument[], dir: string): void {
  for (const doc of docs) {
    const rel = doc.file.replace(/^catalog\//, '');
    const target = path.join(dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, stringify(doc.data));
  }
}
