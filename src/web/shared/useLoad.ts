/** Loads data for a page, with the error kept for a clear message. */
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { ApiError } from './api.ts';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  /** Loads again; resolves once the new data (or the error) is shown. An earlier load still under way is dropped. */
  reload(): Promise<void>;
  /** Replaces the data with what the server answered to an action (the case after a submit), without loading again. */
  set: Dispatch<SetStateAction<T | null>>;
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  /** The latest load: an answer to any other comes too late and is dropped. */
  const latest = useRef(0);
  /** The load of the latest render, so a reload reads what the page shows now. */
  const current = useRef(load);
  current.current = load;
  const reload = useCallback(() => {
    const n = ++latest.current;
    setLoading(true);
    const live = () => n === latest.current;
    return current.current().then((d) => {
      if (live()) {
        setData(d);
        setError(null);
      }
    }, (e: ApiError) => {
      if (live()) setError(e);
    }).finally(() => {
      if (live()) setLoading(false);
    });
  }, []);
  useEffect(() => {
    void reload();
    return () => {
      latest.current++;
    };
  }, deps);
  return { data, error, loading, reload, set: setData };
}
