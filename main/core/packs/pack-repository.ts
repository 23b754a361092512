/**
 * SQL for packs: reading everything an export needs in a few bulk queries, and the writes of a merge
 * that must keep a pack's own bookkeeping (its ids, revisions, times and authors), which the logged
 * writes of the annotation services do not take. No rules here: the pack services decide.
 */
import type { Statement } from 'better-sqlite3';
import { ENTITIES, type EntityType } from '../annotations/entity-repository.ts';
import type { Db } from '../store/database.ts';

export interface DocumentRow {
  id: string; sha256: string; text: string; title: string | null; outlet: string | null; author: string | null; url: string | null;
  published: string | null; language: string; direction: 'ltr' | 'rtl'; word_count: number; created_at: string; created_by: string;
}
export interface ImportRow {
  id: string; document_id: string; file_name: string; imported_at: string; analyst_id: string; encoding: string;
  byte_length: number; duplicate: number; has_original: number;
}
interface Bookkept { id: string; revision: number; created_at: string; updated_at: string; created_by: string }
export interface SpanRow extends Bookkept {
  document_id: string; kind: string; start: number; end: number; exact: string; prefix: string; suffix: string; orphaned: number;
  source_id: string | null; note: string | null; data: string | null;
}
export interface ClaimRow { id: string; status: string; status_override: string | null; override_reason: string | null }
export interface AttributionRow extends Bookkept {
  claim_id: string; source_id: string; cue_span_id: string | null; channel: string | null; channel_span_id: string | null; speech: string;
  anonymous: number; anonymity_reason: string | null; via: string; credibility: number | null; rationale: string | null;
}
export interface LinkRow extends Bookkept { from_claim_id: string; to_claim_id: string; relation: string; note: string | null }
export interface TaggingRow { tag_id: string; span_id: string | null; document_id: string | null }
export interface TagRow extends Bookkept { name: string; parent_id: string | null; color: string | null }
export interface SourceRow extends Bookkept {
  name: string; type: string; affiliation: string | null; aliases: string; reliability: string | null; scope_document_id: string | null;
}
export interface GradeRow { id: string; source_id: string; grade: string | null; reason: string | null; analyst_id: string; at: string }

/** Every live record an export can need; the export service selects from it. */
export interface ProjectSnapshot {
  documents: DocumentRow[];
  imports: ImportRow[];
  spans: SpanRow[];
  claims: ClaimRow[];
  attributions: AttributionRow[];
  links: LinkRow[];
  taggings: TaggingRow[];
  tags: TagRow[];
  sources: SourceRow[];
  grades: GradeRow[];
  analysts: Array<{ id: string; display_name: string }>;
}

const BOOK = 'id, revision, created_at, updated_at, created_by';

export interface InsertedRow {
  id: string;
  origin: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  values: Record<string, unknown>;
}

export interface ConflictRow {
  id: string; merge_id: string; pack_id: string; entity_type: string; entity_id: string; theirs: string;
  settled: 'ours' | 'theirs' | null; settled_at: string | null; settled_by: string | null;
}

/** A merge kept in `pack_merges`, with who merged it and its undo group's state ('undone' once taken back). */
export interface MergeRow { id: string; at: string; analyst: string; name: string; report: string; state: string | null }

const MERGE_ROWS = `SELECT m.id, m.at, a.display_name AS analyst, m.name, m.report, g.state
  FROM pack_merges m JOIN analysts a ON a.id = m.analyst_id LEFT JOIN op_groups g ON g.id = m.group_id`;

export const settlementKey = (mergeId: string, type: string, id: string) => `${mergeId} ${type} ${id}`;

export class PackRepository {
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private stmt(key: string, sql: () => string): Statement {
    let s = this.cache.get(key);
    if (!s) this.cache.set(key, (s = this.db.prepare(sql())));
    return s;
  }

