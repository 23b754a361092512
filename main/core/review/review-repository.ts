/**
 * SQL for the review grid: a filter/sort model becomes parameterised queries on `review_rows`
 * (review-sql.ts), paged by keyset from remembered anchors (review-paging.ts) rather than by OFFSET.
 */
import type { Statement } from 'better-sqlite3';
import type { ReviewQuery, ReviewRow, SourceClaim } from '../../../shared/review-schemas.ts';
import { LEAD_CHARS } from '../documents/document-repository.ts';
import type { Db } from '../store/database.ts';
import { KeysetPager, firstPageSql, planOf } from './review-paging.ts';
import { orderSql, whereSql } from './review-sql.ts';

export { orderSql, whereSql } from './review-sql.ts';

const COLUMNS = `attribution_id AS attributionId, claim_id AS claimId, claim_text AS claimText, kind, document_id AS documentId,
  document_title AS document, outlet, published, source_id AS sourceId, source_name AS source, source_type AS sourceType, anonymous,
  cue, channel, reliability, credibility, rating, status, status_reason AS statusReason, independent_sources AS independentSources,
  tags, annotator, annotated_at AS annotatedAt`;
const SELECT = `SELECT ${COLUMNS} FROM review_rows`;

type RawRow = Omit<ReviewRow, 'anonymous' | 'lead'> & { anonymous: number };
const toRow = (r: RawRow, lead: string | null = null): ReviewRow => ({ ...r, anonymous: r.anonymous === 1, lead });

export class ReviewRepository {
  private readonly pager: KeysetPager;

  private readonly leadsOf: Statement;

  constructor(private readonly db: Db) {
    this.pager = new KeysetPager(db, COLUMNS, () => this.version());
    this.leadsOf = db.prepare(`SELECT id, substr(text, 1, ${LEAD_CHARS}) AS lead FROM documents WHERE id IN (SELECT value FROM json_each(?))`);
  }

  /** Rows by position, by keyset from anchors; `matches` (the count, when known) helps pick the plan. */
  page(query: ReviewQuery, offset: number, limit: number, options: { ahead?: boolean; matches?: number } = {}): ReviewRow[] {
    return this.withLeads(this.pager.page<RawRow>(query, offset, limit, options));
  }

  /**
   * Rows of an untitled document carry the opening of its text (`lead`), so that the grid names
   * which report each is, as the Library does. Looked up once per page for the untitled documents
   * on it, not kept in the index nor read by the sorted query (an opening is shown, never sorted on).
   */
  private withLeads(raw: RawRow[]): ReviewRow[] {
    const untitled = [...new Set(raw.filter((r) => r.document === null).map((r) => r.documentId))];
    if (untitled.length === 0) return raw.map((r) => toRow(r));
    const leads = new Map((this.leadsOf.all(JSON.stringify(untitled)) as Array<{ id: string; lead: string }>).map((d) => [d.id, d.lead]));
    return raw.map((r) => toRow(r, r.document === null ? leads.get(r.documentId) ?? null : null));
  }

  /** Finds every anchor of the query now (tests and benchmarks; the grid has them found in the background). */
  anchorAll(query: ReviewQuery): void {
    this.pager.extend(query);
  }

  /** The same rows by `LIMIT … OFFSET` (the reference keyset paging is tested against). */
  pageByOffset(query: ReviewQuery, offset: number, limit: number): ReviewRow[] {
    const where = whereSql(query);
    const sql = `${SELECT}${where.sql}${orderSql(query.sort)} LIMIT ? OFFSET ?`;
    return (this.db.prepare(sql).all(...where.params, limit, offset) as RawRow[]).map((r) => toRow(r));
  }

  count(query: ReviewQuery): number {
    const where = whereSql(query);
    // One trigram phrase alone: its table counts the matches without visiting the rows.
    const only = where.matchOnly;
    if (only) return this.db.prepare(`SELECT count(*) FROM ${only.table} WHERE ${only.table} MATCH ?`).pluck().get(only.phrase) as number;
    return this.db.prepare(`SELECT count(*) FROM review_rows${where.sql}`).pluck().get(...where.params) as number;
  }

