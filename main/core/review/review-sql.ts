/**
 * From a `ReviewQuery` to SQL on `review_rows`: the WHERE clause of its filters and quick filters,
 * and its ORDER BY. Column ids are mapped through a fixed table and every value is a bound parameter,
 * so odd filter values (empty, huge, quotes, SQL-looking text, LIKE wildcards) only ever filter.
 *
 * Text filters of three characters or more use the column's trigram table (migration 9,
 * text-index.ts): "contains" and "does not contain" are answered by it alone (a phrase of trigrams is a substring,
 * case folded as Unicode folds it), and "starts with", "ends with" and "equals" use it to narrow the
 * rows before their exact `LIKE`. Shorter values have no trigram to look up, and fall back to `LIKE`
 * over the rows (a scan: one or two characters match most rows anyway).
 *
 * Sorting always ends with `seq`, which makes pages stable and lets each sort use its index.
 */
import type { ColumnFilter, ReviewColumn, ReviewQuery } from '../../../shared/review-schemas.ts';
import { isTextColumn, textTable } from './text-index.ts';

export const COLUMN_SQL: Record<ReviewColumn, string> = {
  claimText: 'claim_text', kind: 'kind', document: 'document_title', outlet: 'outlet', published: 'published',
  source: 'source_name', sourceType: 'source_type', anonymous: 'anonymous', cue: 'cue', channel: 'channel',
  reliability: 'reliability', credibility: 'credibility', rating: 'rating', status: 'status',
  independentSources: 'independent_sources', tags: 'tags', annotator: 'annotator', annotatedAt: 'annotated_at',
};

/** Text columns sort without regard to case, matching their indexes. */
export const NOCASE = new Set<ReviewColumn>(['source', 'outlet', 'document']);

/** Columns that may hold NULL (keyset paging must place NULLs where SQLite sorts them: first). */
export const NULLABLE = new Set<ReviewColumn>(['document', 'outlet', 'published', 'cue', 'channel', 'reliability', 'credibility', 'rating', 'tags']);

/** Fewest characters (code points) that make a trigram. */
export const MIN_TRIGRAM = 3;

/** Quick filters, given how to name a column (`+column` where its index must not be used). */
const QUICK_SQL: Record<ReviewQuery['quick'][number], (ref: (column: string) => string) => string> = {
  singleSource: (c) => `${c('independent_sources')} = 1`,
  anonymousOnly: (c) => `${c('anonymous')} = 1`,
  denied: (c) => `${c('status')} = 'denied'`,
  ungraded: (c) => `(${c('reliability')} IS NULL OR ${c('credibility')} IS NULL)`,
};

/**
 * Sortable columns whose index (migration 4: `(column, seq)`) gives the sort's order without a
 * sort step: a query sorted by one of them can walk that index and test each row's filters.
 */
export const SORT_INDEXED = new Set<ReviewColumn>([
  'source', 'published', 'outlet', 'document', 'status', 'kind', 'rating', 'reliability', 'credibility', 'sourceType',
  'independentSources', 'annotatedAt',
]);

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One FTS5 phrase: the value in double quotes (a quote inside doubled), so that nothing in it (AND,
 * OR, NOT, *, ^, :, parentheses) is read as query syntax.
 */
export const ftsPhrase = (value: string): string => `"${value.replaceAll('"', '""')}"`;

/** A phrase to look up in one column's trigram table. */
export interface TextMatch {
  table: string;
  phrase: string;
}

/** The rows of a trigram table's matches, as a condition on `review_rows`. */
const matchIn = (m: TextMatch, negate = false) => `seq ${negate ? 'NOT IN' : 'IN'} (SELECT rowid FROM ${m.table} WHERE ${m.table} MATCH ?)`;

const trigramable = (value: string): boolean => [...value].length >= MIN_TRIGRAM;

