import { describe, expect, it } from 'vitest';
import { ReviewQuery } from '../../shared/review-schemas.ts';
import { isFiltered, toReviewQuery } from '../../shared/review-query.ts';

/** Whatever the grid hands over must be a query the core accepts (the contract's own schema). */
const accepted = (q: unknown) => ReviewQuery.safeParse(q).success;

describe('ag-grid models to the core query', () => {
  it('maps text, number, date and set filters, sort and quick filters', () => {
    const q = toReviewQuery(
      [{ colId: 'source', sort: 'asc' }, { colId: 'published', sort: 'desc' }],
      {
        claimText: { filterType: 'text', type: 'contains', filter: 'captagon' },
        credibility: { filterType: 'number', type: 'inRange', filter: 1, filterTo: 3 },
        published: { filterType: 'date', type: 'lessThan', dateFrom: '2023-12-19 00:00:00', dateTo: null },
        status: { filterType: 'set', values: ['denied', 'disputed'] },
      },
      ['denied', 'singleSource'],
    );
    expect(q).toEqual({
      filters: {
        claimText: { type: 'text', op: 'contains', value: 'captagon' },
        credibility: { type: 'number', op: 'inRange', value: 1, valueTo: 3 },
        published: { type: 'date', op: 'before', value: '2023-12-19' },
        status: { type: 'set', values: ['denied', 'disputed'] },
      },
      quick: ['singleSource', 'denied'],
      sort: [{ column: 'source', dir: 'asc' }, { column: 'published', dir: 'desc' }],
    });
    expect(accepted(q)).toBe(true);
    expect(isFiltered(q)).toBe(true);
    expect(isFiltered(toReviewQuery([], {}, []))).toBe(false);
  });

  it('turns odd input into a query the core accepts, so it only ever filters', () => {
    const huge = 'x'.repeat(5000);
    const q = toReviewQuery(
      [
        { colId: 'source', sort: 'asc' }, { colId: 'outlet', sort: 'asc' }, { colId: 'status', sort: 'desc' },
        { colId: 'kind', sort: 'asc' }, { colId: 'nope', sort: 'asc' }, { colId: 'cue', sort: null },
      ],
      {
        claimText: { filterType: 'text', type: 'contains', filter: huge },
        source: { filterType: 'text', type: 'equals', filter: "'; DROP TABLE review_rows; --" },
        cue: { filterType: 'text', type: 'fuzzy', filter: 'x' },
        channel: { filterType: 'text', operator: 'AND', conditions: [{ filterType: 'text', type: 'startsWith', filter: '%_\\' }] },
        credibility: { filterType: 'number', type: 'greaterThan', filter: Number.POSITIVE_INFINITY },
        independentSources: { filterType: 'number', type: 'equals', filter: Number.NaN },
        kind: { filterType: 'set', values: Array.from({ length: 500 }, (_, i) => `v${i}`) },
        nope: { filterType: 'text', type: 'contains', filter: 'x' },
        tags: null,
      },
      ['denied', 'evil' as never],
    );
    expect(accepted(q)).toBe(true);
    expect(q.sort).toHaveLength(3);
    expect(q.quick).toEqual(['denied']);
    expect(q.filters.claimText).toEqual({ type: 'text', op: 'contains', value: 'x'.repeat(1000) });
    expect(q.filters.source).toEqual({ type: 'text', op: 'equals', value: "'; DROP TABLE review_rows; --" });
    expect(q.filters.channel).toEqual({ type: 'text', op: 'startsWith', value: '%_\\' });
    expect(q.filters.cue).toBeUndefined();
    expect(q.filters.credibility).toEqual({ type: 'number', op: 'greaterThan', value: Number.MAX_VALUE });
    expect(q.filters.independentSources).toEqual({ type: 'number', op: 'equals' });
    expect(q.filters.kind?.type === 'set' && q.filters.kind.values).toHaveLength(100);
    expect(Object.keys(q.filters)).not.toContain('nope');
  });
});
