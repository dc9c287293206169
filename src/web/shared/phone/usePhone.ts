/** Whether the screen is phone-sized (under 768 px, antd's md), read synchronously so the first paint is right. */
import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

const snapshot = () => window.matchMedia(QUERY).matches;

export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
