/**
 * Bulk writes with the review index's row triggers set aside.
 *
 * Migration 0004 keeps `review_rows` in step with triggers named `review_*` on the tables the index
 * draws from; each one deletes and re-inserts the affected claims' rows from `review_view`, per
 * written row. That is right for an analyst's edit and ruinous for a pack merge of 50,000
 * attributions: every insert re-reads its claim through the seven-way view.
 *
 * `suspendReviewIndex` (inside the caller's transaction) drops those triggers, keeping their SQL, and
 * puts cheap TEMP triggers in their place that only note what the dropped ones would have refreshed
 * (a claim, a source, a document, a cue span or a tag) in a temp table. `resume` rebuilds the rows of
 * every claim so noted in one DELETE and one INSERT … SELECT from `review_view`, then drops the temp
 * triggers and recreates the originals from their stored SQL. The rows come out as the triggers would
 * have left them: a review row is a pure function of `review_view`, and the noted claims cover every
 * row a dropped trigger would have touched.
 *
 * Triggers ON `review_rows` itself (the trigram tables' `review_rows_text_*`, text-index.ts) are kept when
 * only some claims are rebuilt: those deletes and inserts go through them as usual. When the whole
 * table is rebuilt, they are set aside too and the trigram index is rebuilt from the rows at once
 * (with a larger FTS5 hash size for that one statement), and `review_rows`' own indexes are dropped
 * before the rows go in and created again after. A dropped trigger on a table this file
 * has no mapping for (a later migration's) makes the rebuild take the whole table: slower, never
 * wrong. DDL is transactional in SQLite, so a rollback of the caller's transaction brings the
 * original triggers back and the temp ones away, whatever happened in between.
 */
import type { Db } from '../store/database.ts';
import { deferIndexes } from '../store/deferred-indexes.ts';
import { hasTextIndex, rebuildTextIndex } from './text-index.ts';

/** What a change to a row of each table can make stale, as the dropped triggers refresh it. */
type Key = 'claim' | 'source' | 'document' | 'cue' | 'tag';
const MARKS: Readonly<Record<string, ReadonlyArray<readonly [Key, string]>>> = {
  attributions: [['claim', 'claim_id']],
  claims: [['claim', 'id']],
  spans: [['claim', 'id'], ['cue', 'id']],
  sources: [['source', 'id']],
  documents: [['document', 'id']],
  taggings: [['claim', 'span_id']],
  tags: [['tag', 'id']],
};

const DIRTY = 'temp.review_index_dirty';

interface StoredTrigger {
  name: string;
  table: string;
  sql: string;
}

export interface ReviewIndexSuspension {
  /** The names of the triggers set aside. */
  readonly suspended: readonly string[];
  /** Rebuilds the noted rows and puts the triggers back. Call once, inside the same transaction. */
  resume(): { claims: number; full: boolean };
  /**
   * Puts the triggers back without rebuilding anything: for a failure, whose rollback undoes the
   * rows the rebuild would have read (a large pack's full rebuild is seconds of work for nothing).
   */
  abandon(): void;
}

/** The review triggers on source tables (not those on `review_rows`), as stored. */
export function reviewTriggers(db: Db): StoredTrigger[] {
  return (
    db
      .prepare(
        `SELECT name, tbl_name AS "table", sql FROM main.sqlite_master
         WHERE type = 'trigger' AND name LIKE 'review\\_%' ESCAPE '\\' AND tbl_name <> 'review_rows' ORDER BY name`,
      )
      .all() as StoredTrigger[]
  ).filter((t) => t.sql);
}

/** The triggers that keep the trigram tables (text-index.ts) in step with `review_rows`, if they exist. */
function textIndexTriggers(db: Db): StoredTrigger[] {
  if (!hasTextIndex(db)) return [];
  return (
    db
      .prepare(
        `SELECT name, tbl_name AS "table", sql FROM main.sqlite_master
         WHERE type = 'trigger' AND tbl_name = 'review_rows' AND name LIKE 'review\\_rows\\_text\\_%' ESCAPE '\\' ORDER BY name`,
      )
      .all() as StoredTrigger[]
  ).filter((t) => t.sql);
}

