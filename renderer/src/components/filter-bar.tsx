/**
 * Search box and filters (outlet, date range). Dates are typed as the store keeps them (YYYY,
 * YYYY-MM or YYYY-MM-DD) and only applied once valid; an invalid one is marked and explained.
 */
import { useId, type KeyboardEvent, type RefObject } from 'react';
import { PartialDate } from '../../../shared/contract.ts';
import { t } from '../i18n/t.ts';

export interface FilterInputs {
  query: string;
  outlet: string;
  from: string;
  to: string;
}

interface Props {
  value: FilterInputs;
  outlets: readonly string[];
  onChange: (next: FilterInputs) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  onSearchKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}

export const isValidDate = (s: string) => s === '' || PartialDate.safeParse(s).success;

export function FilterBar({ value, outlets, onChange, searchRef, onSearchKeyDown }: Props) {
  const id = useId();
  const set = (patch: Partial<FilterInputs>) => onChange({ ...value, ...patch });
  const fromInvalid = !isValidDate(value.from.trim());
  const toInvalid = !isValidDate(value.to.trim());
  const hasFilters = value.outlet !== '' || value.from !== '' || value.to !== '';

  return (
    <div className="filter-bar" role="search">
      <input
        ref={searchRef}
        type="search"
        className="search-input"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={value.query}
        onChange={(e) => set({ query: e.target.value })}
        onKeyDown={onSearchKeyDown}
        spellCheck={false}
        autoComplete="off"
      />
      <div className="filters" role="group" aria-label={t('filters.label')}>
        <label className="field-inline">
          <span>{t('filters.outlet')}</span>
          <select value={value.outlet} onChange={(e) => set({ outlet: e.target.value })}>
            <option value="">{t('filters.allOutlets')}</option>
            {outlets.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>{t('filters.from')}</span>
          <input
            className="date-input"
            value={value.from}
            placeholder={t('filters.datePlaceholder')}
            aria-invalid={fromInvalid || undefined}
            aria-describedby={fromInvalid ? `${id}-date-error` : undefined}
            onChange={(e) => set({ from: e.target.value })}
            inputMode="numeric"
          />
        </label>
        <label className="field-inline">
          <span>{t('filters.to')}</span>
          <input
            className="date-input"
            value={value.to}
            placeholder={t('filters.datePlaceholder')}
            aria-invalid={toInvalid || undefined}
            aria-describedby={toInvalid ? `${id}-date-error` : undefined}
            onChange={(e) => set({ to: e.target.value })}
            inputMode="numeric"
          />
        </label>
        {hasFilters && (
          <button type="button" className="button button-quiet" onClick={() => set({ outlet: '', from: '', to: '' })}>
            {t('filters.clear')}
          </button>
        )}
        {(fromInvalid || toInvalid) && (
          <span id={`${id}-date-error`} className="field-error">
            {t('filters.dateInvalid')}
          </span>
        )}
      </div>
    </div>
  );
}
