/**
 * The review grid's trigram index: one FTS5 table per text column of `review_rows` (migration 9),
 * each with external content on `review_rows` keyed by its `seq`.
 *
 * Why one table per column: a phrase is matched by reading the position lists of its trigrams,
 * and FTS5 keeps one list per trigram across every column of a table, filtering by column only
 * after reading. With the eight columns in one table, "source contains smugglers" read every
 * occurrence of its trigrams in claim texts and titles too: 140 ms of CPU on a million rows, 30 ms
 * from the source column's own table (docs/decisions.md, "Review speed").
 */
import type { Db } from '../store/database.ts';

/** The text columns of `review_rows` that have a trigram table. */
export const TEXT_COLUMNS = ['claim_text', 'document_title', 'outlet', 'source_name', 'cue', 'channel', 'tags', 'annotator'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];

const INDEXED: ReadonlySet<string> = new Set(TEXT_COLUMNS);
export const isTextColumn = (column: string): column is TextColumn => INDEXED.has(column);

/** The trigram table of a column. */
export const textTable = (column: TextColumn): string => `review_fts_${column}`;

/** Whether the project has the per-column trigram tables (a project older than migration 9 does not). */
export function hasTextIndex(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?`).get(textTable('claim_text')) !== undefined;
}

/**
 * FTS5 gathers new index entries in memory and writes a segment each time they pass `hashsize`
 * (1 MiB unless set), then merges the segments. A rebuild of many rows writes far fewer segments
 * with a larger one (0.55-0.65 s instead of 1.05 s of CPU on the packs bench's 50,000 rows). The
 * setting is stored in each table's `_config`; the value it had is put back afterwards (FTS5's
 * default when none was stored), inside the same transaction.
 */
export const REBUILD_HASH_SIZE = 16 * 1024 * 1024;
export const FTS5_DEFAULT_HASH_SIZE = 1024 * 1024;

/** Builds every trigram table again from `review_rows` (FTS5's 'rebuild': one read of the rows per table). */
export function rebuildTextIndex(db: Db, hashSize = REBUILD_HASH_SIZE): void {
  for (const column of TEXT_COLUMNS) {
    const table = textTable(column);
    const stored = db.prepare(`SELECT v FROM main.${table}_config WHERE k = 'hashsize'`).pluck().get() as number | undefined;
    // FTS5 takes an integer only; better-sqlite3 binds a JS number as a double, a bigint as an integer.
    const set = db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ?)`);
    set.run(BigInt(hashSize));
    db.exec(`INSERT INTO ${table} (${table}) VALUES ('rebuild')`);
    set.run(BigInt(stored ?? FTS5_DEFAULT_HASH_SIZE));
  }
}

/** FTS5's own check of every trigram table against `review_rows`; throws when one has drifted. */
export function checkTextIndex(db: Db): void {
  for (const column of TEXT_COLUMNS) {
    const table = textTable(column);
    db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run();
  }
}
