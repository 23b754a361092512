/**
 * The operation log and undo/redo on top of it.
 *
 * Every user action opens one group (the undo unit) and records one operation per entity it changes,
 * with the changed columns before and after, in the same transaction as the change itself. Undo
 * appends a new group that applies each `before` in reverse order; redo appends one that applies each
 * `after` again. Nothing in `operations` is ever updated or deleted: it is the provenance record.
 *
 * Snapshots are objects of column values; `null` means "not live" (never created, or tombstoned).
 * Each entity type registers an applier that knows how to write a snapshot back.
 *
 * A bulk operation (migration 0007, `recordBulk`) is one row for many entities of one type that share
 * their before and after, e.g. the 200,000 rows a pack merge creates: its `entity_id` is `*`, its
 * `bulk_operations` lists the ids, and `operation_entities` finds it from each of them. Undo and redo apply
 * it entity by entity, like single operations, and log their own bulk operation; an entity's
 * history reads single and bulk operations alike.
 */
import type { Db } from '../store/database.ts';
import { newId } from '../ids.ts';
import { DomainError } from '../errors.ts';
import { noteGroup } from './steps.ts';

export type Snapshot = Record<string, unknown> | null;
export type Applier = (entityId: string, snapshot: Snapshot, at: string) => void;

export interface Group {
  id: string;
  analystId: string;
  at: string;
}

export interface HistoryEntry {
  groupId: string;
  kind: 'do' | 'undo' | 'redo';
  label: string;
  analyst: string;
  at: string;
  action: string;
  before: Snapshot;
  after: Snapshot;
}

interface GroupRow {
  id: string;
  label: string;
}

/** The `entity_id` of a bulk operation; its entities are in `bulk_operations`. */
export const BULK = '*';

export type ReplayListener = (touched: Array<{ entityType: string; entityId: string; snapshot: Snapshot }>) => void;

/**
 * The next position in the undo order. Both statements here read through the partial indexes of
 * migration 0001 (op_groups_undo, op_groups_redo), so neither costs more as the log grows: a bare
 * `max(applied_seq)` or `WHERE redoable = 1` scans all of op_groups, milliseconds per action once a
 * project holds 10,000 actions. The result equals the maximum over every group: the group applied
 * last is always undoable ('done') or redoable (undone, redoable = 1), and `begin` reads the next
 * position before it clears redo, so positions stay strictly increasing.
 */
export const NEXT_APPLIED_SQL = `SELECT max(
  coalesce((SELECT max(applied_seq) FROM op_groups WHERE kind = 'do' AND state = 'done'), 0),
  coalesce((SELECT max(applied_seq) FROM op_groups WHERE kind = 'do' AND state = 'undone' AND redoable = 1), 0)
) + 1`;

/** Only `undo` sets `redoable`, on a 'do' group it marks 'undone': exactly the rows of op_groups_redo. */
export const CLEAR_REDO_SQL = `UPDATE op_groups SET redoable = 0 WHERE kind = 'do' AND state = 'undone' AND redoable = 1`;

export class OpLog {
  private readonly appliers = new Map<string, Applier>();
  private readonly replayListeners: ReplayListener[] = [];
  private readonly stmts;

