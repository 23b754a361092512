/**
 * Import: one batch is one transaction and one undo unit.
 *
 * Each file is read, decoded and checked on its own (a bad file is reported and skipped, the others
 * still import); the writes of the whole batch share one open transaction that commits at the end,
 * or rolls back on cancel, so a cancelled import leaves no partial document. Between chunks the
 * job yields to the event loop to report progress and hear a cancel; the core's lane keeps every
 * other call off the connection meanwhile.
 */
import type { ImportOutcome, ImportReport } from '../../../shared/contract.ts';
import { foldForIndex } from '../../../shared/text/fold.ts';
import { CancelledError, DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { OpLog } from '../history/oplog.ts';
import type { Db } from '../store/database.ts';
import type { DocumentRepository } from '../documents/document-repository.ts';
import { documentSnapshot } from '../documents/document-service.ts';
import type { EntryError, ImportEntry } from './files.ts';
import { prepareDocument, type PreparedDocument } from './prepare.ts';
import { yieldToLoop } from '../runtime.ts';

export interface ImportProgress {
  phase: 'reading' | 'writing' | 'done' | 'cancelled';
  done: number;
  total: number;
  current?: string;
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Yield to the event loop after this many milliseconds of work (default 50). */
  sliceMs?: number;
}

export interface ImportContext {
  db: Db;
  documents: DocumentRepository;
  oplog: OpLog;
  origin: string;
  analystId: string;
}

export async function importEntries(
  ctx: ImportContext,
  entries: ImportEntry[],
  preErrors: EntryError[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { signal, onProgress, sliceMs = 50 } = options;
  const outcomes: ImportOutcome[] = preErrors.map((e) => ({ status: 'failed', file: e.name, code: e.code, reason: e.reason }));
  const total = entries.length + preErrors.length;
  const at = new Date().toISOString();
  const batchId = newId();
  const writer = new BatchWriter(ctx, batchId, at);

  ctx.db.exec('BEGIN IMMEDIATE');
  let committed = false;
  try {
    const group = ctx.oplog.begin('Import', ctx.analystId, at);
    let sliceStart = Date.now();
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      if (signal?.aborted) throw new CancelledError('Import cancelled; nothing was imported.');
      outcomes.push(await importOne(entry, writer, group));
      if (Date.now() - sliceStart >= sliceMs) {
        onProgress?.({ phase: 'writing', done: i + 1 + preErrors.length, total, current: entry.name });
        await yieldToLoop();
        sliceStart = Date.now();
      }
    }
    if (signal?.aborted) throw new CancelledError('Import cancelled; nothing was imported.');
    if (writer.written === 0) {
      ctx.db.exec('ROLLBACK'); // nothing stored: no empty undo unit either
      committed = true;
    } else {
      ctx.oplog.relabel(group, labelFor(outcomes));
      ctx.db.exec('COMMIT');
      committed = true;
    }
  } catch (error) {
    if (!committed && ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
    if (error instanceof CancelledError) onProgress?.({ phase: 'cancelled', done: 0, total });
    throw error;
  }
  onProgress?.({ phase: 'done', done: total, total });
  const count = (s: ImportOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return {
    batchId: writer.written > 0 ? batchId : null,
    imported: count('imported'),
    duplicates: count('duplicate'),
    failed: count('failed'),
    files: outcomes,
  };
}

async function importOne(entry: ImportEntry, writer: BatchWriter, group: ReturnType<OpLog['begin']>): Promise<ImportOutcome> {
  let prepared: PreparedDocument;
  try {
    const bytes = await entry.read();
    const sidecar = entry.sidecar ? await readSidecar(entry.sidecar) : null;
    prepared = prepareDocument(bytes, sidecar);
  } catch (error) {
    if (error instanceof DomainError) return { status: 'failed', file: entry.name, code: error.code, reason: error.message };
    throw error;
  }
  return writer.write(entry, prepared, group);
}

async function readSidecar(sidecar: ImportEntry): Promise<Uint8Array> {
  try {
    return await sidecar.read();
  } catch (error) {
    throw error instanceof DomainError
      ? new DomainError('BAD_SIDECAR', `Its metadata file ${sidecar.name} could not be read: ${error.message}`)
      : error;
  }
}

class BatchWriter {
  written = 0;

  constructor(
    private readonly ctx: ImportContext,
    private readonly batchId: string,
    private readonly at: string,
  ) {}

  write(entry: ImportEntry, doc: PreparedDocument, group: ReturnType<OpLog['begin']>): ImportOutcome {
    const { documents, oplog, origin, analystId } = this.ctx;
    const existing = documents.findBySha(doc.sha256);
    let documentId: string;
    let status: 'imported' | 'duplicate';
    if (existing && existing.deletedAt === null) {
      documentId = existing.id;
      status = 'duplicate';
    } else if (existing) {
      // The same text was imported before and deleted since: bring it back rather than store it twice.
      documentId = existing.id;
      status = 'imported';
      const before = documentSnapshot(existing, existing.deletedAt);
      const after = { ...doc.meta, deleted_at: null };
      documents.write(documentId, after, this.at);
      documents.indexInsert(existing.seq, foldForIndex(doc.meta.title ?? ''), foldForIndex(doc.text));
      oplog.record(group, 'document.restore', 'document', documentId, before, after);
    } else {
      documentId = newId();
      status = 'imported';
      const seq = documents.insert({
        id: documentId, origin, createdAt: this.at, createdBy: analystId, sha256: doc.sha256, text: doc.text,
        ...doc.meta, language: doc.language, direction: doc.direction, wordCount: doc.wordCount,
      });
      documents.indexInsert(seq, foldForIndex(doc.meta.title ?? ''), foldForIndex(doc.text));
      oplog.record(group, 'document.import', 'document', documentId, null, { ...doc.meta, deleted_at: null });
    }
    const importId = newId();
    documents.insertImport({
      id: importId, origin, documentId, batchId: this.batchId, analystId, importedAt: this.at,
      fileName: entry.name, filePath: entry.path, encoding: doc.encoding,
      byteLength: doc.byteLength,
      originalBytes: doc.originalBytes,
      sidecar: doc.sidecar ? JSON.stringify(doc.sidecar) : null,
      proposed: JSON.stringify(doc.proposed),
      duplicate: status === 'duplicate',
    });
    oplog.record(group, 'document_import.create', 'document_import', importId, null, { deleted_at: null });
    this.written++;
    return { status, file: entry.name, documentId, title: status === 'duplicate' ? existing!.title : detached(doc.meta.title) };
  }
}

/**
 * A copy of a string that shares no memory with the string it was cut from. A title proposed from the
 * text is a V8 slice of the whole document: kept in the report as is, it would keep every imported
 * text of the batch alive until the report is dropped (~3 KB per document, 300 MB per 100,000).
 * Slicing a concatenation makes V8 flatten it into a fresh string first, which is what the slice keeps.
 */
function detached(s: string | null): string | null {
  return s === null ? null : (' ' + s).slice(1);
}

function labelFor(outcomes: ImportOutcome[]): string {
  const stored = outcomes.filter((o) => o.status === 'imported').length;
  const dups = outcomes.filter((o) => o.status === 'duplicate').length;
  const main = stored === 1 ? 'Import 1 document' : `Import ${stored} documents`;
  return dups === 0 ? main : `${main} (${dups} duplicate${dups === 1 ? '' : 's'})`;
}
