/**
 * The review grid's plain-DOM cells: the edit buttons go into the editable cells of the hovered row
 * or the focused cell (none while a cell has no value yet) and start editing their cell, the status
 * is a pill, and the hints that replaced per-cell tooltips say what a grade means, why a status is
 * what it is, or the whole text of a cut cell.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ICellRendererParams } from 'ag-grid-community';
import type { ReviewRow } from '../../shared/review-schemas.ts';
import { DocumentCell, EditButtons, StatusCell, cellTitle } from '../../renderer/src/review/review-cells.tsx';

const row = (over: Partial<ReviewRow> = {}): ReviewRow => ({
  attributionId: 'a', claimId: 'c', claimText: 'Twenty million tablets were seized', kind: 'claim', documentId: 'd', document: 'Seizure',
  outlet: 'Outlet', published: '2024-01-02', sourceId: 's', source: 'Jordanian army', sourceType: 'organisation', anonymous: false,
  cue: 'said', channel: 'state TV', reliability: 'B', credibility: 2, rating: 'B2', status: 'denied', statusReason: 'Denied by 1 claim',
  independentSources: 1, tags: null, annotator: 'Analyst', annotatedAt: '2024-01-03T00:00:00.000Z', lead: null, ...over,
});

describe('review cells', () => {
  it('put one edit button per editable column into the hovered row or the focused cell, which starts editing its cell', () => {
    const edit = vi.fn();
    const buttons = new EditButtons(edit);
    const row = document.createElement('div');
    row.className = 'ag-row';
    row.setAttribute('row-index', '3');
    row.innerHTML = ['reliability', 'source', 'status', 'tags'].map((c) => `<div class="ag-cell" col-id="${c}">${c === 'tags' ? '' : 'x'}</div>`).join('');
    const cellOf = (c: string) => row.querySelector(`[col-id="${c}"]`)!;
    buttons.intoRow(row);
    const button = cellOf('reliability').querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Edit reliability');
    expect(cellOf('status').querySelector('button')!.getAttribute('aria-label')).toBe('Edit status');
    // Not in a cell that is not editable, nor in one without a value yet.
    expect(cellOf('source').querySelector('button')).toBeNull();
    expect(cellOf('tags').querySelector('button')).toBeNull();
    button.click();
    expect(edit).toHaveBeenCalledWith(3, 'reliability');
    // The focused cell keeps one when the pointer moves to another row.
    const other = row.cloneNode(true) as Element;
    other.querySelectorAll('button').forEach((b) => b.remove());
    cellOf('status').classList.add('ag-cell-focus');
    buttons.intoCell(cellOf('status'));
    expect(cellOf('status').querySelectorAll('button')).toHaveLength(1);
    buttons.intoRow(other);
    expect(other.querySelector('[col-id="reliability"] button')).toBe(button);
    expect(cellOf('reliability').querySelector('button')).toBeNull();
    expect(cellOf('status').querySelectorAll('button')).toHaveLength(1);
    expect(cellOf('status').querySelector('button')!.getAttribute('aria-label')).toBe('Edit status');
    cellOf('status').querySelector('button')!.click();
    expect(edit).toHaveBeenLastCalledWith(3, 'status');
    buttons.intoCell(other.querySelector('[col-id="source"]')!);
    expect(other.querySelector('[col-id="source"] button')).toBeNull();
  });

  it('show a status as its pill, and nothing for a row still loading', () => {
    const cell = new StatusCell();
    const p = { data: row({ status: 'corroborated' }) } as unknown as ICellRendererParams<ReviewRow>;
    cell.init(p);
    expect(cell.getGui().className).toBe('status-pill status-corroborated');
    expect(cell.getGui().textContent).toBe('corroborated');
    cell.refresh({ ...p, data: undefined });
    expect(cell.getGui().textContent).toBe('');
  });

  it('give hints: what a grade means, why a status, the whole of a long text', () => {
    expect(cellTitle('rating', row())).toMatch(/^B: .+ · 2: .+/);
    expect(cellTitle('reliability', row({ reliability: null }))).toBe('');
    expect(cellTitle('status', row())).toBe('Denied by 1 claim');
    expect(cellTitle('claimText', row())).toBe('Twenty million tablets were seized');
    expect(cellTitle('published', row())).toBe('');
    expect(cellTitle('document', row())).toBe('Seizure');
    expect(cellTitle('document', row({ document: null, lead: 'Jordan said on Monday that\nmilitias…' }))).toBe('(untitled) Jordan said on Monday that');
  });

  it('name an untitled document by the opening of its text, and a titled one by its title alone', () => {
    const cell = new DocumentCell();
    const p = { data: row({ document: null, lead: 'Jordan said on Monday that pro-Iranian Syrian army units and militias loyal to Tehran are stepping up' }) } as unknown as ICellRendererParams<ReviewRow>;
    cell.init(p);
    const gui = cell.getGui();
    expect(gui.querySelector('.muted')!.textContent).toBe('(untitled)');
    expect(gui.querySelector('.untitled-lead')!.textContent).toBe('Jordan said on Monday that pro-Iranian Syrian army units and militias loyal to…');
    cell.refresh({ ...p, data: row({ document: 'Seizure' }) });
    expect(gui.textContent).toBe('Seizure');
    expect(gui.querySelector('.untitled-lead')).toBeNull();
    // Untitled with no text to open with: the label alone.
    cell.refresh({ ...p, data: row({ document: null, lead: null }) });
    expect(gui.textContent).toBe('(untitled)');
    cell.refresh({ ...p, data: undefined });
    expect(gui.textContent).toBe('');
  });
});