/** The events (INSERT, UPDATE, DELETE) a stored trigger fires on. */
function eventOf(sql: string): 'INSERT' | 'UPDATE' | 'DELETE' | null {
  const m = /\b(?:BEFORE|AFTER|INSTEAD\s+OF)\s+(INSERT|UPDATE|DELETE)\b/i.exec(sql);
  return m ? (m[1]!.toUpperCase() as 'INSERT' | 'UPDATE' | 'DELETE') : null;
}

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function suspendReviewIndex(db: Db): ReviewIndexSuspension {
  if (!db.inTransaction) throw new Error('suspendReviewIndex must run inside the transaction that writes.');
  const triggers = reviewTriggers(db);
  db.exec(`CREATE TEMP TABLE review_index_dirty (kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID`);
  // An empty index (a merge into a project with no attributions yet) will be built whole from the
  // view whatever changes, so nothing needs noting row by row meanwhile.
  let full = db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM review_rows)`).pluck().get() === 1;
  const markers: string[] = [];
  const events = new Map<string, Set<'INSERT' | 'UPDATE' | 'DELETE'>>();
  for (const t of triggers) {
    const event = eventOf(t.sql);
    if (!MARKS[t.table] || !event) full = true;
    else {
      const set = events.get(t.table) ?? new Set();
      set.add(event);
      events.set(t.table, set);
    }
    db.exec(`DROP TRIGGER main.${quoteId(t.name)}`);
  }
  for (const [table, set] of full ? [] : events) {
    for (const event of set) {
      const rows = event === 'INSERT' ? ['NEW'] : event === 'DELETE' ? ['OLD'] : ['NEW', 'OLD'];
      const inserts = rows.flatMap((r) => MARKS[table]!.map(([kind, column]) =>
        `INSERT OR IGNORE INTO review_index_dirty (kind, id) SELECT '${kind}', ${r}.${quoteId(column)} WHERE ${r}.${quoteId(column)} IS NOT NULL;`));
      const name = `review_index_mark_${table}_${event.toLowerCase()}`;
      db.exec(`CREATE TEMP TRIGGER ${name} AFTER ${event} ON main.${quoteId(table)} BEGIN ${inserts.join(' ')} END`);
      markers.push(name);
    }
  }

  let resumed = false;
  return {
    suspended: triggers.map((t) => t.name),
    resume() {
      if (resumed) throw new Error('The review index was already resumed.');
      resumed = true;
      for (const name of markers) db.exec(`DROP TRIGGER temp.${name}`);
      const result = rebuild(db, full);
      db.exec(`DROP TABLE ${DIRTY}`);
      for (const t of triggers) db.exec(t.sql);
      return result;
    },
    abandon() {
      if (resumed) throw new Error('The review index was already resumed.');
      resumed = true;
      for (const name of markers) db.exec(`DROP TRIGGER temp.${name}`);
      db.exec(`DROP TABLE ${DIRTY}`);
      for (const t of triggers) db.exec(t.sql);
    },
  };
}

/**
 * Runs `fn` with the review triggers set aside and rebuilds what it changed afterwards; on a throw,
 * the triggers are put back, with nothing rebuilt, before the error goes on (the caller's rollback
 * would restore them too, and undoes the rows a rebuild would have read).
 */
export function withReviewIndexSuspended<T>(db: Db, fn: () => T): T {
  const s = suspendReviewIndex(db);
  let ok = false;
  try {
    const out = fn();
    ok = true;
    return out;
  } finally {
    if (ok) s.resume();
    else restoreQuietly(db, s);
  }
}

/** The same for work that yields to the event loop while its transaction stays open. */
export async function withReviewIndexSuspendedAsync<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const s = suspendReviewIndex(db);
  let ok = false;
  try {
    const out = await fn();
    ok = true;
    return out;
  } finally {
    if (ok) s.resume();
    else restoreQuietly(db, s);
  }
}

/** After a failure: triggers back, nothing rebuilt, if the transaction is still open (it will be rolled back anyway). */
function restoreQuietly(db: Db, s: ReviewIndexSuspension): void {
  if (!db.inTransaction) return;
  try {
    s.abandon();
  } catch {
    // The caller's rollback restores the schema as it was; the first error is the one to report.
  }
}

/**
 * The claims whose rows may be stale, or the whole table. Rows that exist are found through
 * `review_rows`; rows that should exist through the live source rows (the view reads live rows only).
 */
function rebuild(db: Db, full: boolean): { claims: number; full: boolean } {
  const rows = db.prepare(`SELECT count(*) FROM review_rows`).pluck().get() as number;
  if (!full) {
    const marked = db.prepare(`SELECT count(*) FROM ${DIRTY}`).pluck().get() as number;
    if (marked === 0) return { claims: 0, full: false };
    db.exec(`CREATE TEMP TABLE review_index_claims (id TEXT PRIMARY KEY) WITHOUT ROWID`);
    db.exec(`
      INSERT OR IGNORE INTO temp.review_index_claims (id)
        SELECT id FROM ${DIRTY} WHERE kind = 'claim'
        UNION SELECT claim_id FROM attributions WHERE cue_span_id IN (SELECT id FROM ${DIRTY} WHERE kind = 'cue')
        UNION SELECT claim_id FROM review_rows WHERE source_id IN (SELECT id FROM ${DIRTY} WHERE kind = 'source')
        UNION SELECT claim_id FROM attributions WHERE source_id IN (SELECT id FROM ${DIRTY} WHERE kind = 'source') AND deleted_at IS NULL
        UNION SELECT claim_id FROM review_rows WHERE document_id IN (SELECT id FROM ${DIRTY} WHERE kind = 'document')
        UNION SELECT id FROM claims WHERE document_id IN (SELECT id FROM ${DIRTY} WHERE kind = 'document') AND deleted_at IS NULL
        UNION SELECT span_id FROM taggings WHERE tag_id IN (SELECT id FROM ${DIRTY} WHERE kind = 'tag') AND span_id IS NOT NULL`);
    const claims = db.prepare(`SELECT count(*) FROM temp.review_index_claims`).pluck().get() as number;
    // An empty index, or most of it stale (a merge into a young project): one pass over the view
    // gives the same rows for less. Otherwise only the noted claims' rows are rebuilt.
    if (rows > 0 && claims * 2 < rows) {
      db.exec(`DELETE FROM review_rows WHERE claim_id IN (SELECT id FROM temp.review_index_claims)`);
      db.exec(`INSERT INTO review_rows SELECT * FROM review_view WHERE claim_id IN (SELECT id FROM temp.review_index_claims) ORDER BY seq`);
      db.exec(`DROP TABLE temp.review_index_claims`);
      return { claims, full: false };
    }
    db.exec(`DROP TABLE temp.review_index_claims`);
  }
  // The whole table: the trigram tables (text-index.ts) are built once from the new rows with FTS5's
  // 'rebuild' rather than row by row through its triggers, which are set aside meanwhile (measured on
  // 50,000 rows: 3.3 s instead of 4.0 s in the sqlite3 shell). The table's own indexes are dropped
  // and created again after the rows are in (each built by one sort instead of 50,000 inserts each).
  const text = textIndexTriggers(db);
  for (const t of text) db.exec(`DROP TRIGGER main.${quoteId(t.name)}`);
  const indexes = deferIndexes(db, ['review_rows']);
  if (rows > 0) db.exec(`DELETE FROM review_rows`);
  db.exec(`INSERT INTO review_rows SELECT * FROM review_view ORDER BY seq`);
  indexes.restore();
  if (text.length > 0) {
    rebuildTextIndex(db);
    for (const t of text) db.exec(t.sql);
  }
  return { claims: db.prepare(`SELECT count(DISTINCT claim_id) FROM review_rows`).pluck().get() as number, full: true };
}
