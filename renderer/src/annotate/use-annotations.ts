/**
 * A document's annotations from the core (`annotations:get`), reloaded whenever the project changes:
 * the core's `changed` events (this window's edits, undo and redo, another window, the CLI) and this
 * window's own writes all move the change counter. Reloads that pile up are coalesced into one, and
 * an answer that arrives after a newer request started is dropped.
 *
 * `onData` sees each answer first, synchronously (the text's highlights are drawn from it before
 * anything else); the state update that rebuilds the panel follows as a transition, so the text
 * is painted first and the panel catches up. `patch` applies a write's result at once (the reload
 * that follows confirms it), so the panel does not wait for a round trip after each mark.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentAnnotations } from '../../../shared/annotation-schemas.ts';
import type { ErrorInfo } from '../../../shared/result.ts';
import { useClient } from '../client/context.tsx';
import { useChanges } from '../hooks/changes.tsx';

const COALESCE_MS = 30;

export interface AnnotationsState {
  data: DocumentAnnotations | null;
  error: ErrorInfo | null;
  reload(): void;
  patch(update: (data: DocumentAnnotations) => DocumentAnnotations): void;
}

export function useAnnotations(documentId: string, onData?: (data: DocumentAnnotations) => void): AnnotationsState {
  const client = useClient();
  const { version } = useChanges();
  const [data, setData] = useState<DocumentAnnotations | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const sequence = useRef(0);
  const first = useRef(true);
  const latestOnData = useRef(onData);
  useEffect(() => {
    latestOnData.current = onData;
  });

  useEffect(() => {
    const mine = ++sequence.current;
    const load = () =>
      void client.call('annotations:get', { documentId }).then((result) => {
        if (mine !== sequence.current) return;
        if (result.ok) {
          markLoaded(result.value.spans.length);
          latestOnData.current?.(result.value);
          startTransition(() => {
            setData(result.value);
            setError(null);
          });
        } else setError(result.error);
      });
    if (first.current) {
      first.current = false;
      load();
      return;
    }
    const timer = setTimeout(load, COALESCE_MS);
    return () => clearTimeout(timer);
  }, [client, documentId, version, reloadKey]);

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  const patch = useCallback((update: (d: DocumentAnnotations) => DocumentAnnotations) => {
    startTransition(() => setData((d) => (d ? update(d) : d)));
  }, []);
  return { data, error, reload, patch };
}

/** For the render bench: when spans arrived, before anything is drawn. */
function markLoaded(spans: number): void {
  try {
    performance.mark('claimdesk.annotations.loaded', { detail: { spans } });
  } catch {
    // performance.mark with options is missing in some test environments.
  }
}
