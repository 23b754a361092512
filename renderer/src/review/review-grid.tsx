/**
 * The attribution review grid: ag-grid Community's infinite row model over `review:rows`. The grid
 * holds no data of its own beyond the blocks on screen: every block (100 rows) is one call with the
 * grid's sort and filters translated to the core's query, and the core's `total` is the last row.
 *
 * The app keeps the grid mounted while another view shows (hidden, `active` false), so coming back
 * rebuilds nothing. Its state also lives in `ReviewMemory`, kept by the app, so a grid made again
 * (after the empty state) starts with the columns, sort, filters, scroll position and focused cell
 * of the last one. Any change in the project (an edit here, Undo, another window) refreshes the
 * cached blocks in place; while the grid is hidden it only notes the change and refreshes when shown.
 *
 * Rows are drawn in place where ag-grid allows it: a quick filter and a sort (review-sort-in-place.ts)
 * re-read the blocks into the rows on screen (the old rows stay until the new ones arrive) rather
 * than dropping them for empty ones, and a row whose block is not loaded yet is one empty full-width
 * row, not a row of empty cells.
 */
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  BodyScrollEndEvent,
  CellFocusedEvent,
  CellKeyDownEvent,
  CellMouseOverEvent,
  ColDef,
  ColumnState,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  GridState,
  ICellRendererComp,
  IDatasource,
  IsFullWidthRowParams,
  IGetRowsParams,
  OverlaySelectorFunc,
  RowDoubleClickedEvent,
  StateUpdatedEvent,
} from 'ag-grid-community';
import type { ReviewColumn, ReviewQuery, ReviewRow } from '../../../shared/review-schemas.ts';
import { useClient } from '../client/context.tsx';
import { gridTheme } from '../components/grid-theme.ts';
import { useChanges } from '../hooks/changes.tsx';
import { t, uiDir } from '../i18n/t.ts';
import { matchShortcut } from '../keyboard/shortcuts.ts';
import type { ReviewGridContext } from './edit-form.tsx';
import { EditButtons, cellTitle } from './review-cells.tsx';
import { Ahead } from './review-ahead.ts';
import { reviewColumns } from './review-columns.ts';
import { SortInPlaceModule } from './review-sort-in-place.ts';
import { isReviewColumn, toReviewQuery, type QuickFilterId } from '../../../shared/review-query.ts';
import type { UndoStep } from '../components/toast.tsx';

export const BLOCK_SIZE = 100;

/** What survives the grid being unmounted (kept by the app). */
export interface ReviewMemory {
  state: GridState | null;
  quick: QuickFilterId[];
  firstRow: number;
  focused: { rowIndex: number; colId: string } | null;
}

export const newReviewMemory = (): ReviewMemory => ({ state: null, quick: [], firstRow: 0, focused: null });

/** A saved view: what `review:saveView` stores. */
export interface ReviewViewState {
  columnState: ColumnState[];
  filterModel: Record<string, unknown>;
  quick: QuickFilterId[];
}

export interface ReviewGridHandle {
  query(): ReviewQuery;
  /** Visible review columns in display order (for the CSV). */
  columns(): ReviewColumn[];
  viewState(): ReviewViewState;
  applyView(state: Partial<ReviewViewState>): void;
  reset(): void;
}

export interface GridStatus {
  total: number | null;
  query: ReviewQuery;
  error: string | null;
}

interface Props {
  /** False while another view shows: no refresh, no fetch; changes are caught up when shown again. */
  active: boolean;
  memory: ReviewMemory;
  quick: QuickFilterId[];
  onOpen: (row: ReviewRow) => void;
  onStatus: (status: GridStatus) => void;
  onUndo: UndoStep;
  onClearFilters: () => void;
}

function sortModelOf(api: GridApi): Array<{ colId: string; sort: 'asc' | 'desc' }> {
  return api
    .getColumnState()
    .filter((c): c is ColumnState & { sort: 'asc' | 'desc' } => c.sort === 'asc' || c.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, sort: c.sort }));
}

function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <div className="grid-overlay" role="status">
      <p>{t('review.noMatches')}</p>
      <button type="button" className="button" onClick={onClear}>
        {t('review.clearFilters')}
      </button>
    </div>
  );
}

/**
 * Grid options that never change. The view re-renders on every block loaded (the count); options
 * given as fresh objects or functions then would make ag-grid rebuild its columns and headers each
 * time, which cost more than the rows themselves. So the grid is memoised, and its handlers are
 * made once and read the latest props through refs.
 */
