/**
 * Every source in the project with its type, affiliation, aliases, reliability grade, how many
 * claims and documents cite it, and when it was first and last seen. Client-side rows (thousands of
 * sources load at once); type and grade use our set filter, the rest ag-grid's own.
 */
import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import { RELIABILITY, RELIABILITY_MEANING, SOURCE_TYPES } from '../../../shared/annotation-schemas.ts';
import type { SourceOverview } from '../../../shared/review-schemas.ts';
import { gridTheme } from '../components/grid-theme.ts';
import { t, uiDir } from '../i18n/t.ts';
import { formatNumber } from '../lib/format.ts';
import { reliabilityMeaning } from './review-cells.tsx';
import { NONE, setFilter } from './set-filter.tsx';

interface Props {
  rows: readonly SourceOverview[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

// Dates filter from the column menu: a date picker squeezed under a narrow header helps nobody.
const dateFilter = { filter: 'agDateColumnFilter', filterParams: { maxNumConditions: 1 }, floatingFilter: false };
const numberFilter = { filter: 'agNumberColumnFilter', filterParams: { maxNumConditions: 1 } };

const DEFAULT_COL_DEF: ColDef<SourceOverview> = {
  sortable: true, resizable: true, floatingFilter: true, suppressHeaderMenuButton: true, suppressHeaderFilterButton: true,
};
const rowId = (p: GetRowIdParams<SourceOverview>) => p.data.id;

export function SourcesGrid({ rows, selectedId, onSelect }: Props) {
  const columns = useMemo<ColDef<SourceOverview>[]>(
    () => [
      { field: 'name', headerName: t('sources.col.name'), width: 220, pinned: 'left', filter: 'agTextColumnFilter', tooltipField: 'name' },
      {
        field: 'type',
        headerName: t('sources.col.type'),
        width: 150,
        ...setFilter({ options: SOURCE_TYPES.map((v) => ({ value: v, label: v })) }),
      },
      { field: 'affiliation', headerName: t('sources.col.affiliation'), flex: 1, minWidth: 130, filter: 'agTextColumnFilter', tooltipField: 'affiliation' },
      {
        field: 'aliases',
        headerName: t('sources.col.aliases'),
        flex: 1.2,
        minWidth: 130,
        filter: 'agTextColumnFilter',
        valueGetter: (p) => p.data?.aliases.join(', ') ?? '',
        tooltipValueGetter: (p) => p.data?.aliases.join(', ') ?? '',
      },
      {
        field: 'reliability',
        headerName: t('sources.col.reliability'),
        width: 96,
        ...setFilter({
          options: [...RELIABILITY.map((v) => ({ value: v, label: v, hint: RELIABILITY_MEANING[v] })), { value: NONE, label: t('review.none') }],
        }),
        valueFormatter: (p) => (typeof p.value === 'string' ? p.value : t('review.ungradedCell')),
        tooltipValueGetter: (p) => reliabilityMeaning(p.data?.reliability),
      },
      {
        field: 'claims',
        headerName: t('sources.col.claims'),
        width: 92,
        type: 'rightAligned',
        ...numberFilter,
        sort: 'desc',
        valueFormatter: (p) => (typeof p.value === 'number' ? formatNumber(p.value) : ''),
      },
      {
        field: 'documents',
        headerName: t('sources.col.documents'),
        width: 104,
        type: 'rightAligned',
        ...numberFilter,
        valueFormatter: (p) => (typeof p.value === 'number' ? formatNumber(p.value) : ''),
      },
      { field: 'firstSeen', headerName: t('sources.col.firstSeen'), width: 106, ...dateFilter },
      { field: 'lastSeen', headerName: t('sources.col.lastSeen'), width: 106, ...dateFilter },
    ],
    [],
  );

  return (
    <div className="grid-host" role="region" aria-label={t('sources.grid')}>
      <AgGridReact<SourceOverview>
        theme={gridTheme}
        enableRtl={uiDir === 'rtl'}
        rowData={rows as SourceOverview[]}
        columnDefs={columns}
        defaultColDef={DEFAULT_COL_DEF}
        enableFilterHandlers
        getRowId={rowId}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        suppressDragLeaveHidesColumns
        tooltipShowDelay={400}
        onFirstDataRendered={(e) => {
          if (selectedId) e.api.getRowNode(selectedId)?.setSelected(true);
        }}
        onSelectionChanged={(e) => onSelect(e.api.getSelectedRows()[0]?.id ?? null)}
        onCellFocused={(e) => {
          // Moving with the arrow keys selects, so the claims below follow the keyboard.
          if (e.rowIndex === null) return;
          const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
          if (node && !node.isSelected()) node.setSelected(true, true);
        }}
      />
    </div>
  );
}
