/**
 * Blocks asked for ahead of ag-grid: the grid's request takes an answer only when it asks exactly
 * the same thing, and only once; answers not taken are dropped by the next ask or a change.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ReviewQuery } from '../../shared/review-schemas.ts';
import { Ahead } from '../../renderer/src/review/review-ahead.ts';

const query = (column: 'source' | 'claimText'): ReviewQuery => ({ filters: {}, quick: [], sort: [{ column, dir: 'asc' }] });

describe('blocks asked for ahead', () => {
  it('are taken once, for the same query, offset and limit only', () => {
    const call = vi.fn(async () => ({ ok: true as const, value: { rows: [], total: 0 } }));
    const ahead = new Ahead(call, 100);
    ahead.ask(query('source'), [0, 100]);
    expect(call).toHaveBeenCalledTimes(2);
    expect(call).toHaveBeenCalledWith(query('source'), 100, 100);
    expect(ahead.take(query('claimText'), 0, 100)).toBeUndefined();
    expect(ahead.take(query('source'), 0, 50)).toBeUndefined();
    expect(ahead.take(query('source'), 0, 100)).toBe(call.mock.results[0]!.value);
    expect(ahead.take(query('source'), 0, 100)).toBeUndefined();
  });

  it('are dropped by the next ask and by a change in the project', () => {
    const ahead = new Ahead(async () => ({ ok: true as const, value: { rows: [], total: 0 } }), 100);
    ahead.ask(query('source'), [0, 100]);
    ahead.ask(query('claimText'), [0]);
    expect(ahead.take(query('source'), 100, 100)).toBeUndefined();
    ahead.clear();
    expect(ahead.take(query('claimText'), 0, 100)).toBeUndefined();
  });
});
