/**
 * What changed in the project, for the views that show it. The core's `changed` event (from this
 * window, another window, or another process such as the CLI) says what changed ("documents",
 * "annotations", "history", "project"), and so do this window's own writes (`bump`), so a list
 * refreshes even if an event is lost.
 *
 * Narrow on purpose: a view subscribes to the kinds of change it shows (`useChangeVersion`), and a
 * component that only reports changes (`useBump`) subscribes to none. Once, every change re-rendered
 * every consumer, the app shell among them, and one annotation added refetched the document's text,
 * the project, and the hidden Library's lists while the text was being drawn.
 *
 * Each write arrives up to three times (the write's own bump, then the core's echo and its "history"
 * event): changes are gathered for a moment and handed out once, as a transition, so a refresh
 * yields to drawing and typing. Nothing is lost: a subscriber compares counters, not events, and
 * catches up on subscribing with what changed since it rendered.
 */
import { createContext, startTransition, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { EventPayload } from '../../../shared/contract.ts';
import { useClient } from '../client/context.tsx';

export type ChangeKind = EventPayload<'changed'>['what'];

const ALL: readonly ChangeKind[] = ['documents', 'annotations', 'history', 'project'];
/** How long changes are gathered before subscribers hear of them. */
const GATHER_MS = 30;

/** The counters behind the hooks: one per kind of change, and who listens. */
export class ChangeStore {
  private readonly counts: Record<ChangeKind, number> = { documents: 0, annotations: 0, history: 0, project: 0 };
  private readonly pending = new Set<ChangeKind>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** Notes a change (every kind when none is named); subscribers hear of it shortly, once. */
  readonly bump = (what?: ChangeKind | readonly ChangeKind[]): void => {
    const kinds = what === undefined ? ALL : typeof what === 'string' ? [what] : what;
    for (const k of kinds) this.pending.add(k);
    this.timer ??= setTimeout(this.flush, GATHER_MS);
  };

  /**
   * How many changes of these kinds have been handed out: grows whenever one of them changes.
   * "project" (the project as a whole changed) counts for every kind.
   */
  version(kinds: readonly ChangeKind[]): number {
    let sum = kinds.includes('project') ? 0 : this.counts.project;
    for (const k of kinds) sum += this.counts[k];
    return sum;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hands out what is pending at once (tests, and when the window goes away). */
  readonly flush = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    for (const k of this.pending) this.counts[k]++;
    this.pending.clear();
    for (const listener of [...this.listeners]) listener();
  };

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }
}

const ChangesContext = createContext<ChangeStore | null>(null);

export function ChangesProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const store = useMemo(() => new ChangeStore(), []);
  useEffect(() => client.on('changed', ({ what }) => store.bump(what)), [client, store]);
  useEffect(() => () => store.dispose(), [store]);
  // The store never changes: nothing under the provider re-renders because of it.
  return <ChangesContext value={store}>{children}</ChangesContext>;
}

function useStore(): ChangeStore {
  const store = useContext(ChangesContext);
  if (!store) throw new Error('changes used outside ChangesProvider');
  return store;
}

/** Reports a change this window made; subscribes to nothing (the caller never re-renders for it). */
export function useBump(): ChangeStore['bump'] {
  return useStore().bump;
}

/**
 * A number that grows when something of these kinds changes: put it in the dependencies of what
 * should be read again. Only this component re-renders, as a transition.
 */
export function useChangeVersion(...kinds: ChangeKind[]): number {
  const store = useStore();
  const key = kinds.join(',');
  const [version, setVersion] = useState(() => store.version(kinds));
  useEffect(() => {
    const wanted = key.split(',') as ChangeKind[];
    const sync = () => {
      const now = store.version(wanted);
      setVersion((v) => (v === now ? v : now));
    };
    // What changed between the render and this subscription is not lost.
    sync();
    return store.subscribe(() => startTransition(sync));
  }, [store, key]);
  return version;
}

/** Every kind of change, and `bump`: for views that show a bit of everything. Prefer the two above. */
export function useChanges(): { version: number; bump: ChangeStore['bump'] } {
  const version = useChangeVersion(...ALL);
  return { version, bump: useStore().bump };
}
