/** The published key matters (`/api/public/matters`), flat, with names by id: for choosing a matter and naming one. */
import type { MattersAnswer } from '../../contracts/catalogue.ts';
import { get } from './api.ts';
import { useLoad } from './useLoad.ts';

export type { MatterSummary } from '../../contracts/catalogue.ts';
/** `/api/public/matters`: the key matters by life stage. */
export type MatterStages = MattersAnswer;

/** `init` as for `get`: the admin console asks with `{ cache: 'no-cache' }`, to see a publication at once. */
export function useMatters(init?: RequestInit) {
  const q = useLoad(() => get<MatterStages>('/api/public/matters', init), []);
  const list = (q.data?.stages ?? []).flatMap((s) => s.matters.map((m) => ({ ...m, stage: s.name })));
  return { ...q, list, name: (id: string) => list.find((m) => m.id === id)?.name ?? id };
}

export type Matters = ReturnType<typeof useMatters>;
