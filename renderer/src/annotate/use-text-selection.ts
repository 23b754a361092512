/**
 * Selecting text to annotate, by mouse or keyboard, in the (non-editable) text pane.
 *
 * Mouse: on mouseup the selection snaps to whole words (`snapToWords`) and the native selection is
 * redrawn snapped, so the analyst sees exactly what will be marked. A click without a drag is a
 * caret placement and a hit test (select the annotation under the pointer).
 *
 * Keyboard: the pane is caret-browsable. With a caret in the text (after a click, or at the top of
 * the view on the first Shift+arrow), arrows move it and Shift+arrows extend the selection by
 * character, Shift+Ctrl+arrows by word, Shift+Home/End to the line's edge (`Selection.modify`, which
 * works on non-editable text). The selection snaps when Shift is released; the native selection is
 * left as it is so that extending can go on, and the snapped extent is drawn as the pending range.
 * Without a caret, arrows scroll the pane as before.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { snapToWords, type TextRange } from '../../../shared/anchoring/index.ts';
import { charOffsetAt } from './hit-test.ts';
import type { ParagraphIndex } from './paragraph-index.ts';

export interface SelectionHandlers {
  onPending(range: TextRange | null, how: 'mouse' | 'keyboard'): void;
  /** A click in the text: the character under the pointer, if any. */
  onClick(offset: number | null, event: MouseEvent): void;
}

type Direction = 'left' | 'right' | 'forward' | 'backward';
type Granularity = 'character' | 'word' | 'line' | 'lineboundary' | 'paragraphboundary';
const CARET_KEYS: Record<string, [Direction, Granularity, Granularity]> = {
  ArrowLeft: ['left', 'character', 'word'],
  ArrowRight: ['right', 'character', 'word'],
  ArrowUp: ['backward', 'line', 'paragraphboundary'],
  ArrowDown: ['forward', 'line', 'paragraphboundary'],
  Home: ['backward', 'lineboundary', 'lineboundary'],
  End: ['forward', 'lineboundary', 'lineboundary'],
};

type Modifiable = Selection & { modify?: (alter: string, direction: string, granularity: string) => void };

export function useTextSelection(
  textRef: RefObject<HTMLElement | null>,
  index: ParagraphIndex | null,
  text: string,
  handlers: SelectionHandlers,
): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const el = textRef.current;
    if (!el || !index) return;
    const doc = el.ownerDocument;
    let pointerDown = false;

    const inPane = (node: Node | null) => node !== null && el.contains(node) && index.offsetOf(node, 0) !== null;

    /** The selection's offsets snapped to words, or null (collapsed, outside the text, only spaces). */
    const snapped = (): (TextRange & { backwards: boolean }) | null => {
      const sel = doc.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
      const range = sel.getRangeAt(0);
      if (!inPane(range.startContainer) || !inPane(range.endContainer)) return null;
      const offsets = index.offsetsOf(range);
      if (!offsets) return null;
      const s = snapToWords(text, offsets.start, offsets.end);
      if (s.start >= s.end || text.slice(s.start, s.end).trim() === '') return null;
      const anchor = sel.anchorNode ? index.offsetOf(sel.anchorNode, sel.anchorOffset) : null;
      return { ...s, backwards: anchor !== null && anchor > offsets.start };
    };

    const onMouseDown = (e: MouseEvent) => {
      if (e.button === 0 && e.target instanceof Node && !(e.target instanceof Element && e.target.closest('[data-overlay]'))) pointerDown = true;
    };
    const onMouseUp = (e: MouseEvent) => {
      if (!pointerDown) return;
      pointerDown = false;
      const s = snapped();
      if (!s) {
        latest.current.onPending(null, 'mouse');
        latest.current.onClick(charOffsetAt(index, e.clientX, e.clientY, doc), e);
        return;
      }
      const a = index.point(s.backwards ? s.end : s.start, s.backwards ? 'end' : 'start');
      const b = index.point(s.backwards ? s.start : s.end, s.backwards ? 'start' : 'end');
      if (a && b) doc.getSelection()?.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
      latest.current.onPending({ start: s.start, end: s.end }, 'mouse');
    };

    const onKeyDown = (e: KeyboardEvent) => {
      const spec = CARET_KEYS[e.key];
      if (!spec || e.altKey || e.metaKey || e.defaultPrevented) return;
      const sel = doc.getSelection() as Modifiable | null;
      if (!sel?.modify) return;
      const hasCaret = sel.rangeCount > 0 && inPane(sel.focusNode);
      if (!hasCaret && !e.shiftKey) return; // no caret yet: arrows scroll the pane
      if (!hasCaret && !placeCaretInView(el, index, sel)) return;
      sel.modify(e.shiftKey ? 'extend' : 'move', spec[0], e.ctrlKey ? spec[2] : spec[1]);
      e.preventDefault();
      keepFocusVisible(el, sel);
      if (!e.shiftKey) latest.current.onPending(null, 'keyboard');
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key !== 'Shift') return;
      const s = snapped();
      latest.current.onPending(s && { start: s.start, end: s.end }, 'keyboard');
    };
    const onSelectionChange = () => {
      if (pointerDown) return;
      const sel = doc.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !inPane(sel.focusNode)) latest.current.onPending(null, 'keyboard');
    };

    el.addEventListener('mousedown', onMouseDown);
    doc.addEventListener('mouseup', onMouseUp);
    el.addEventListener('keydown', onKeyDown);
    el.addEventListener('keyup', onKeyUp);
    doc.addEventListener('selectionchange', onSelectionChange);
    return () => {
      el.removeEventListener('mousedown', onMouseDown);
      doc.removeEventListener('mouseup', onMouseUp);
      el.removeEventListener('keydown', onKeyDown);
      el.removeEventListener('keyup', onKeyUp);
      doc.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [textRef, index, text]);
}

/** Puts the caret at the start of the first paragraph visible in the pane. */
function placeCaretInView(el: HTMLElement, index: ParagraphIndex, sel: Selection): boolean {
  const top = el.getBoundingClientRect().top;
  for (const node of index.nodes) {
    const p = node.parentElement;
    if (p && p.getBoundingClientRect().bottom > top) {
      sel.collapse(node, 0);
      return true;
    }
  }
  return false;
}

/** Scrolls the pane so that the selection's moving end stays in view. */
function keepFocusVisible(el: HTMLElement, sel: Selection): void {
  if (!sel.focusNode) return;
  const r = el.ownerDocument.createRange();
  r.setStart(sel.focusNode, sel.focusOffset);
  if (typeof r.getClientRects !== 'function') return;
  const rect = r.getClientRects()[0] ?? r.getBoundingClientRect();
  const pane = el.getBoundingClientRect();
  const margin = 40;
  if (rect.top < pane.top + margin) el.scrollTop -= pane.top + margin - rect.top;
  else if (rect.bottom > pane.bottom - margin) el.scrollTop += rect.bottom - (pane.bottom - margin);
}
