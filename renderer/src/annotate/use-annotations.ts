/**
 * A document's annotations and the panel built from them. Loaded whole (`annotations:get`) when the
 * document opens and when something this window did not do changes the project; this window's own
 * writes are applied to what it holds (local-edits.ts) and never reload the ten thousand spans.
 *
 * Telling the two apart: the core announces every write with a `changed` event ("annotations",
 * then "history"), to every window, this one included, and the event does not say who wrote. So
 * each write this window sends expects one echo: an "annotations" event that arrives while an echo
 * is expected is taken as ours and ignored; any other is someone else's (another window, the CLI)
 * and reloads. Undo and redo announce "documents", and reload too. A "history" event on its own
 * (not right after another event) reloads as well. An expected echo that never comes expires.
 *
 * `onData` sees each loaded answer first, synchronously (the text's highlights are drawn from it
 * before anything else); the panel follows as a transition. Local edits reach the panel after the
 * next frame is painted (`afterPaint`), so the text shows the change first and the panel's rows,
 * however few, never hold up that frame.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentAnnotations } from '../../../shared/annotation-schemas.ts';
import type { ErrorInfo } from '../../../shared/result.ts';
import { useClient } from '../client/context.tsx';
import { applyWrite, type Applied, type AnnotationState, type WriteAnswer } from './local-edits.ts';
import { buildPanel } from './model.ts';

const COALESCE_MS = 30;
const ECHO_EXPIRES_MS = 5000;
/** The core sends "history" straight after the event it pairs with. */
const PAIRED_MS = 50;

export interface AnnotationsState {
  state: AnnotationState | null;
  error: ErrorInfo | null;
  reload(): void;
  /** Before a write is sent: its echo is expected. */
  writing(): void;
  /** After a write failed: no echo will come. */
  failed(): void;
  /** A write's answer: applied here (and a reload asked for if the core changed more). */
  apply(answer: WriteAnswer): Applied | null;
  /** What this window holds now (ahead of `state` while the panel catches up). */
  latest(): AnnotationState | null;
}

export function useAnnotations(documentId: string, onData?: (data: DocumentAnnotations) => void): AnnotationsState {
  const client = useClient();
  const [state, setState] = useState<AnnotationState | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const current = useRef<AnnotationState | null>(null);
  const echoes = useRef<number[]>([]);
  const inFlight = useRef(0);
  const epoch = useRef(0);
  const lastEvent = useRef(0);
  const latestOnData = useRef(onData);
  useEffect(() => {
    latestOnData.current = onData;
  });

  // The loader: one request at a time, coalesced; an answer that a write may have overtaken is asked again.
  const loader = useRef<{ timer: ReturnType<typeof setTimeout> | null; sequence: number }>({ timer: null, sequence: 0 });
  const load = useCallback(() => {
    const mine = ++loader.current.sequence;
    const asked = epoch.current;
    void client.call('annotations:get', { documentId }).then((result) => {
      if (mine !== loader.current.sequence) return;
      if (!result.ok) return setError(result.error);
      if (asked !== epoch.current || inFlight.current > 0) {
        // A write was sent or answered meanwhile: this answer may not have it.
        loader.current.timer = setTimeout(load, COALESCE_MS);
        return;
      }
      markLoaded(result.value.spans.length);
      latestOnData.current?.(result.value);
      // The panel (10,000 rows sorted and grouped) is built after the highlights are on screen.
      const arrived = epoch.current;
      afterPaint(() => {
        if (mine !== loader.current.sequence) return;
        if (arrived !== epoch.current) return void (loader.current.timer = setTimeout(load, COALESCE_MS));
        const next = { data: result.value, model: buildPanel(result.value) };
        current.current = next;
        startTransition(() => {
          setState(next);
          setError(null);
        });
      });
    });
  }, [client, documentId]);

  const reload = useCallback(() => {
    if (loader.current.timer) clearTimeout(loader.current.timer);
    loader.current.timer = setTimeout(load, COALESCE_MS);
  }, [load]);

  useEffect(() => {
    current.current = null;
    echoes.current = [];
    load();
    const l = loader.current;
    return () => {
      l.sequence++;
      if (l.timer) clearTimeout(l.timer);
    };
  }, [load]);

  useEffect(
    () =>
      client.on('changed', ({ what }) => {
        const now = Date.now();
        if (what === 'history') {
          if (now - lastEvent.current > PAIRED_MS) reload();
          return;
        }
        lastEvent.current = now;
        if (what === 'annotations') {
          echoes.current = echoes.current.filter((until) => until > now);
          if (echoes.current.length > 0) {
            echoes.current.shift();
            return;
          }
        }
        reload();
      }),
    [client, reload],
  );

  const writing = useCallback(() => {
    echoes.current.push(Date.now() + ECHO_EXPIRES_MS);
    inFlight.current++;
    epoch.current++;
  }, []);

  const failed = useCallback(() => {
    echoes.current.pop();
    inFlight.current = Math.max(0, inFlight.current - 1);
    epoch.current++;
  }, []);

  const apply = useCallback(
    (answer: WriteAnswer): Applied | null => {
      inFlight.current = Math.max(0, inFlight.current - 1);
      epoch.current++;
      const now = current.current;
      const applied = now ? applyWrite(now, answer) : null;
      if (!applied) {
        reload();
        return null;
      }
      if (applied.state !== now) {
        current.current = applied.state;
        afterPaint(() => startTransition(() => setState(current.current)));
      }
      if (applied.reload) reload();
      return applied;
    },
    [reload],
  );

  const latest = useCallback(() => current.current, []);
  return { state, error, reload, writing, failed, apply, latest };
}

/** Runs `fn` once the next frame has been painted (at once where there are no frames). */
export function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.visibilityState === 'hidden') {
    setTimeout(fn, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/** For the render bench: when spans arrived, before anything is drawn. */
function markLoaded(spans: number): void {
  try {
    performance.mark('claimdesk.annotations.loaded', { detail: { spans } });
  } catch {
    // performance.mark with options is missing in some test environments.
  }
}
