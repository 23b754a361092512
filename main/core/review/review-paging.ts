/**
 * Keyset paging for the review grid. ag-grid's infinite row model asks for rows by position
 * (`startRow`, `endRow`), and `LIMIT … OFFSET n` walks n index entries before the first row it
 * returns: a block near the end of a million rows cost a walk of a million entries, every time.
 *
 * Here a position is reached from an anchor instead: for each query (filters, quick filters, sort)
 * the sort key of the row at every `SPACING`-th position is remembered, found once by walking
 * forward from the nearest anchor already known. A block at position p then starts at anchor
 * ⌊p / SPACING⌋ with a seek on the sort index (`key >= anchor`) and skips fewer than `SPACING`
 * rows. Anchors are forgotten when anything in the project changes (`version`).
 *
 * "After the anchor" in an order of several keys, each ascending or descending, with NULLs (which
 * SQLite sorts first) is not one row-value comparison, and an OR of the cases would not use an index.
 * So it is a list of segments, each a plain conjunction an index can answer, in the order their
 * rows come: the rows equal to the anchor on every sort key from its `seq` on, then those equal on
 * all but the last key and after it on that one, and so on up to those after it on the first key.
 */
import type { ReviewQuery } from '../../../shared/review-schemas.ts';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/database.ts';
import { COLUMN_SQL, SORT_INDEXED, orderByKeys, sortKeys, whereSql, type SortKey } from './review-sql.ts';

/** Rows between two anchors: a block fetch skips fewer than this many index entries. */
export const SPACING = 2000;
/** How long one background slice of walking may hold the connection. */
const SLICE_MS = 8;
/**
 * Most background walking one query gets: a million rows in the order of an index take ~70 ms here;
 * a filter the sort's index cannot answer (denied, by source) can take seconds, and is not worth it.
 */
const AHEAD_BUDGET_MS = 400;
/**
 * Quiet time before background walking starts, pushed back by every page asked: the walk is work
 * for while the analyst reads, not while the renderer draws the rows just sent (on two cores it
 * took a third of the CPU the grid needed to paint a filter's first rows).
 */
const AHEAD_DELAY_MS = 300;
/** Queries whose anchors are kept (sort orders and filter sets an analyst goes back and forth between). */
const KEPT = 12;

/** The sort key values of one row, `seq` last. */
type Key = unknown[];

interface Segment {
  sql: string;
  params: unknown[];
}

interface Walk {
  version: string;
  /** anchors[i]: key of the row at position i × SPACING; anchors[0] is the start (null). */
  anchors: Array<Key | null>;
  /** Set once walking found the last row: no anchor exists past this index. */
  lastAnchor: number | null;
  /** Unsorted phrase queries: every matching `seq` in order, once read (a block is then a lookup). */
  hits?: number[];
  /** Time spent walking in the background. */
  spentMs: number;
  /** The query's count, once a page was asked with it (it decides the plan, see `planOf`). */
  matches?: number;
}

/**
 * How one query is read: from which tables, under which conditions, in which order, and whether by
 * anchors. Trigram phrases change the plan (the index answers them, not `review_rows`'s indexes):
 * - unsorted, the matches stream from the trigram index in rowid (= `seq`) order, joined to their
 *   rows, and are anchored on that rowid (`hit`);
 * - sorted and matching many rows, the sort's index is walked and each row tested against the
 *   matches (`+seq` keeps SQLite from driving the query by them: it would fetch and sort them all);
 * - sorted and matching few rows (under `FEW_MATCHES`), the matches are fetched and sorted.
 * A sorted query with phrases re-reads its matches on every statement, so it is not anchored (a walk
 * would read them once per anchor): it pages by OFFSET, one read per block.
 *
 * Other filters with a sort, once their count is known (`matches`), are read one of two ways. Left
 * to itself SQLite answers "denied, by source" from the status index and sorts every denied row
 * before returning the first 100: ~0.5 s for 100,000 rows here, and again for every anchor. So:
 * - matching many rows (`FEW_MATCHES` or more: in a million rows, at most 50 tested for each one
 *   kept), the sort's own index is walked and each row tested against the
 *   filters, which are written `+column` so the planner cannot take their index instead; the sort
 *   column's own filter keeps its index (the same index answers both). Anchored as usual.
 * - matching few, the filters' indexes find them and they are sorted: a temporary sort of under
 *   `FEW_MATCHES` rows, read again for each block (OFFSET, not anchored: every statement sorts).
 * A sort by a column without an index keeps the filters' indexes either way.
 */