  constructor(
    private readonly db: Db,
    private readonly origin: string,
  ) {
    this.stmts = {
      nextApplied: db.prepare(NEXT_APPLIED_SQL).pluck(),
      clearRedo: db.prepare(CLEAR_REDO_SQL),
      insertGroup: db.prepare(
        `INSERT INTO op_groups (id, kind, label, analyst_id, at, origin, target_id, state, applied_seq, redoable)
         VALUES (@id, @kind, @label, @analystId, @at, @origin, @targetId, @state, @appliedSeq, 0)`,
      ),
      insertOp: db.prepare(
        `INSERT INTO operations (group_id, action, entity_type, entity_id, before, after)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      topUndo: db.prepare(
        `SELECT id, label FROM op_groups WHERE kind = 'do' AND state = 'done' ORDER BY applied_seq DESC LIMIT 1`,
      ),
      topRedo: db.prepare(
        `SELECT id, label FROM op_groups WHERE kind = 'do' AND state = 'undone' AND redoable = 1
         ORDER BY applied_seq DESC LIMIT 1`,
      ),
      insertBulk: db.prepare(
        `INSERT INTO operations (group_id, action, entity_type, entity_id, before, after) VALUES (?, ?, ?, '${BULK}', ?, ?)`,
      ),
      insertBulkIds: db.prepare(`INSERT INTO bulk_operations (op_seq, entities) VALUES (?, ?)`),
      insertMembers: db.prepare(`INSERT INTO operation_entities (entity_id, op_seq) SELECT value, ? FROM json_each(?)`),
      opsOf: db.prepare(
        `SELECT o.action, o.entity_type, o.entity_id, o.before, o.after, b.entities
         FROM operations o LEFT JOIN bulk_operations b ON b.op_seq = o.seq AND o.entity_id = '${BULK}' WHERE o.group_id = ? ORDER BY o.seq`,
      ),
      group: db.prepare(`SELECT id, label, kind, state FROM op_groups WHERE id = ?`),
      setState: db.prepare(`UPDATE op_groups SET state = ?, applied_seq = ?, redoable = ? WHERE id = ?`),
      history: db.prepare(
        `SELECT g.id AS groupId, g.kind, g.label, a.display_name AS analyst, g.at, o.action, o.before, o.after, o.seq
         FROM operations o JOIN op_groups g ON g.id = o.group_id JOIN analysts a ON a.id = g.analyst_id
         WHERE o.entity_type = @type AND o.entity_id = @id
         UNION ALL
         SELECT g.id, g.kind, g.label, a.display_name, g.at, o.action, o.before, o.after, o.seq
         FROM operation_entities e JOIN operations o ON o.seq = e.op_seq JOIN op_groups g ON g.id = o.group_id JOIN analysts a ON a.id = g.analyst_id
         WHERE e.entity_id = @id AND o.entity_type = @type
         ORDER BY 9`,
      ),
    };
  }

  register(entityType: string, applier: Applier): void {
    this.appliers.set(entityType, applier);
  }

  /** Called after an undo or redo has applied its snapshots, inside its transaction (derived data). */
  onReplay(listener: ReplayListener): void {
    this.replayListeners.push(listener);
  }

  /** Opens a new undo unit. Call inside the action's transaction. */
  begin(label: string, analystId: string, at = new Date().toISOString()): Group {
    const id = newId();
    const appliedSeq = this.stmts.nextApplied.get() as number;
    this.stmts.clearRedo.run();
    this.stmts.insertGroup.run({
      id, kind: 'do', label, analystId, at, origin: this.origin, targetId: null, state: 'done', appliedSeq,
    });
    noteGroup(id);
    return { id, analystId, at };
  }

  /** Renames an open group, e.g. once an import knows how many documents it stored. */
  relabel(group: Group, label: string): void {
    this.db.prepare(`UPDATE op_groups SET label = ? WHERE id = ?`).run(label, group.id);
  }

  record(group: Group, action: string, entityType: string, entityId: string, before: Snapshot, after: Snapshot): void {
    this.stmts.insertOp.run(group.id, action, entityType, entityId, json(before), json(after));
  }

  /**
   * One operation for many entities of one type with the same before and after (a merge's
   * creations). The ids are kept in the operation and indexed for each entity's history.
   */
  recordBulk(group: Group, action: string, entityType: string, entityIds: readonly string[], before: Snapshot, after: Snapshot): void {
    if (entityIds.length === 0) return;
    this.insertBulk(group.id, action, entityType, JSON.stringify(entityIds), json(before), json(after));
  }

  private insertBulk(groupId: string, action: string, entityType: string, ids: string, before: string | null, after: string | null): void {
    const seq = this.stmts.insertBulk.run(groupId, action, entityType, before, after).lastInsertRowid;
    this.stmts.insertBulkIds.run(seq, ids);
    this.stmts.insertMembers.run(seq, ids);
  }

  canUndo(): string | null {
    return (this.stmts.topUndo.get() as GroupRow | undefined)?.label ?? null;
  }

  canRedo(): string | null {
    return (this.stmts.topRedo.get() as GroupRow | undefined)?.label ?? null;
  }

  /**
   * A step (a 'do' group) that is still in effect, as a call reports it (steps.ts); null once it is
   * undone, or if it was rolled back with its transaction.
   */
  step(groupId: string): { id: string; label: string } | null {
    const row = this.group(groupId);
    return row && row.kind === 'do' && row.state === 'done' ? { id: row.id, label: row.label } : null;
  }

  /**
   * Reverses the latest action still in effect. Returns its label, or null if there is none. With
   * `expect` (a step's id, from a toast's Undo), only if that step is the latest: otherwise nothing
   * is undone and the error says what came after it.
   */
  undo(analystId: string, expect?: string): string | null {
    return this.db.transaction(() => {
      const target = this.stmts.topUndo.get() as GroupRow | undefined;
      if (expect !== undefined && target?.id !== expect) this.refuseStale(expect, target);
      if (!target) return null;
      this.replay(target, 'undo', analystId);
      this.stmts.setState.run('undone', this.stmts.nextApplied.get(), 1, target.id);
      return target.label;
    })();
  }

  private group(id: string): (GroupRow & { kind: string; state: string | null }) | undefined {
    return this.stmts.group.get(id) as (GroupRow & { kind: string; state: string | null }) | undefined;
  }

  private refuseStale(expect: string, latest: GroupRow | undefined): never {
    const row = this.group(expect);
    if (!row || row.kind !== 'do') throw new DomainError('NOT_FOUND', 'There is no such step to undo.');
    // Labels quote what they name already (Delete “…”): they are not quoted again.
    if (row.state !== 'done') throw new DomainError('STALE_UNDO', `Nothing was undone: this step is undone already (${row.label}).`);
    throw new DomainError(
      'STALE_UNDO',
      `Nothing was undone: something was done after this step (${latest?.label ?? 'another step'}). Undo in the top bar (Ctrl+Z) takes steps back in order, latest first.`,
    );
  }

  /** Re-applies the latest undone action, unless something new was done since. */
  redo(analystId: string): string | null {
    return this.db.transaction(() => {
      const target = this.stmts.topRedo.get() as GroupRow | undefined;
      if (!target) return null;
      this.replay(target, 'redo', analystId);
      this.stmts.setState.run('done', this.stmts.nextApplied.get(), 0, target.id);
      return target.label;
    })();
  }

  /** Every logged change of one entity, oldest first. */
  history(entityType: string, entityId: string): HistoryEntry[] {
    return (this.stmts.history.all({ type: entityType, id: entityId }) as Array<Record<string, string>>).map((r) => ({
      groupId: r.groupId!,
      kind: r.kind as HistoryEntry['kind'],
      label: r.label!,
      analyst: r.analyst!,
      at: r.at!,
      action: r.action!,
      before: parse(r.before ?? null),
      after: parse(r.after ?? null),
    }));
  }

  private replay(target: GroupRow, kind: 'undo' | 'redo', analystId: string): void {
    const at = new Date().toISOString();
    const id = newId();
    this.stmts.insertGroup.run({
      id, kind, label: target.label, analystId, at, origin: this.origin, targetId: target.id, state: null, appliedSeq: null,
    });
    const ops = this.stmts.opsOf.all(target.id) as Array<{
      action: string; entity_type: string; entity_id: string; before: string | null; after: string | null; entities: string | null;
    }>;
    if (kind === 'undo') ops.reverse();
    const touched: Parameters<ReplayListener>[0] = [];
    for (const op of ops) {
      const applier = this.appliers.get(op.entity_type);
      if (!applier) throw new Error(`No applier registered for ${op.entity_type}`);
      const from = kind === 'undo' ? op.after : op.before;
      const to = kind === 'undo' ? op.before : op.after;
      const ids = op.entities === null ? [op.entity_id] : (JSON.parse(op.entities) as string[]);
      if (kind === 'undo') ids.reverse();
      for (const entityId of ids) {
        // Each entity gets its own object: an applier or listener may keep or change it.
        applier(entityId, parse(to), at);
        touched.push({ entityType: op.entity_type, entityId, snapshot: parse(to) });
      }
      if (op.entities === null) this.stmts.insertOp.run(id, `${kind}:${op.action}`, op.entity_type, op.entity_id, from, to);
      else this.insertBulk(id, `${kind}:${op.action}`, op.entity_type, JSON.stringify(ids), from, to);
    }
    for (const listener of this.replayListeners) listener(touched);
  }
}

const json = (s: Snapshot): string | null => (s === null ? null : JSON.stringify(s));
const parse = (s: string | null): Snapshot => (s === null ? null : (JSON.parse(s) as Record<string, unknown>));
