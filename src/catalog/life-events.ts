/**
 * Reads the life-event graph (`catalog/life-events/*.yaml`) and checks it against a catalogue
 * (core/planning/life-events.ts). Like the search vocabulary it lies in the catalogue folder and
 * `onething catalog check` checks it, but it is read beside the versioned documents: an edge about a
 * matter a version lacks is left out of that version's recommendations.
 */
import path from 'node:path';
import type { Catalogue } from '../core/catalog/model.ts';
import type { Defect } from '../core/catalog/types.ts';
import { checkLifeEventsDocument, type LifeEventEdge } from '../core/planning/life-events.ts';
import { forEachYamlFile } from './yaml.ts';

export const LIFE_EVENTS_FOLDER = 'life-events';
export const DEFAULT_LIFE_EVENTS_DIR = path.resolve(import.meta.dirname, '../../catalog', LIFE_EVENTS_FOLDER);

export interface LifeEventsResult { edges: LifeEventEdge[]; defects: Defect[] }

/** Reads and checks every YAML file of the directory; a missing directory gives no edges. */
export function loadLifeEvents(catalogue: Catalogue, dir: string = DEFAULT_LIFE_EVENTS_DIR, label = `catalog/${LIFE_EVENTS_FOLDER}`): LifeEventsResult {
  const edges: LifeEventEdge[] = [];
  const defects: Defect[] = [];
  forEachYamlFile(dir, label, defects, (data, file) => checkLifeEventsDocument(data, file, catalogue, edges, defects));
  return { edges, defects };
}
