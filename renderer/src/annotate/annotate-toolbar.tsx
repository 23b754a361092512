/**
 * The floating toolbar that appears under a text selection: one button per kind, each showing its
 * one-key shortcut. It never takes focus by itself (the keys work from the text); Tab reaches it,
 * arrows move between its buttons, Escape returns to the text. Pressing it does not clear the
 * selection (mousedown is swallowed).
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../i18n/t.ts';
import { KINDS, type SpanKind } from './kinds.ts';
import { useKeymap } from './keymap.ts';
import type { Place } from './placement.ts';

interface Props {
  place: Place;
  onMark(kind: SpanKind): void;
  onDismiss(): void;
}

export function AnnotateToolbar({ place, onMark, onDismiss }: Props) {
  const keymap = useKeymap();
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [inline, setInline] = useState(place.inline);

  // Keep the whole toolbar inside the pane.
  useLayoutEffect(() => {
    const el = ref.current;
    const pane = el?.closest('article');
    if (!el || !pane) return;
    setInline(Math.max(8, Math.min(place.inline, pane.clientWidth - el.offsetWidth - 8)));
  }, [place.inline]);

  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = Array.from(ref.current?.querySelectorAll('button') ?? []);
    const rtl = ref.current ? getComputedStyle(ref.current).direction === 'rtl' : false;
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, Home: -Infinity, End: Infinity }[e.key];
    if (step !== undefined) {
      e.preventDefault();
      const next = Number.isFinite(step) ? (active + step + buttons.length) % buttons.length : step < 0 ? 0 : buttons.length - 1;
      setActive(next);
      buttons[next]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onDismiss();
    }
  };

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={t('annotate.toolbar')}
      aria-orientation="horizontal"
      className="annotate-toolbar"
      data-overlay=""
      style={{ insetBlockStart: place.block, insetInlineStart: inline }}
      onMouseDown={(e) => e.preventDefault()}
      onKeyDown={onKeyDown}
    >
      {KINDS.map((k, i) => {
        const key = keymap[`mark:${k.kind}`];
        return (
          <button
            key={k.kind}
            type="button"
            className="tool"
            data-kind={k.kind}
            tabIndex={i === active ? 0 : -1}
            aria-keyshortcuts={key}
            title={t('annotate.markAs', { kind: t(k.label), key })}
            onClick={() => onMark(k.kind)}
            onFocus={() => setActive(i)}
          >
            <span className="tool-swatch" aria-hidden="true" />
            {t(k.label)}
            <kbd aria-hidden="true">{key}</kbd>
          </button>
        );
      })}
    </div>
  );
}
