/**
 * SQL for the review grid: a filter/sort model becomes one parameterised query on `review_rows`.
 * Column ids are mapped through a fixed table and every value is a bound parameter, so odd filter
 * values (empty, huge, quotes, SQL-looking text, LIKE wildcards) only ever filter.
 * Sorting always ends with `seq`, which makes pages stable and lets each sort use its index.
 */
import type { ColumnFilter, ReviewColumn, ReviewQuery, ReviewRow } from '../../../shared/review-schemas.ts';
import type { Db } from '../store/database.ts';

const COLUMN_SQL: Record<ReviewColumn, string> = {
  claimText: 'claim_text', kind: 'kind', document: 'document_title', outlet: 'outlet', published: 'published',
  source: 'source_name', sourceType: 'source_type', anonymous: 'anonymous', cue: 'cue', channel: 'channel',
  reliability: 'reliability', credibility: 'credibility', rating: 'rating', status: 'status',
  independentSources: 'independent_sources', tags: 'tags', annotator: 'annotator', annotatedAt: 'annotated_at',
};
/** Text columns sort without regard to case, matching their indexes. */
const NOCASE = new Set<ReviewColumn>(['source', 'outlet', 'document']);

const QUICK_SQL: Record<ReviewQuery['quick'][number], string> = {
  singleSource: 'independent_sources = 1',
  anonymousOnly: 'anonymous = 1',
  denied: "status = 'denied'",
  ungraded: '(reliability IS NULL OR credibility IS NULL)',
};

const SELECT = `SELECT attribution_id AS attributionId, claim_id AS claimId, claim_text AS claimText, kind, document_id AS documentId,
  document_title AS document, outlet, published, source_id AS sourceId, source_name AS source, source_type AS sourceType, anonymous,
  cue, channel, reliability, credibility, rating, status, status_reason AS statusReason, independent_sources AS independentSources,
  tags, annotator, annotated_at AS annotatedAt FROM review_rows`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function whereSql(query: Pick<ReviewQuery, 'filters' | 'quick'>): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const [id, filter] of Object.entries(query.filters) as Array<[ReviewColumn, ColumnFilter | undefined]>) {
    if (!filter) continue;
    const clause = filterSql(COLUMN_SQL[id], id, filter, params);
    if (clause) clauses.push(clause);
  }
  for (const q of query.quick) clauses.push(QUICK_SQL[q]);
  return { sql: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '', params };
}

function filterSql(col: string, id: ReviewColumn, f: ColumnFilter, params: unknown[]): string | null {
  if (f.type === 'set') {
    if (f.values.length === 0) return null;
    if (id === 'anonymous') {
      const wanted = f.values.map((v) => (v === 'anonymous' ? 1 : v === 'named' ? 0 : -1));
      params.push(...wanted);
      return `${col} IN (${wanted.map(() => '?').join(',')})`;
    }
    const real = f.values.filter((v) => v !== '(none)');
    const parts: string[] = [];
    if (real.length) {
      params.push(...real);
      parts.push(`${col} IN (${real.map(() => '?').join(',')})`);
    }
    if (real.length < f.values.length) parts.push(`${col} IS NULL`);
    return `(${parts.join(' OR ')})`;
  }
  if (f.op === 'blank') return `(${col} IS NULL OR ${col} = '')`;
  if (f.op === 'notBlank') return `(${col} IS NOT NULL AND ${col} <> '')`;
  if (f.type === 'text') {
    const v = f.value ?? '';
    if (v === '') return null;
    const like = (pattern: string, negate = false) => {
      params.push(pattern);
      return negate ? `(${col} IS NULL OR ${col} NOT LIKE ? ESCAPE '\\')` : `${col} LIKE ? ESCAPE '\\'`;
    };
    switch (f.op) {
      case 'contains': return like(`%${escapeLike(v)}%`);
      case 'notContains': return like(`%${escapeLike(v)}%`, true);
      case 'startsWith': return like(`${escapeLike(v)}%`);
      case 'endsWith': return like(`%${escapeLike(v)}`);
      case 'equals': return like(escapeLike(v));
      case 'notEqual': return like(escapeLike(v), true);
    }
  }
  if (f.type === 'number') {
    if (f.value === undefined) return null;
    const ops = { equals: '=', notEqual: '<>', lessThan: '<', lessThanOrEqual: '<=', greaterThan: '>', greaterThanOrEqual: '>=' } as const;
    if (f.op === 'inRange') {
      params.push(f.value, f.valueTo ?? f.value);
      return `${col} BETWEEN ? AND ?`;
    }
    params.push(f.value);
    return `${col} ${ops[f.op]} ?`;
  }
  if (f.type === 'date') {
    // Dates compare as text (ISO); a partial date "2023" spans the whole year.
    const lo = (d: string) => d.slice(0, 10) + '0000-01-01'.slice(Math.min(d.length, 10));
    const hi = (d: string) => d.slice(0, 10) + '9999-12-31'.slice(Math.min(d.length, 10)) + '\uffff';
    if (!f.value) return null;
    switch (f.op) {
      case 'equals': params.push(lo(f.value), hi(f.value)); return `${col} BETWEEN ? AND ?`;
      case 'before': params.push(lo(f.value)); return `${col} < ?`;
      case 'after': params.push(hi(f.value)); return `${col} > ?`;
      case 'inRange': params.push(lo(f.value), hi(f.valueTo ?? f.value)); return `${col} BETWEEN ? AND ?`;
    }
  }
  return null;
}

