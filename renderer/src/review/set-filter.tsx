/**
 * A set filter ("show rows whose value is one of these"), ours because ag-grid's own is Enterprise.
 * It follows ag-grid Community's filter contract with `enableFilterHandlers`: the component is
 * controlled (model in, `onModelChange` out) and the row test is `doesFilterPass`. With the infinite
 * row model the core filters and `doesFilterPass` is never called; the Sources grid (client-side)
 * uses it as is. Nothing ticked means no filter, as in the core.
 *
 * Values are the stored values (`denied`, `B`, `anonymous`, `(none)` for empty); labels are what
 * the analyst reads. The floating filter under the header says what is selected and opens the list.
 */
import { useId } from 'react';
import type { ColumnFilter, DoesFilterPassParams } from 'ag-grid-community';
import type { CustomFilterDisplayProps, CustomFloatingFilterDisplayProps } from 'ag-grid-react';
import { t } from '../i18n/t.ts';
import type { SetFilterModel } from '../../../shared/review-query.ts';

export interface SetOption {
  value: string;
  label: string;
  /** A longer description (a grade's meaning), shown beside the label. */
  hint?: string;
}

export interface SetFilterParams {
  options: readonly SetOption[];
  /** Lay the options out in this many columns (the rating matrix uses 7). */
  columns?: number;
}

export const NONE = '(none)';

function SetFilterDisplay(props: CustomFilterDisplayProps<unknown, unknown, SetFilterModel> & SetFilterParams) {
  const { options, columns = 1, model, onModelChange } = props;
  const selected = new Set(model?.values ?? []);
  const name = useId();
  const set = (values: Set<string>) =>
    onModelChange(values.size === 0 ? null : { filterType: 'set', values: options.map((o) => o.value).filter((v) => values.has(v)) });
  const toggle = (value: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(value);
    else next.delete(value);
    set(next);
  };
  const header = props.colDef.headerName ?? props.column.getColId();
  return (
    <fieldset className="set-filter" aria-label={t('filter.open', { column: header })}>
      <div className="set-filter-options" style={{ gridTemplateColumns: `repeat(${columns}, auto)` }}>
        {options.map((o) => (
          <label key={o.value} className={columns > 1 ? 'set-filter-option compact' : 'set-filter-option'} title={o.hint}>
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={selected.has(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <span>{o.label}</span>
            {o.hint && columns === 1 && <span className="muted set-filter-hint">{o.hint}</span>}
          </label>
        ))}
      </div>
      <div className="set-filter-actions">
        <button type="button" className="button button-small" onClick={() => set(new Set(options.map((o) => o.value)))}>
          {t('filter.all')}
        </button>
        <button type="button" className="button button-small" onClick={() => onModelChange(null)} disabled={selected.size === 0}>
          {t('filter.clear')}
        </button>
      </div>
    </fieldset>
  );
}

/** The floating filter: a button naming what is selected, opening the filter's list. */
function SetFloatingFilter(props: CustomFloatingFilterDisplayProps<unknown, unknown, SetFilterModel, SetFilterParams>) {
  const labels = new Map(props.filterParams.options.map((o) => [o.value, o.label]));
  const values = props.model?.values ?? [];
  const summary = values.length === 0 ? t('filter.any') : values.map((v) => labels.get(v) ?? v).join(', ');
  const header = props.column.getColDef().headerName ?? props.column.getColId();
  return (
    <button
      type="button"
      className={values.length ? 'set-floating active' : 'set-floating'}
      title={summary}
      aria-label={`${t('filter.open', { column: header })}: ${summary}`}
      onClick={() => props.showParentFilter()}
    >
      {summary}
    </button>
  );
}

/** The row test, for client-side grids: the cell's value (or `(none)` when empty) is selected. */
function doesFilterPass({ model, node, handlerParams }: DoesFilterPassParams<unknown, unknown, SetFilterModel>): boolean {
  if (!model || model.values.length === 0) return true;
  const value = handlerParams.getValue(node);
  const key = value === null || value === undefined || value === '' ? NONE : String(value);
  return model.values.includes(key);
}

/** Column definition parts for a set-filtered column. */
export function setFilter(params: SetFilterParams): {
  filter: ColumnFilter;
  filterParams: SetFilterParams;
  floatingFilterComponent: typeof SetFloatingFilter;
  suppressFloatingFilterButton: true;
} {
  return {
    filter: { component: SetFilterDisplay, doesFilterPass },
    filterParams: params,
    floatingFilterComponent: SetFloatingFilter,
    // The floating filter is itself the button that opens the list.
    suppressFloatingFilterButton: true,
  };
}
