/**
 * Merging a verified pack into the project: all or nothing, in one transaction and one undo unit
 * labelled "Merge pack <name> from <creator>". The group's first operation (`pack.merge`) records the
 * pack's id, creator and SHA-256; every record it brings has the pack's id as its `origin`; the merge
 * itself is kept in `pack_merges` with its report.
 *
 * Like an import, the transaction stays open while the merge yields to the event loop between slices,
 * so progress is reported and a cancel is heard; a cancel rolls everything back. A merge that would
 * change nothing (the same pack merged again) is rolled back too: no empty undo unit, 0 new.
 */
import type { MergeReport } from '../../../shared/pack-schemas.ts';
import { CancelledError } from '../errors.ts';
import { newId } from '../ids.ts';
import { withReviewIndexSuspendedAsync } from '../review/review-index.ts';
import { yieldToLoop } from '../runtime.ts';
import { mergeAnnotations } from './merge-annotations.ts';
import { MergeState, type MergeDeps } from './merge-context.ts';
import { annotationTablesEmpty, deferAnnotationIndexes } from './merge-indexes.ts';
import { recomputeStatuses } from './merge-status.ts';
import { mergeAnalysts, mergeDocuments, mergeSources, mergeTags } from './merge-records.ts';
import type { VerifiedPack } from './pack-verify.ts';

export interface MergeOptions {
  signal?: AbortSignal;
  onProgress?: (p: { phase: 'writing'; done: number; total: number; current?: string }) => void;
  sliceMs?: number;
}

export const mergeLabel = (name: string, creator: string | null): string => `Merge pack ${name} from ${creator ?? 'an unnamed analyst'}`;

export async function mergePack(deps: MergeDeps, verified: VerifiedPack, name: string, o: MergeOptions = {}): Promise<MergeReport> {
  const { content, manifest } = verified;
  if (!content || !manifest) throw new Error('mergePack needs a verified pack.');
  const creator = manifest.creator?.name ?? null;
  const label = mergeLabel(name, creator);
  const { db, oplog } = deps;
  const total = content.annotations.length;
  const sliceMs = o.sliceMs ?? 50;
  let sliceStart = Date.now();
  let done = 0;
  const checkCancel = () => {
    if (o.signal?.aborted) throw new CancelledError('Merge cancelled; nothing was written.');
  };
  const breathe = async () => {
    done += 256;
    checkCancel();
    if (Date.now() - sliceStart < sliceMs) return;
    o.onProgress?.({ phase: 'writing', done: Math.min(done, total), total });
    await yieldToLoop();
    sliceStart = Date.now();
    checkCancel();
  };

  checkCancel();
  db.exec('BEGIN IMMEDIATE');
  let finished = false;
  try {
    // Before anything is written: a project with no annotations gets its annotation indexes built
    // once, after the rows (merge-indexes.ts).
    const noAnnotations = annotationTablesEmpty(db);
    const group = oplog.begin(label, deps.analystId);
    const mergeId = newId();
    const s = new MergeState(deps, group, mergeId, manifest.id, name, manifest.redacted.notes);
    deps.packs.recordMerge({ id: mergeId, packId: manifest.id, name, creator, sha256: verified.sha256, groupId: group.id, analystId: deps.analystId, at: group.at, report: '{}' });
    oplog.record(group, 'pack.merge', 'pack', manifest.id, null, {
      name, creator, creator_id: manifest.creator?.id ?? null, sha256: verified.sha256, format: `${manifest.format} ${manifest.version}`, created: manifest.created,
    });
    // The review index is rebuilt once for what the merge wrote, not per row (review-index.ts).
    await withReviewIndexSuspendedAsync(db, async () => {
      mergeAnalysts(s, content);
      mergeTags(s, content);
      mergeDocuments(s, content);
      mergeSources(s, content);
      const deferred = deferAnnotationIndexes(db, noAnnotations);
      try {
        await mergeAnnotations(s, content.annotations, breathe, noAnnotations);
      } catch (error) {
        // The indexes come back before the review index is put back (its rebuild reads through them).
        try {
          deferred.restore();
        } catch {
          // The rollback restores them; the first error is the one to report.
        }
        throw error;
      }
      deferred.restore();
      s.logCreated();
      checkCancel();
      // Derived statuses: the targets of new links, and (rarely) what existing claims with new sources point at.
      for (const c of s.touchedClaims) deps.annotation.claims.recomputeLinked(c);
      // Each status depends on links, attributions and liveness only, not on other statuses: the order is free.
      recomputeStatuses(deps.packs, [...s.recompute].filter((c) => !s.touchedClaims.has(c)), (c) => deps.annotation.claims.recompute(c));
      for (const d of s.reindex) deps.reindexDocument(d);
    });

    const changed = s.writes > 0;
    const report: MergeReport = {
      packId: manifest.id, name, creator, sha256: verified.sha256, label: changed ? label : null,
      added: s.added, unchanged: s.unchanged, conflicts: s.conflicts, proposedSourceMerges: s.proposed, keptDeleted: s.keptDeleted,
      verify: verified.report,
    };
    if (!changed) {
      db.exec('ROLLBACK');
    } else {
      const { verify: _verify, ...kept } = report;
      deps.packs.updateMergeReport(mergeId, JSON.stringify(kept));
      db.exec('COMMIT');
    }
    finished = true;
    o.onProgress?.({ phase: 'writing', done: total, total });
    return report;
  } finally {
    if (!finished && db.inTransaction) db.exec('ROLLBACK');
  }
}
