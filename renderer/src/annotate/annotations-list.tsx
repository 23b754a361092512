/**
 * The keyboard and screen-reader path to every span: a listbox of the document's annotations
 * (claims in text order, then the other kinds by group, orphaned ones first). Arrow keys, Home/End
 * and Page Up/Down move the selection, which follows focus: choosing a row selects the annotation,
 * and the workspace scrolls the text to it and flashes it.
 *
 * Rows have fixed heights (model.ts), so a list of thousands is virtualised by arithmetic: only the
 * rows in view (and a margin) are in the DOM, each with aria-posinset/aria-setsize.
 */
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../i18n/t.ts';
import { GROUPS } from './kinds.ts';
import { AnnotationRow } from './annotation-row.tsx';
import { isSelectable, rowAt, rowHeight, type PanelModel } from './model.ts';

const VIRTUALISE_AT = 300;
const OVERSCAN_PX = 400;

interface Props {
  model: PanelModel;
  selectedId: string | null;
  onSelect(id: string): void;
  /** Enter on a row: go to its details. */
  onOpen(id: string): void;
}

export function AnnotationsList({ model, selectedId, onSelect, onOpen }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // One callback for every row, whatever the caller passes each render (the rows are memoised).
  const latestSelect = useRef(onSelect);
  useLayoutEffect(() => {
    latestSelect.current = onSelect;
  });
  const select = useCallback((id: string) => latestSelect.current(id), []);
  const [view, setView] = useState({ top: 0, height: 800 });
  const { items, tops } = model;
  const virtual = items.length > VIRTUALISE_AT;
  // Rows are the items less a header per group (at most eight): positions by arithmetic, not a pass over 10,000 rows.
  const { headers } = model;
  const count = items.length - headers.length;
  /** 0-based position among the rows of the row at `i` (or of the first row after it, for a header). */
  const positionOf = (i: number) => i - headers.filter((h) => h < i).length;
  const indexAt = (position: number) => headers.reduce((i, h) => (h <= i ? i + 1 : i), position);

  // For the render bench: when the list committed a new model (its rendering is measured from here).
  const renderedAt = useRef(0);
  renderedAt.current = performance.now();
  useLayoutEffect(() => {
    try {
      performance.measure('claimdesk.panel.commit', { start: renderedAt.current, end: performance.now(), detail: { rows: model.items.length } });
    } catch {
      // performance.measure with options is missing in some test environments.
    }
  }, [model]);

  // Keep the selected row in view (whoever selected it: the list, a click in the text, undo).
  useLayoutEffect(() => {
    const el = ref.current;
    const i = selectedId ? model.indexOf.get(selectedId) : undefined;
    if (!el || i === undefined) return;
    const top = tops[i]!;
    const bottom = top + rowHeight(items[i]!);
    const header = i > 0 && items[i - 1]!.type === 'header' ? rowHeight(items[i - 1]!) : 0;
    if (top - header < el.scrollTop) el.scrollTop = top - header;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
  }, [selectedId, model, items, tops]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight || 800 });
    update();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  const move = (from: number, by: number) => {
    if (count === 0) return;
    const current = Math.min(count - 1, positionOf(from));
    const target = from < 0 ? (by > 0 ? 0 : count - 1) : Math.max(0, Math.min(count - 1, current + by));
    const item = items[indexAt(target)];
    if (isSelectable(item)) onSelect(item.id);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const i = selectedId ? (model.indexOf.get(selectedId) ?? -1) : -1;
    const page = Math.max(1, Math.floor((ref.current?.clientHeight ?? 400) / 60));
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (e.key in steps && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const by = steps[e.key]!;
      if (!Number.isFinite(by)) move(-1, by);
      else if (i < 0) move(-1, by > 0 ? 1 : -1);
      else move(i, by);
    } else if (e.key === 'Enter' && selectedId) {
      e.preventDefault();
      onOpen(selectedId);
    }
  };

  let first = 0;
  let last = items.length - 1;
  if (virtual) {
    first = rowAt(tops, Math.max(0, view.top - OVERSCAN_PX));
    last = rowAt(tops, view.top + view.height + OVERSCAN_PX);
  }
  const rows = [];
  for (let i = first; i <= last; i++) {
    const item = items[i]!;
    const style = { insetBlockStart: tops[i], blockSize: rowHeight(item) };
    if (item.type === 'header') {
      const label = GROUPS.find((g) => g.id === item.group)!.label;
      rows.push(
        <div key={item.id} role="presentation" className="ann-group" data-group={item.group} style={style}>
          {t(label)} <span className="ann-group-count">{item.count}</span>
        </div>,
      );
    } else {
      rows.push(
        <AnnotationRow
          key={item.id}
          item={item}
          sources={model.sources}
          selected={item.id === selectedId}
          top={tops[i]!}
          height={style.blockSize}
          posinset={positionOf(i) + 1}
          setsize={count}
          conflict={model.conflicts.get(item.id)}
          onSelect={select}
        />,
      );
    }
  }

  return (
    <div
      ref={ref}
      className="ann-list"
      role="listbox"
      aria-label={t('panel.list')}
      tabIndex={0}
      aria-activedescendant={selectedId && model.indexOf.has(selectedId) ? `ann-${selectedId}` : undefined}
      onKeyDown={onKeyDown}
      onScroll={(e) => virtual && setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight || 800 })}
    >
      <div role="presentation" className="ann-sizer" style={{ blockSize: model.height }}>
        {rows}
      </div>
    </div>
  );
}
