/**
 * SQL for the annotation tables' rows, generic over the entity types: insert with bookkeeping, read a
 * row, and write a snapshot of columns (which is also how undo and redo restore a row). The services
 * decide what to write; this file only knows the tables and their columns.
 */
import type { Db } from '../store/database.ts';
import type { Statement } from 'better-sqlite3';

export const ENTITIES = {
  source: { table: 'sources', columns: ['name', 'type', 'affiliation', 'aliases', 'reliability', 'scope_document_id', 'merged_into'] },
  span: {
    table: 'spans',
    columns: ['document_id', 'kind', 'start', 'end', 'exact', 'prefix', 'suffix', 'orphaned', 'source_id', 'note', 'data'],
  },
  claim: { table: 'claims', columns: ['document_id', 'status_override', 'override_reason'] },
  attribution: {
    table: 'attributions',
    columns: ['claim_id', 'source_id', 'cue_span_id', 'channel', 'channel_span_id', 'speech', 'anonymous', 'anonymity_reason', 'via', 'credibility', 'rationale'],
  },
  claim_link: { table: 'claim_links', columns: ['from_claim_id', 'to_claim_id', 'relation', 'note'] },
  tag: { table: 'tags', columns: ['name', 'parent_id', 'color', 'merged_into'] },
  tagging: { table: 'taggings', columns: ['tag_id', 'span_id', 'document_id'] },
} as const;

export type EntityType = keyof typeof ENTITIES;
export type Row = Record<string, unknown> & { id: string; revision: number; deleted_at: string | null };
export type Values = Record<string, unknown>;

const q = (column: string) => `"${column}"`;

export interface InsertMeta {
  origin: string;
  at: string;
  analystId: string;
}

export class EntityRepository {
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private stmt(key: string, sql: () => string): Statement {
    let s = this.cache.get(key);
    if (!s) {
      s = this.db.prepare(sql());
      this.cache.set(key, s);
    }
    return s;
  }

  get(type: EntityType, id: string): Row | undefined {
    const { table } = ENTITIES[type];
    return this.stmt(`get:${type}`, () => `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  }

  /** Live rows only. */
  live(type: EntityType, id: string): Row | undefined {
    const row = this.get(type, id);
    return row && row.deleted_at === null ? row : undefined;
  }

  insert(type: EntityType, id: string, values: Values, meta: InsertMeta): void {
    const { table, columns } = ENTITIES[type];
    const cols = columns.filter((c) => c in values);
    const key = `insert:${type}:${cols.join(',')}`;
    this.stmt(
      key,
      () =>
        `INSERT INTO ${table} (id, origin, created_at, created_by, updated_at, ${cols.map(q).join(', ')})
         VALUES (@id, @origin, @at, @analystId, @at, ${cols.map((c) => `@${c}`).join(', ')})`,
    ).run({ ...pick(values, cols), id, ...meta });
  }

  /**
   * Writes the given columns (and `deleted_at` if present), bumps the revision. With
   * `expectedRevision`, writes only if the row is still at that revision; returns whether it wrote.
   */
  write(type: EntityType, id: string, snapshot: Values, at: string, expectedRevision?: number): boolean {
    const { table, columns } = ENTITIES[type];
    const cols = [...columns, 'deleted_at'].filter((c) => c in snapshot);
    const guard = expectedRevision === undefined ? '' : ' AND revision = @expectedRevision';
    const key = `write:${type}:${cols.join(',')}:${guard ? 1 : 0}`;
    const sets = [...cols.map((c) => `${q(c)} = @${c}`), 'revision = revision + 1', 'updated_at = @at'];
    const info = this.stmt(key, () => `UPDATE ${table} SET ${sets.join(', ')} WHERE id = @id${guard}`).run({
      ...pick(snapshot, cols),
      id,
      at,
      ...(expectedRevision === undefined ? {} : { expectedRevision }),
    });
    return info.changes === 1;
  }

  /** The snapshot of the given columns as they are now (for the log's "before"). */
  snapshot(type: EntityType, id: string, columns: readonly string[]): Values {
    const row = this.get(type, id);
    if (!row) return {};
    return Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));
  }

  /** Every column of a row that a snapshot can hold: what "after" records on creation. */
  fullSnapshot(type: EntityType, id: string): Values {
    return this.snapshot(type, id, [...ENTITIES[type].columns, 'deleted_at']);
  }
}

function pick(values: Values, cols: readonly string[]): Values {
  const out: Values = {};
  for (const c of cols) {
    const v = values[c];
    out[c] = typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v;
  }
  return out;
}
