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

/** A chunk of paragraphs (components/document-text.tsx) and the index of its first paragraph. */
export interface Chunk {
  element: HTMLElement;
  first: number;
}

export class ParagraphIndex {
  private constructor(
    readonly starts: readonly number[],
    readonly ends: readonly number[],
    readonly nodes: readonly Text[],
    private readonly elements: readonly HTMLElement[],
    /** The chunks holding the paragraphs, in order; empty when they are the pane's own children. */
    readonly chunks: readonly Chunk[],
  ) {}

  /**
   * Reads the paragraphs (`p[data-start]` elements holding one text node) of the text pane: its
   * children, or the children of its chunks (`div.doc-chunk`).
   */
  static fromContainer(container: HTMLElement): ParagraphIndex {
    const starts: number[] = [];
    const ends: number[] = [];
    const nodes: Text[] = [];
    const elements: HTMLElement[] = [];
    const chunks: Chunk[] = [];
    const read = (el: Element) => {
      if (!(el instanceof HTMLElement) || el.dataset.start === undefined) return;
      const node = el.firstChild;
      if (!(node instanceof Text)) return;
      const start = Number(el.dataset.start);
      starts.push(start);
      ends.push(start + node.length);
      nodes.push(node);
      elements.push(el);
    };
    for (const el of Array.from(container.children)) {
      if (el instanceof HTMLElement && isChunk(el)) {
        chunks.push({ element: el, first: elements.length });
        for (const p of Array.from(el.children)) read(p);
      } else read(el);
    }
    return new ParagraphIndex(starts, ends, nodes, elements, chunks);
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
    // The pane or a chunk: `offset` counts its children, paragraphs or chunks.
    const first = this.elements[0];
    const pane = first?.parentElement && isChunk(first.parentElement) ? first.parentElement.parentElement : first?.parentElement;
    if (!pane || !(node === pane || (node instanceof HTMLElement && node.parentElement === pane && isChunk(node)))) return null;
    const child = node.childNodes[offset];
    const at = child ? this.firstParagraphIn(child) : -1;
    if (at >= 0) return this.starts[at]!;
    // After the last paragraph, or before a child holding none: the end of the paragraph before it.
    for (let k = Math.min(offset, node.childNodes.length) - 1; k >= 0; k--) {
      const j = this.lastParagraphIn(node.childNodes[k]!);
      if (j >= 0) return this.ends[j]!;
    }
    // Before the first paragraph of a chunk: the end of the chunk before it, or the text's start.
    const c = this.chunks.findIndex((x) => x.element === node);
    return c > 0 ? this.ends[this.chunks[c]!.first - 1]! : (this.starts[0] ?? null);
  }

  /** The paragraph a child of the pane or of a chunk is, or the first one it holds; -1 if none. */
  private firstParagraphIn(child: Node): number {
    const p = this.elements.indexOf(child as HTMLElement);
    if (p >= 0 || !(child instanceof HTMLElement) || !isChunk(child)) return p;
    const c = this.chunks.find((x) => x.element === child);
    return c && c.first < this.elements.length && this.elements[c.first]!.parentElement === child ? c.first : -1;
  }

  /** The paragraph a child of the pane or of a chunk is, or the last one it holds; -1 if none. */
  private lastParagraphIn(child: Node): number {
    const p = this.elements.indexOf(child as HTMLElement);
    if (p >= 0 || !(child instanceof HTMLElement) || !isChunk(child)) return p;
    const c = this.chunks.findIndex((x) => x.element === child);
    if (c < 0) return -1;
    const last = (this.chunks[c + 1]?.first ?? this.elements.length) - 1;
    return last >= this.chunks[c]!.first ? last : -1;
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

const isChunk = (el: HTMLElement): boolean => el.classList.contains('doc-chunk');
