/**
 * Choosing who makes a claim: search the project's sources (`sources:list`: names, aliases,
 * affiliations), take a source mention marked in the claim's paragraph, or create a new source
 * from the typed name (or from the mention, which then points at it).
 */
import { useState } from 'react';
import { SOURCE_TYPES, type Source, type Span } from '../../../shared/annotation-schemas.ts';
import { t } from '../i18n/t.ts';
import { Combobox, type ComboOption } from './combobox.tsx';
import { useSourceSearch } from './use-source-search.ts';

export type SourceChoice =
  | { mode: 'existing'; source: Source }
  | { mode: 'create'; name: string; type: Source['type']; affiliation: string; aliases: string; mentionSpanId: string | null };

interface Props {
  choice: SourceChoice | null;
  onChoice(choice: SourceChoice | null): void;
  /** Source mentions in the claim's paragraph, with their source if they have one. */
  mentions: readonly { span: Span; source: Source | null }[];
  invalid: boolean;
}

export function SourcePicker({ choice, onChoice, mentions, invalid }: Props) {
  const [query, setQuery] = useState(choice?.mode === 'existing' ? choice.source.name : '');
  const found = useSourceSearch(query);

  const typed = query.trim();
  const options: ComboOption[] = [];
  if (!typed) {
    for (const m of mentions) {
      options.push({
        id: `mention:${m.span.id}`,
        content: (
          <>
            <span className="opt-title" dir="auto">{m.source?.name ?? m.span.exact}</span>
            <span className="opt-sub" dir="auto">{t('attribute.fromMention', { text: m.span.exact })}</span>
          </>
        ),
      });
    }
  }
  for (const s of found) {
    options.push({
      id: `source:${s.id}`,
      content: (
        <>
          <span className="opt-title" dir="auto">{s.name}</span>
          <span className="opt-sub" dir="auto">
            {[t(`sourceType.${s.type}`), s.affiliation, s.reliability, t('attribute.uses', { count: s.attributions })].filter(Boolean).join(' · ')}
          </span>
          {s.aliases.length > 0 && <span className="opt-sub" dir="auto">{t('attribute.aka', { aliases: s.aliases.join(', ') })}</span>}
        </>
      ),
    });
  }
  if (typed && !found.some((s) => s.name.toLowerCase() === typed.toLowerCase())) {
    options.push({ id: 'create', special: true, content: <span className="opt-title">{t('attribute.create', { name: typed })}</span> });
  }

  const pick = (id: string) => {
    if (id === 'create') {
      onChoice({ mode: 'create', name: typed, type: 'named official', affiliation: '', aliases: '', mentionSpanId: null });
    } else if (id.startsWith('source:')) {
      const s = found.find((x) => `source:${x.id}` === id);
      if (s) {
        setQuery(s.name);
        onChoice({ mode: 'existing', source: s });
      }
    } else {
      const m = mentions.find((x) => `mention:${x.span.id}` === id);
      if (!m) return;
      setQuery(m.source?.name ?? m.span.exact);
      onChoice(m.source ? { mode: 'existing', source: m.source } : { mode: 'create', name: m.span.exact, type: 'named official', affiliation: '', aliases: '', mentionSpanId: m.span.id });
    }
  };

  return (
    <div className="source-picker">
      <Combobox
        label={t('attribute.source')}
        listLabel={t('attribute.sources')}
        value={query}
        placeholder={t('attribute.sourcePlaceholder')}
        options={options}
        empty={typed ? t('attribute.noMatches', { query: typed }) : undefined}
        invalid={invalid}
        onChange={(v) => {
          setQuery(v);
          if (choice) onChoice(null);
        }}
        onPick={pick}
      />
      {choice?.mode === 'existing' && (
        <p className="chosen" dir="auto">
          <strong>{choice.source.name}</strong>{' '}
          <span className="muted">{[t(`sourceType.${choice.source.type}`), choice.source.affiliation].filter(Boolean).join(' · ')}</span>
        </p>
      )}
      {choice?.mode === 'create' && <NewSourceFields choice={choice} onChange={onChoice} />}
    </div>
  );
}

export function NewSourceFields({ choice, onChange }: { choice: Extract<SourceChoice, { mode: 'create' }>; onChange(c: SourceChoice): void }) {
  return (
    <fieldset className="new-source">
      <legend>{t('attribute.newSource')}</legend>
      <label className="field">
        <span>{t('attribute.name')}</span>
        <input value={choice.name} dir="auto" required onChange={(e) => onChange({ ...choice, name: e.target.value })} />
      </label>
      <div className="field-row">
        <label className="field">
          <span>{t('attribute.type')}</span>
          <select value={choice.type} onChange={(e) => onChange({ ...choice, type: e.target.value as Source['type'] })}>
            {SOURCE_TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`sourceType.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('attribute.affiliation')}</span>
          <input value={choice.affiliation} dir="auto" onChange={(e) => onChange({ ...choice, affiliation: e.target.value })} />
        </label>
      </div>
      <label className="field">
        <span>{t('attribute.aliases')}</span>
        <input value={choice.aliases} dir="auto" onChange={(e) => onChange({ ...choice, aliases: e.target.value })} />
      </label>
    </fieldset>
  );
}
