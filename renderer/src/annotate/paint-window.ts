/**
 * Which spans to hand to the browser. Chromium rebuilds the markers of *every* registered highlight
 * range whenever the DOM or style of the page changes, or any highlight does
 * (`HighlightRegistry::ValidateHighlightMarkers`), so ten thousand registered ranges would cost a
 * full rebuild on every keystroke anywhere in the window. Only the spans of the paragraphs in and
 * around the view are registered; scrolling moves the window. The painter keeps all of them.
 *
 * Spans are filed by the paragraphs they touch, so moving the window or adding a span touches only
 * those paragraphs' buckets.
 */
import type { ParagraphIndex } from './paragraph-index.ts';

export interface Window {
  first: number;
  last: number;
}

export const EVERYTHING: Window = { first: 0, last: Number.MAX_SAFE_INTEGER };

export class ParagraphBuckets {
  /** Ids by paragraph index (an array: paragraphs are dense small integers). */
  private buckets: Array<Set<string> | undefined> = [];

  constructor(private readonly index: ParagraphIndex) {}

  /** Paragraphs a span touches: from the one holding its start to the one holding its end. */
  paragraphsOf(start: number, end: number): Window {
    const first = Math.max(0, this.index.paragraphAt(start));
    // Most spans lie inside one paragraph: no second search for them.
    if (end <= (this.index.ends[first] ?? 0)) return { first, last: first };
    const last = Math.max(first, this.index.paragraphAt(Math.max(start, end - 1)));
    return { first, last };
  }

  /** Files a span under its paragraphs, and says which they are. */
  add(id: string, start: number, end: number): Window {
    const w = this.paragraphsOf(start, end);
    for (let p = w.first; p <= w.last; p++) (this.buckets[p] ??= new Set()).add(id);
    return w;
  }

  remove(id: string, w: Window): void {
    for (let p = w.first; p <= w.last; p++) this.buckets[p]?.delete(id);
  }

  /** Ids of the spans touching the paragraphs of the window. */
  inWindow(w: Window): Set<string> {
    const out = new Set<string>();
    const last = Math.min(w.last, this.index.length - 1);
    for (let p = Math.max(0, w.first); p <= last; p++) for (const id of this.buckets[p] ?? []) out.add(id);
    return out;
  }

  clear(): void {
    this.buckets = [];
  }
}

/**
 * The paragraphs in view in the scrolling pane, with `overscan` pixels more on each side; all of
 * them when the pane has no layout (jsdom) or is not laid out yet.
 */
export function visibleParagraphs(pane: HTMLElement, index: ParagraphIndex, overscan: number): Window {
  const height = pane.clientHeight;
  if (height === 0 || index.length === 0) return EVERYTHING;
  const top = pane.scrollTop - overscan;
  const bottom = pane.scrollTop + height + overscan;
  // Binary searches by offsetTop: over the chunks first, so that only the paragraphs of the chunk
  // found are measured (a paragraph in a chunk out of view has no layout, and asking for its place
  // would lay the chunk out).
  const lastAtOrBefore = (lo: number, hi: number, top: (i: number) => number, y: number) => {
    let found = lo;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (top(mid) <= y) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const paragraphTop = (i: number) => index.element(i)!.offsetTop;
  const { chunks } = index;
  const lastStartingBefore = (y: number) => {
    if (chunks.length === 0) return lastAtOrBefore(0, index.length - 1, paragraphTop, y);
    const c = lastAtOrBefore(0, chunks.length - 1, (i) => chunks[i]!.element.offsetTop, y);
    const chunk = chunks[c]!.element;
    const first = chunks[c]!.first;
    const last = (chunks[c + 1]?.first ?? index.length) - 1;
    // A chunk is contained (content-visibility), so it is its paragraphs' offsetParent.
    const top = (i: number) => {
      const el = index.element(i)!;
      return el.offsetTop + (el.offsetParent === chunk ? chunk.offsetTop : 0);
    };
    return last < first ? Math.max(0, first - 1) : lastAtOrBefore(first, last, top, y);
  };
  return { first: lastStartingBefore(top), last: lastStartingBefore(bottom) };
}

export const sameWindow = (a: Window, b: Window): boolean => a.first === b.first && a.last === b.last;