  /** One consistent read of the live project (callers run it inside one transaction). */
  snapshot(): ProjectSnapshot {
    const all = <T>(sql: string) => this.db.prepare(sql).all() as T[];
    const liveDoc = `document_id IN (SELECT id FROM documents WHERE deleted_at IS NULL)`;
    return {
      documents: all(`SELECT id, sha256, text, title, outlet, author, url, published, language, direction, word_count, created_at, created_by
                      FROM documents WHERE deleted_at IS NULL ORDER BY id`),
      imports: all(`SELECT id, document_id, file_name, imported_at, analyst_id, encoding, byte_length, duplicate,
                      original_bytes IS NOT NULL AS has_original
                    FROM document_imports WHERE deleted_at IS NULL AND ${liveDoc} ORDER BY seq`),
      spans: all(`SELECT ${BOOK}, document_id, kind, start, "end", exact, prefix, suffix, orphaned, source_id, note, data
                  FROM spans WHERE deleted_at IS NULL AND ${liveDoc} ORDER BY document_id, start, "end", id`),
      claims: all(`SELECT id, status, status_override, override_reason FROM claims WHERE deleted_at IS NULL`),
      attributions: all(`SELECT ${BOOK}, claim_id, source_id, cue_span_id, channel, channel_span_id, speech, anonymous, anonymity_reason,
                           via, credibility, rationale
                         FROM attributions WHERE deleted_at IS NULL ORDER BY id`),
      links: all(`SELECT ${BOOK}, from_claim_id, to_claim_id, relation, note FROM claim_links WHERE deleted_at IS NULL ORDER BY id`),
      taggings: all(`SELECT tag_id, span_id, document_id FROM taggings WHERE deleted_at IS NULL ORDER BY tag_id`),
      tags: all(`SELECT ${BOOK}, name, parent_id, color FROM tags WHERE deleted_at IS NULL ORDER BY id`),
      sources: all(`SELECT ${BOOK}, name, type, affiliation, aliases, reliability, scope_document_id FROM sources
                    WHERE deleted_at IS NULL ORDER BY id`),
      grades: all(`SELECT id, source_id, grade, reason, analyst_id, at FROM source_grades ORDER BY at, id`),
      analysts: all(`SELECT id, display_name FROM analysts ORDER BY id`),
    };
  }

  originalBytes(importId: string): Uint8Array | null {
    const v = this.stmt('orig', () => `SELECT original_bytes FROM document_imports WHERE id = ?`).pluck().get(importId);
    return v instanceof Uint8Array ? v : null;
  }

  // ---- merge -------------------------------------------------------------------------------------

  analystExists(id: string): boolean {
    return this.stmt('analyst?', () => `SELECT 1 FROM analysts WHERE id = ?`).get(id) !== undefined;
  }

  insertAnalyst(id: string, name: string, at: string): void {
    this.stmt('analyst+', () => `INSERT INTO analysts (id, display_name, created_at) VALUES (?, ?, ?)`).run(id, name, at);
  }

  /** An annotation row with the pack's own id, revision, times and author (positional binding: a merge runs this 200,000 times). */
  insertEntity(type: EntityType, row: InsertedRow): void {
    const { table, columns } = ENTITIES[type];
    const cols = columns.filter((c) => c in row.values);
    const args: unknown[] = [row.id, row.origin, row.revision, row.createdAt, row.updatedAt, row.createdBy];
    for (const c of cols) {
      const v = row.values[c];
      args.push(typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v);
    }
    this.stmt(
      `ins:${type}:${cols.join(',')}`,
      () => `INSERT INTO ${table} (id, origin, revision, created_at, updated_at, created_by, ${cols.map((c) => `"${c}"`).join(', ')})
             VALUES (?, ?, ?, ?, ?, ?, ${cols.map(() => '?').join(', ')})`,
    ).run(...args);
  }

  /**
   * One statement per annotation table, every column bound positionally: a merge inserts 200,000 rows
   * and the generic `insertEntity` spent about half of each row's time building its statement key,
   * column list and argument array. The methods below take the row's values as plain arguments
   * (bookkeeping first, then the table's columns in `ENTITIES` order), so a row allocates nothing.
   */
  private bulkInsert(type: 'span' | 'claim' | 'attribution' | 'claim_link' | 'tagging'): Statement {
    const { table, columns } = ENTITIES[type];
    return this.stmt(
      `bulk+:${type}`,
      () => `INSERT INTO ${table} (id, origin, revision, created_at, updated_at, created_by, ${columns.map((c) => `"${c}"`).join(', ')})
             VALUES (?, ?, ?, ?, ?, ?, ${columns.map(() => '?').join(', ')})`,
    );
  }

  insertSpan(
    id: string, origin: string, revision: number, createdAt: string, updatedAt: string, createdBy: string,
    documentId: string, kind: string, start: number, end: number, exact: string, prefix: string, suffix: string, orphaned: 0 | 1,
    sourceId: string | null, note: string | null, data: string | null,
  ): void {
    (this.spanInsert ??= this.bulkInsert('span')).run(id, origin, revision, createdAt, updatedAt, createdBy, documentId, kind, start, end, exact, prefix, suffix, orphaned, sourceId, note, data);
  }

