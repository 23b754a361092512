/**
 * The annotation tables' CHECK constraints, evaluated once over the merged rows rather than per row,
 * when a merge fills an empty project (the case merge-indexes.ts builds indexes for).
 *
 * Why: SQLite codes `x IN ('a', 'b', 'c', …)` in a CHECK as a small temporary table built at the start
 * of each statement execution, and a positional insert is one execution per row: `kind IN (…eleven…)`
 * alone costs a span insert ~4–5 µs of its ~11 (measured: 100,000 rows of a table whose only CHECK
 * is that list, 7.8–9.9 µs a row against 4.3 without it, 3.3–4.2 with the same test written as
 * `kind = 'claim' OR …`). One SELECT over all the rows builds each list once.
 *
 * How, without weakening what the CHECKs guard: while the annotation rows go in,
 * `ignore_check_constraints` is on (NOT NULL, STRICT types, UNIQUE and foreign keys still hold, row
 * by row); then it is turned off and every CHECK of each table, read from the table's own SQL in
 * `sqlite_master` (so nothing is written twice and nothing can drift), is evaluated over all its
 * rows in one statement. A row that breaks one fails the merge with SQLite's own message, and the
 * merge rolls back, as the insert would have. The pragma expires every prepared statement whenever
 * it changes, so none compiled without the checks outlives it.
 */
import type { Db } from '../store/database.ts';

export interface DeferredChecks {
  /** Turns the CHECKs back on and evaluates them over the tables; throws on the first row that breaks one. */
  restore(): void;
  /** Turns the CHECKs back on without evaluating anything (a merge that failed; its rollback follows). */
  release(): void;
}

/** Defers the CHECKs of `tables` (all empty when the merge began) or, with none, does nothing. */
export function deferChecks(db: Db, tables: readonly string[]): DeferredChecks {
  if (tables.length === 0) return { restore: () => undefined, release: () => undefined };
  if (!db.inTransaction) throw new Error('CHECK constraints can only be deferred inside the transaction that writes.');
  db.pragma('ignore_check_constraints = ON');
  let on = true;
  const release = () => {
    if (!on) return;
    on = false;
    db.pragma('ignore_check_constraints = OFF');
  };
  return {
    release,
    restore() {
      if (!on) throw new Error('The deferred CHECK constraints were already restored.');
      release();
      for (const table of tables) checkTable(db, table);
    },
  };
}

function checkTable(db: Db, table: string): void {
  const sql = db.prepare(`SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) as string | undefined;
  if (!sql) throw new Error(`No table ${table}.`);
  const checks = checkExpressions(sql);
  if (checks.length === 0) return;
  // A CHECK fails when its expression is false; NULL passes, as in SQLite.
  const broken = db.prepare(`SELECT ${checks.map((c, i) => `NOT (${c}) AS "${i}"`).join(', ')} FROM main."${table}" WHERE ${checks.map((c) => `NOT (${c})`).join(' OR ')} LIMIT 1`).raw().get() as unknown[] | undefined;
  if (!broken) return;
  const which = checks.find((_c, i) => broken[i] === 1) ?? checks[0]!;
  throw new Error(`CHECK constraint failed: ${which.trim()}`);
}

/**
 * The expressions of every CHECK constraint in a CREATE TABLE statement, column and table ones, in
 * order. String literals, quoted names and comments are skipped, so a CHECK inside them is not one.
 */
export function checkExpressions(sql: string): string[] {
  const out: string[] = [];
  let i = 0;
  const skip = (): boolean => {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < sql.length; i++) {
        if (sql[i] === c) {
          if (sql[i + 1] === c) i++;
          else break;
        }
      }
      i++;
      return true;
    }
    // Past the first `end` from `from`, or to the end of the text when it never comes.
    const past = (end: string, from: number) => {
      const at = sql.indexOf(end, from);
      i = at < 0 ? sql.length : at + end.length;
      return true;
    };
    if (c === '[') return past(']', i);
    if (c === '-' && sql[i + 1] === '-') return past('\n', i);
    if (c === '/' && sql[i + 1] === '*') return past('*/', i + 2);
    return false;
  };
  while (i < sql.length) {
    if (skip()) continue;
    const head = /^CHECK\s*\(/i.exec(sql.slice(i, i + 32));
    if (head && !/[\w$]/.test(sql[i - 1] ?? ' ')) {
      i += head[0].length;
      const start = i;
      let depth = 1;
      while (i < sql.length && depth > 0) {
        if (skip()) continue;
        if (sql[i] === '(') depth++;
        else if (sql[i] === ')') depth--;
        i++;
      }
      out.push(sql.slice(start, i - 1));
      continue;
    }
    i++;
  }
  return out;
}
