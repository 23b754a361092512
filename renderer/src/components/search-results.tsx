/**
 * Ranked search hits: title, outlet and date, and the snippet with matches marked. Each hit is a
 * button that opens the document; ↑/↓ move between hits.
 */
import type { KeyboardEvent } from 'react';
import type { SearchHit } from '../../../shared/contract.ts';
import { t } from '../i18n/t.ts';
import { Snippet } from './snippet.tsx';

interface Props {
  query: string;
  hits: readonly SearchHit[];
  total: number;
  onOpen: (id: string) => void;
}

export function SearchResults({ query, hits, total, onOpen }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button.hit'));
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  if (hits.length === 0) {
    return <p className="search-empty">{t('search.none', { query })}</p>;
  }
  return (
    <section className="search-results" aria-label={t('search.results')}>
      <ol className="hits" onKeyDown={onKeyDown}>
        {hits.map((hit) => {
          const d = hit.document;
          const hasTitle = hit.titleParts.some((p) => p.text.trim() !== '');
          return (
            <li key={d.id}>
              <button type="button" className="hit" data-document-id={d.id} onClick={() => onOpen(d.id)}>
                <span className={hasTitle ? 'hit-title' : 'hit-title muted'} dir="auto" lang={d.language}>
                  {hasTitle ? <Snippet parts={hit.titleParts} /> : t('library.untitled')}
                </span>
                <span className="hit-meta">
                  {[d.outlet, d.published].filter(Boolean).join(' · ')}
                </span>
                <span className="hit-snippet" dir="auto" lang={d.language}>
                  <Snippet parts={hit.snippet} />
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {total > hits.length && <p className="search-more">{t('search.countShown', { shown: hits.length, count: total })}</p>}
    </section>
  );
}