  insertClaim(id: string, origin: string, revision: number, createdAt: string, updatedAt: string, createdBy: string, documentId: string, statusOverride: string | null, overrideReason: string | null): void {
    (this.claimInsert ??= this.bulkInsert('claim')).run(id, origin, revision, createdAt, updatedAt, createdBy, documentId, statusOverride, overrideReason);
  }

  insertAttribution(
    id: string, origin: string, revision: number, createdAt: string, updatedAt: string, createdBy: string,
    claimId: string, sourceId: string, cueSpanId: string | null, channel: string | null, channelSpanId: string | null, speech: string, anonymous: 0 | 1,
    anonymityReason: string | null, via: string, credibility: number | null, rationale: string | null,
  ): void {
    (this.attributionInsert ??= this.bulkInsert('attribution')).run(
      id, origin, revision, createdAt, updatedAt, createdBy, claimId, sourceId, cueSpanId, channel, channelSpanId, speech, anonymous, anonymityReason, via, credibility, rationale,
    );
  }

  insertLink(id: string, origin: string, revision: number, createdAt: string, updatedAt: string, createdBy: string, fromClaimId: string, toClaimId: string, relation: string, note: string | null): void {
    (this.linkInsert ??= this.bulkInsert('claim_link')).run(id, origin, revision, createdAt, updatedAt, createdBy, fromClaimId, toClaimId, relation, note);
  }

  insertTagging(id: string, origin: string, revision: number, createdAt: string, updatedAt: string, createdBy: string, tagId: string, spanId: string | null, documentId: string | null): void {
    (this.taggingInsert ??= this.bulkInsert('tagging')).run(id, origin, revision, createdAt, updatedAt, createdBy, tagId, spanId, documentId);
  }

  private spanInsert?: Statement;
  private claimInsert?: Statement;
  private attributionInsert?: Statement;
  private linkInsert?: Statement;
  private taggingInsert?: Statement;

  /**
   * What decides the derived status of each of `claimIds` (live claims only), in a few set-based
   * statements instead of six lookups per claim: the strongest relation among the live links from live
   * claims pointing at it (denies, then disputes, then corroborates; null for none), how many links
   * of that relation there are, and the names of those claims' sources, each once, in the order the
   * claim service meets them (links, then attributions, by seq). See `derivedStatuses` in
   * merge-status.ts for the rule; corroborations are left to the claim service.
   */
  statusInputs(claimIds: Iterable<string>): Array<{ id: string; relation: string | null; links: number; names: string | null }> {
    // A temporary table for the ids, dropped after (prepared here, not cached: it lives for one call).
    this.db.exec(`CREATE TEMP TABLE pack_status_targets (id TEXT PRIMARY KEY) WITHOUT ROWID`);
    try {
      const add = this.db.prepare(`INSERT OR IGNORE INTO temp.pack_status_targets (id) VALUES (?)`);
      for (const id of claimIds) add.run(id);
      return this.db.prepare(`
        WITH incoming AS (
          SELECT l.to_claim_id AS claim_id, l.relation, l.from_claim_id, l.seq
          FROM temp.pack_status_targets t
          JOIN claim_links l ON l.to_claim_id = t.id AND l.deleted_at IS NULL
          JOIN claims f ON f.id = l.from_claim_id AND f.deleted_at IS NULL
        ),
        decided AS (
          SELECT claim_id, CASE WHEN max(relation = 'denies') THEN 'denies' WHEN max(relation = 'disputes') THEN 'disputes'
                                WHEN max(relation = 'corroborates') THEN 'corroborates' END AS relation
          FROM incoming GROUP BY claim_id
        ),
        deciding AS (SELECT i.* FROM incoming i JOIN decided d ON d.claim_id = i.claim_id AND d.relation = i.relation),
        met AS (
          SELECT g.claim_id, a.source_id, row_number() OVER (PARTITION BY g.claim_id ORDER BY g.seq, a.seq) AS place
          FROM deciding g JOIN attributions a ON a.claim_id = g.from_claim_id AND a.deleted_at IS NULL
        ),
        names AS (
          SELECT m.claim_id, coalesce(s.name, '?') AS name, min(m.place) AS first
          FROM met m LEFT JOIN sources s ON s.id = m.source_id GROUP BY m.claim_id, coalesce(s.name, '?')
        )
        SELECT t.id, d.relation,
               (SELECT count(*) FROM deciding g WHERE g.claim_id = t.id) AS links,
               (SELECT group_concat(n.name, ', ' ORDER BY n.first) FROM names n WHERE n.claim_id = t.id) AS names
        FROM temp.pack_status_targets t
        JOIN claims c ON c.id = t.id AND c.deleted_at IS NULL
        LEFT JOIN decided d ON d.claim_id = t.id`).all() as Array<{ id: string; relation: string | null; links: number; names: string | null }>;
    } finally {
      this.db.exec(`DROP TABLE temp.pack_status_targets`);
    }
  }