const DEFAULT_COL_DEF: ColDef<ReviewRow> = {
  sortable: true, resizable: true, floatingFilter: true, suppressHeaderMenuButton: true, suppressHeaderFilterButton: true,
};
const rowId = (p: GetRowIdParams<ReviewRow>) => p.data.attributionId;
/** A sort re-reads the rows in place rather than rebuilding them (review-sort-in-place.ts). */
const GRID_MODULES = [SortInPlaceModule];

/** The remembered state without what the grid restores better itself (scroll, focus, selection). */
function initialStateOf(state: GridState | null): GridState | undefined {
  if (!state) return undefined;
  const { scroll: _s, focusedCell: _f, rowSelection: _r, ...rest } = state;
  return rest;
}

/**
 * A row whose block has not arrived (after a jump, a sort or a filter) is drawn as one empty
 * full-width row: drawing it as a row of empty cells cost as much as a row of real ones, and it is
 * replaced by a new row when its data arrives anyway (ag-grid makes a new row node for it).
 */
const isLoadingRow = (p: IsFullWidthRowParams<ReviewRow>) => !p.rowNode.data;
class LoadingRow implements ICellRendererComp<ReviewRow> {
  private readonly gui = document.createElement('div');
  init(): void {
    this.gui.className = 'review-loading-row';
  }
  getGui(): HTMLElement {
    return this.gui;
  }
  refresh(): boolean {
    return true;
  }
}

/** Focuses the remembered cell again, on the last row if there are fewer rows now. */
function refocus(grid: GridApi<ReviewRow>, focused: ReviewMemory['focused']): void {
  const count = grid.getDisplayedRowCount();
  if (focused && count > 0) grid.setFocusedCell(Math.min(focused.rowIndex, count - 1), focused.colId);
}

/** The cell's hint as its `title`, when the pointer enters it (review-cells.tsx). */
function onCellMouseOver(e: CellMouseOverEvent<ReviewRow>) {
  const cell = e.event?.target instanceof Element ? e.event.target.closest('.ag-cell') : null;
  if (!cell || !e.data) return;
  const title = cellTitle(e.column.getColId(), e.data);
  if (title) cell.setAttribute('title', title);
  else cell.removeAttribute('title');
}

