/**
 * Declared indexes set aside while many rows go in, and created again after: each index is then
 * built by one sort instead of one insert per row. Used by a pack merge into an empty project (the
 * annotation tables) and by a whole rebuild of the review rows.
 *
 * Only indexes declared by `CREATE INDEX` (those with SQL); the ones behind PRIMARY KEY and UNIQUE
 * constraints stay. A unique index set aside is checked when it is created again: a duplicate fails
 * then, as the insert would have. Must run inside the transaction that writes: DDL is transactional
 * in SQLite, so a rollback puts every index back whatever happened in between.
 */
import type { Db } from './database.ts';

export interface DeferredIndexes {
  /** The indexes dropped. */
  readonly dropped: readonly string[];
  /** Creates the dropped indexes again. Call once, inside the same transaction, after the inserts. */
  restore(): void;
}

export function deferIndexes(db: Db, tables: readonly string[]): DeferredIndexes {
  if (!db.inTransaction) throw new Error('Indexes can only be set aside inside the transaction that writes.');
  const indexes =
    tables.length === 0
      ? []
      : (db
          .prepare(
            `SELECT name, sql FROM main.sqlite_master
             WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`,
          )
          .all(...tables) as Array<{ name: string; sql: string }>);
  for (const i of indexes) db.exec(`DROP INDEX main."${i.name.replace(/"/g, '""')}"`);
  let restored = false;
  return {
    dropped: indexes.map((i) => i.name),
    restore() {
      if (restored) throw new Error('The indexes set aside were already restored.');
      restored = true;
      for (const i of indexes) db.exec(i.sql);
    },
  };
}
