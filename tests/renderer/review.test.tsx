import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserEvent } from '@testing-library/user-event';
import type { ReviewQuery } from '../../shared/review-schemas.ts';
import { englishReports } from './fakes/corpus.ts';
import { renderApp } from './fakes/render-app.tsx';
import { reviewFixture } from './fakes/review-fixture.ts';

// A whole app with ag-grid under jsdom is slow: a refresh after an edit can take over a second.
configure({ asyncUtilTimeout: 5000 });
/** Whole flows through the app under jsdom, on a busy two-core machine. */
const LONG = 90_000;

type RowsCall = { query: ReviewQuery; offset: number; limit: number };

async function openSection(count: number) {
  const app = renderApp({ seed: englishReports(), review: (core) => reviewFixture(core, count) });
  await screen.findByText('4 documents');
  await app.user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Review' }));
  return app;
}

async function openReview(options: { count?: number } = {}) {
  const app = await openSection(options.count ?? 250);
  const grid = await screen.findByRole('region', { name: 'Attributions' });
  await waitFor(() => expect(rowsOf(grid).length).toBeGreaterThan(0));
  return { ...app, grid, lastRows: () => app.transport.callsTo('review:rows').at(-1) as RowsCall };
}

const rowsOf = (grid: HTMLElement) => Array.from(grid.querySelectorAll<HTMLElement>('[role="row"][row-index]'));
const cell = (row: HTMLElement, colId: string) => row.querySelector<HTMLElement>(`[col-id="${colId}"]`)!;
const column = (grid: HTMLElement, colId: string) => rowsOf(grid).map((r) => cell(r, colId).textContent);
// The edit buttons go into the row under the pointer (and the focused cell): hover the row first, as a mouse does.
const editButton = async (user: UserEvent, grid: HTMLElement, what: string) => {
  const row = rowsOf(grid)[0]!;
  await user.hover(row.querySelector('.ag-cell')!);
  return within(row).getByRole('button', { name: `Edit ${what}` });
};

/**
 * jsdom has no layout. ag-grid closes a popup editor whose cell has a zero-sized box (it takes it
 * for a cell scrolled out of the DOM), and the Document view measures ranges: give them sizes.
 */
beforeAll(() => {
  const rect = Element.prototype.getBoundingClientRect;
  Element.prototype.getBoundingClientRect = function (this: Element) {
    return this.classList.contains('ag-cell') ? new DOMRect(10, 10, 100, 32) : rect.call(this);
  };
  Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
});

afterEach(() => vi.restoreAllMocks());

