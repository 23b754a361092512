/**
 * Merging a verified pack into the project: all or nothing, in one transaction and one undo unit
 * labelled "Merge pack <name> from <creator>". The group's first operation (`pack.merge`) records the
 * pack's id, creator and SHA-256; every record it brings has the pack's id as its `origin`; the merge
 * itself is kept in `pack_merges` with its report.
 *
 * Like an import, the transaction stays open while the merge yields to the event loop between slices,
 * so progress is reported and a cancel is heard; a cancel rolls everything back. A merge that would
 * change nothing (the same pack merged again) is rolled back too: no empty undo unit, 0 new.
 *
 * The pack may still be being verified on another thread (verify-thread.ts): the merge writes what
 * verify has passed so far and commits only once verify's report says the pack is sound. A report
 * with problems, a verify that failed, or any error of the merge's own rolls everything back; a
 * refused pack is reported as refused (`PACK_REFUSED`, with verify's report), whatever the merge
 * tripped over first.
 */
import type { MergeReport, VerifyReport } from '../../../shared/pack-schemas.ts';
import { CancelledError, DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { withReviewIndexSuspendedAsync } from '../review/review-index.ts';
import { yieldToLoop } from '../runtime.ts';
import { AnnotationMerge } from './merge-annotations.ts';
import { MergeState, type MergeDeps } from './merge-context.ts';
import { deferChecks } from './merge-checks.ts';
import { ANNOTATION_TABLES, annotationTablesEmpty, deferAnnotationIndexes } from './merge-indexes.ts';
import { recomputeStatuses } from './merge-status.ts';
import { mergeAnalysts, mergeDocuments, mergeSources, mergeTags } from './merge-records.ts';
import type { PackHead, VerifiedPack } from './pack-verify.ts';
import { streamOf, type PackStream } from './verify-thread.ts';

/** The steps after the rows (the contract's progress event names them). */
export type MergeStep = 'indexes' | 'statuses' | 'review' | 'verify';

export interface MergeOptions {
  signal?: AbortSignal;
  onProgress?: (p: { phase: 'writing'; done: number; total: number; current?: string; step?: MergeStep }) => void;
  sliceMs?: number;
}

export const mergeLabel = (name: string, creator: string | null): string => `Merge pack ${name} from ${creator ?? 'an unnamed analyst'}`;

/** The error of a pack verify refused: nothing was written. */
export function packRefused(name: string, report: VerifyReport): DomainError {
  const first = report.problems[0];
  return new DomainError('PACK_REFUSED', `${name} was refused and nothing was written: ${first?.message ?? 'it is not a sound pack.'}`, report);
}

/** Merges a pack verified already. */
export async function mergePack(deps: MergeDeps, verified: VerifiedPack, name: string, o: MergeOptions = {}): Promise<MergeReport> {
  if (!verified.content || !verified.manifest) throw new Error('mergePack needs a verified pack.');
  const stream = streamOf(verified);
  return mergeStream(deps, stream, (await stream.records)!, name, o);
}

/**
 * Merges a pack as it is verified: `head` is its records (`stream.records`), the annotations come
 * from the stream. Throws `PACK_REFUSED` when verify refuses the pack, before or after writing.
 */
export async function mergeStream(deps: MergeDeps, stream: PackStream, head: PackHead, name: string, o: MergeOptions = {}): Promise<MergeReport> {
  try {
    return await mergeWhileVerified(deps, stream, head, name, o);
  } catch (error) {
    if (error instanceof CancelledError || o.signal?.aborted) {
      // A cancel stops verify too (its thread ends; its report is not awaited).
      stream.stop();
      throw error instanceof CancelledError ? error : new CancelledError('Merge cancelled; nothing was written.');
    }
    // Rolled back already. A refused pack is reported as such, whatever the merge tripped over.
    const verdict = await stream.verdict;
    if (!verdict.report.ok) throw packRefused(name, verdict.report);
    throw error;
  }
}

class Refused extends Error {}

async function mergeWhileVerified(deps: MergeDeps, stream: PackStream, head: PackHead, name: string, o: MergeOptions): Promise<MergeReport> {
  const { manifest } = head;
  const creator = manifest.creator?.name ?? null;
  const label = mergeLabel(name, creator);
  const { db, oplog } = deps;
  const total = manifest.counts.annotations ?? 0;
  const sliceMs = o.sliceMs ?? 50;
  let sliceStart = Date.now();
  let done = 0;
  const checkCancel = () => {
    if (o.signal?.aborted) throw new CancelledError('Merge cancelled; nothing was written.');
    // Verify has already refused the pack: no point writing on.
    if (stream.refused()) throw new Refused();
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

  /** Says which of the last steps runs now, and lets the event go out before it (they do not yield). */
  const step = async (name: MergeStep) => {
    checkCancel();
    o.onProgress?.({ phase: 'writing', done: total, total, step: name });
    await yieldToLoop();
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
    deps.packs.recordMerge({ id: mergeId, packId: manifest.id, name, creator, sha256: head.sha256, groupId: group.id, analystId: deps.analystId, at: group.at, report: '{}' });
    oplog.record(group, 'pack.merge', 'pack', manifest.id, null, {
      name, creator, creator_id: manifest.creator?.id ?? null, sha256: head.sha256, format: `${manifest.format} ${manifest.version}`, created: manifest.created,
    });
    // The review index is rebuilt once for what the merge wrote, not per row (review-index.ts).
    await withReviewIndexSuspendedAsync(db, async () => {
      mergeAnalysts(s, head);
      mergeTags(s, head);
      mergeDocuments(s, head);
      mergeSources(s, head);
      const deferred = deferAnnotationIndexes(db, noAnnotations);
      // Into an empty project, the rows' CHECKs are evaluated once over the tables (merge-checks.ts).
      const checks = deferChecks(db, noAnnotations ? ANNOTATION_TABLES : []);
      try {
        const annotations = new AnnotationMerge(s, noAnnotations);
        for await (const batch of stream.annotations()) {
          checkCancel();
          await annotations.batch(batch, breathe);
        }
        await step('indexes');
        annotations.finish();
        checks.restore();
      } catch (error) {
        checks.release();
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
      await step('statuses');
      // Derived statuses: the targets of new links, and (rarely) what existing claims with new sources point at.
      for (const c of s.touchedClaims) deps.annotation.claims.recomputeLinked(c);
      // Each status depends on links, attributions and liveness only, not on other statuses: the order is free.
      recomputeStatuses(deps.packs, [...s.recompute].filter((c) => !s.touchedClaims.has(c)), (c) => deps.annotation.claims.recompute(c));
      for (const d of s.reindex) deps.reindexDocument(d);
      // A pack verify has refused already is not worth the review rebuild (seconds for a large one).
      await step('review');
    });
    // Nothing is kept unless verify passed the whole pack. Its report is awaited only now, so that
    // the review rebuild above could overlap the end of verify; a refusal rolls the rebuild back too.
    await step('verify');
    const verdict = await stream.verdict;
    if (!verdict.report.ok) throw new Refused();

    const changed = s.writes > 0;
    const report: MergeReport = {
      mergeId: changed ? mergeId : null, packId: manifest.id, name, creator, sha256: head.sha256, label: changed ? label : null,
      added: s.added, unchanged: s.unchanged, conflicts: s.conflicts, proposedSourceMerges: s.proposed, keptDeleted: s.keptDeleted,
      verify: verdict.report,
    };
    if (!changed) {
      db.exec('ROLLBACK');
    } else {
      const { verify: _verify, ...kept } = report;
      deps.packs.updateMergeReport(mergeId, JSON.stringify(kept));
      commitWithoutCheckpoint(db);
    }
    finished = true;
    o.onProgress?.({ phase: 'writing', done: total, total });
    return report;
  } finally {
    if (!finished && db.inTransaction) db.exec('ROLLBACK');
  }
}

/**
 * COMMIT without SQLite's automatic checkpoint, which a large merge's commit would otherwise run
 * there and then: a pack of 100,000 annotations leaves ~50,000 pages in the log, and copying them
 * back (with its syncs) was ~0.7 s of a 0.9 s commit. The commit is as durable either way (the log
 * is the project, checkpoints.ts); the copy is left to the idle checkpoint a second after the merge
 * (core.ts notes the write) or to the close, while the analyst reads the merge's report.
 */
function commitWithoutCheckpoint(db: MergeDeps['db']): void {
  const pages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    db.exec('COMMIT');
  } finally {
    db.pragma(`wal_autocheckpoint = ${pages}`);
  }
}
