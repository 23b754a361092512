/**
 * Small things drawn over the text pane, each one element at most: the caret (non-editable text
 * shows none of its own, and caret browsing needs one), and the kind tag of the focused annotation.
 */
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { t } from '../i18n/t.ts';
import type { ParagraphIndex } from './paragraph-index.ts';
import { lineRects, placeRect, type Place } from './placement.ts';

/** A thin caret where the collapsed selection is, while the text pane has focus. */
export function Caret({ textRef, index }: { textRef: RefObject<HTMLElement | null>; index: ParagraphIndex | null }) {
  const [place, setPlace] = useState<(Place & { height: number }) | null>(null);

  useEffect(() => {
    const el = textRef.current;
    if (!el || !index) return;
    const doc = el.ownerDocument;
    const update = () => {
      const sel = doc.getSelection();
      const focused = doc.activeElement === el;
      if (!focused || !sel || sel.rangeCount === 0 || !sel.isCollapsed || !sel.focusNode || index.offsetOf(sel.focusNode, 0) === null) {
        setPlace(null);
        return;
      }
      const r = doc.createRange();
      r.setStart(sel.focusNode, sel.focusOffset);
      const rect = r.getClientRects()[0] ?? r.getBoundingClientRect();
      if (!rect || (rect.height === 0 && rect.top === 0)) return setPlace(null);
      setPlace({ ...placeRect(el, rect), height: rect.height });
    };
    doc.addEventListener('selectionchange', update);
    el.addEventListener('focus', update);
    el.addEventListener('blur', update);
    return () => {
      doc.removeEventListener('selectionchange', update);
      el.removeEventListener('focus', update);
      el.removeEventListener('blur', update);
    };
  }, [textRef, index]);

  if (!place) return null;
  return (
    <span
      className="text-caret"
      data-overlay=""
      aria-hidden="true"
      style={{ insetBlockStart: place.block, insetInlineStart: place.inline - 1, blockSize: place.height }}
    />
  );
}

/** The kind of the focused annotation, as a tag just above where it starts. */
export function KindTag({ textRef, range, label, kind }: { textRef: RefObject<HTMLElement | null>; range: Range | null; label: string; kind: string }) {
  const [place, setPlace] = useState<Place | null>(null);
  useLayoutEffect(() => {
    const el = textRef.current;
    const first = range ? lineRects(range)[0] : undefined;
    setPlace(el && first ? placeRect(el, first) : null);
  }, [textRef, range]);
  if (!place) return null;
  return (
    <span className="kind-tag" data-kind={kind} data-overlay="" aria-hidden="true" title={t('detail.region')} style={{ insetBlockStart: place.block, insetInlineStart: place.inline }}>
      {label}
    </span>
  );
}
