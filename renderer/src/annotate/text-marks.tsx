/**
 * Small things drawn over the text pane, each one element at most: the caret (non-editable text
 * shows none of its own, and caret browsing needs one), and the kind tag of the focused annotation.
 */
import { useEffect, useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';
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
      if (typeof r.getClientRects !== 'function') return setPlace(null);
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

  // Always in the DOM, only moved and shown or hidden: adding a node to the pane while a mouse
  // selection starts would cancel Chromium's drag-to-select.
  return (
    <span
      className="text-caret"
      data-overlay=""
      aria-hidden="true"
      style={place ? { insetBlockStart: place.block, insetInlineStart: place.inline - 1, blockSize: place.height } : { visibility: 'hidden' }}
    />
  );
}

/** Room the tag needs beside the paragraph; with less, it sits above the line instead. */
const GUTTER_NEEDED = 84;

/**
 * The kind of the focused annotation, as a tag in the margin beside the line where it starts (or
 * just above that line when the window is too narrow for a margin), so that it never hides text.
 */
export function KindTag({ textRef, range, label, kind }: { textRef: RefObject<HTMLElement | null>; range: Range | null; label: string; kind: string }) {
  const [style, setStyle] = useState<CSSProperties | null>(null);
  useLayoutEffect(() => {
    const el = textRef.current;
    const first = range ? lineRects(range)[0] : undefined;
    const paragraph = range?.startContainer.parentElement;
    if (!el || !first || !paragraph) return setStyle(null);
    const line = placeRect(el, first);
    const gutter = placeRect(el, paragraph.getBoundingClientRect()).inline;
    setStyle(
      gutter >= GUTTER_NEEDED
        ? { insetBlockStart: line.block + Math.max(0, (first.height - 16) / 2), insetInlineEnd: el.clientWidth - gutter + 10 }
        : { insetBlockStart: line.block - 15, insetInlineStart: line.inline },
    );
  }, [textRef, range]);
  if (!style) return null;
  return (
    <span className="kind-tag" data-kind={kind} data-overlay="" aria-hidden="true" style={style}>
      {label}
    </span>
  );
}
