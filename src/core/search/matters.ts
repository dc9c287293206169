/** The search index of a catalogue's key matters: names, summaries, life stages, items and departments. */
import type { Catalogue } from '../catalog/model.ts';
import { LIFE_STAGES } from '../catalog/types.ts';
import { buildIndex, type SearchIndex } from './search.ts';

export function matterIndex(catalogue: Catalogue): SearchIndex {
  return buildIndex([...catalogue.matters.values()].map((m) => ({
    id: m.id,
    fields: [
      { text: m.name, weight: 10 },
      { text: LIFE_STAGES[m.lifeStage], weight: 4 },
      { text: m.entries.map((e) => e.def.name).join('，'), weight: 2 },
      { text: m.guide.summary, weight: 1 },
      { text: [m.lead, ...m.partners].map((d) => catalogue.departments.get(d)?.name ?? d).join('，'), weight: 1 },
    ],
  })));
}
