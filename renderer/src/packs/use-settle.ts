/**
 * Settling a merge's conflict on a document, source or tag from the Packs screen (`packs:settle`):
 * keep ours or use theirs, one undo step offered back in a toast. Shared by the list of merges and
 * the report shown right after a merge, so both settle, and say so, the same way. The lists read the
 * merges again on the write's history change, as after any other write.
 */
import { useCallback } from 'react';
import type { MergeConflict, ProposedSourceMerge } from '../../../shared/pack-schemas.ts';
import { useClient } from '../client/context.tsx';
import { undoAction, useToast, type UndoStep } from '../components/toast.tsx';
import { t } from '../i18n/t.ts';
import type { MergeProposal, SettleConflict } from './conflict-list.tsx';

/**
 * Merging a proposed pair of sources from the Packs screen (`sources:merge`, theirs into ours, as
 * Sources → Merge would): one undo step offered back in a toast. Answers with what went wrong, or null.
 */
export function useMergeProposal(onUndo: UndoStep): MergeProposal {
  const client = useClient();
  const toast = useToast();
  return useCallback(
    async (p: ProposedSourceMerge): Promise<string | null> => {
      const result = await client.call('sources:merge', { keepId: p.localSourceId, mergeId: p.packSourceId });
      if (!result.ok) return result.error.message;
      toast.show({ message: t('packs.proposal.merged', { pack: p.packName, local: p.localName }), action: undoAction(onUndo, result.step) });
      return null;
    },
    [client, toast, onUndo],
  );
}

export function useSettle(onUndo: UndoStep): (mergeId: string) => SettleConflict {
  const client = useClient();
  const toast = useToast();
  return useCallback(
    (mergeId: string) => async (c: MergeConflict, keep: 'ours' | 'theirs'): Promise<string | null> => {
      if (c.type === 'annotation') return null;
      const result = await client.call('packs:settle', { mergeId, type: c.type, id: c.id, keep });
      if (!result.ok) return result.error.message;
      toast.show({ message: t(keep === 'ours' ? 'packs.settle.keptOurs' : 'packs.settle.usedTheirs'), action: undoAction(onUndo, result.step) });
      return null;
    },
    [client, toast, onUndo],
  );
}
