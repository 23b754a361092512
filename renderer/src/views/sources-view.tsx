/**
 * Sources: every source in the project with its grade and reach, the claims of the one selected,
 * suggested duplicates to merge; and a Figures tab comparing the numbers claims give. What tab and
 * source were open is kept by the app, so coming back from a document finds them again.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useClient } from '../client/context.tsx';
import { useChangeVersion } from '../hooks/changes.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { t } from '../i18n/t.ts';
import { DuplicatesPanel } from '../review/duplicates-panel.tsx';
import { FiguresPanel } from '../review/figures-panel.tsx';
import { SourceDetail } from '../review/source-detail.tsx';
import { SourcesGrid } from '../review/sources-grid.tsx';
import type { UndoStep } from '../components/toast.tsx';

export interface SourcesMemory {
  tab: 'sources' | 'figures';
  selectedId: string | null;
  query: string;
}

export const newSourcesMemory = (): SourcesMemory => ({ tab: 'sources', selectedId: null, query: '' });

interface Props {
  memory: SourcesMemory;
  onOpen: (documentId: string, claimId: string) => void;
  onUndo: UndoStep;
}

const TABS = ['sources', 'figures'] as const;

export function SourcesView({ memory, onOpen, onUndo }: Props) {
  const client = useClient();
  const version = useChangeVersion('annotations', 'documents');
  const [tab, setTab] = useState(memory.tab);
  const [selected, setSelected] = useState(memory.selectedId);
  const [query, setQuery] = useState(memory.query);
  const ids = useId();
  const searchId = useId();
  const sources = useQuery(() => client.call('sources:overview', { query, limit: 10000 }), [client, version, query], 120);

  const choose = (next: SourcesMemory['tab']) => {
    memory.tab = next;
    setTab(next);
  };
  const select = (id: string | null) => {
    memory.selectedId = id;
    setSelected(id);
  };
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = tab === 'sources' ? 'figures' : 'sources';
    choose(next);
    document.getElementById(`${ids}-${next}`)?.focus();
  };

  const none = sources.data?.length === 0 && query.trim() === '';

  return (
    <div className="section-view sources-view">
      <div className="section-toolbar">
        <div role="tablist" aria-label={t('sources.tabs')} className="tabs" onKeyDown={onTabKey}>
          {TABS.map((id) => (
            <button
              key={id}
              id={`${ids}-${id}`}
              type="button"
              role="tab"
              className="tab"
              aria-selected={tab === id}
              aria-controls={`${ids}-${id}-panel`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => choose(id)}
            >
              {t(id === 'sources' ? 'sources.tab.sources' : 'sources.tab.figures')}
            </button>
          ))}
        </div>
        {tab === 'sources' && !none && (
          <>
            <label htmlFor={searchId} className="visually-hidden">
              {t('sources.search')}
            </label>
            <input
              id={searchId}
              type="search"
              className="search-input"
              placeholder={t('sources.searchPlaceholder')}
              value={query}
              onChange={(e) => {
                memory.query = e.target.value;
                setQuery(e.target.value);
              }}
            />
            {sources.data && (
              <span className="muted">
                {sources.data.length === 0 ? t('sources.noMatch', { query: query.trim() }) : t('sources.count', { count: sources.data.length })}
              </span>
            )}
          </>
        )}
      </div>
      {tab === 'figures' ? (
        <div className="section-body figures-scroll" role="tabpanel" id={`${ids}-figures-panel`} aria-labelledby={`${ids}-figures`}>
          <FiguresPanel onOpen={onOpen} />
        </div>
      ) : (
        <div className="section-body sources-layout" role="tabpanel" id={`${ids}-sources-panel`} aria-labelledby={`${ids}-sources`}>
          {sources.error && (
            <p className="status-error section-message" role="alert">
              {t('sources.loadError', { message: sources.error.message })}
            </p>
          )}
          {none ? (
            <div className="empty-state">
              <h2>{t('sources.emptyTitle')}</h2>
              <p>{t('sources.emptyText')}</p>
            </div>
          ) : (
            <>
              <div className="sources-main">
                <div className="sources-grid-pane">
                  <SourcesGrid rows={sources.data ?? []} selectedId={selected} onSelect={select} />
                </div>
                <div className="sources-detail-pane">
                  {selected ? (
                    <SourceDetail key={selected} id={selected} onOpen={onOpen} onUndo={onUndo} />
                  ) : (
                    <p className="muted section-message">{t('sources.select')}</p>
                  )}
                </div>
              </div>
              <aside className="sources-aside">
                <DuplicatesPanel onUndo={onUndo} onMerged={select} />
              </aside>
            </>
          )}
        </div>
      )}
    </div>
  );
}
