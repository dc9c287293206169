/** `catalog check`: shapes, cross-references, compilation and questionnaire coverage, every defect at once. */
import type { CalendarYear } from '../calendar/workdays.ts';
import { checkCoverage } from '../planning/coverage.ts';
import { compileCatalogue } from './compile.ts';
import { indexDocuments } from './index-docs.ts';
import type { Catalogue } from './model.ts';
import type { CatalogueDocument, Defect } from './types.ts';
import { validateItems } from './validate-items.ts';
import { validateMatters } from './validate-matters.ts';
import { validateRegions } from './validate-regions.ts';

export interface CheckResult {
  catalogue: Catalogue;
  defects: Defect[];
}

/** Every check but coverage: the catalogue holds each matter that compiles, even one whose questionnaire is unsound. */
export function buildCatalogue(docs: readonly CatalogueDocument[], packageYears: CalendarYear[] = []): CheckResult & { fileOf: (matterId: string) => string } {
  const defects: Defect[] = [];
  const report = (d: Defect) => defects.push(d);
  const index = indexDocuments(docs, report);
  validateRegions(index, report);
  validateItems(index, report);
  validateMatters(index, report);
  const catalogue = compileCatalogue(index, new Set(defects.map((d) => d.file)), packageYears);
  return { catalogue, defects, fileOf: (id) => index.matters.get(id)?.file ?? id };
}

/** Every check, coverage included; matters with any defect are left out of the catalogue. */
export function checkCatalogue(docs: readonly CatalogueDocument[], packageYears: CalendarYear[] = []): CheckResult {
  const { catalogue, defects, fileOf } = buildCatalogue(docs, packageYears);
  const unsound = new Set<string>();
  for (const matter of catalogue.matters.values()) {
    for (const f of checkCoverage(catalogue, matter)) {
      defects.push({ file: fileOf(matter.id), path: f.path, message: f.message });
      unsound.add(matter.id);
    }
  }
  defects.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const matters = new Map([...catalogue.matters].filter(([id]) => !unsound.has(id)));
  return { catalogue: { ...catalogue, matters }, defects };
}
