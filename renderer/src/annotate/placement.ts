/**
 * Where to put something that floats over the text pane (toolbar, kind tag, caret): coordinates
 * inside the pane's scrolling content, measured from its inline-start edge, so the same numbers
 * work for a left-to-right and a right-to-left document and scroll with the text.
 */
export interface Place {
  /** From the top of the pane's content (scrolls with it). */
  block: number;
  /** From the pane's inline-start padding edge (left in LTR, right in RTL). */
  inline: number;
}

export function placeRect(pane: HTMLElement, rect: DOMRect, edge: 'start' | 'end' = 'start'): Place {
  const box = pane.getBoundingClientRect();
  const rtl = getComputedStyle(pane).direction === 'rtl';
  const block = rect.top - (box.top + pane.clientTop) + pane.scrollTop;
  const paddingLeft = box.left + pane.clientLeft;
  const paddingRight = paddingLeft + pane.clientWidth;
  const x = rtl ? (edge === 'start' ? rect.right : rect.left) : edge === 'start' ? rect.left : rect.right;
  const inline = rtl ? paddingRight - x : x - paddingLeft;
  return { block, inline };
}

/** The client rects of a range that have some width (line wraps yield empty ones); none without layout (jsdom). */
export function lineRects(range: Range): DOMRect[] {
  if (typeof range.getClientRects !== 'function') return [];
  return Array.from(range.getClientRects()).filter((r) => r.width > 0.5 && r.height > 0);
}
