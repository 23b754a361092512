/**
 * Documents: reading, editing metadata, deleting, and undoing those. Every change is one transaction
 * with its operation-log entry; metadata edits carry the revision the editor saw, so an edit made
 * from a stale view (another window, the CLI) is refused instead of silently overwriting.
 */
import type { DocumentFull, DocumentMeta, DocumentSummary } from '../../../shared/contract.ts';
import { foldForIndex } from '../../../shared/text/fold.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { Group, OpLog, Snapshot } from '../history/oplog.ts';
import type { Db } from '../store/database.ts';
import { DOCUMENT_SNAPSHOT_COLUMNS, type DocumentRepository, type DocumentSnapshot } from './document-repository.ts';

export function documentSnapshot(meta: DocumentMeta, deletedAt: string | null): DocumentSnapshot {
  return {
    title: meta.title, outlet: meta.outlet, author: meta.author, url: meta.url, published: meta.published,
    deleted_at: deletedAt,
  };
}

export class DocumentService {
  constructor(
    private readonly db: Db,
    private readonly documents: DocumentRepository,
    private readonly oplog: OpLog,
    private readonly analystId: () => string,
  ) {
    oplog.register('document', (id, snapshot, at) => this.apply(id, snapshot, at));
    oplog.register('document_import', (id, snapshot, at) =>
      documents.setImportDeleted(id, snapshot === null ? at : ((snapshot.deleted_at as string | null) ?? null)),
    );
  }

  get(id: string): DocumentFull {
    const doc = this.documents.get(id);
    if (!doc) throw new NotFoundError('Document', id);
    const { seq: _seq, ...rest } = doc;
    return { ...rest, imports: this.documents.imports(id) };
  }

  update(id: string, revision: number, patch: Partial<DocumentMeta>): DocumentSummary {
    const clean = cleanPatch(patch);
    return this.db.transaction(() => {
      const row = this.documents.row(id);
      if (!row || row.deleted_at !== null) throw new NotFoundError('Document', id);
      if (row.revision !== revision) {
        throw new ConflictError(
          'This document was changed elsewhere since you opened it (another window or the command line). Reload it to see the change, then edit again.',
          { expected: revision, actual: row.revision },
        );
      }
      const group = this.oplog.begin(`Edit metadata of “${row.title ?? 'untitled'}”`, this.analystId());
      this.applyMeta(group, id, clean, revision);
      return this.summary(id);
    })();
  }

  /**
   * Writes metadata in a group the caller has begun, inside its transaction, with its log entry and
   * the title's search index (`update`, and a pack conflict settled with their metadata).
   */
  applyMeta(group: Group, id: string, meta: DocumentSnapshot, revision?: number): void {
    const row = this.documents.row(id);
    if (!row || row.deleted_at !== null) throw new NotFoundError('Document', id);
    const before: DocumentSnapshot = {};
    for (const k of Object.keys(meta) as Array<keyof DocumentMeta>) before[k] = row[k];
    this.documents.write(id, meta, group.at, revision);
    if ('title' in meta) this.reindex(id);
    this.oplog.record(group, 'document.update', 'document', id, before, meta);
  }

  delete(ids: string[]): number {
    return this.db.transaction(() => {
      const live = ids.map((id) => ({ id, row: this.documents.row(id) })).filter((d) => d.row && d.row.deleted_at === null);
      if (live.length === 0) return 0;
      const label = live.length === 1 ? `Delete “${live[0]!.row!.title ?? 'untitled'}”` : `Delete ${live.length} documents`;
      const group = this.oplog.begin(label, this.analystId());
      for (const { id, row } of live) {
        this.documents.write(id, { deleted_at: group.at }, group.at);
        this.documents.indexDelete(row!.seq);
        this.oplog.record(group, 'document.delete', 'document', id, { deleted_at: null }, { deleted_at: group.at });
      }
      return live.length;
    })();
  }

  private summary(id: string): DocumentSummary {
    const doc = this.documents.get(id);
    if (!doc) throw new NotFoundError('Document', id);
    const { seq: _seq, text: _text, ...summary } = doc;
    return summary;
  }

  /** Undo/redo: writes a snapshot back and keeps the search index in step with it. */
  private apply(id: string, snapshot: Snapshot, at: string): void {
    const row = this.documents.row(id);
    if (!row) throw new NotFoundError('Document', id);
    const wasLive = row.deleted_at === null;
    const target: DocumentSnapshot = snapshot === null ? { deleted_at: at } : pickSnapshot(snapshot);
    this.documents.write(id, target, at);
    const after = this.documents.row(id)!;
    const isLive = after.deleted_at === null;
    if (wasLive) this.documents.indexDelete(row.seq);
    if (isLive) this.documents.indexInsert(row.seq, foldForIndex(after.title ?? ''), foldForIndex(this.searchableText(id, after.text)));
  }

  /** Rebuilds a live document's index row from its title and its text less "not article" regions. */
  reindex(id: string): void {
    const row = this.documents.row(id);
    if (!row || row.deleted_at !== null) return;
    this.documents.indexDelete(row.seq);
    this.documents.indexInsert(row.seq, foldForIndex(row.title ?? ''), foldForIndex(this.searchableText(id, row.text)));
  }

  /** The text with "not article" regions blanked (same length, so nothing else shifts). */
  private searchableText(id: string, text: string): string {
    const ranges = this.documents.excludedRanges(id);
    if (ranges.length === 0) return text;
    let out = '';
    let at = 0;
    for (const r of ranges) {
      if (r.start < at) {
        out += ' '.repeat(Math.max(0, r.end - at));
        at = Math.max(at, r.end);
        continue;
      }
      out += text.slice(at, r.start) + ' '.repeat(r.end - r.start);
      at = r.end;
    }
    return out + text.slice(at);
  }
}

function pickSnapshot(snapshot: Record<string, unknown>): DocumentSnapshot {
  const out: DocumentSnapshot = {};
  for (const c of DOCUMENT_SNAPSHOT_COLUMNS) if (c in snapshot) out[c] = (snapshot[c] as string | null) ?? null;
  return out;
}

/** Trims text fields; empty strings become null. */
function cleanPatch(patch: Partial<DocumentMeta>): DocumentSnapshot {
  const out: DocumentSnapshot = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v !== null && typeof v !== 'string') throw new ValidationError(`${k} must be text.`);
    const trimmed = v === null ? null : v.trim();
    out[k as keyof DocumentMeta] = trimmed === '' ? null : trimmed;
  }
  if (Object.keys(out).length === 0) throw new ValidationError('Nothing to change.');
  return out;
}
