/**
 * Review: every attribution in the project as one grid row (claim, document, source, channel,
 * grades, status, tags), with quick filters for the questions analysts ask most ("which claims rest
 * on one source", "what was denied"), saved views and CSV export of exactly what is shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewRow } from '../../../shared/review-schemas.ts';
import { useClient } from '../client/context.tsx';
import { useToast, type UndoStep } from '../components/toast.tsx';
import { useChanges } from '../hooks/changes.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { t, type PlainMessageKey } from '../i18n/t.ts';
import { downloadBytes } from '../lib/download.ts';
import { ReviewGrid, type GridStatus, type ReviewGridHandle, type ReviewMemory } from '../review/review-grid.tsx';
import { isFiltered, type QuickFilterId } from '../../../shared/review-query.ts';
import { ViewsMenu } from '../review/views-menu.tsx';

interface Props {
  /** False while another view shows (the app keeps this view mounted, hidden): it then asks the core nothing. */
  active: boolean;
  memory: ReviewMemory;
  onOpen: (documentId: string, claimId: string) => void;
  onUndo: UndoStep;
  onGoLibrary: () => void;
}

const QUICK: readonly { id: QuickFilterId; label: PlainMessageKey; tip: PlainMessageKey }[] = [
  { id: 'singleSource', label: 'review.quick.singleSource', tip: 'review.quick.singleSourceTip' },
  { id: 'anonymousOnly', label: 'review.quick.anonymousOnly', tip: 'review.quick.anonymousOnlyTip' },
  { id: 'denied', label: 'review.quick.denied', tip: 'review.quick.deniedTip' },
  { id: 'ungraded', label: 'review.quick.ungraded', tip: 'review.quick.ungradedTip' },
];

export function ReviewView({ active, memory, onOpen, onUndo, onGoLibrary }: Props) {
  const client = useClient();
  const toast = useToast();
  const grid = useRef<ReviewGridHandle>(null);
  const [quick, setQuick] = useState<QuickFilterId[]>(memory.quick);
  const [status, setStatus] = useState<GridStatus | null>(null);
  const [exporting, setExporting] = useState(false);
  // Nothing to review at all: the grid's own first answer says so (no rows, no filters), without a
  // call of its own before the grid. The empty state then asks again after each change.
  const [empty, setEmpty] = useState(false);
  const onStatus = useCallback((s: GridStatus) => {
    setStatus(s);
    if (s.total === 0 && !isFiltered(s.query)) setEmpty(true);
  }, []);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const openRow = useCallback((row: ReviewRow) => openRef.current(row.documentId, row.claimId), []);
  const filled = useCallback(() => setEmpty(false), []);

  const toggle = (id: QuickFilterId) => setQuick((q) => (q.includes(id) ? q.filter((x) => x !== id) : [...q, id]));
  const clearFilters = useCallback(() => {
    grid.current?.applyView({ filterModel: {} });
    setQuick([]);
  }, []);

  const exportCsv = async () => {
    const g = grid.current;
    if (!g) return;
    setExporting(true);
    const columns = g.columns();
    const result = await client.call('review:export', { query: g.query(), ...(columns.length > 0 && { columns }) });
    setExporting(false);
    if (!result.ok) return toast.show({ message: t('review.exportError', { message: result.error.message }) });
    if (result.value.data) downloadBytes(result.value.data, 'claimdesk-review.csv', 'text/csv;charset=utf-8');
    toast.show({ message: t('review.exported', { count: result.value.rows }) });
  };

  if (empty) return <EmptyReview active={active} onGoLibrary={onGoLibrary} onFilled={filled} />;

  const count = (() => {
    if (status?.error) return <span className="status-error" role="alert">{t('review.loadError', { message: status.error })}</span>;
    if (!status || status.total === null) return <span className="muted">{t('review.loading')}</span>;
    return <span>{t(isFiltered(status.query) ? 'review.countFiltered' : 'review.count', { count: status.total })}</span>;
  })();

  return (
    <div className="section-view review-view">
      <div className="section-toolbar">
        <div className="quick-filters" role="group" aria-label={t('review.quick')}>
          {QUICK.map((q) => (
            <button
              key={q.id}
              type="button"
              className="toggle-button"
              aria-pressed={quick.includes(q.id)}
              title={t(q.tip)}
              onClick={() => toggle(q.id)}
            >
              <span className="toggle-check" aria-hidden="true">
                ✓
              </span>
              {t(q.label)}
            </button>
          ))}
        </div>
        <div className="toolbar-actions">
          <ViewsMenu
            current={() => grid.current?.viewState() ?? { columnState: [], filterModel: {}, quick }}
            onApply={(state) => {
              grid.current?.applyView(state);
              setQuick(Array.isArray(state.quick) ? state.quick : []);
            }}
            onReset={() => {
              grid.current?.reset();
              setQuick([]);
            }}
          />
          <button type="button" className="button" disabled={exporting} title={t('review.exportTip')} onClick={() => void exportCsv()}>
            {exporting ? t('review.exporting') : t('review.export')}
          </button>
        </div>
      </div>
      <div className="section-status" aria-live="polite">
        {count}
        <span className="muted section-hint">{t('review.openHint')}</span>
      </div>
      <div className="section-body">
        <ReviewGrid
          ref={grid}
          active={active}
          memory={memory}
          quick={quick}
          onOpen={openRow}
          onStatus={onStatus}
          onUndo={onUndo}
          onClearFilters={clearFilters}
        />
      </div>
    </div>
  );
}

/**
 * No attributions in the project yet; asks again whenever the project changes (an import, the
 * sample) while it shows, and on showing again.
 */
function EmptyReview({ active, onGoLibrary, onFilled }: { active: boolean; onGoLibrary: () => void; onFilled: () => void }) {
  const client = useClient();
  const { version } = useChanges();
  const any = useQuery(
    active ? () => client.call('review:rows', { query: { filters: {}, quick: [], sort: [] }, offset: 0, limit: 1 }) : null,
    [client, active ? version : -1],
  );
  const filled = any.data !== null && any.data.total > 0;
  useEffect(() => {
    if (filled) onFilled();
  }, [filled, onFilled]);
  return (
    <div className="section-view">
      <div className="empty-state">
        <h2>{t('review.emptyTitle')}</h2>
        <p>{t('review.emptyText')}</p>
        <div className="empty-actions">
          <button type="button" className="button button-primary" onClick={onGoLibrary}>
            {t('review.goLibrary')}
          </button>
        </div>
        <p className="muted">{t('review.emptySample')}</p>
      </div>
    </div>
  );
}
