/**
 * What the steps of a merge share: the open undo group, id maps from the pack's records to this
 * project's, the tallies of the report, and logged writes that keep the pack's own bookkeeping
 * (id, revision, times, author) with `origin` set to the pack's id.
 *
 * Rules every step follows: a record matched by id whose content is the same is left alone; one
 * that differs keeps ours and records theirs (a conflict); a record deleted here stays deleted,
 * unless an undo took it away (a merge undone, then merged again); nothing already
 * in the project is overwritten.
 */
import crypto from 'node:crypto';
import type { MergeConflict, ProposedSourceMerge, Tally } from '../../../shared/pack-schemas.ts';
import type { Annotation } from '../annotations/index.ts';
import { ENTITIES, type EntityType } from '../annotations/entity-repository.ts';
import type { DocumentRepository } from '../documents/document-repository.ts';
import type { Group, OpLog } from '../history/oplog.ts';
import { newId } from '../ids.ts';
import type { Db } from '../store/database.ts';
import type { PackRepository } from './pack-repository.ts';

export interface MergeDeps {
  db: Db;
  packs: PackRepository;
  documents: DocumentRepository;
  oplog: OpLog;
  annotation: Annotation;
  analystId: string;
  reindexDocument: (documentId: string) => void;
}

/** The types a merge creates by the thousand, logged in bulk (oplog.ts). */
const BULK_TYPES: ReadonlySet<EntityType> = new Set(['span', 'claim', 'attribution', 'claim_link', 'tagging']);

const emptyTally = (): Tally => ({ documents: 0, sources: 0, tags: 0, annotations: 0, attributions: 0, links: 0 });

export class MergeState {
  readonly added = emptyTally();
  readonly unchanged = emptyTally();
  readonly conflicts: MergeConflict[] = [];
  readonly proposed: ProposedSourceMerge[] = [];
  keptDeleted = 0;
  /** Writes made (rows, restores, new conflict records): none means the merge changes nothing. */
  writes = 0;
  readonly documentIds = new Map<string, string | null>();
  readonly sourceIds = new Map<string, string>();
  readonly tagIds = new Map<string, string | null>();
  /** Claims whose derived status may have changed: targets of new links, claims brought back. */
  readonly recompute = new Set<string>();
  /** Existing claims that gained attributions (their links' targets may change status too). */
  readonly touchedClaims = new Set<string>();
  /** Spans created by this merge: nothing of theirs exists yet, so there is nothing to look up. */
  readonly created = new Set<string>();
  private readonly analysts = new Map<string, boolean>();
  readonly reindex = new Set<string>();

  constructor(
    readonly deps: MergeDeps,
    readonly group: Group,
    readonly mergeId: string,
    readonly packId: string,
    readonly packName: string,
    readonly notesRedacted: boolean,
  ) {}

  /** A record deleted here may come back only if an undo took it away (never a deliberate delete). */
  mayRevive(type: string, id: string): boolean {
    return this.deps.packs.deletedByUndo(type, id);
  }

  /** The analyst a record names, if this project knows them (the pack's were added first), else whoever merges. */
  analyst(id: string | null): string {
    if (!id) return this.deps.analystId;
    let known = this.analysts.get(id);
    if (known === undefined) this.analysts.set(id, (known = this.deps.packs.analystExists(id)));
    return known ? id : this.deps.analystId;
  }

  /** Ids created per annotation type, logged as one bulk operation each by `logCreated`. */
  private readonly createdByType = new Map<EntityType, string[]>();

  /**
   * Inserts a row with the pack's bookkeeping and logs its creation in the merge's undo group:
   * sources and tags one operation each (with their values), the many annotation rows in bulk.
   */
  insert(type: EntityType, id: string, values: Record<string, unknown>, book: { revision: number; created: string; modified: string; creator: string | null }): void {
    this.deps.packs.insertEntity(type, {
      id, origin: this.packId, revision: book.revision, createdAt: book.created, updatedAt: book.modified, createdBy: this.analyst(book.creator), values,
    });
    if (BULK_TYPES.has(type)) this.inserted(type, id);
    else {
      this.deps.oplog.record(this.group, `${type}.create`, type, id, null, snapshotOf(type, values));
      this.writes++;
    }
  }

  /**
   * Notes an annotation row inserted with the repository's positional inserts (pack-repository.ts),
   * for the bulk log entry of its type and the write count.
   */
  inserted(type: EntityType, id: string): void {
    let ids = this.createdByType.get(type);
    if (!ids) this.createdByType.set(type, (ids = []));
    ids.push(id);
    this.writes++;
  }

  /**
   * Logs the annotation rows created so far as one bulk operation per type (before `null`, after
   * live; their values are in the rows, whose origin is the pack). Call once, after the last insert.
   */
  logCreated(): void {
    for (const [type, ids] of this.createdByType) this.deps.oplog.recordBulk(this.group, `${type}.create`, type, ids, null, { deleted_at: null });
    this.createdByType.clear();
  }

  /** Brings back a row this pack had brought and an undo took away. */
  revive(type: EntityType, id: string, values: Record<string, unknown>): void {
    const snapshot = snapshotOf(type, values);
    this.deps.annotation.ctx.entities.write(type, id, snapshot, this.group.at);
    this.deps.oplog.record(this.group, `${type}.restore`, type, id, { deleted_at: this.group.at }, snapshot);
    this.writes++;
  }

  /**
   * Records their version of a record both sides changed, once per distinct version. Returns false
   * when this exact version was already kept (with a live copy, for annotations).
   */
  conflict(type: MergeConflict['type'], id: string, theirs: unknown, message: string, makeCopy?: () => string, documentId: string | null = null): boolean {
    const json = JSON.stringify(theirs);
    const sha = crypto.createHash('sha256').update(json).digest('hex');
    const known = this.deps.packs.findConflict(type, id, sha);
    if (known && (known.copy_id === null || this.deps.annotation.ctx.entities.live('span', known.copy_id))) return false;
    const copyId = makeCopy ? makeCopy() : null;
    this.deps.packs.recordConflict({
      id: newId(), mergeId: this.mergeId, packId: this.packId, entityType: type, entityId: id, copyId, theirs: json, theirsSha256: sha, at: this.group.at,
    });
    this.conflicts.push({ type, id, copyId, documentId, message, resolved: false, resolution: null });
    this.writes++;
    return true;
  }
}

/** The operation log's "after" for a created row: every column, booleans as 0/1, live. */
export function snapshotOf(type: EntityType, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of ENTITIES[type].columns) {
    const v = values[c];
    out[c] = typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v;
  }
  out.deleted_at = null;
  return out;
}

/** Stable comparison of two values (object keys sorted). */
/**
 * What differs between ours and theirs, for a conflict's message ("title: ours “A”, theirs “B”"), so
 * that the analyst can decide from the list without digging out their version.
 */
export function differences(fields: ReadonlyArray<readonly [string, unknown, unknown]>): string {
  const show = (v: unknown): string => {
    const list = Array.isArray(v) ? v : v === null || v === undefined || v === '' ? [] : [v];
    if (list.length === 0) return 'none';
    return list.map((x) => { const t = String(x); return `“${t.length > 80 ? `${t.slice(0, 79)}…` : t}”`; }).join(', ');
  };
  return fields.filter(([, a, b]) => !same(a, b)).map(([label, a, b]) => `${label}: ours ${show(a)}, theirs ${show(b)}`).join('; ');
}

export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)))
      : x,
  );
}
