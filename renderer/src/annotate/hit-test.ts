/**
 * Highlights receive no events, so pointer positions are hit-tested against the spans: the point
 * becomes a caret position (`caretPositionFromPoint`, or Chromium's older `caretRangeFromPoint`),
 * then a character offset in the document, then the spans that contain that character, innermost
 * first.
 */
import type { ParagraphIndex } from './paragraph-index.ts';

export interface Interval {
  id: string;
  start: number;
  end: number;
}

type CaretDoc = Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };

function caretAt(doc: CaretDoc, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

const inside = (rect: DOMRect, x: number, y: number) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

/**
 * The offset of the character under the point, or null when the point is not over text (the margin,
 * the space after a line's end). A caret position lies between two characters; the one whose box
 * holds the point is the one under it.
 */
export function charOffsetAt(index: ParagraphIndex, x: number, y: number, doc: Document = document): number | null {
  const caret = caretAt(doc, x, y);
  if (!caret || !(caret.node instanceof Text)) return null;
  const at = index.offsetOf(caret.node, caret.offset);
  if (at === null) return null;
  for (const candidate of [at, at - 1]) {
    const r = index.liveRange(candidate, candidate + 1);
    if (!r || typeof r.getClientRects !== 'function') continue;
    for (const rect of Array.from(r.getClientRects())) if (inside(rect, x, y)) return candidate;
  }
  return null;
}

/** Spans sorted by start with a running maximum of their ends: a stab query touches only candidates. */
export class SpanLookup<T extends Interval> {
  private readonly sorted: T[];
  private readonly maxEnd: number[];

  constructor(spans: readonly T[]) {
    this.sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    this.maxEnd = [];
    let m = -Infinity;
    for (const s of this.sorted) this.maxEnd.push((m = Math.max(m, s.end)));
  }

  /** Spans holding the character at `offset`, innermost (shortest) first. */
  at(offset: number): T[] {
    let lo = 0;
    let hi = this.sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.start <= offset) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const out: T[] = [];
    for (let i = last; i >= 0 && this.maxEnd[i]! > offset; i--) {
      if (this.sorted[i]!.end > offset) out.push(this.sorted[i]!);
    }
    return out.sort((a, b) => a.end - a.start - (b.end - b.start));
  }
}

/** What hit-testing asks of a lookup. */
export interface StabQuery<T extends Interval> {
  at(offset: number): T[];
}

/**
 * A lookup built when first asked (a hover, a click), not on every change of the spans: sorting
 * ten thousand spans again after each one added would cost the panel's frame for nothing.
 */
export function lazyLookup<T extends Interval>(spans: () => readonly T[]): StabQuery<T> {
  let built: SpanLookup<T> | null = null;
  return { at: (offset) => (built ??= new SpanLookup(spans())).at(offset) };
}