  /** Stores a derived status and why, as the annotation repository's `setStatus`: no write when unchanged. */
  setClaimStatus(claimId: string, status: string, reason: string | null): void {
    this.stmt('status=', () => `UPDATE claims SET status = ?, status_reason = ? WHERE id = ? AND (status IS NOT ? OR status_reason IS NOT ?)`)
      .run(status, reason, claimId, status, reason);
  }

  importExists(id: string): boolean {
    return this.stmt('import?', () => `SELECT 1 FROM document_imports WHERE id = ?`).get(id) !== undefined;
  }

  gradeExists(id: string): boolean {
    return this.stmt('grade?', () => `SELECT 1 FROM source_grades WHERE id = ?`).get(id) !== undefined;
  }

  insertGrade(g: GradeRow): void {
    this.stmt('grade+', () => `INSERT INTO source_grades (id, source_id, grade, reason, analyst_id, at) VALUES (@id, @source_id, @grade, @reason, @analyst_id, @at)`).run(g);
  }

  documentById(id: string): { id: string; sha256: string; origin: string; deleted_at: string | null } | undefined {
    return this.stmt('doc', () => `SELECT id, sha256, origin, deleted_at FROM documents WHERE id = ?`).get(id) as
      | { id: string; sha256: string; origin: string; deleted_at: string | null }
      | undefined;
  }

  documentTaggingExists(tagId: string, documentId: string): boolean {
    return this.stmt('dtag?', () => `SELECT 1 FROM taggings WHERE tag_id = ? AND document_id = ? AND deleted_at IS NULL`).get(tagId, documentId) !== undefined;
  }

  spanTaggingExists(tagId: string, spanId: string): boolean {
    return this.stmt('stag?', () => `SELECT 1 FROM taggings WHERE tag_id = ? AND span_id = ? AND deleted_at IS NULL`).get(tagId, spanId) !== undefined;
  }

