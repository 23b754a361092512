/**
 * Packs behind the contract: `packs:export`, `packs:verify`, `packs:import`.
 *
 * Export reads the project in one short transaction inside the lane (a consistent snapshot; nothing
 * else runs meanwhile), then builds and zips the files outside it, reporting progress and hearing a
 * cancel like an import does. Verify is pure and writes nothing. Import verifies on a second thread
 * (verify-thread.ts) while the merge, in the lane, writes what verify has passed inside one
 * transaction, committed only when verify's report says the pack is sound: all or nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceMap } from '../../../shared/contract.ts';
import { MergeRecord, type ExportResult, type ManifestSummary } from '../../../shared/pack-schemas.ts';
import type { Annotation } from '../annotations/index.ts';
import type { DocumentRepository } from '../documents/document-repository.ts';
import { CancelledError, DomainError, NotFoundError, ValidationError } from '../errors.ts';
import type { OpLog } from '../history/oplog.ts';
import type { Emitter, Jobs, Lane } from '../runtime.ts';
import type { Db } from '../store/database.ts';
import { gather, type PackSelection } from './gather.ts';
import { writeBrat } from './interchange/brat.ts';
import { writeQdpx } from './interchange/qdpx.ts';
import { mergeStream, packRefused } from './pack-merge.ts';
import { PackRepository } from './pack-repository.ts';
import { verifyOnThread } from './verify-thread.ts';
import { mergeRecords, settleConflict, settlementApplier, type SettleDeps } from './settle-conflict.ts';
import { writePack } from './pack-writer.ts';
import { fingerprint, loadOrCreateKey } from './signing.ts';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-reader.ts';

export const APP_VERSION = '0.1.0';

export interface PackServiceDeps {
  db: Db;
  documents: DocumentRepository;
  oplog: OpLog;
  annotation: Annotation;
  identity: { analystId: string; analystName: string };
  lane: Lane;
  jobs: Jobs;
  events: Emitter;
  /** Where analysts' signing keys live (`<userData>/keys`); without it, `sign` is refused. */
  keysDir?: string | undefined;
  limits?: ZipLimits | undefined;
  /** The documents a saved review view selects (review-service.ts, `documentsOfView`); without it, a view is refused. */
  resolveView?: ((viewId: string) => { name: string; documentIds: string[] }) | undefined;
  changed: (what: 'documents' | 'annotations') => void;
  /** A document's metadata written in a group begun by the caller (DocumentService.applyMeta). */
  applyDocumentMeta: SettleDeps['applyDocumentMeta'];
}

type PackChannels = 'packs:export' | 'packs:verify' | 'packs:import' | 'packs:merges' | 'packs:settle';
const KeptReport = MergeRecord.shape.report;
/** A kept report (pack-merge.ts stores each committed merge's); one that does not read is left out. */
const readKept = (report: string) => {
  const parsed = KeptReport.safeParse(JSON.parse(report));
  return parsed.success ? parsed.data : null;
};

