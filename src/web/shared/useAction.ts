/** Busy and error state for one user action (a dialog's OK, a form's submit), shared so every page handles them alike. */
import { useState } from 'react';
import { errorText } from './api.ts';

export interface Action {
  busy: boolean;
  error: string | null;
  /** For the caller's own checks before running, and for clearing the text when the input changes. */
  setError(text: string | null): void;
  /** Runs the action with the error cleared and busy set; resolves true if it succeeded, else shows why and resolves false. */
  run(action: () => Promise<unknown>): Promise<boolean>;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
