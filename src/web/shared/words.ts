/**
 * Interface words outside a component (status names kept as plain maps, used by several pages): read in
 * the language chosen at the moment they are shown. Inside a component use `t` from usePrefs().
 */
import { activeLang, fill, messages, type MessageKey } from './messages/index.ts';

export const word = (key: MessageKey, params?: Record<string, string | number>): string => fill(messages[activeLang()][key], params);

/** A code → name map whose names are catalogue keys `${prefix}${code}`, read when shown. */
export function wordMap<K extends string>(codes: readonly K[], prefix: string): Record<K, string> {
  const map = {} as Record<K, string>;
  for (const code of codes) Object.defineProperty(map, code, { enumerable: true, get: () => word(`${prefix}${code}` as MessageKey) });
  return map;
}
