/**
 * The relay chain of an attribution (PROV's wasQuotedFrom): the speaker's words passed through
 * other sources before the reporting outlet, in order ("told Al-Fassel", then "reported by Al
 * Mamlaka"). Each link can be moved earlier or later or removed, by keyboard; a source is added by
 * searching the project's sources, or created (as an outlet) when the attribution is saved.
 */
import { useId, useState } from 'react';
import { t } from '../i18n/t.ts';
import { Combobox, type ComboOption } from './combobox.tsx';
import { useSourceSearch } from './use-source-search.ts';

/** A link of the chain: an existing source, or one to create on save. */
export type Relay = { id: string; name: string } | { id: null; name: string };

interface Props {
  chain: readonly Relay[];
  /** Sources that cannot be relays of this attribution (its own source). */
  exclude: readonly string[];
  onChange(chain: Relay[]): void;
}

export function RelayChain({ chain, exclude, onChange }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const found = useSourceSearch(query).map((s) => ({ id: s.id, name: s.name, sub: [t(`sourceType.${s.type}`), s.affiliation].filter(Boolean).join(' · ') }));

  const typed = query.trim();
  const taken = new Set([...exclude, ...chain.flatMap((r) => (r.id ? [r.id] : []))]);
  const options: ComboOption[] = found
    .filter((s) => !taken.has(s.id))
    .map((s) => ({
      id: s.id,
      content: (
        <>
          <span className="opt-title" dir="auto">{s.name}</span>
          {s.sub && <span className="opt-sub" dir="auto">{s.sub}</span>}
        </>
      ),
    }));
  if (typed && !found.some((s) => s.name.toLowerCase() === typed.toLowerCase()) && !chain.some((r) => r.name.toLowerCase() === typed.toLowerCase())) {
    options.push({ id: 'create', special: true, content: <span className="opt-title">{t('relay.create', { name: typed })}</span> });
  }

  const pick = (optionId: string) => {
    const source = found.find((s) => s.id === optionId);
    if (optionId === 'create') onChange([...chain, { id: null, name: typed }]);
    else if (source) onChange([...chain, { id: source.id, name: source.name }]);
    setQuery('');
  };
  const move = (i: number, by: number) => {
    const next = chain.slice();
    const [link] = next.splice(i, 1);
    next.splice(i + by, 0, link!);
    onChange(next);
  };

  return (
    <fieldset className="relay-chain">
      <legend id={`${id}-legend`}>{t('relay.label')}</legend>
      <p className="muted relay-help">{t('relay.help')}</p>
      {chain.length === 0 ? (
        <p className="muted">{t('relay.none')}</p>
      ) : (
        <ol className="relay-list" aria-labelledby={`${id}-legend`}>
          {chain.map((r, i) => (
            <li key={r.id ?? `new:${r.name}`} className="relay-link">
              <div className="relay-row">
                <span className="relay-name" dir="auto">{r.name}</span>
                {r.id === null && <span className="muted relay-new">{t('relay.new')}</span>}
                <span className="relay-actions">
                  <button type="button" className="button button-quiet button-small" aria-label={t('relay.up', { name: r.name })} disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" className="button button-quiet button-small" aria-label={t('relay.down', { name: r.name })} disabled={i === chain.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" className="button button-quiet button-small" aria-label={t('relay.remove', { name: r.name })} onClick={() => onChange(chain.filter((_, k) => k !== i))}>
                    ×
                  </button>
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
      <Combobox
        label={t('relay.add')}
        listLabel={t('attribute.sources')}
        value={query}
        placeholder={t('attribute.sourcePlaceholder')}
        options={options}
        empty={typed ? t('attribute.noMatches', { query: typed }) : undefined}
        onChange={setQuery}
        onPick={pick}
      />
    </fieldset>
  );
}
