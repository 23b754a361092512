/**
 * The tags on one annotation, from the project's codebook (hierarchical, with colours): each shown
 * with its colour and its path ("Routes › Jordan border") and a button that removes it, and a
 * combobox that searches the codebook by name or path and applies the chosen tag, or creates the
 * typed one (with a colour of its own) and applies it. Applying, creating and removing are each one
 * step of the operation log, so Ctrl+Z takes them back.
 */
import { useRef, useState } from 'react';
import type { Span, Tag } from '../../../shared/annotation-schemas.ts';
import { t } from '../i18n/t.ts';
import { Combobox, type ComboOption } from './combobox.tsx';
import type { Call } from './use-annotate-actions.ts';

interface Props {
  span: Span;
  tags: ReadonlyMap<string, Tag>;
  call: Call;
  announce(message: string): void;
}

/** Colours for new tags: distinct from each other in light and dark themes, none too pale on white. */
export const TAG_PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#e377c2', '#8c564b', '#17becf', '#bcbd22', '#ff7f0e', '#7f7f7f'] as const;

/** "Routes › Jordan border": a tag's name after its ancestors'. */
export function tagPath(tag: Tag, tags: ReadonlyMap<string, Tag>): string {
  const names = [tag.name];
  const seen = new Set([tag.id]);
  for (let p = tag.parentId; p && !seen.has(p); p = tags.get(p)?.parentId ?? null) {
    seen.add(p);
    names.unshift(tags.get(p)?.name ?? '?');
  }
  return names.join(' › ');
}

/** A tag's colour, or its nearest ancestor's. */
export function tagColor(tag: Tag, tags: ReadonlyMap<string, Tag>): string | null {
  const seen = new Set<string>();
  for (let x: Tag | undefined = tag; x && !seen.has(x.id); x = x.parentId ? tags.get(x.parentId) : undefined) {
    seen.add(x.id);
    if (x.color) return x.color;
  }
  return null;
}

export function TagSwatch({ color }: { color: string | null }) {
  return <span className="tag-swatch" aria-hidden="true" style={color ? { backgroundColor: color } : undefined} data-none={color ? undefined : ''} />;
}

const MAX_OPTIONS = 30;

export function TagPicker({ span, tags, call, announce }: Props) {
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const applied = span.tagIds
    .map((id) => tags.get(id))
    .filter((x): x is Tag => x !== undefined)
    .sort((a, b) => tagPath(a, tags).localeCompare(tagPath(b, tags)));
  const typed = query.trim();
  const needle = typed.toLowerCase();
  const candidates = [...tags.values()]
    .filter((tag) => !span.tagIds.includes(tag.id))
    .map((tag) => ({ tag, path: tagPath(tag, tags) }))
    .filter((c) => !needle || c.path.toLowerCase().includes(needle))
    // Names that start with what was typed first, then the rest, each by path.
    .sort((a, b) => Number(!a.tag.name.toLowerCase().startsWith(needle)) - Number(!b.tag.name.toLowerCase().startsWith(needle)) || a.path.localeCompare(b.path))
    .slice(0, MAX_OPTIONS);
  const options: ComboOption[] = candidates.map(({ tag, path }) => ({
    id: tag.id,
    content: (
      <span className="tag-option">
        <TagSwatch color={tagColor(tag, tags)} />
        <span className="opt-title" dir="auto">{path}</span>
      </span>
    ),
  }));
  const exists = [...tags.values()].some((tag) => tag.parentId === null && tag.name.toLowerCase() === needle);
  if (typed && !exists) {
    options.push({
      id: 'create',
      special: true,
      content: (
        <span className="tag-option">
          <TagSwatch color={newColor(tags)} />
          <span className="opt-title">{t('tags.create', { name: typed })}</span>
        </span>
      ),
    });
  }

  const apply = async (tag: Tag) => {
    const done = await call('tags:apply', { tagId: tag.id, spanId: span.id });
    if (done) announce(t('tags.applied', { name: tagPath(tag, tags) }));
  };

  const pick = async (id: string) => {
    if (busy) return;
    setBusy(true);
    try {
      if (id === 'create') {
        const created = await call('tags:create', { name: typed, color: newColor(tags) });
        if (created) await apply(created);
      } else {
        const tag = tags.get(id);
        if (tag) await apply(tag);
      }
      setQuery('');
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const remove = async (tag: Tag, at: number) => {
    const done = await call('tags:remove', { tagId: tag.id, spanId: span.id });
    if (!done) return;
    announce(t('tags.removed', { name: tagPath(tag, tags) }));
    // Focus stays in the list: on the next tag's button, or on the field when none is left.
    requestAnimationFrame(() => {
      const buttons = inputRef.current?.closest('.tag-picker')?.querySelectorAll<HTMLButtonElement>('.tag-chip button');
      (buttons?.[Math.min(at, (buttons?.length ?? 1) - 1)] ?? inputRef.current)?.focus();
    });
  };

  return (
    <div className="tag-picker">
      {applied.length === 0 ? (
        <p className="muted tag-none">{t('tags.none')}</p>
      ) : (
        <ul className="tag-chips" aria-label={t('detail.tags')}>
          {applied.map((tag, i) => (
            <li key={tag.id} className="tag-chip">
              <TagSwatch color={tagColor(tag, tags)} />
              <span className="tag-chip-name" dir="auto">{tagPath(tag, tags)}</span>
              <button type="button" className="tag-chip-remove" aria-label={t('tags.remove', { name: tagPath(tag, tags) })} title={t('tags.remove', { name: tagPath(tag, tags) })} onClick={() => void remove(tag, i)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <Combobox
        label={t('tags.add')}
        listLabel={t('tags.list')}
        value={query}
        placeholder={t('tags.placeholder')}
        options={options}
        empty={typed ? t('tags.noMatches', { query: typed }) : undefined}
        inputRef={inputRef}
        onChange={setQuery}
        onPick={(id) => void pick(id)}
      />
    </div>
  );
}

/** The palette's least used colour, so that new tags tell apart from the ones there are. */
function newColor(tags: ReadonlyMap<string, Tag>): string {
  const used = new Map<string, number>(TAG_PALETTE.map((c) => [c, 0]));
  for (const tag of tags.values()) if (tag.color && used.has(tag.color.toLowerCase())) used.set(tag.color.toLowerCase(), used.get(tag.color.toLowerCase())! + 1);
  return [...used.entries()].sort((a, b) => a[1] - b[1])[0]![0];
}