  /** Every matching row in order, one at a time (CSV export of a million rows stays flat in memory). */
  *iterate(query: ReviewQuery): Generator<ReviewRow> {
    const where = whereSql(query);
    for (const r of this.db.prepare(`${SELECT}${where.sql}${orderSql(query.sort)}`).iterate(...where.params)) yield toRow(r as RawRow);
  }

  /** The documents holding at least one matching row (a pack export of a saved view's documents). */
  documentIds(query: Pick<ReviewQuery, 'filters' | 'quick'>): string[] {
    const where = whereSql(query);
    return this.db.prepare(`SELECT DISTINCT document_id FROM review_rows${where.sql}`).pluck().all(...where.params) as string[];
  }

  /**
   * A source's attributions, oldest first, each with its document's language and, for an untitled
   * document, the opening of its text (`lead`), so that the list names which report it is.
   */
  bySource(sourceId: string, limit: number): SourceClaim[] {
    const sql = `SELECT ${COLUMNS},
        (SELECT CASE WHEN d.title IS NULL THEN substr(d.text, 1, ${LEAD_CHARS}) END FROM documents d WHERE d.id = review_rows.document_id) AS lead,
        (SELECT d.language FROM documents d WHERE d.id = review_rows.document_id) AS language
      FROM review_rows WHERE source_id = ? ORDER BY published, seq LIMIT ?`;
    return (this.db.prepare(sql).all(sourceId, limit) as Array<RawRow & { lead: string | null; language: string | null }>).map(({ lead, language, ...r }) => ({
      ...toRow(r, lead),
      language: language ?? '',
    }));
  }

  /** The query plan, for tests that check hot queries use indexes. */
  plan(query: ReviewQuery, matches?: number): string[] {
    const plan = planOf(query, matches);
    const sql = `EXPLAIN QUERY PLAN ${firstPageSql(COLUMNS, plan)}`;
    return (this.db.prepare(sql).all(...plan.params, 100, 0) as Array<{ detail: string }>).map((r) => r.detail);
  }

  /**
   * Changes since a point: the latest operation group, the rows this connection changed (triggers
   * included, so also writes outside the operation log) and the data version (other connections).
   */
  version(): string {
    const seq = this.db.prepare(`SELECT max(seq) FROM op_groups`).pluck().get() as number | null;
    const changes = this.db.prepare(`SELECT total_changes()`).pluck().get() as number;
    return `${seq ?? 0}:${changes}:${this.db.pragma('data_version', { simple: true }) as number}`;
  }

  listViews(): Array<{ id: string; name: string; state: string }> {
    return this.db.prepare(`SELECT id, name, state FROM review_views WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE`).all() as Array<{ id: string; name: string; state: string }>;
  }

  getView(id: string): { id: string; name: string; state: string } | undefined {
    return this.db.prepare(`SELECT id, name, state FROM review_views WHERE deleted_at IS NULL AND id = ?`).get(id) as { id: string; name: string; state: string } | undefined;
  }

  findView(name: string): { id: string } | undefined {
    return this.db.prepare(`SELECT id FROM review_views WHERE deleted_at IS NULL AND name = ? COLLATE NOCASE`).get(name) as { id: string } | undefined;
  }

  saveView(id: string, name: string, state: string, meta: { origin: string; at: string; analystId: string }, replace: boolean): void {
    if (replace) {
      this.db.prepare(`UPDATE review_views SET state = ?, revision = revision + 1, updated_at = ? WHERE id = ?`).run(state, meta.at, id);
    } else {
      this.db
        .prepare(`INSERT INTO review_views (id, origin, created_at, created_by, updated_at, name, state) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(id, meta.origin, meta.at, meta.analystId, meta.at, name, state);
    }
  }

  deleteView(id: string, at: string): boolean {
    return this.db.prepare(`UPDATE review_views SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`).run(at, id).changes === 1;
  }
}
