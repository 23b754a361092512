/**
 * Draws spans with the CSS Custom Highlight API: no element per span, so a document with ten
 * thousand spans costs ten thousand small Range objects, not ten thousand nodes in the text.
 *
 * One Highlight per kind (`cd-claim`, `cd-denial`, …), styled by `::highlight(cd-claim)` rules in
 * styles/highlights.css, and one per state (`cd-orphaned`, `cd-pending`, `cd-hover`, `cd-focus`,
 * `cd-flash`). A change touches only the Highlight of the kind that changed, and `setSpans` diffs
 * against what is drawn, so a reload after an edit redraws nothing that stayed put.
 *
 * Without the API (jsdom, old browsers) the painter keeps its bookkeeping and draws nothing.
 * Every operation records a `performance.measure` named `claimdesk.highlights.<op>` for the bench.
 */
import { KINDS, PRIORITY, STATES, highlightName, type HighlightState, type SpanKind } from './kinds.ts';
import type { ParagraphIndex } from './paragraph-index.ts';

export interface PaintSpan {
  id: string;
  kind: SpanKind;
  start: number;
  end: number;
  orphaned: boolean;
}

interface Entry {
  layer: SpanKind | 'orphaned';
  start: number;
  end: number;
  range: AbstractRange | null;
}

export function highlightsSupported(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && CSS.highlights !== undefined;
}

const FLASH_MS = 1100;
/** Above this many changes at once, a layer is rebuilt instead of edited range by range. */
const REBUILD_AT = 200;

export class HighlightPainter {
  private readonly entries = new Map<string, Entry>();
  private readonly layers = new Map<SpanKind | HighlightState, Highlight>();
  private readonly registry: HighlightRegistry | null;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly index: ParagraphIndex, registry: HighlightRegistry | null = highlightsSupported() ? CSS.highlights : null) {
    this.registry = registry;
    if (!registry) return;
    for (const name of [...KINDS.map((k) => k.kind), ...STATES]) {
      const h = new Highlight();
      h.priority = PRIORITY[name];
      this.layers.set(name, h);
      registry.set(highlightName(name), h);
    }
  }

  /** Spans drawn now, by id. */
  get size(): number {
    return this.entries.size;
  }

  /** Brings the drawing in line with `spans`: removes what is gone, adds what is new or moved. */
  setSpans(spans: readonly PaintSpan[]): { added: number; removed: number } {
    const t0 = performance.now();
    const keep = new Set<string>();
    const toAdd: PaintSpan[] = [];
    for (const s of spans) {
      keep.add(s.id);
      const e = this.entries.get(s.id);
      if (e && e.start === s.start && e.end === s.end && e.layer === layerOf(s)) continue;
      toAdd.push(s);
    }
    const toRemove = [...this.entries.keys()].filter((id) => !keep.has(id));
    if (toAdd.length + toRemove.length > REBUILD_AT) {
      for (const id of toRemove) this.entries.delete(id);
      for (const s of toAdd) this.entries.set(s.id, this.entryOf(s));
      this.rebuild();
    } else {
      for (const id of toRemove) this.removeEntry(id);
      for (const s of toAdd) {
        this.removeEntry(s.id);
        this.addEntry(s);
      }
    }
    this.measure('set', t0, spans.length);
    return { added: toAdd.length, removed: toRemove.length };
  }

  /** Draws one more span (or redraws it if it moved). */
  add(span: PaintSpan): void {
    const t0 = performance.now();
    this.removeEntry(span.id);
    this.addEntry(span);
    this.measure('add', t0, 1);
  }

  remove(id: string): void {
    const t0 = performance.now();
    this.removeEntry(id);
    this.measure('remove', t0, 1);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The span as a live Range, for scrolling to it and placing things next to it. */
  liveRange(id: string): Range | null {
    const e = this.entries.get(id);
    return e ? this.index.liveRange(e.start, e.end) : null;
  }

  /** Shows one span (or none) in a state: the focused annotation, the one under the pointer. */
  setState(state: 'focus' | 'hover', id: string | null): void {
    const layer = this.layers.get(state);
    if (!layer) return;
    layer.clear();
    const range = id ? this.entries.get(id)?.range : null;
    if (range) layer.add(range);
  }

  /** The selection waiting for a kind, as the snapped range it will become. */
  setPending(range: { start: number; end: number } | null): void {
    const layer = this.layers.get('pending');
    if (!layer) return;
    layer.clear();
    const r = range ? this.index.range(range.start, range.end) : null;
    if (r) layer.add(r);
  }

  /** A short-lived highlight that draws the eye to a span the analyst just chose in the panel. */
  flash(id: string): void {
    const layer = this.layers.get('flash');
    const range = this.entries.get(id)?.range;
    if (!layer || !range) return;
    if (this.flashTimer) clearTimeout(this.flashTimer);
    layer.clear();
    layer.add(range);
    this.flashTimer = setTimeout(() => layer.clear(), FLASH_MS);
  }

  dispose(): void {
    if (this.flashTimer) clearTimeout(this.flashTimer);
    for (const name of this.layers.keys()) {
      if (this.registry?.get(highlightName(name)) === this.layers.get(name)) this.registry?.delete(highlightName(name));
    }
    this.layers.clear();
    this.entries.clear();
  }

  private entryOf(s: PaintSpan): Entry {
    return { layer: layerOf(s), start: s.start, end: s.end, range: this.index.range(s.start, s.end) };
  }

  private addEntry(s: PaintSpan): void {
    const e = this.entryOf(s);
    this.entries.set(s.id, e);
    if (e.range) this.layers.get(e.layer)?.add(e.range);
  }

  private removeEntry(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    if (e.range) this.layers.get(e.layer)?.delete(e.range);
  }

  /** Refills every kind layer from the entries (first load, big reloads). */
  private rebuild(): void {
    if (!this.registry) return;
    const byLayer = new Map<string, AbstractRange[]>();
    for (const e of this.entries.values()) {
      if (!e.range) continue;
      const list = byLayer.get(e.layer) ?? [];
      list.push(e.range);
      byLayer.set(e.layer, list);
    }
    for (const name of [...KINDS.map((k) => k.kind), 'orphaned' as const]) {
      const layer = this.layers.get(name);
      if (!layer) continue;
      layer.clear();
      for (const r of byLayer.get(name) ?? []) layer.add(r);
    }
  }

  private measure(op: string, t0: number, count: number): void {
    try {
      performance.measure(`claimdesk.highlights.${op}`, { start: t0, end: performance.now(), detail: { count, drawn: this.entries.size } });
    } catch {
      // performance.measure with options is missing in some test environments.
    }
  }
}

/** Orphaned spans are drawn in their own layer, whatever their kind, so they read as doubtful. */
const layerOf = (s: PaintSpan): SpanKind | 'orphaned' => (s.orphaned ? 'orphaned' : s.kind);