export function orderSql(sort: ReviewQuery['sort']): string {
  const parts = sort.map((s) => `${COLUMN_SQL[s.column]}${NOCASE.has(s.column) ? ' COLLATE NOCASE' : ''} ${s.dir === 'desc' ? 'DESC' : 'ASC'}`);
  const last = sort.at(-1)?.dir === 'desc' ? 'DESC' : 'ASC';
  return ` ORDER BY ${[...parts, `seq ${last}`].join(', ')}`;
}

type RawRow = Omit<ReviewRow, 'anonymous'> & { anonymous: number };
const toRow = (r: RawRow): ReviewRow => ({ ...r, anonymous: r.anonymous === 1 });

export class ReviewRepository {
  constructor(private readonly db: Db) {}

  page(query: ReviewQuery, offset: number, limit: number): ReviewRow[] {
    const where = whereSql(query);
    const sql = `${SELECT}${where.sql}${orderSql(query.sort)} LIMIT ? OFFSET ?`;
    return (this.db.prepare(sql).all(...where.params, limit, offset) as RawRow[]).map(toRow);
  }

  count(query: ReviewQuery): number {
    const where = whereSql(query);
    return this.db.prepare(`SELECT count(*) FROM review_rows${where.sql}`).pluck().get(...where.params) as number;
  }

  /** Every matching row in order, one at a time (CSV export of a million rows stays flat in memory). */
  *iterate(query: ReviewQuery): Generator<ReviewRow> {
    const where = whereSql(query);
    for (const r of this.db.prepare(`${SELECT}${where.sql}${orderSql(query.sort)}`).iterate(...where.params)) yield toRow(r as RawRow);
  }

  bySource(sourceId: string, limit: number): ReviewRow[] {
    return (this.db.prepare(`${SELECT} WHERE source_id = ? ORDER BY published, seq LIMIT ?`).all(sourceId, limit) as RawRow[]).map(toRow);
  }

  /** The query plan, for tests that check hot queries use indexes. */
  plan(query: ReviewQuery, offset = 0, limit = 100): string[] {
    const where = whereSql(query);
    const sql = `EXPLAIN QUERY PLAN ${SELECT}${where.sql}${orderSql(query.sort)} LIMIT ? OFFSET ?`;
    return (this.db.prepare(sql).all(...where.params, limit, offset) as Array<{ detail: string }>).map((r) => r.detail);
  }

  /** Changes since a point: the latest operation group and the connection's data version. */
  version(): string {
    const seq = this.db.prepare(`SELECT max(seq) FROM op_groups`).pluck().get() as number | null;
    return `${seq ?? 0}:${this.db.pragma('data_version', { simple: true }) as number}`;
  }

  listViews(): Array<{ id: string; name: string; state: string }> {
    return this.db.prepare(`SELECT id, name, state FROM review_views WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE`).all() as Array<{ id: string; name: string; state: string }>;
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