export function packServices(deps: PackServiceDeps): Pick<ServiceMap, PackChannels> {
  const { db, lane, jobs, events } = deps;
  const repo = new PackRepository(db);
  // The merge's own operation carries the pack's provenance; undo has nothing to write back for it.
  deps.oplog.register('pack', () => undefined);
  deps.oplog.register('pack_conflict', settlementApplier(repo));
  const settling: SettleDeps = {
    ctx: deps.annotation.ctx, sources: deps.annotation.sources, tags: deps.annotation.tags, packs: repo, applyDocumentMeta: deps.applyDocumentMeta,
    documentMeta: (id) => {
      const row = deps.documents.row(id);
      return row && row.deleted_at === null ? { title: row.title, outlet: row.outlet, author: row.author, url: row.url, published: row.published } : null;
    },
  };

  async function exportPack(input: Parameters<ServiceMap['packs:export']>[0]): Promise<ExportResult> {
    const { jobId } = input;
    const signal = jobs.start(jobId);
    const progress = (phase: 'reading' | 'writing' | 'done' | 'cancelled', done: number, total: number, current?: string) =>
      events.emit('progress', { jobId, phase, done, total, ...(current ? { current } : {}) });
    try {
      progress('reading', 0, 0);
      const { viewId } = input;
      const resolveView = deps.resolveView;
      if (viewId !== undefined && !resolveView) throw new ValidationError('Saved review views cannot be exported here.');
      const redact = { notes: input.redact?.notes ?? false, annotators: input.redact?.annotators ?? false, documents: input.redact?.documents ?? [] };
      const { content, selection, view } = await lane.run(() => db.transaction(() => {
        const picked: PackSelection = { documentIds: input.documentIds, tags: input.tags, from: input.from, to: input.to };
        const snap = repo.snapshot();
        checkSelection(snap, picked);
        // A view's documents are read in the same snapshot as the rest; with ids as well, both must hold.
        const ofView = viewId === undefined ? null : resolveView!(viewId);
        if (ofView) {
          const named = input.documentIds ? new Set(input.documentIds) : null;
          picked.documentIds = named ? ofView.documentIds.filter((id) => named.has(id)) : ofView.documentIds;
        }
        return { content: gather(repo, snap, picked, redact), selection: picked, view: ofView };
      })());
      if (content.documents.length === 0) {
        const why = view && view.documentIds.length === 0 ? `the saved view “${view.name}” shows no rows.` : 'no document matches the selection.';
        throw new DomainError('EMPTY_SELECTION', `Nothing to export: ${why}`);
      }
      if (signal.aborted) throw new CancelledError('Export cancelled; no pack was written.');
      let bytes: Uint8Array;
      let manifest: ManifestSummary | null = null;
      let sha256: string;
      let print: string | null = null;
      if (input.format === 'claimpack') {
        if (input.sign && !deps.keysDir) throw new ValidationError('Signing needs a folder for keys; none is configured here.');
        const key = input.sign ? loadOrCreateKey(deps.keysDir!, deps.identity.analystId) : null;
        print = key ? fingerprint(crypto.createPublicKey(key)) : null;
        const written = await writePack(content, {
          selection, redact, appVersion: APP_VERSION, signal,
          creator: { id: deps.identity.analystId, name: deps.identity.analystName },
          signingKey: key,
          onProgress: (p) => progress(p.phase, p.done, p.total, p.current),
        });
        const m = written.manifest;
        bytes = written.bytes;
        sha256 = written.sha256;
        manifest = { id: m.id, format: m.format, version: m.version, created: m.created, creator: m.creator?.name ?? null, counts: m.counts, redacted: m.redacted, signed: Boolean(input.sign) };
      } else {
        bytes = input.format === 'qdpx' ? writeQdpx(content, APP_VERSION) : writeBrat(content);
        sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      }
      if (signal.aborted) throw new CancelledError('Export cancelled; no pack was written.');
      let written: string | null = null;
      if (input.outPath) {
        written = path.resolve(input.outPath);
        writeAtomically(written, bytes);
      }
      progress('done', 1, 1);
      return { path: written, bytes: bytes.byteLength, sha256, format: input.format, manifest, fingerprint: print, ...(written ? {} : { data: new Uint8Array(bytes) }) };
    } catch (error) {
      if (error instanceof CancelledError) progress('cancelled', 0, 0);
      throw error;
    } finally {
      jobs.finish(jobId);
    }
  }

  return {
    'packs:export': (input) => exportPack(input),
    // On the verify thread: seconds of work for a large pack that this thread would otherwise spend
    // deaf to every other call (verify-thread.ts; it verifies here if the thread cannot start).
    'packs:verify': async ({ data }) => (await verifyOnThread(data, deps.limits ?? DEFAULT_ZIP_LIMITS, { stream: false }).verdict).report,
    // Decided conflicts are marked (settle-conflict.ts): an annotation's once ours or their copy is
    // deleted, a document's, source's or tag's once settled or deleted here.
    'packs:merges': ({ limit }) => lane.run(() => mergeRecords(settling, repo.merges(limit), readKept)),
    'packs:settle': ({ mergeId, type, id, keep }) =>
      lane.run(() => {
        settleConflict(settling, mergeId, type, id, keep);
        deps.changed('documents');
        deps.changed('annotations');
        const [record] = mergeRecords(settling, [repo.merge(mergeId)!], readKept);
        if (!record) throw new Error(`The report of merge ${mergeId} cannot be read.`);
        return record;
      }),
    'packs:import': async ({ jobId, data, name }) => {
      const signal = jobs.start(jobId);
      try {
        events.emit('progress', { jobId, phase: 'reading', done: 0, total: 1, current: name });
        // Verify runs on its own thread (verify-thread.ts); the merge starts once the pack's records
        // are read and commits only if verify's report, awaited before the commit, says it is sound.
        const stream = verifyOnThread(data, deps.limits ?? DEFAULT_ZIP_LIMITS);
        signal.addEventListener('abort', () => stream.stop(), { once: true });
        const head = await stream.records;
        if (signal.aborted) throw new CancelledError('Import cancelled; nothing was written.');
        if (!head) {
          const verdict = await stream.verdict;
          throw packRefused(name, verdict.report);
        }
        const report = await lane.run(() =>
          mergeStream(
            { db, packs: repo, documents: deps.documents, oplog: deps.oplog, annotation: deps.annotation, analystId: deps.identity.analystId, reindexDocument: deps.annotation.ctx.reindexDocument },
            stream,
            head,
            path.basename(name),
            { signal, onProgress: (p) => events.emit('progress', { jobId, ...p }) },
          ),
        );
        events.emit('progress', { jobId, phase: 'done', done: 1, total: 1 });
        if (report.label) {
          deps.changed('documents');
          deps.changed('annotations');
        }
        return report;
      } catch (error) {
        if (error instanceof CancelledError) events.emit('progress', { jobId, phase: 'cancelled', done: 0, total: 0 });
        throw error;
      } finally {
        jobs.finish(jobId);
      }
    },
  };
}

function checkSelection(snap: ReturnType<PackRepository['snapshot']>, s: PackSelection): void {
  const docs = new Set(snap.documents.map((d) => d.id));
  for (const id of s.documentIds ?? []) if (!docs.has(id)) throw new NotFoundError('Document', id);
  const tags = new Set(snap.tags.map((t) => t.name.toLowerCase()));
  for (const t of s.tags ?? []) if (!tags.has(t.trim().toLowerCase())) throw new ValidationError(`There is no tag named “${t}”.`);
}

/** Writes next to the target and renames, so a reader never sees half a pack. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.partial`;
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, file);
}
