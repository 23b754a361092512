/**
 * Document offsets ↔ DOM positions. The text pane renders each paragraph as one text node whose
 * offset in the document is its `data-start` (components/document-text.tsx), so a document offset
 * maps to (text node, offset − start) after a binary search over the paragraph starts, and back by
 * adding `data-start`. Offsets are UTF-16 code units, the DOM's own units: no conversion.
 *
 * Offsets that fall between paragraphs (the blank lines the pane does not render) are moved to the
 * nearest rendered edge: forwards for a start, backwards for an end.
 */

export interface DomPoint {
  node: Text;
  offset: number;
  /** Which paragraph (index into the pane's paragraphs). */
  paragraph: number;
}

export class ParagraphIndex {
  private constructor(
    readonly starts: readonly number[],
    readonly ends: readonly number[],
    readonly nodes: readonly Text[],
    private readonly elements: readonly HTMLElement[],
  ) {}

  /** Reads the paragraphs (`p[data-start]` children holding one text node) of the text pane. */
  static fromContainer(container: HTMLElement): ParagraphIndex {
    const starts: number[] = [];
    const ends: number[] = [];
    const nodes: Text[] = [];
    const elements: HTMLElement[] = [];
    for (const el of Array.from(container.children)) {
      if (!(el instanceof HTMLElement) || el.dataset.start === undefined) continue;
      const node = el.firstChild;
      if (!(node instanceof Text)) continue;
      const start = Number(el.dataset.start);
      starts.push(start);
      ends.push(start + node.length);
      nodes.push(node);
      elements.push(el);
    }
    return new ParagraphIndex(starts, ends, nodes, elements);
  }

  get length(): number {
    return this.nodes.length;
  }

  /** The element of paragraph `i`. */
  element(i: number): HTMLElement | undefined {
    return this.elements[i];
  }

  /** Index of the last paragraph starting at or before `offset` (-1 if none). */
  paragraphAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The DOM position of a document offset; `edge` says which way to move out of a gap. */
  point(offset: number, edge: 'start' | 'end'): DomPoint | null {
    if (this.nodes.length === 0) return null;
    let i = this.paragraphAt(offset);
    if (i >= 0 && offset <= this.ends[i]!) return { node: this.nodes[i]!, offset: offset - this.starts[i]!, paragraph: i };
    // In a gap (or before the first paragraph): a start moves to the next paragraph, an end to the previous.
    if (edge === 'start') {
      i += 1;
      return i < this.nodes.length ? { node: this.nodes[i]!, offset: 0, paragraph: i } : null;
    }
    return i >= 0 ? { node: this.nodes[i]!, offset: this.nodes[i]!.length, paragraph: i } : null;
  }

  /**
   * A StaticRange (cheap to make, and all a highlight needs: the pane's text nodes never change
   * while it is shown) or a live Range over `start`–`end`; null if nothing of it is rendered.
   */
  range(start: number, end: number, live = false): AbstractRange | null {
    if (!(start < end)) return null;
    const a = this.point(start, 'start');
    const b = this.point(end, 'end');
    if (!a || !b || a.paragraph > b.paragraph || (a.paragraph === b.paragraph && a.offset >= b.offset)) return null;
    if (!live && typeof StaticRange === 'function') {
      return new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset });
    }
    const r = a.node.ownerDocument.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }

  /** A live Range, for geometry (scrolling to a span, placing the toolbar). */
  liveRange(start: number, end: number): Range | null {
    return this.range(start, end, true) as Range | null;
  }

  /** The document offset of a DOM position inside the pane, or null if it is not in the text. */
  offsetOf(node: Node, offset: number): number | null {
    if (node instanceof Text) {
      const i = this.indexOfNode(node);
      return i < 0 ? null : this.starts[i]! + Math.min(offset, node.length);
    }
    const p = this.elements.indexOf(node as HTMLElement);
    if (p >= 0) return offset === 0 ? this.starts[p]! : this.ends[p]!;
    // The container itself: `offset` counts its children.
    const container = this.elements[0]?.parentElement;
    if (node !== container || !container) return null;
    const child = container.childNodes[offset];
    const at = child ? this.elements.indexOf(child as HTMLElement) : -1;
    if (at >= 0) return this.starts[at]!;
    // After the last paragraph, or before a non-paragraph child: the end of the paragraph before it.
    for (let k = Math.min(offset, container.childNodes.length) - 1; k >= 0; k--) {
      const j = this.elements.indexOf(container.childNodes[k] as HTMLElement);
      if (j >= 0) return this.ends[j]!;
    }
    return this.starts[0] ?? null;
  }

  /** Document offsets of a DOM Range or Selection range, in order; null if either end is outside the text. */
  offsetsOf(range: Pick<AbstractRange, 'startContainer' | 'startOffset' | 'endContainer' | 'endOffset'>): { start: number; end: number } | null {
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null) return null;
    return start <= end ? { start, end } : { start: end, end: start };
  }

  private nodeIndex = new WeakMap<Text, number>();

  private indexOfNode(node: Text): number {
    const cached = this.nodeIndex.get(node);
    if (cached !== undefined) return cached;
    const i = this.nodes.indexOf(node);
    if (i >= 0) this.nodeIndex.set(node, i);
    return i;
  }
}
