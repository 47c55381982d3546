import { useCallback, useRef, useState } from 'react';

export interface AsyncAction<A extends unknown[], R> {
  /** Runs the action; resolves to its result, or undefined when it failed or a later run replaced it. */
  run: (...args: A) => Promise<R | undefined>;
  busy: boolean;
  /** The last run's result, until the next run starts. */
  result: R | null;
  /** What the last run threw (null when it did not). */
  error: unknown;
  reset(): void;
}

/**
 * One asynchronous action of a panel: busy while it runs, then its result or its error. Only the
 * latest run may set them, so a slow earlier run cannot overwrite what a later one showed.
 */
export function useAsyncAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
): AsyncAction<A, R> {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);
  const current = useRef(action);
  current.current = action;

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    const id = ++latest.current;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await current.current(...args);
      if (latest.current !== id) return undefined;
      setResult(r);
      return r;
    } catch (e) {
      if (latest.current === id) setError(e);
      return undefined;
    } finally {
      if (latest.current === id) setBusy(false);
    }
  }, []);

  const reset = useCallback(() => {
    latest.current += 1;
    setBusy(false);
    setResult(null);
    setError(null);
  }, []);

  return { run, busy, result, error, reset };
}
