/**
 * "Leave out these documents": find documents with the Library's search, leave them out of the
 * pack, and see them as chips that put them back. The search waits for a pause in typing and an
 * answer to an older query is dropped (useQuery), so the list never shows what was typed before.
 *
 * Keyboard: ↓ or Enter in the box goes to the matches (Enter must not submit the export form),
 * ↑/↓ move between them, Escape anywhere in the finder empties it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../shared/contract.ts';
import { useClient } from '../client/context.tsx';
import { useChangeVersion } from '../hooks/changes.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { t } from '../i18n/t.ts';
import { DocumentName, documentLabel } from './document-name.tsx';
import type { PickedDocument } from './export-choice.ts';

const LIMIT = 8;
const DEBOUNCE_MS = 150;
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

/**
 * What the finder searches for: the text as typed, its last word as a prefix ("capta" finds
 * "captagon"), so matches follow the typing instead of waiting for a whole word. Left alone when
 * the last word is an operator, one letter (the core refuses such a prefix), inside an open quote,
 * or already has its own syntax.
 */
export function finderQuery(text: string): string {
  const query = text.trim();
  const last = query.split(/\s+/).at(-1) ?? '';
  const openQuote = (query.match(/"/g)?.length ?? 0) % 2 === 1;
  if (openQuote || OPERATORS.has(last) || !/^[\p{L}\p{N}]{2,}$/u.test(last)) return query;
  return `${query}*`;
}

function pickedOf(hit: SearchHit): PickedDocument {
  const d = hit.document;
  // The core names an untitled document's hit by its opening (`lead`), as the Library does; the snippet is a fallback.
  const lead = d.lead ?? hit.snippet.map((p) => p.text).join('').replace(/^…/, '');
  return { id: d.id, title: d.title, lead, language: d.language };
}

interface Props {
  left: readonly PickedDocument[];
  onChange: (next: PickedDocument[]) => void;
}

export function LeaveOutFinder({ left, onChange }: Props) {
  const client = useClient();
  const version = useChangeVersion('documents');
  const [text, setText] = useState('');
  const query = finderQuery(text);
  const found = useQuery(query ? () => client.call('search:query', { query, limit: LIMIT }) : null, [client, version, query], DEBOUNCE_MS);
  const input = useRef<HTMLInputElement>(null);
  const matches = useRef<HTMLUListElement>(null);
  const chips = useRef<HTMLUListElement>(null);
  // After a chip is removed, focus goes to the chip now in its place (or the box), not to the page.
  const focusChip = useRef<number | null>(null);
  const leftIds = new Set(left.map((d) => d.id));

  useEffect(() => {
    const index = focusChip.current;
    if (index === null) return;
    focusChip.current = null;
    const buttons = chips.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? input.current)?.focus();
  }, [left]);

  const toggle = (doc: PickedDocument) => onChange(leftIds.has(doc.id) ? left.filter((d) => d.id !== doc.id) : [...left, doc]);
  const putBack = (index: number) => {
    focusChip.current = index;
    onChange(left.filter((_, i) => i !== index));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && text !== '') {
      // Handled here: the app's own Escape (going back) must not also run.
      event.preventDefault();
      event.stopPropagation();
      setText('');
      input.current?.focus();
      return;
    }
    const buttons = Array.from(matches.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    if (event.target === input.current) {
      if (event.key === 'Enter') event.preventDefault();
      if ((event.key === 'Enter' || event.key === 'ArrowDown') && buttons[0]) {
        event.preventDefault();
        buttons[0].focus();
      }
      return;
    }
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0 || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    (event.key === 'ArrowDown' ? buttons[at + 1] : (buttons[at - 1] ?? input.current))?.focus();
  };

  const hits = query ? (found.data?.hits ?? []) : [];
  return (
    <div className="pack-sub pack-finder" onKeyDown={onKeyDown}>
      {left.length > 0 && (
        <ul className="tag-chips" ref={chips} aria-label={t('packs.export.leftOutList', { count: left.length })}>
          {left.map((d, i) => (
            <li key={d.id} className="tag-chip pack-chip">
              <span className="tag-chip-name">
                <DocumentName doc={d} />
              </span>
              <button type="button" className="tag-chip-remove" aria-label={t('packs.export.putBack', { name: documentLabel(d) })} onClick={() => putBack(i)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        type="search"
        className="pack-finder-input"
        value={text}
        placeholder={t('packs.export.findToLeaveOut')}
        aria-label={t('packs.export.findToLeaveOut')}
        onChange={(e) => setText(e.target.value)}
      />
      {query && found.error && <p className="pack-hint">{t('packs.export.findError', { message: found.error.message })}</p>}
      {query && found.data && found.data.hits.length === 0 && <p className="pack-hint">{t('packs.export.findNone', { query: text.trim() })}</p>}
      {hits.length > 0 && (
        <ul className="pack-found" ref={matches} aria-label={t('packs.export.found')} aria-busy={found.loading || undefined}>
          {hits.map((hit) => {
            const doc = pickedOf(hit);
            const meta = [hit.document.outlet, hit.document.published].filter(Boolean).join(' · ');
            return (
              <li key={doc.id}>
                <span className="pack-found-doc">
                  <DocumentName doc={doc} />
                  {meta && <span className="pack-hint">{meta}</span>}
                </span>
                <button
                  type="button"
                  className="button button-small pack-toggle"
                  aria-pressed={leftIds.has(doc.id)}
                  aria-label={t('packs.export.leaveOutDoc', { name: documentLabel(doc) })}
                  onClick={() => toggle(doc)}
                >
                  <span className="toggle-check" aria-hidden="true">
                    ✓
                  </span>
                  {t('packs.export.leaveOut')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {query && found.data && found.data.total > found.data.hits.length && (
        <p className="pack-hint">{t('packs.export.foundMore', { shown: found.data.hits.length, count: found.data.total })}</p>
      )}
    </div>
  );
}
