/**
 * Whether the merge whose report the Open panel shows has since been taken back: by the toast's
 * Undo, the top bar's, a keyboard shortcut, another window or the CLI. Its conflict copies are then
 * gone, and Open on a conflict would show ours alone, which reads as if their version had vanished.
 *
 * Undo says only that the history changed, not what it took back, so the kept merges
 * (`packs:merges`, which says `undone`) are read again after each change, as the list of merges
 * reads them: while Packs is shown, and after a change made elsewhere only once it is shown again.
 *
 * The report a merge answers with names its kept record (`mergeId`); a merge that changed nothing
 * kept none, offered no Undo, and is never undone.
 */
import { useEffect, useState } from 'react';
import type { MergeReport } from '../../../shared/pack-schemas.ts';
import { useClient } from '../client/context.tsx';
import { useChangeVersion } from '../hooks/changes.tsx';

/** Enough to find a merge just made; one pushed out by later merges keeps the state last read. */
const LOOK_AT = 20;

export function useMergeUndone(report: MergeReport | null, active: boolean): boolean {
  const client = useClient();
  // Every write moves the history (the core says "history" after each), undo and redo included.
  const version = useChangeVersion('history');
  const [readAt, setReadAt] = useState(version);
  if (active && readAt !== version) setReadAt(version);
  const [read, setRead] = useState<{ mergeId: string; undone: boolean } | null>(null);
  const mergeId = report?.mergeId ?? null;

  useEffect(() => {
    if (mergeId === null) return;
    let current = true;
    void client.call('packs:merges', { limit: LOOK_AT }).then((result) => {
      if (!current || !result.ok) return;
      const record = result.value.find((m) => m.id === mergeId);
      if (record) setRead({ mergeId, undone: record.undone });
    });
    return () => {
      current = false;
    };
  }, [client, mergeId, readAt]);

  return read !== null && read.mergeId === mergeId && read.undone;
}