export interface WhereSql {
  /** ` WHERE …` of every filter (the trigram phrases as `seq IN (…)`), or ''. */
  sql: string;
  params: unknown[];
  /** The first trigram phrase, which drives the plan, or null. */
  match: TextMatch | null;
  /** The other clauses (other phrases as `seq IN (…)` included), joined by AND (or ''), and their parameters. */
  rest: string;
  restParams: unknown[];
  /**
   * When the filters are one trigram phrase and nothing else: that phrase, so the count can be
   * taken from its table without visiting the rows.
   */
  matchOnly: TextMatch | null;
}

export interface WhereOptions {
  /**
   * Columns whose filters must not be answered by their index: written `+column`, which SQLite
   * cannot look up, so that the planner walks the sort's index instead (see `planOf`).
   */
  unindexed?: (column: string) => boolean;
}

export function whereSql(query: Pick<ReviewQuery, 'filters' | 'quick'>, options: WhereOptions = {}): WhereSql {
  const ref = (column: string) => (options.unindexed?.(column) ? `+${column}` : column);
  const clauses: string[] = [];
  const params: unknown[] = [];
  const phrases: TextMatch[] = [];
  let others = 0;
  for (const [id, filter] of Object.entries(query.filters) as Array<[ReviewColumn, ColumnFilter | undefined]>) {
    if (!filter) continue;
    const col = COLUMN_SQL[id];
    if (filter.type === 'text' && filter.value && isTextColumn(col) && trigramable(filter.value)) {
      const m: TextMatch = { table: textTable(col), phrase: ftsPhrase(filter.value) };
      if (filter.op === 'contains') {
        phrases.push(m);
        continue;
      }
      if (filter.op === 'notContains') {
        params.push(m.phrase);
        clauses.push(matchIn(m, true));
        others++;
        continue;
      }
      // starts with, ends with, equals: the trigrams narrow, LIKE decides.
      if (filter.op !== 'notEqual') phrases.push(m);
    }
    const clause = filterSql(ref(col), id, filter, params);
    if (clause) {
      clauses.push(clause);
      others++;
    }
  }
  for (const q of query.quick) {
    clauses.push(QUICK_SQL[q](ref));
    others++;
  }
  // The first phrase drives the plan; the others are conditions like any other, ahead of the rest.
  const [match = null, ...more] = phrases;
  const restClauses = [...more.map((m) => matchIn(m)), ...clauses];
  const restParams = [...more.map((m) => m.phrase), ...params];
  const all = match ? [matchIn(match), ...restClauses] : restClauses;
  return {
    sql: all.length ? ` WHERE ${all.join(' AND ')}` : '',
    params: match ? [match.phrase, ...restParams] : restParams,
    match,
    rest: restClauses.join(' AND '),
    restParams,
    matchOnly: match && more.length === 0 && others === 0 ? match : null,
  };
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

/** One term of a sort: its SQL expression (with its collation) and direction. */
export interface SortKey {
  column: string;
  expr: string;
  desc: boolean;
  nullable: boolean;
}

/** The query's sort as keys, always ending with `seq` in the direction of the last one. */
export function sortKeys(sort: ReviewQuery['sort']): SortKey[] {
  const keys = sort.map((s) => ({
    column: COLUMN_SQL[s.column],
    expr: `${COLUMN_SQL[s.column]}${NOCASE.has(s.column) ? ' COLLATE NOCASE' : ''}`,
    desc: s.dir === 'desc',
    nullable: NULLABLE.has(s.column),
  }));
  return [...keys, { column: 'seq', expr: 'seq', desc: sort.at(-1)?.dir === 'desc', nullable: false }];
}

export const orderByKeys = (keys: SortKey[]): string => ` ORDER BY ${keys.map((k) => `${k.expr} ${k.desc ? 'DESC' : 'ASC'}`).join(', ')}`;

export const orderSql = (sort: ReviewQuery['sort']): string => orderByKeys(sortKeys(sort));