  /**
   * Which of `ids` already have a row in the entity's table (live or not): one query per 500 ids, so
   * a merge of 100,000 new records does not look each one up alone.
   */
  existing(type: EntityType, ids: string[]): Set<string> {
    const { table } = ENTITIES[type];
    const out = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const sql = `SELECT id FROM ${table} WHERE id IN (${chunk.map(() => '?').join(',')})`;
      for (const id of this.stmt(`exists:${type}:${chunk.length}`, () => sql).pluck().all(...chunk) as string[]) out.add(id);
    }
    return out;
  }

  /** A live link with the same ends and relation (under another id). */
  linkTwin(fromClaimId: string, toClaimId: string, relation: string): boolean {
    return this.stmt('twin', () => `SELECT 1 FROM claim_links WHERE from_claim_id = ? AND to_claim_id = ? AND relation = ? AND deleted_at IS NULL`)
      .get(fromClaimId, toClaimId, relation) !== undefined;
  }

  liveSources(): Array<{ id: string; name: string; aliases: string }> {
    return this.stmt('sources', () => `SELECT id, name, aliases FROM sources WHERE deleted_at IS NULL AND merged_into IS NULL`).all() as Array<{ id: string; name: string; aliases: string }>;
  }

  liveTags(): Array<{ id: string; name: string; parent_id: string | null }> {
    return this.stmt('tags', () => `SELECT id, name, parent_id FROM tags WHERE deleted_at IS NULL`).all() as Array<{ id: string; name: string; parent_id: string | null }>;
  }

  recordMerge(m: { id: string; packId: string; name: string; creator: string | null; sha256: string; groupId: string | null; analystId: string; at: string; report: string }): void {
    this.stmt('merge+', () => `INSERT INTO pack_merges (id, pack_id, name, creator, sha256, group_id, analyst_id, at, report)
      VALUES (@id, @packId, @name, @creator, @sha256, @groupId, @analystId, @at, @report)`).run(m);
  }

  /** Whether the latest change of a record was an undo (a merge or a creation taken back), not a delete. */
  deletedByUndo(entityType: string, id: string): boolean {
    // Single operations and bulk ones (migration 0007) alike: the latest of either.
    const action = this.stmt('lastop', () => `SELECT action FROM (
        SELECT seq, action FROM operations WHERE entity_type = @type AND entity_id = @id
        UNION ALL
        SELECT o.seq, o.action FROM operation_entities e JOIN operations o ON o.seq = e.op_seq WHERE e.entity_id = @id AND o.entity_type = @type
      ) ORDER BY seq DESC LIMIT 1`)
      .pluck()
      .get({ type: entityType, id }) as string | undefined;
    return action?.startsWith('undo:') ?? false;
  }

  /** The merges kept in this project, newest first, with the state of their undo unit. */
  merges(limit: number): MergeRow[] {
    return this.stmt('merges', () => `${MERGE_ROWS} ORDER BY m.seq DESC LIMIT ?`).all(limit) as MergeRow[];
  }

  /** One merge made here, with whether it stands (its undo group's state). */
  merge(id: string): MergeRow | undefined {
    return this.stmt('merge@', () => `${MERGE_ROWS} WHERE m.id = ?`).get(id) as MergeRow | undefined;
  }

  updateMergeReport(id: string, report: string): void {
    this.stmt('merge=', () => `UPDATE pack_merges SET report = ? WHERE id = ?`).run(report, id);
  }

  /** The conflict already recorded for this version of theirs, if any. */
  findConflict(entityType: string, entityId: string, theirsSha256: string): { id: string; copy_id: string | null } | undefined {
    return this.stmt('conflict?', () => `SELECT id, copy_id FROM pack_conflicts WHERE entity_type = ? AND entity_id = ? AND theirs_sha256 = ?`)
      .get(entityType, entityId, theirsSha256) as { id: string; copy_id: string | null } | undefined;
  }

  recordConflict(c: { id: string; mergeId: string; packId: string; entityType: string; entityId: string; copyId: string | null; theirs: string; theirsSha256: string; at: string }): void {
    this.stmt('conflict+', () => `INSERT INTO pack_conflicts (id, merge_id, pack_id, entity_type, entity_id, copy_id, theirs, theirs_sha256, at)
      VALUES (@id, @mergeId, @packId, @entityType, @entityId, @copyId, @theirs, @theirsSha256, @at)
      ON CONFLICT (entity_type, entity_id, theirs_sha256) DO UPDATE SET copy_id = excluded.copy_id, merge_id = excluded.merge_id`).run(c);
  }

  /**
   * The conflict a merge recorded on a record (the merge's own, or the latest one on it when a later
   * merge of the same version took it over), with what settled it, if anything did.
   */
  conflictOf(mergeId: string, entityType: string, entityId: string): ConflictRow | undefined {
    return this.stmt('conflict@', () => `SELECT id, merge_id, pack_id, entity_type, entity_id, theirs, settled, settled_at, settled_by FROM pack_conflicts
      WHERE entity_type = ? AND entity_id = ? ORDER BY merge_id = ? DESC, seq DESC LIMIT 1`).get(entityType, entityId, mergeId) as ConflictRow | undefined;
  }

  /** How each conflict of these merges on a document, source or tag was settled (absent: not settled). */
  settlements(mergeIds: readonly string[]): Map<string, 'ours' | 'theirs'> {
    const out = new Map<string, 'ours' | 'theirs'>();
    if (mergeIds.length === 0) return out;
    const rows = this.db.prepare(`SELECT merge_id, entity_type, entity_id, settled FROM pack_conflicts
      WHERE settled IS NOT NULL AND merge_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(mergeIds)) as Array<{ merge_id: string; entity_type: string; entity_id: string; settled: 'ours' | 'theirs' }>;
    for (const r of rows) out.set(settlementKey(r.merge_id, r.entity_type, r.entity_id), r.settled);
    return out;
  }

  /** Writes a conflict's settlement (null clears it): the log's applier for `pack_conflict`. */
  writeSettlement(conflictId: string, s: { settled: string | null; settled_at: string | null; settled_by: string | null }): void {
    this.stmt('settle=', () => `UPDATE pack_conflicts SET settled = @settled, settled_at = @settled_at, settled_by = @settled_by WHERE id = @id`)
      .run({ id: conflictId, settled: s.settled, settled_at: s.settled_at, settled_by: s.settled_by });
  }

  /** Rows per table, for tests and reports (every table a merge may write). */
  counts(): Record<string, number> {
    const tables = ['documents', 'document_imports', 'spans', 'claims', 'attributions', 'claim_links', 'tags', 'taggings', 'sources',
      'source_grades', 'analysts', 'op_groups', 'operations', 'bulk_operations', 'operation_entities', 'pack_merges', 'pack_conflicts'];
    return Object.fromEntries(tables.map((t) => [t, this.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
  }
}
