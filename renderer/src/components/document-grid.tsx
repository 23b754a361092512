/**
 * The Library's grid of documents (ag-grid Community, client-side rows). Enter opens the focused
 * row, Delete deletes the selection (keys from the shortcut table); the grid remembers its focused
 * cell so that coming back from a document puts the analyst where they were.
 */
import { forwardRef, useImperativeHandle, useMemo, useRef } from 'react';
import { AgGridReact, type CustomCellRendererProps } from 'ag-grid-react';
import type { CellKeyDownEvent, ColDef, GridApi } from 'ag-grid-community';
import type { DocumentSummary } from '../../../shared/contract.ts';
import { t, uiDir } from '../i18n/t.ts';
import { matchShortcut } from '../keyboard/shortcuts.ts';
import { formatLanguage, formatNumber, formatTimestamp, leadLine } from '../lib/format.ts';
import { gridTheme } from './grid-theme.ts';

export interface DocumentGridHandle {
  /** Focuses the last focused row again (or the first row). */
  restoreFocus(): void;
  selectedIds(): string[];
}

interface Props {
  rows: readonly DocumentSummary[];
  onOpen: (id: string) => void;
  onDelete: (ids: string[]) => void;
  onSelectionChange?: (count: number) => void;
}

function TitleCell({ data }: CustomCellRendererProps<DocumentSummary>) {
  if (!data?.title) {
    const lead = data?.lead ? leadLine(data.lead) : '';
    return (
      <span className="untitled-cell" title={t('library.untitledHint')}>
        <span className="muted">{t('library.untitled')}</span>
        {lead && (
          <span className="untitled-lead" dir="auto" lang={data?.language}>
            {' '}
            {lead}
          </span>
        )}
      </span>
    );
  }
  return (
    <span dir="auto" lang={data.language}>
      {data.title}
    </span>
  );
}

function NoRows() {
  return <span className="muted">{t('library.noMatches')}</span>;
}

/** Missing values sort last whichever the direction, so a sort never opens on a screen of blanks. */
const nullsLast = (a: string | null, b: string | null, _na: unknown, _nb: unknown, descending: boolean) => {
  if (a === b) return 0;
  if (a === null || a === '') return descending ? -1 : 1;
  if (b === null || b === '') return descending ? 1 : -1;
  return a.localeCompare(b);
};

export const DocumentGrid = forwardRef<DocumentGridHandle, Props>(function DocumentGrid({ rows, onOpen, onDelete, onSelectionChange }, ref) {
  const api = useRef<GridApi<DocumentSummary> | null>(null);
  const lastFocused = useRef<{ rowIndex: number; colId: string } | null>(null);

  const columns = useMemo<ColDef<DocumentSummary>[]>(
    () => [
      { field: 'title', headerName: t('library.col.title'), flex: 3, minWidth: 260, cellRenderer: TitleCell, comparator: nullsLast },
      { field: 'outlet', headerName: t('library.col.outlet'), flex: 1.4, minWidth: 140, comparator: nullsLast },
      { field: 'published', headerName: t('library.col.published'), width: 118, comparator: nullsLast },
      {
        field: 'language',
        headerName: t('library.col.language'),
        width: 104,
        tooltipValueGetter: (p) => (typeof p.value === 'string' ? formatLanguage(p.value) : ''),
      },
      {
        field: 'wordCount',
        headerName: t('library.col.words'),
        width: 96,
        type: 'rightAligned',
        valueFormatter: (p) => (typeof p.value === 'number' ? formatNumber(p.value) : ''),
      },
      {
        field: 'importedAt',
        headerName: t('library.col.imported'),
        width: 148,
        valueFormatter: (p) => (typeof p.value === 'string' ? formatTimestamp(p.value) : ''),
      },
    ],
    [],
  );

  const focusRow = (rowIndex: number, colId: string) => {
    const grid = api.current;
    if (!grid || grid.getDisplayedRowCount() === 0) return;
    const index = Math.min(rowIndex, grid.getDisplayedRowCount() - 1);
    grid.ensureIndexVisible(index);
    grid.setFocusedCell(index, colId);
  };

  useImperativeHandle(ref, () => ({
    restoreFocus() {
      const last = lastFocused.current;
      focusRow(last?.rowIndex ?? 0, last?.colId ?? 'title');
    },
    selectedIds() {
      return api.current?.getSelectedRows().map((r) => r.id) ?? [];
    },
  }));

  const onCellKeyDown = (event: CellKeyDownEvent<DocumentSummary>) => {
    const key = event.event;
    if (!(key instanceof KeyboardEvent) || !event.data) return;
    const action = matchShortcut(key, 'grid', false);
    if (action === 'open') {
      key.preventDefault();
      onOpen(event.data.id);
    } else if (action === 'delete') {
      key.preventDefault();
      const selected = event.api.getSelectedRows().map((r) => r.id);
      onDelete(selected.length > 0 ? selected : [event.data.id]);
    }
  };

  return (
    <div className="grid-host" role="region" aria-label={t('library.grid')}>
      <AgGridReact<DocumentSummary>
        theme={gridTheme}
        enableRtl={uiDir === 'rtl'}
        rowData={rows as DocumentSummary[]}
        columnDefs={columns}
        getRowId={(p) => p.data.id}
        rowSelection={{ mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true }}
        noRowsOverlayComponent={NoRows}
        suppressDragLeaveHidesColumns
        tooltipShowDelay={500}
        onGridReady={(e) => {
          api.current = e.api;
        }}
        onCellFocused={(e) => {
          if (e.rowIndex !== null && e.column && typeof e.column !== 'string') {
            lastFocused.current = { rowIndex: e.rowIndex, colId: e.column.getColId() };
          }
        }}
        onSelectionChanged={(e) => onSelectionChange?.(e.api.getSelectedRows().length)}
        onRowDoubleClicked={(e) => e.data && onOpen(e.data.id)}
        onCellKeyDown={onCellKeyDown}
      />
    </div>
  );
});