export const ReviewGrid = memo(forwardRef<ReviewGridHandle, Props>(function ReviewGrid(
  { active, memory, quick, onOpen, onStatus, onUndo, onClearFilters },
  ref,
) {
  const client = useClient();
  const { version } = useChanges();
  const api = useRef<GridApi<ReviewRow> | null>(null);
  const quickRef = useRef(quick);
  const statusRef = useRef(onStatus);
  statusRef.current = onStatus;
  const clearRef = useRef(onClearFilters);
  clearRef.current = onClearFilters;
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const restorePending = useRef(memory.firstRow > 0 || memory.focused !== null);
  const columns = useMemo(() => reviewColumns(), []);
  const initialState = useMemo(() => initialStateOf(memory.state), [memory]);
  const undoRef = useRef(onUndo);
  undoRef.current = onUndo;
  const context = useMemo<ReviewGridContext>(() => ({ undo: (step) => undoRef.current(step) }), []);
  const overlay = useCallback<OverlaySelectorFunc<ReviewRow>>(
    // The infinite model says "no rows" or "no matching rows": for this grid, either means the filters.
    (p) => (p.overlayType === 'noRows' || p.overlayType === 'noMatchingRows' ? { component: NoMatches, params: { onClear: () => clearRef.current() } } : undefined),
    [],
  );

  // Blocks asked for ahead of ag-grid: the first one now, while ag-grid builds itself, and after a
  // sort or quick filter the ones on screen as soon as it changes, before ag-grid's own request
  // (which it makes after a timer). The grid's request takes an answer asked for ahead when it asks
  // the same thing; what it does not ask for is dropped at the next change.
  const ahead = useRef<Ahead | null>(null);
  if (ahead.current === null) {
    ahead.current = new Ahead((query, offset, limit) => client.call('review:rows', { query, offset, limit }), BLOCK_SIZE);
    ahead.current.ask(
      toReviewQuery(initialState?.sort?.sortModel ?? [], (initialState?.filter?.filterModel ?? {}) as Record<string, unknown>, quick),
      [0],
    );
  }

  // The count above the grid is the answer to the latest request: an older one (a filter or a quick
  // filter since changed, as Reset changes both at once) may answer after it and must not overwrite it.
  const latest = useRef(0);
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params: IGetRowsParams) {
        const query = toReviewQuery(params.sortModel, params.filterModel as Record<string, unknown>, quickRef.current);
        const limit = params.endRow - params.startRow;
        const asked = ++latest.current;
        const answer = ahead.current?.take(query, params.startRow, limit) ?? client.call('review:rows', { query, offset: params.startRow, limit });
        void answer.then((result) => {
          const current = asked === latest.current;
          if (!result.ok) {
            params.failCallback();
            if (current) statusRef.current({ total: null, query, error: result.error.message });
            return;
          }
          params.successCallback(result.value.rows, result.value.total);
          if (current) statusRef.current({ total: result.value.total, query, error: null });
          if (restorePending.current) {
            restorePending.current = false;
            requestAnimationFrame(() => restore(params.api as GridApi<ReviewRow>));
          }
        });
      },
    }),
    [client],
  );

  /** After a sort or filter change: the blocks of the rows on screen (from the top after a quick filter). */
  const askAhead = useCallback((grid: GridApi<ReviewRow>, fromTop: boolean) => {
    const first = fromTop ? 0 : Math.max(0, grid.getFirstDisplayedRowIndex());
    const last = fromTop ? 0 : Math.max(first, grid.getLastDisplayedRowIndex());
    const offsets = [];
    for (let b = Math.floor(first / BLOCK_SIZE); b <= Math.floor(last / BLOCK_SIZE); b++) offsets.push(b * BLOCK_SIZE);
    ahead.current?.ask(toReviewQuery(sortModelOf(grid), grid.getFilterModel(), quickRef.current), offsets);
  }, []);

  const restore = (grid: GridApi<ReviewRow>) => {
    const count = grid.getDisplayedRowCount();
    if (count === 0) return;
    if (memory.firstRow > 0) grid.ensureIndexVisible(Math.min(memory.firstRow, count - 1), 'top');
    refocus(grid, memory.focused);
  };

  // Quick filters are not ag-grid filters: a change starts the rows again from the top, re-read into
  // the rows on screen (a refresh keeps the rows and their DOM; a purge would draw every row twice,
  // empty and then filled).
  const firstQuick = useRef(true);
  useEffect(() => {
    quickRef.current = quick;
    memory.quick = quick;
    if (firstQuick.current) {
      firstQuick.current = false;
      return;
    }
    const grid = api.current;
    if (!grid) return;
    askAhead(grid, true);
    grid.ensureIndexVisible(0, 'top');
    grid.refreshInfiniteCache();
  }, [quick, memory, askAhead]);

  // Anything changed in the project (an edit, Undo, another window): re-read the blocks in place,
  // or, while hidden, once the grid shows again.
  const seenVersion = useRef(version);
  useEffect(() => {
    if (!active || seenVersion.current === version) return;
    seenVersion.current = version;
    ahead.current?.clear();
    api.current?.refreshInfiniteCache();
  }, [version, active]);

  // Shown again (Back from a document, or the Review button): the focused cell takes the focus back.
  const wasActive = useRef(active);
  useEffect(() => {
    const shown = active && !wasActive.current;
    wasActive.current = active;
    if (shown && api.current) refocus(api.current, memory.focused);
  }, [active, memory]);

  useImperativeHandle(ref, () => ({
    query: () => {
      const grid = api.current;
      return grid ? toReviewQuery(sortModelOf(grid), grid.getFilterModel(), quickRef.current) : toReviewQuery([], {}, quickRef.current);
    },
    columns: () => api.current?.getAllDisplayedColumns().map((c) => c.getColId()).filter(isReviewColumn) ?? [],
    viewState: () => ({
      columnState: api.current?.getColumnState() ?? [],
      filterModel: api.current?.getFilterModel() ?? {},
      quick: quickRef.current,
    }),
    applyView: (state) => {
      const grid = api.current;
      if (!grid) return;
      if (Array.isArray(state.columnState)) grid.applyColumnState({ state: state.columnState, applyOrder: true, defaultState: { sort: null } });
      grid.setFilterModel(state.filterModel && typeof state.filterModel === 'object' ? state.filterModel : null);
    },
    reset: () => {
      api.current?.resetColumnState();
      api.current?.setFilterModel(null);
    },
  }));

  const onCellKeyDown = useCallback((event: CellKeyDownEvent<ReviewRow>) => {
    const key = event.event;
    if (!(key instanceof KeyboardEvent) || !event.data || event.api.getEditingCells().length > 0) return;
    if (matchShortcut(key, 'grid', false) === 'open') {
      key.preventDefault();
      openRef.current(event.data);
    }
  }, []);
  const onGridReady = useCallback((e: GridReadyEvent<ReviewRow>) => {
    api.current = e.api;
    // A column's own sortChanged comes at once, the grid's after the click's work (listeners given to
    // the grid are called later): the blocks are asked for once the click's changes to the sort are done.
    let queued = false;
    const onSort = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (!e.api.isDestroyed()) askAhead(e.api, false);
      });
    };
    for (const column of e.api.getColumns() ?? []) column.addEventListener('sortChanged', onSort);
  }, [askAhead]);
  const onStateUpdated = useCallback((e: StateUpdatedEvent<ReviewRow>) => {
    memory.state = e.state;
  }, [memory]);
  const onBodyScrollEnd = useCallback((e: BodyScrollEndEvent<ReviewRow>) => {
    // The top row in view (getFirstDisplayedRowIndex counts the rows rendered above it too).
    memory.firstRow = Math.round(e.api.getVerticalPixelRange().top / e.api.getSizesForCurrentTheme().rowHeight);
  }, [memory]);
  const onCellFocused = useCallback((e: CellFocusedEvent<ReviewRow>) => {
    if (e.rowIndex !== null && e.column && typeof e.column !== 'string') memory.focused = { rowIndex: e.rowIndex, colId: e.column.getColId() };
  }, [memory]);
  // The edit buttons go where they show: the row under the pointer and the focused cell. On every
  // move, not only on entering a cell: a cell whose text changes (a refresh) loses what was put in it.
  const editButtons = useMemo(() => new EditButtons((rowIndex, colKey) => {
    api.current?.setFocusedCell(rowIndex, colKey);
    api.current?.startEditingCell({ rowIndex, colKey });
  }), []);
  const onMouseMove = useCallback((e: React.MouseEvent) => {
    const row = e.target instanceof Element ? e.target.closest('.ag-row') : null;
    if (row) editButtons.intoRow(row);
  }, [editButtons]);
  const onFocus = useCallback((e: React.FocusEvent) => {
    const cell = e.target instanceof Element ? e.target.closest('.ag-cell') : null;
    if (cell) editButtons.intoCell(cell);
  }, [editButtons]);
  const onRowDoubleClicked = useCallback((e: RowDoubleClickedEvent<ReviewRow>) => {
    if (e.data) openRef.current(e.data);
  }, []);

  return (
    <div className="grid-host" role="region" aria-label={t('review.grid')} onMouseMove={onMouseMove} onFocus={onFocus}>
      <AgGridReact<ReviewRow>
        theme={gridTheme}
        modules={GRID_MODULES}
        enableRtl={uiDir === 'rtl'}
        columnDefs={columns}
        defaultColDef={DEFAULT_COL_DEF}
        initialState={initialState}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK_SIZE}
        // Few blocks kept (the ones on screen and the last few): a refresh (a quick filter, an edit) re-reads every cached block.
        maxBlocksInCache={4}
        infiniteInitialRowCount={1}
        maxConcurrentDatasourceRequests={2}
        // Rows replaced by a new sort or filter are not animated into place: a review grid is read, not watched.
        animateRows={false}
        // No rows drawn beyond the viewport: each costs as much to build as one in view, on every sort, filter and jump.
        rowBuffer={0}
        // A block is asked for as soon as its rows are drawn: after a sort or filter the fetch then runs while the
        // grid draws, not after it. Scrolling over many blocks still asks for few: ag-grid keeps at most two
        // unloaded blocks that are off screen, and two requests run at once.
        blockLoadDebounceMillis={0}
        getRowId={rowId}
        isFullWidthRow={isLoadingRow}
        fullWidthCellRenderer={LoadingRow}
        enableFilterHandlers
        suppressClickEdit
        stopEditingWhenCellsLoseFocus={false}
        suppressMultiSort={false}
        alwaysMultiSort={false}
        context={context}
        overlayComponentSelector={overlay}
        suppressDragLeaveHidesColumns
        // Native tooltips (the headers' `title`): with ag-grid's own, every cell drawn builds a tooltip manager, used or not.
        enableBrowserTooltips
        onGridReady={onGridReady}
        onStateUpdated={onStateUpdated}
        onBodyScrollEnd={onBodyScrollEnd}
        onCellFocused={onCellFocused}
        onRowDoubleClicked={onRowDoubleClicked}
        onCellKeyDown={onCellKeyDown}
        onCellMouseOver={onCellMouseOver}
      />
    </div>
  );
}));