export interface QueryPlan {
  from: string;
  /** Conditions joined by AND (or ''), after the FROM's own parameters. */
  cond: string;
  params: unknown[];
  keys: SortKey[];
  anchored: boolean;
  /** For a plan driven by a trigram phrase (keys `[HIT]`): the table it is looked up in. */
  hitTable?: string;
}

/** Below this many matches, a sorted query with phrases fetches its matches and sorts them. */
export const FEW_MATCHES = 20_000;

const HIT: SortKey = { column: 'hit', expr: 'hit', desc: false, nullable: false };

export function planOf(query: ReviewQuery, matches?: number): QueryPlan {
  const filtered = query.quick.length > 0 || Object.keys(query.filters).length > 0;
  const lead = query.sort[0]?.column;
  if (lead && filtered && matches !== undefined) {
    const w0 = whereSql(query);
    if (!w0.match) {
      if (matches < FEW_MATCHES) return { from: 'review_rows', cond: w0.rest, params: w0.restParams, keys: sortKeys(query.sort), anchored: false };
      if (SORT_INDEXED.has(lead)) {
        const w = whereSql(query, { unindexed: (column) => column !== COLUMN_SQL[lead] });
        return { from: 'review_rows', cond: w.rest, params: w.restParams, keys: sortKeys(query.sort), anchored: true };
      }
    }
  }
  const w = whereSql(query);
  if (!w.match) return { from: 'review_rows', cond: w.rest, params: w.restParams, keys: sortKeys(query.sort), anchored: true };
  if (query.sort.length === 0) {
    const t = w.match.table;
    return {
      // The anchor goes inside, as a rowid range the trigram index answers (outside it would not be pushed down).
      from: `(SELECT rowid AS hit FROM ${t} WHERE ${t} MATCH ? AND rowid >= ?) JOIN review_rows ON seq = hit`,
      cond: w.rest,
      params: [w.match.phrase, 0, ...w.restParams],
      keys: [HIT],
      anchored: true,
      hitTable: t,
    };
  }
  const few = matches !== undefined && matches < FEW_MATCHES;
  const t = w.match.table;
  const phrase = `${few ? 'seq' : '+seq'} IN (SELECT rowid FROM ${t} WHERE ${t} MATCH ?)`;
  return { from: 'review_rows', cond: [phrase, w.rest].filter(Boolean).join(' AND '), params: [w.match.phrase, ...w.restParams], keys: sortKeys(query.sort), anchored: false };
}

/** The page query of a plan from its start, for EXPLAIN QUERY PLAN. */
export function firstPageSql(columns: string, plan: QueryPlan): string {
  return `SELECT ${columns} FROM ${plan.from}${plan.cond ? ` WHERE ${plan.cond}` : ''}${orderByKeys(plan.keys)} LIMIT ? OFFSET ?`;
}

/** The segments of rows from `anchor` (included) onwards, in sort order. */
export function segmentsFrom(keys: SortKey[], anchor: Key): Segment[] {
  const segments: Segment[] = [];
  const equal = (n: number): Segment => {
    const sql: string[] = [];
    const params: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const v = anchor[i];
      if (v === null) sql.push(`${keys[i]!.column} IS NULL`);
      else {
        sql.push(`${keys[i]!.expr} = ?`);
        params.push(v);
      }
    }
    return { sql: sql.join(' AND '), params };
  };
  const and = (a: Segment, sql: string, params: unknown[]): Segment => ({ sql: a.sql ? `${a.sql} AND ${sql}` : sql, params: [...a.params, ...params] });
  const last = keys.length - 1;
  segments.push(and(equal(last), `seq ${keys[last]!.desc ? '<=' : '>='} ?`, [anchor[last]]));
  for (let i = last - 1; i >= 0; i--) {
    const key = keys[i]!;
    const v = anchor[i];
    const prefix = equal(i);
    if (!key.desc) {
      // Ascending: NULLs come first, so after a NULL come all values, after a value the greater ones.
      segments.push(v === null ? and(prefix, `${key.column} IS NOT NULL`, []) : and(prefix, `${key.expr} > ?`, [v]));
    } else if (v !== null) {
      // Descending: the smaller values, then the NULLs, which come last.
      segments.push(and(prefix, `${key.expr} < ?`, [v]));
      if (key.nullable) segments.push(and(prefix, `${key.column} IS NULL`, []));
    }
  }
  return segments;
}

