/**
 * The kept record (`packs:merges`) of the merge whose report the Open panel shows, read again after
 * every change to the history: whether it has been taken back since (by the toast's Undo, the top
 * bar's, a shortcut, another window or the CLI), and how each of its conflicts has been decided.
 * The report a merge answers with is a picture of the moment it was made; the record is how it
 * stands. Once undone, its conflict copies are gone, and Open would show ours alone.
 *
 * Read as the list of merges reads them: while Packs is shown, and after a change made elsewhere
 * only once it is shown again. The report names its record (`mergeId`); a merge that changed nothing
 * kept none, offered no Undo, and has nothing to follow.
 */
import { useEffect, useState } from 'react';
import type { MergeRecord, MergeReport } from '../../../shared/pack-schemas.ts';
import { useClient } from '../client/context.tsx';
import { useChangeVersion } from '../hooks/changes.tsx';

/** Enough to find a merge just made; one pushed out by later merges keeps the state last read. */
const LOOK_AT = 20;

export function useKeptMerge(report: MergeReport | null, active: boolean): MergeRecord | null {
  const client = useClient();
  // Every write moves the history (the core says "history" after each), undo and redo included.
  const version = useChangeVersion('history');
  const [readAt, setReadAt] = useState(version);
  if (active && readAt !== version) setReadAt(version);
  const [read, setRead] = useState<MergeRecord | null>(null);
  const mergeId = report?.mergeId ?? null;

  useEffect(() => {
    if (mergeId === null) return;
    let current = true;
    void client.call('packs:merges', { limit: LOOK_AT }).then((result) => {
      if (!current || !result.ok) return;
      const record = result.value.find((m) => m.id === mergeId);
      if (record) setRead(record);
    });
    return () => {
      current = false;
    };
  }, [client, mergeId, readAt]);

  return read !== null && read.id === mergeId ? read : null;
}
