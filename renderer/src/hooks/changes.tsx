/**
 * A change counter that lists depend on. The core's `changed` event (from this window, another
 * window, or another process such as the CLI) bumps it, and so do this window's own writes, so a
 * list refreshes even if an event is lost. One counter, not one per kind: undo and redo change
 * documents as well as history, and a refresh of a few lists is cheap.
 */
import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useClient } from '../client/context.tsx';

interface Changes {
  version: number;
  bump(): void;
}

const ChangesContext = createContext<Changes | null>(null);

export function ChangesProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  // A refresh is not urgent: as a transition it yields to drawing and typing (an annotation added
  // in the text is painted first, the lists catch up after).
  useEffect(() => client.on('changed', () => startTransition(bump)), [client, bump]);
  const value = useMemo(() => ({ version, bump }), [version, bump]);
  return <ChangesContext value={value}>{children}</ChangesContext>;
}

export function useChanges(): Changes {
  const changes = useContext(ChangesContext);
  if (!changes) throw new Error('useChanges outside ChangesProvider');
  return changes;
}
