/** Busy and error state for one user action (a dialog's OK, a form's submit), shared so every page handles them alike. */
import { message } from 'antd';
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

/**
 * For actions that report by a passing message: `busy` is the key of the one running (a row's id,
 * a material), so only its button spins. `run` shows the success text or the error, and resolves
 * whether it succeeded, for the caller to reload or move on.
 */
export function useToastAction<K extends string | number | boolean = boolean>() {
  const [msg, holder] = message.useMessage();
  const [busy, setBusy] = useState<K | null>(null);
  const run = async <T>(key: K, action: () => Promise<T>, done: string | ((result: T) => string)): Promise<boolean> => {
    setBusy(key);
    try {
      const result = await action();
      msg.success(typeof done === 'string' ? done : done(result));
      return true;
    } catch (e) {
      msg.error(errorText(e));
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, msg, holder, run };
}
