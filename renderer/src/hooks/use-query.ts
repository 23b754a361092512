/**
 * Runs a contract call whenever its inputs change and keeps the latest answer. Answers that arrive
 * after a newer call started are dropped, so fast typing or quick refreshes never show stale data.
 * The previous data stays visible while a new call runs (no flicker on refresh).
 */
import { useEffect, useRef, useState } from 'react';
import type { ErrorInfo, Result } from '../../../shared/result.ts';

export interface QueryState<T> {
  data: T | null;
  error: ErrorInfo | null;
  loading: boolean;
}

export function useQuery<T>(run: (() => Promise<Result<T>>) | null, deps: readonly unknown[], delayMs = 0): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ data: null, error: null, loading: run !== null });
  const sequence = useRef(0);

  useEffect(() => {
    const mine = ++sequence.current;
    if (!run) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    const timer = setTimeout(() => {
      void run().then((result) => {
        if (mine !== sequence.current) return;
        setState(
          result.ok
            ? { data: result.value, error: null, loading: false }
            : { data: null, error: result.error, loading: false },
        );
      });
    }, delayMs);
    return () => clearTimeout(timer);
    // `run` is rebuilt each render; `deps` say when it really changed.
  }, deps);

  return state;
}