export class KeysetPager {
  private readonly walks = new Map<string, Walk>();
  private readonly statements = new Map<string, Statement>();
  private ahead: ReviewQuery | null = null;
  private aheadScheduled = false;
  /** No background walking before this time (`performance.now()`). */
  private quietUntil = 0;

  constructor(
    private readonly db: Db,
    /** The result columns of a page (`attribution_id AS attributionId, …`). */
    private readonly columns: string,
    private readonly version: () => string,
  ) {}

  /**
   * Rows `offset` to `offset + limit` of the query, in its order. Unless told not to, the anchors of
   * this query are then found ahead of need, a few milliseconds at a time between calls (`ahead`).
   */
  page<T>(query: ReviewQuery, offset: number, limit: number, options: { ahead?: boolean; matches?: number } = {}): T[] {
    const plan = planOf(query, options.matches);
    if (!plan.anchored) return this.fetch<T>(this.columns, plan, null, offset, limit);
    if (options.matches !== undefined) this.walkFor(query).matches = options.matches;
    const k = Math.floor(offset / SPACING);
    const anchor = k === 0 ? null : this.anchor(query, plan, k);
    const hits = plan.keys[0] === HIT ? this.walks.get(walkId(query))?.hits : undefined;
    if (hits) {
      const seqs = hits.slice(offset, offset + limit);
      if (options.ahead ?? true) this.walkAhead(query);
      return this.statement(`SELECT ${this.columns} FROM review_rows WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq`).raw(false).all(JSON.stringify(seqs)) as T[];
    }
    let from = anchor;
    let skip = offset - k * SPACING;
    if (from !== undefined && skip > 0) {
      // Skip by the sort keys alone, then read whole rows from the row reached: OFFSET over whole
      // rows reads every skipped row from the table (10 ms a block on a million rows), over the keys
      // it reads the sort's index only.
      const keyColumns = plan.keys.map((key) => key.column).join(', ');
      from = this.fetch<Record<string, unknown>>(keyColumns, plan, from, skip, 1, true)[0] as unknown as Key | undefined;
      skip = 0;
    }
    const rows = from === undefined ? [] : this.fetch<T>(this.columns, plan, from, skip, limit);
    if (options.ahead ?? true) this.walkAhead(query);
    return rows;
  }

  /**
   * Finds the anchors of the query last paged in the background, in slices of `SLICE_MS` once the
   * grid has been quiet for `AHEAD_DELAY_MS`, so that a jump deep into the rows does not have to
   * walk to them first. Only the latest query is walked
   * (the grid has moved on from the others), never inside a transaction someone holds open (an
   * import yields between its chunks), and never on a closed connection.
   */
  private walkAhead(query: ReviewQuery): void {
    this.ahead = query;
    this.quietUntil = performance.now() + AHEAD_DELAY_MS;
    if (this.aheadScheduled) return;
    this.aheadScheduled = true;
    const slice = () => {
      this.aheadScheduled = false;
      const q = this.ahead;
      if (!q || !this.db.open) return;
      const wait = this.quietUntil - performance.now();
      if (wait > 0) {
        this.aheadScheduled = true;
        setTimeout(slice, wait).unref();
        return;
      }
      if (this.db.inTransaction) {
        this.aheadScheduled = true;
        setTimeout(slice, 50).unref();
        return;
      }
      let done = true;
      try {
        done = this.extend(q, SLICE_MS, AHEAD_BUDGET_MS);
      } catch {
        // A statement iterating elsewhere on the connection, or a schema change: walk on demand instead.
      }
      if (done) {
        if (this.ahead === q) this.ahead = null;
        return;
      }
      this.aheadScheduled = true;
      setImmediate(slice);
    };
    setTimeout(slice, AHEAD_DELAY_MS).unref();
  }

  /**
   * Walks the query's anchors for up to `ms`; true when they are all known, or when the walk has
   * already cost `budget` ms in all (a query whose plan makes the walk slow is walked on demand only).
   */
  extend(query: ReviewQuery, ms = Infinity, budget = Infinity): boolean {
    const walk = this.walkFor(query);
    if (walk.lastAnchor !== null || walk.spentMs >= budget) return true;
    const plan = planOf(query, walk.matches);
    if (!plan.anchored) return true;
    const start = performance.now();
    const until = start + ms;
    while (walk.lastAnchor === null && performance.now() < until) this.anchor(query, plan, walk.anchors.length);
    walk.spentMs += performance.now() - start;
    return walk.lastAnchor !== null;
  }

