/**
 * The review grid's plain-DOM cells: the editable ones draw their value and an edit button (none
 * while the row is still loading), follow a refresh in place, and the hints that replaced per-cell
 * tooltips say what a grade means, why a status is what it is, or the whole text of a cut cell.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ICellRendererParams } from 'ag-grid-community';
import type { ReviewRow } from '../../shared/review-schemas.ts';
import { ReliabilityCell, StatusCell, cellTitle } from '../../renderer/src/review/review-cells.tsx';

const row = (over: Partial<ReviewRow> = {}): ReviewRow => ({
  attributionId: 'a', claimId: 'c', claimText: 'Twenty million tablets were seized', kind: 'claim', documentId: 'd', document: 'Seizure',
  outlet: 'Outlet', published: '2024-01-02', sourceId: 's', source: 'Jordanian army', sourceType: 'organisation', anonymous: false,
  cue: 'said', channel: 'state TV', reliability: 'B', credibility: 2, rating: 'B2', status: 'denied', statusReason: 'Denied by 1 claim',
  independentSources: 1, tags: null, annotator: 'Analyst', annotatedAt: '2024-01-03T00:00:00.000Z', ...over,
});

const params = (data: ReviewRow | undefined, colId: string, headerName: string) => {
  const api = { setFocusedCell: vi.fn(), startEditingCell: vi.fn() };
  return {
    api,
    p: { data, api, node: { rowIndex: 3 }, column: { getColId: () => colId }, colDef: { headerName } } as unknown as ICellRendererParams<ReviewRow>,
  };
};

describe('review cells', () => {
  it('draw the value and an edit button that starts editing its cell, and nothing for a row still loading', () => {
    const cell = new ReliabilityCell();
    const { api, p } = params(undefined, 'reliability', 'Reliability');
    cell.init!(p);
    expect(cell.getGui().textContent).toBe('');
    expect(cell.getGui().querySelector('button')).toBeNull();
    cell.refresh({ ...p, data: row() });
    expect(cell.getGui().firstElementChild!.textContent).toBe('B');
    const button = cell.getGui().querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Edit reliability');
    button.click();
    expect(api.setFocusedCell).toHaveBeenCalledWith(3, 'reliability');
    expect(api.startEditingCell).toHaveBeenCalledWith({ rowIndex: 3, colKey: 'reliability' });
    // Refreshed with new data, the same button stays and the value follows.
    cell.refresh({ ...p, data: row({ reliability: null }) });
    expect(cell.getGui().querySelector('button')).toBe(button);
    expect(cell.getGui().firstElementChild!.className).toBe('grade muted');
  });

  it('show a status as its pill', () => {
    const cell = new StatusCell();
    cell.init!(params(row({ status: 'corroborated' }), 'status', 'Status').p);
    expect(cell.getGui().firstElementChild!.className).toBe('status-pill status-corroborated');
  });

  it('give hints: what a grade means, why a status, the whole of a long text', () => {
    expect(cellTitle('rating', row())).toMatch(/^B: .+ · 2: .+/);
    expect(cellTitle('reliability', row({ reliability: null }))).toBe('');
    expect(cellTitle('status', row())).toBe('Denied by 1 claim');
    expect(cellTitle('claimText', row())).toBe('Twenty million tablets were seized');
    expect(cellTitle('published', row())).toBe('');
  });
});
