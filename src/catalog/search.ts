/**
 * Reads the search vocabulary (`catalog/search/*.yaml`: synonyms, hints, cues) and checks it against
 * a catalogue (core/search/vocabulary.ts). It lies in the catalogue folder and `onething catalog check`
 * checks it, but it is read beside the versioned documents, not as one of them: these are colloquial
 * phrasings, the same for every version, and a hint about a matter a version lacks is left out of it.
 */
import path from 'node:path';
import type { Catalogue } from '../core/catalog/model.ts';
import type { Defect } from '../core/catalog/types.ts';
import type { SearchHints } from '../core/search/ask.ts';
import { checkSearchDocument } from '../core/search/vocabulary.ts';
import { forEachYamlFile } from './yaml.ts';

/** The catalogue's folder the vocabulary lies in. */
export const SEARCH_FOLDER = 'search';
export const DEFAULT_SEARCH_DIR = path.resolve(import.meta.dirname, '../../catalog', SEARCH_FOLDER);

export interface SearchHintsResult { hints: SearchHints; defects: Defect[] }

/** Reads and checks every YAML file of the directory; a missing directory gives an empty vocabulary. */
export function loadSearchHints(catalogue: Catalogue, dir: string = DEFAULT_SEARCH_DIR, label = `catalog/${SEARCH_FOLDER}`): SearchHintsResult {
  const hints: SearchHints = { synonyms: [], hints: [], cues: {} };
  const defects: Defect[] = [];
  forEachYamlFile(dir, label, defects, (data, file) => checkSearchDocument(data, file, catalogue, hints, defects));
  return { hints, defects };
}

/** The vocabulary that applies to one catalogue version: hints about matters it no longer has are left out. */
export function hintsFor(hints: SearchHints, catalogue: Catalogue): SearchHints {
  return { ...hints, hints: hints.hints.filter((h) => catalogue.matters.has(h.matter)) };
}