  /** How many anchors the query has found so far (tests and benchmarks). */
  anchorsKnown(query: ReviewQuery): number {
    return this.walks.get(walkId(query))?.anchors.length ?? 0;
  }

  /** The anchor at index k, walking forward from the last one known; undefined past the end. */
  private anchor(query: ReviewQuery, plan: QueryPlan, k: number): Key | null | undefined {
    const walk = this.walkFor(query);
    if (walk.lastAnchor !== null && k > walk.lastAnchor) return undefined;
    if (plan.keys[0] === HIT && walk.lastAnchor === null) {
      // Each step of a walk would run the phrase query again: read every match once instead.
      const where = plan.cond ? ` WHERE ${plan.cond}` : '';
      const hits = (
        plan.cond
          ? this.statement(`SELECT hit FROM ${plan.from}${where} ORDER BY hit`).pluck().all(...plan.params)
          : this.statement(`SELECT rowid FROM ${plan.hitTable} WHERE ${plan.hitTable} MATCH ? ORDER BY rowid`).pluck().all(plan.params[0])
      ) as number[];
      walk.hits = hits;
      walk.anchors.length = 1;
      for (let i = SPACING; i < hits.length; i += SPACING) walk.anchors.push([hits[i]]);
      walk.lastAnchor = walk.anchors.length - 1;
      return k <= walk.lastAnchor ? walk.anchors[k] : undefined;
    }
    const keyColumns = plan.keys.map((key) => key.column).join(', ');
    while (walk.anchors.length <= k) {
      const from = walk.anchors[walk.anchors.length - 1]!;
      const next = this.fetch<Record<string, unknown>>(keyColumns, plan, from, SPACING, 1, true)[0];
      if (!next) {
        walk.lastAnchor = walk.anchors.length - 1;
        return undefined;
      }
      walk.anchors.push(next as unknown as Key);
    }
    return walk.anchors[k];
  }

  private walkFor(query: ReviewQuery): Walk {
    const id = walkId(query);
    const version = this.version();
    let walk = this.walks.get(id);
    if (walk && walk.version !== version) walk = undefined;
    this.walks.delete(id);
    walk ??= { version, anchors: [null], lastAnchor: null, spentMs: 0 };
    this.walks.set(id, walk); // most recently used last
    if (this.walks.size > KEPT) this.walks.delete(this.walks.keys().next().value!);
    return walk;
  }

  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (this.statements.size >= STATEMENTS_KEPT) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** `limit` rows in order from `anchor` (or the start), after skipping `skip` of them. */
  private fetch<T>(columns: string, plan: QueryPlan, anchor: Key | null, skip: number, limit: number, raw = false): T[] {
    const order = orderByKeys(plan.keys);
    const hit = plan.keys[0] === HIT;
    const segments = anchor === null || hit ? [{ sql: '', params: [] }] : segmentsFrom(plan.keys, anchor);
    const out: T[] = [];
    for (const segment of segments) {
      const cond = [plan.cond, segment.sql].filter(Boolean).join(' AND ');
      const where = cond ? ` WHERE ${cond}` : '';
      const params = hit && anchor ? [plan.params[0], anchor[0], ...plan.params.slice(2)] : [...plan.params, ...segment.params];
      const rows = this.statement(`SELECT ${columns} FROM ${plan.from}${where}${order} LIMIT ? OFFSET ?`).raw(raw).all(...params, limit - out.length, skip) as T[];
      if (rows.length === 0 && skip > 0) {
        // The segment ends before the skip does: how many rows it had (at most `skip`) is what is left to skip.
        skip -= this.statement(`SELECT count(*) FROM (SELECT 1 FROM ${plan.from}${where} LIMIT ?)`).pluck().get(...params, skip) as number;
        continue;
      }
      skip = 0;
      out.push(...rows);
      if (out.length >= limit) break;
    }
    return out;
  }
}

/** Statements by SQL: a block is a few small queries, and preparing them cost more than running them. */
const STATEMENTS_KEPT = 200;

const walkId = (q: ReviewQuery): string => JSON.stringify([q.filters, q.quick, q.sort]);