describe('Review', () => {
  it('adds Review, Disputes and Sources to the navigation', async () => {
    renderApp({ seed: englishReports() });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const names = within(nav).getAllByRole('button').map((b) => b.textContent);
    expect(names.filter((n) => ['Library', 'Review', 'Disputes', 'Sources'].includes(n ?? ''))).toEqual(['Library', 'Review', 'Disputes', 'Sources']);
  });

  it('pages from the core in blocks of 100, filters with a quick filter, opens a row and comes back to the same grid', async () => {
    const { grid, user, lastRows, transport } = await openReview();
    expect(await screen.findByText('250 attributions')).toBeInTheDocument();
    expect(lastRows()).toMatchObject({ offset: 0, limit: 100, query: { filters: {}, quick: [], sort: [] } });
    // One call for the first screen: the first block, asked while the grid builds itself (no count of its own).
    expect(transport.callsTo('review:rows')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Denied' }));
    expect(await screen.findByText('50 attributions match')).toBeInTheDocument();
    expect(lastRows().query.quick).toEqual(['denied']);
    await waitFor(() => expect(new Set(column(grid, 'status'))).toEqual(new Set(['denied'])));
    // Asked for as the filter changed, and that answer taken by the grid: one call, not two.
    expect(transport.callsTo('review:rows')).toHaveLength(2);

    const claim = cell(rowsOf(grid)[0]!, 'claimText').textContent!.slice(4);
    // The row as rendered now (a refresh may have replaced the element found above).
    await waitFor(() => {
      fireEvent.doubleClick(cell(rowsOf(grid)[0]!, 'source'));
      expect(screen.getByRole('article', { name: 'Document text' })).toBeInTheDocument();
    });
    const article = screen.getByRole('article', { name: 'Document text' });
    expect(article.textContent).toContain(claim);
    // The grid is kept while the document shows, hidden from the accessibility tree.
    expect(screen.queryByRole('region', { name: 'Attributions' })).not.toBeInTheDocument();
    const before = transport.callsTo('review:rows').length;
    await user.click(screen.getByRole('button', { name: /Back/ }));
    expect(await screen.findByRole('region', { name: 'Attributions' })).toBe(grid);
    expect(screen.getByText('50 attributions match')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Denied' })).toHaveAttribute('aria-pressed', 'true');
    // Back rebuilds nothing and asks the core nothing: the same rows are still there.
    expect(cell(rowsOf(grid)[0]!, 'claimText').textContent).toContain(claim);
    expect(transport.callsTo('review:rows')).toHaveLength(before);
  }, LONG);

  it('sorts in place: the rows on screen are re-read, not rebuilt, from one call asked for as the sort changes', async () => {
    const { grid, user, lastRows, transport, review } = await openReview();
    expect(await screen.findByText('250 attributions')).toBeInTheDocument();
    const before = transport.callsTo('review:rows').length;
    const [firstRow] = rowsOf(grid);
    const sources = review!.rows.map((r) => r.source ?? '').toSorted((x, y) => x.localeCompare(y));
    const header = () => grid.querySelector('.ag-header-cell[col-id="source"] .ag-header-cell-label')!;
    await user.click(header());
    await waitFor(() => expect(lastRows().query.sort).toEqual([{ column: 'source', dir: 'asc' }]));
    await waitFor(() => expect(cell(rowsOf(grid)[0]!, 'source').textContent).toBe(sources[0]));
    expect(grid.querySelector('[role="columnheader"][col-id="source"]')).toHaveAttribute('aria-sort', 'ascending');
    // The same row element, its cells updated in place (ag-grid's own sort would have made new rows).
    expect(rowsOf(grid)[0]).toBe(firstRow);
    // The grid took the answer asked for ahead: one call, not two.
    expect(transport.callsTo('review:rows')).toHaveLength(before + 1);

    await user.click(header());
    await waitFor(() => expect(lastRows().query.sort).toEqual([{ column: 'source', dir: 'desc' }]));
    await waitFor(() => expect(cell(rowsOf(grid)[0]!, 'source').textContent).toBe(sources.at(-1)));
    expect(rowsOf(grid)[0]).toBe(firstRow);
  }, LONG);

  it('asks nothing while hidden under a document, and catches up with a change when shown again', async () => {
    const { grid, user, transport, core } = await openReview();
    await waitFor(() => {
      fireEvent.doubleClick(cell(rowsOf(grid)[0]!, 'source'));
      expect(screen.getByRole('article', { name: 'Document text' })).toBeInTheDocument();
    });
    const rowsBefore = transport.callsTo('review:rows').length;
    const infoBefore = transport.callsTo('project:info').length;
    // Another window changes the project: the top bar reads it again, the hidden grid does not.
    core.emit('changed', { what: 'history' });
    await waitFor(() => expect(transport.callsTo('project:info').length).toBeGreaterThan(infoBefore));
    expect(transport.callsTo('review:rows')).toHaveLength(rowsBefore);

    await user.click(screen.getByRole('button', { name: /Back/ }));
    await screen.findByRole('region', { name: 'Attributions' });
    await waitFor(() => expect((transport.callsTo('review:rows').slice(rowsBefore) as RowsCall[]).map((c) => c.offset)).toContain(0));
  }, LONG);

  it('builds the grid ahead of the first visit when the app is idle, so Review only shows it', async () => {
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (run: IdleRequestCallback) => idle.push(() => run({ didTimeout: false, timeRemaining: () => 50 })));
    vi.stubGlobal('cancelIdleCallback', () => {});
    try {
      const { user, transport } = renderApp({ seed: englishReports(), review: (core) => reviewFixture(core, 250) });
      await screen.findByText('4 documents');
      expect(transport.callsTo('review:rows')).toHaveLength(0);
      await waitFor(() => expect(idle).toHaveLength(1));
      act(() => idle[0]!());
      // Built and asked for its first block, but hidden: not in the accessibility tree.
      await waitFor(() => expect(transport.callsTo('review:rows')).toHaveLength(1));
      expect(screen.queryByRole('region', { name: 'Attributions' })).not.toBeInTheDocument();

      await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Review' }));
      const grid = await screen.findByRole('region', { name: 'Attributions' });
      await waitFor(() => expect(rowsOf(grid).length).toBeGreaterThan(0));
      expect(screen.getByText('250 attributions')).toBeInTheDocument();
      expect(transport.callsTo('review:rows')).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  }, LONG);

  it('builds the grid ahead even when the app is never quite idle, once it has waited long enough', async () => {
    // Every idle period is too short (an animation, say): the app asks again, but not for ever.
    const short = (run: IdleRequestCallback) => setTimeout(() => run({ didTimeout: false, timeRemaining: () => 10 }), 20) as unknown as number;
    vi.stubGlobal('requestIdleCallback', short);
    vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
    try {
      const { transport } = renderApp({ seed: englishReports(), review: (core) => reviewFixture(core, 250) });
      await screen.findByText('4 documents');
      await waitFor(() => expect(transport.callsTo('review:rows')).toHaveLength(1), { timeout: 15_000 });
      expect(screen.queryByRole('region', { name: 'Attributions' })).not.toBeInTheDocument();
    } finally {
      vi.unstubAllGlobals();
    }
  }, LONG);

  it('refuses an invalid grade in the cell and saves nothing; a valid one changes every row of the source and Ctrl+Z undoes it', async () => {
    const { grid, user, review, transport } = await openReview();
    const source = cell(rowsOf(grid)[0]!, 'source').textContent!;
    await user.click(await editButton(user, grid, 'reliability'));
    const form = await screen.findByRole('form', { name: `Reliability of ${source}` });
    expect(await within(form).findByText(/applies to all its \d+ attributions/)).toBeInTheDocument();
    const grade = within(form).getByRole('textbox', { name: 'Grade (A–F, empty for ungraded)' });
    await user.clear(grade);
    await user.type(grade, 'G');
    await user.type(within(form).getByRole('textbox', { name: 'Reason (kept in the history)' }), 'Checked its record');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('“G” is not a reliability grade');
    expect(review!.rows.every((r) => r.reliability === null)).toBe(true);

    await user.click(within(form).getByRole('radio', { name: 'B Usually reliable' }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(`Graded ${source} B: all its rows changed`)).toBeInTheDocument();
    expect(review!.rows.filter((r) => r.source === source).every((r) => r.reliability === 'B')).toBe(true);
    await waitFor(() => expect(cell(rowsOf(grid)[0]!, 'reliability').textContent).toBe('B'));
    expect(transport.callsTo('sources:grade').at(-1)).toMatchObject({ grade: 'B', reason: 'Checked its record' });

    await user.click(document.body);
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(cell(rowsOf(grid)[0]!, 'reliability').textContent).toBe('—'));
    expect(review!.rows.every((r) => r.reliability === null)).toBe(true);
  }, LONG);

  it('edits credibility with the attribution’s revision, and refuses 7', async () => {
    const { grid, user, transport } = await openReview();
    await user.click(await editButton(user, grid, 'credibility'));
    const form = await screen.findByRole('form', { name: 'Credibility of this information' });
    const input = within(form).getByRole('textbox', { name: 'Grade (1–6, empty for ungraded)' });
    await user.clear(input);
    await user.type(input, '7');
    await waitFor(() => expect(within(form).getByRole('button', { name: 'Save' })).not.toHaveAttribute('aria-disabled'));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('“7” is not a credibility grade');
    await user.clear(input);
    await user.type(input, '1{Enter}');
    await waitFor(() => expect(cell(rowsOf(grid)[0]!, 'credibility').textContent).toBe('1'));
    const [, saved] = transport.callsTo('attributions:update') as Array<{ revision: number; patch: { credibility: number } }>;
    expect(saved).toMatchObject({ revision: 1, patch: { credibility: 1 } });
  }, LONG);

  it('overrides a status only with a reason, and tags a claim from the codebook', async () => {
    const { grid, user, transport, review } = await openReview();
    const claimId = review!.rows[0]!.claimId;
    await user.click(await editButton(user, grid, 'status'));
    const form = await screen.findByRole('form', { name: 'Status of this claim' });
    await waitFor(() => expect(within(form).getByRole('radio', { name: /Use the status its links give/ })).toBeChecked());
    await user.click(within(form).getByRole('radio', { name: 'disputed' }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Give a reason for overriding the status');
    await user.type(within(form).getByRole('textbox', { name: 'Reason (kept in the history)' }), 'Residents contradict it{Enter}');
    await waitFor(() => expect(cell(rowsOf(grid)[0]!, 'status').textContent).toBe('disputed'));
    expect(transport.callsTo('claims:override').at(-1)).toEqual({ id: claimId, status: 'disputed', reason: 'Residents contradict it' });

    await user.click(await editButton(user, grid, 'tags'));
    const tags = await screen.findByRole('form', { name: 'Tags of this claim' });
    await user.click(await within(tags).findByRole('checkbox', { name: 'smuggling' }));
    await user.click(within(tags).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(cell(rowsOf(grid)[0]!, 'tags').textContent).toBe('drugs, smuggling'));
    // One call for the whole edit, so that one Undo takes it back.
    expect(transport.callsTo('tags:set')).toEqual([{ spanId: claimId, add: [expect.any(String)], remove: [], create: [] }]);
    expect(transport.callsTo('tags:apply')).toEqual([]);
  }, LONG);

  it('lets odd filter text just filter, and offers to clear filters that match nothing', async () => {
    const { grid, user, lastRows } = await openReview();
    const sql = "'; DROP TABLE review_rows; --";
    await user.type(within(grid).getByRole('textbox', { name: 'Claim Filter Input' }), sql);
    await waitFor(() => expect(lastRows().query.filters.claimText).toEqual({ type: 'text', op: 'contains', value: sql }), { timeout: 3000 });
    expect(await screen.findByText('No attributions match these filters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('250 attributions')).toBeInTheDocument();
  }, LONG);

  it('exports the current view as CSV and saves, applies and resets named views', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:claimdesk-test');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('claimdesk-review.csv');
    });
    const { user, transport } = await openReview();
    await user.click(screen.getByRole('button', { name: 'Single-source claims' }));
    await screen.findByText(/attributions match/);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText(/^Exported \d+ rows$/)).toBeInTheDocument();
    const [exported] = transport.callsTo('review:export') as Array<{ query: ReviewQuery; columns: string[] }>;
    expect(exported!.query.quick).toEqual(['singleSource']);
    expect(exported!.columns.slice(0, 3)).toEqual(['claimText', 'kind', 'source']);
    expect(created).toHaveBeenCalledTimes(1);
    expect(clicked).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: /^Views/ }));
    await user.type(screen.getByRole('textbox', { name: 'Save the current view…' }), 'Single source{Enter}');
    expect(await screen.findByText('Saved the view “Single source”')).toBeInTheDocument();
    expect((transport.callsTo('review:saveView')[0] as { state: { quick: string[] } }).state.quick).toEqual(['singleSource']);
    await user.click(screen.getByRole('button', { name: 'Reset columns, sort and filters' }));
    expect(screen.getByRole('button', { name: 'Single-source claims' })).toHaveAttribute('aria-pressed', 'false');
    await user.click(screen.getByRole('button', { name: /^Views/ }));
    await user.click(await screen.findByRole('button', { name: 'Single source' }));
    expect(screen.getByRole('button', { name: 'Single-source claims' })).toHaveAttribute('aria-pressed', 'true');
  }, LONG);

  it('counts the rows of the latest request, even when an older one answers after it', async () => {
    const { user, transport } = await openReview();
    expect(await screen.findByText('250 attributions')).toBeInTheDocument();
    // The rows of "Single-source claims" answer late: after the filter is already off again.
    const release = transport.hold('review:rows', (input) => (input as RowsCall).query.quick.includes('singleSource'));
    await user.click(screen.getByRole('button', { name: 'Single-source claims' }));
    await waitFor(() => expect(transport.callsTo('review:rows').some((c) => (c as RowsCall).query.quick.includes('singleSource'))).toBe(true));
    await user.click(screen.getByRole('button', { name: 'Single-source claims' }));
    await waitFor(() => expect((transport.callsTo('review:rows').at(-1) as RowsCall).query.quick).toEqual([]));
    release();
    // Let the held answers arrive, then anything they would have set off.
    await act(async () => {
      await new Promise((r) => setTimeout(r, 300));
    });
    expect(screen.getByText('250 attributions')).toBeInTheDocument();
    expect(screen.queryByText(/attributions? match/)).toBeNull();
  }, LONG);

  it('says what to do when there is nothing to review yet', async () => {
    const { user } = await openSection(0);
    expect(await screen.findByRole('heading', { name: 'Nothing to review yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go to the Library' }));
    expect(await screen.findByText('4 documents')).toBeInTheDocument();
  }, LONG);
});
