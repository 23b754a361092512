/**
 * From ag-grid's models to the core's `ReviewQuery`: the grid sorts and filters nothing itself (the
 * infinite row model asks the core for each block), so its sort model and filter model are
 * translated here, in one pure function the tests can call directly. It is shared with the core,
 * which reads a saved view's filters the same way when a pack export takes the documents of a view.
 *
 * Anything the core would refuse is made acceptable rather than dropped silently: text longer than
 * the contract allows is cut to its first 1,000 characters (a looser filter, never a wrong one for
 * `contains`), numbers beyond the finite range are clamped, and an unknown column or operator is
 * left out. So whatever the analyst types only ever filters.
 */
import {
  QUICK_FILTERS,
  REVIEW_COLUMNS,
  type ColumnFilter,
  type ReviewColumn,
  type ReviewQuery,
} from './review-schemas.ts';

export type QuickFilterId = (typeof QUICK_FILTERS)[number];

/** The filter model of the set filters (ours: ag-grid's set filter is Enterprise). */
export interface SetFilterModel {
  filterType: 'set';
  values: string[];
}

interface SimpleModel {
  filterType?: string;
  type?: string | null;
  filter?: string | number | null;
  filterTo?: number | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  values?: unknown;
  conditions?: SimpleModel[];
}

const MAX_TEXT = 1000;
const MAX_SORT = 3;
const MAX_SET = 100;

const TEXT_OPS = new Set(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']);
const NUMBER_OPS = new Set(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']);
const DATE_OPS: Record<string, 'equals' | 'before' | 'after' | 'inRange' | 'blank' | 'notBlank'> = {
  equals: 'equals', lessThan: 'before', greaterThan: 'after', inRange: 'inRange', blank: 'blank', notBlank: 'notBlank',
};

export const isReviewColumn = (id: string): id is ReviewColumn => Object.hasOwn(REVIEW_COLUMNS, id);

const finite = (n: unknown): number | undefined => {
  if (typeof n !== 'number' || Number.isNaN(n)) return undefined;
  return Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, n));
};

/** ag-grid dates come as `2023-12-19 00:00:00`; the core compares ISO dates (or their prefixes). */
const day = (d: string | null | undefined): string | undefined => (d ? d.slice(0, 10) : undefined);

function toColumnFilter(column: ReviewColumn, raw: SimpleModel): ColumnFilter | null {
  // One condition per column (maxNumConditions: 1); a combined model keeps its first condition.
  const model = raw.conditions?.[0] ?? raw;
  const kind = REVIEW_COLUMNS[column];
  const op = model.type ?? '';
  if (kind === 'set') {
    if (!Array.isArray(model.values)) return null;
    const values = model.values.filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, 200));
    return { type: 'set', values: values.slice(0, MAX_SET) };
  }
  if (kind === 'text') {
    if (!TEXT_OPS.has(op)) return null;
    const value = model.filter === null || model.filter === undefined ? undefined : String(model.filter).slice(0, MAX_TEXT);
    return { type: 'text', op: op as Extract<ColumnFilter, { type: 'text' }>['op'], ...(value !== undefined && { value }) };
  }
  if (kind === 'number') {
    if (!NUMBER_OPS.has(op)) return null;
    const value = finite(model.filter);
    const valueTo = finite(model.filterTo);
    return {
      type: 'number',
      op: op as Extract<ColumnFilter, { type: 'number' }>['op'],
      ...(value !== undefined && { value }),
      ...(valueTo !== undefined && { valueTo }),
    };
  }
  const dateOp = DATE_OPS[op];
  if (!dateOp) return null;
  const value = day(model.dateFrom);
  const valueTo = day(model.dateTo);
  return { type: 'date', op: dateOp, ...(value !== undefined && { value }), ...(valueTo !== undefined && { valueTo }) };
}

/** The core's query for the grid's current sort, filters and quick filters. */
export function toReviewQuery(
  sortModel: ReadonlyArray<{ colId: string; sort: 'asc' | 'desc' | null | undefined }>,
  filterModel: Record<string, unknown> | null | undefined,
  quick: readonly string[],
): ReviewQuery {
  const filters: ReviewQuery['filters'] = {};
  for (const [colId, raw] of Object.entries(filterModel ?? {})) {
    if (!isReviewColumn(colId) || raw === null || typeof raw !== 'object') continue;
    const filter = toColumnFilter(colId, raw as SimpleModel);
    if (filter) filters[colId] = filter;
  }
  const sort = sortModel
    .filter((s): s is { colId: ReviewColumn; sort: 'asc' | 'desc' } => isReviewColumn(s.colId) && (s.sort === 'asc' || s.sort === 'desc'))
    .slice(0, MAX_SORT)
    .map((s) => ({ column: s.colId, dir: s.sort }));
  const known = QUICK_FILTERS.filter((q) => quick.includes(q));
  return { filters, quick: known, sort };
}

/** True when the query narrows the rows at all (so "no rows" means "no matches", not "nothing yet"). */
export function isFiltered(query: ReviewQuery): boolean {
  return query.quick.length > 0 || Object.keys(query.filters).length > 0;
}

/**
 * The query a saved view stands for, read from the grid state `review:saveView` keeps: its column
 * filters, its quick filters, and its sort, which the grid holds in the column state (each sorted
 * column with its place among the sorted). Whatever is malformed reads as the grid would show it:
 * unfiltered, unsorted.
 */
export function queryOfView(state: unknown): ReviewQuery {
  const s = (state && typeof state === 'object' ? state : {}) as { filterModel?: unknown; quick?: unknown; columnState?: unknown };
  const filterModel = s.filterModel && typeof s.filterModel === 'object' ? (s.filterModel as Record<string, unknown>) : {};
  const quick = Array.isArray(s.quick) ? s.quick.filter((q): q is string => typeof q === 'string') : [];
  const columns = Array.isArray(s.columnState) ? (s.columnState as Array<{ colId?: unknown; sort?: unknown; sortIndex?: unknown }>) : [];
  const place = (c: { sortIndex?: unknown }) => (typeof c.sortIndex === 'number' ? c.sortIndex : 0);
  const sortModel = columns
    .filter((c): c is { colId: string; sort: 'asc' | 'desc'; sortIndex?: unknown } => typeof c.colId === 'string' && (c.sort === 'asc' || c.sort === 'desc'))
    .sort((a, b) => place(a) - place(b))
    .map((c) => ({ colId: c.colId, sort: c.sort }));
  return toReviewQuery(sortModel, filterModel, quick);
}
