/**
 * The Library: every document in the project as a grid, search over them, filters, import (picker
 * or drop), delete with undo, and export of the selected documents (handed to Packs). It stays
 * mounted while a document is open, so that coming back finds the same scroll position, selection,
 * search and filters.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useClient } from '../client/context.tsx';
import { DocumentGrid, type DocumentGridHandle } from '../components/document-grid.tsx';
import { DropZone } from '../components/drop-zone.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { FilterBar, isValidDate, type FilterInputs } from '../components/filter-bar.tsx';
import { ImportButtons } from '../components/import-buttons.tsx';
import { ImportSummary, JobProgress } from '../components/job-status.tsx';
import { SearchResults } from '../components/search-results.tsx';
import { undoAction, useToast, type UndoStep } from '../components/toast.tsx';
import { useBump } from '../hooks/changes.tsx';
import { useGlobalShortcuts } from '../hooks/use-global-shortcuts.ts';
import { useImportJob } from '../hooks/use-import-job.ts';
import { useDocumentList, useOutlets, useSearch, type Filter } from '../hooks/use-library-data.ts';
import { t } from '../i18n/t.ts';
import type { PickedDocument } from '../packs/export-choice.ts';

interface Props {
  active: boolean;
  onOpen: (id: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  onUndo: UndoStep;
  /** "Export selected…": the selected documents, named as the grid names them, for Packs. */
  onExportSelected: (documents: PickedDocument[]) => void;
}

const EMPTY_INPUTS: FilterInputs = { query: '', outlet: '', from: '', to: '' };

function toFilter(inputs: FilterInputs): Filter {
  const filter: Filter = {};
  if (inputs.outlet) filter.outlet = inputs.outlet;
  const from = inputs.from.trim();
  const to = inputs.to.trim();
  if (from && isValidDate(from)) filter.from = from;
  if (to && isValidDate(to)) filter.to = to;
  return filter;
}

export function LibraryView({ active, onOpen, searchRef, onUndo, onExportSelected }: Props) {
  const client = useClient();
  const bump = useBump();
  const toast = useToast();
  const [inputs, setInputs] = useState<FilterInputs>(EMPTY_INPUTS);
  const [selectedCount, setSelectedCount] = useState(0);
  const filter = toFilter(inputs);
  const list = useDocumentList(filter);
  const outlets = useOutlets();
  const search = useSearch(inputs.query, filter);
  const jobs = useImportJob();
  const grid = useRef<DocumentGridHandle>(null);
  const hitsRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<(() => void) | null>(null);

  const searching = inputs.query.trim() !== '';
  const filtered = Object.keys(filter).length > 0;
  const total = list.data?.total ?? 0;
  const showEmpty = list.data !== null && total === 0 && !filtered && !searching;

  useEffect(() => {
    if (!active || !returnFocus.current) return;
    const restore = returnFocus.current;
    returnFocus.current = null;
    // After the Library is visible again, so the grid can measure and focus.
    requestAnimationFrame(restore);
  }, [active]);

  const open = (id: string, from: 'grid' | 'search') => {
    returnFocus.current =
      from === 'grid'
        ? () => grid.current?.restoreFocus()
        : () =>
            Array.from(hitsRef.current?.querySelectorAll<HTMLElement>('button.hit') ?? [])
              .find((b) => b.dataset.documentId === id)
              ?.focus();
    onOpen(id);
  };

  const remove = async (ids: string[]) => {
    if (ids.length === 0) return;
    const result = await client.call('documents:delete', { ids });
    bump('documents');
    if (result.ok) {
      toast.show({
        message: t('library.deleted', { count: result.value.deleted }),
        action: undoAction(onUndo, result.step),
      });
    } else {
      toast.show({ message: result.error.message });
    }
  };

  const exportSelected = () => {
    // The grid's rows are the list's items: their titles and leads come with them, no fetch needed.
    const rows = new Map((list.data?.items ?? []).map((d) => [d.id, d]));
    const picked = (grid.current?.selectedIds() ?? []).flatMap((id) => {
      const d = rows.get(id);
      return d ? [{ id: d.id, title: d.title, lead: d.lead ?? null, language: d.language }] : [];
    });
    if (picked.length > 0) onExportSelected(picked);
  };

  useGlobalShortcuts(
    active
      ? {
          escape: () => {
            if (inputs.query === '') return false;
            setInputs((v) => ({ ...v, query: '' }));
            searchRef.current?.focus();
          },
        }
      : {},
  );

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'Enter') return;
    event.preventDefault();
    if (searching) hitsRef.current?.querySelector<HTMLElement>('button.hit')?.focus();
    else grid.current?.restoreFocus();
  };

  const status = (() => {
    if (searching) {
      if (search.error) return <p className="status-error" role="alert">{t('search.error', { message: search.error.message })}</p>;
      if (search.loading && !search.data) return <p className="muted">{t('search.searching')}</p>;
      return <p>{t('search.count', { count: search.data?.total ?? 0 })}</p>;
    }
    if (list.error) return <p className="status-error" role="alert">{t('library.loadError', { message: list.error.message })}</p>;
    if (!list.data) return null;
    return <p>{t(filtered ? 'library.countFiltered' : 'library.count', { count: total })}</p>;
  })();

  return (
    <DropZone className="library" hidden={!active} onFiles={jobs.importFiles} disabled={jobs.job !== null}>
      {!showEmpty && (
        <div className="library-toolbar">
          <FilterBar
            value={inputs}
            outlets={outlets.data ?? []}
            onChange={setInputs}
            searchRef={searchRef}
            onSearchKeyDown={onSearchKeyDown}
          />
          <div className="toolbar-actions">
            <button
              type="button"
              className="button"
              disabled={selectedCount === 0 || searching}
              title={t('library.deleteTooltip')}
              onClick={() => void remove(grid.current?.selectedIds() ?? [])}
            >
              {t('library.delete')}
            </button>
            <button
              type="button"
              className="button"
              disabled={selectedCount === 0 || searching}
              title={t('library.exportSelectedTooltip')}
              onClick={exportSelected}
            >
              {t('library.exportSelected')}
            </button>
            <ImportButtons onFiles={jobs.importFiles} disabled={jobs.job !== null} />
          </div>
        </div>
      )}
      {!showEmpty && (
        <div className="library-status" aria-live="polite">
          {status}
        </div>
      )}
      {jobs.job && <JobProgress job={jobs.job} onCancel={() => void jobs.cancel()} />}
      {jobs.outcome && <ImportSummary outcome={jobs.outcome} onDismiss={jobs.dismiss} />}
      <div className="library-body">
        {showEmpty && <EmptyState onFiles={jobs.importFiles} onOpenSample={() => void jobs.openSample()} busy={jobs.job !== null} />}
        <div className="grid-pane" hidden={showEmpty || searching}>
          <DocumentGrid
            ref={grid}
            rows={list.data?.items ?? []}
            onOpen={(id) => open(id, 'grid')}
            onDelete={(ids) => void remove(ids)}
            onSelectionChange={setSelectedCount}
          />
        </div>
        {searching && search.data && (
          <div className="search-pane" ref={hitsRef} aria-busy={search.loading || undefined}>
            <SearchResults
              query={inputs.query.trim()}
              hits={search.data.hits}
              total={search.data.total}
              onOpen={(id) => open(id, 'search')}
            />
          </div>
        )}
      </div>
    </DropZone>
  );
}
