/**
 * Draws spans with the CSS Custom Highlight API: no element per span, so a document with ten
 * thousand spans costs small Range objects, not ten thousand nodes in the text.
 *
 * One Highlight per kind (`cd-claim`, `cd-denial`, …), styled by `::highlight(cd-claim)` rules in
 * styles/highlights.css, and one per state (`cd-orphaned`, `cd-pending`, `cd-hover`, `cd-focus`,
 * `cd-flash`). `setSpans` diffs against what it holds, so a reload after an edit redraws nothing
 * that stayed put, and a change touches only the Highlight of its kind.
 *
 * Only the spans of the paragraphs around the view are registered with the browser (see
 * paint-window.ts for why); ranges are made when a span first comes into that window.
 * Without the API (jsdom, old browsers) the painter keeps its bookkeeping and draws nothing.
 * Each operation records a `performance.measure` named `claimdesk.highlights.<op>` for the bench
 * (`set`, `add`, `remove`, `window`, and `flush` when the spans left for later are filed).
 */
import { KINDS, PRIORITY, STATES, highlightName, type HighlightState, type SpanKind } from './kinds.ts';
import { EVERYTHING, ParagraphBuckets, sameWindow, type Window } from './paint-window.ts';
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
  /** The paragraphs it touches. */
  paragraphs: Window;
  /** Made when first needed (undefined until then; null if nothing of it is rendered). */
  range: AbstractRange | null | undefined;
}

export function highlightsSupported(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && CSS.highlights !== undefined;
}

const FLASH_MS = 1100;
/** Above this many changes at once, the registered ranges are refilled instead of edited one by one. */
const REBUILD_AT = 200;

export class HighlightPainter {
  private readonly entries = new Map<string, Entry>();
  private readonly shown = new Set<string>();
  private readonly buckets: ParagraphBuckets;
  private readonly layers = new Map<SpanKind | HighlightState, Highlight>();
  private readonly registry: HighlightRegistry | null;
  private window: Window = EVERYTHING;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  private deferred: readonly PaintSpan[] | null = null;
  private idle: number | null = null;

  constructor(private readonly index: ParagraphIndex, registry: HighlightRegistry | null = highlightsSupported() ? CSS.highlights : null) {
    this.registry = registry;
    this.buckets = new ParagraphBuckets(index);
    if (!registry) return;
    for (const name of [...KINDS.map((k) => k.kind), ...STATES]) {
      const h = new Highlight();
      h.priority = PRIORITY[name];
      this.layers.set(name, h);
      registry.set(highlightName(name), h);
    }
  }

  /** Spans held (drawn or waiting to come into view). */
  get size(): number {
    return this.entries.size;
  }

  /** Spans registered with the browser now. */
  get registered(): number {
    return this.shown.size;
  }

  /**
   * Brings the drawing in line with `spans`: removes what is gone, adds what is new or moved.
   * On the first load of many spans, only those in view are filed at once, so that the text is
   * painted without waiting; the rest are filed when the page is next idle (or when needed).
   */
  setSpans(spans: readonly PaintSpan[]): { added: number; removed: number } {
    const t0 = performance.now();
    if (this.entries.size === 0 && !this.deferred && spans.length > REBUILD_AT) {
      const from = this.index.starts[Math.max(0, this.window.first)] ?? 0;
      const to = this.index.ends[Math.min(this.window.last, this.index.length - 1)] ?? Number.MAX_SAFE_INTEGER;
      for (const s of spans) if (s.start < to && s.end > from) this.addEntry(s, true);
      this.deferred = spans;
      this.idle = scheduleIdle(() => this.flush());
      this.measure('set', t0, spans.length);
      return { added: spans.length, removed: 0 };
    }
    this.flush();
    const keep = new Set<string>();
    const toAdd: PaintSpan[] = [];
    for (const s of spans) {
      keep.add(s.id);
      const e = this.entries.get(s.id);
      if (e && e.start === s.start && e.end === s.end && e.layer === layerOf(s)) continue;
      toAdd.push(s);
    }
    const toRemove = this.entries.size === 0 ? [] : [...this.entries.keys()].filter((id) => !keep.has(id));
    const bulk = toAdd.length + toRemove.length > REBUILD_AT;
    for (const id of toRemove) this.removeEntry(id, !bulk);
    for (const s of toAdd) {
      if (this.entries.has(s.id)) this.removeEntry(s.id, !bulk);
      this.addEntry(s, !bulk);
    }
    if (bulk) this.refill();
    this.measure('set', t0, spans.length);
    return { added: toAdd.length, removed: toRemove.length };
  }

  /** Draws one more span (or redraws it if it moved). */
  add(span: PaintSpan): void {
    const t0 = performance.now();
    this.flush();
    this.removeEntry(span.id, true);
    this.addEntry(span, true);
    this.measure('add', t0, 1);
  }

  remove(id: string): void {
    const t0 = performance.now();
    this.flush();
    this.removeEntry(id, true);
    this.measure('remove', t0, 1);
  }

  /** Moves the window of registered spans to these paragraphs (the view, and a margin). */
  setWindow(w: Window): void {
    if (sameWindow(w, this.window)) return;
    const t0 = performance.now();
    this.flush();
    this.window = w;
    const next = this.buckets.inWindow(w);
    for (const id of [...this.shown]) if (!next.has(id)) this.hide(id);
    for (const id of next) if (!this.shown.has(id)) this.show(id);
    this.measure('window', t0, next.size);
  }

  has(id: string): boolean {
    this.flush();
    return this.entries.has(id);
  }

  /** Files the spans the first load left for later. */
  flush(): void {
    const spans = this.deferred;
    if (!spans) return;
    const t0 = performance.now();
    this.deferred = null;
    cancelIdle(this.idle);
    for (const s of spans) if (!this.entries.has(s.id)) this.addEntry(s, true);
    this.measure('flush', t0, spans.length);
  }

  /** The span as a live Range, for scrolling to it and placing things next to it. */
  liveRange(id: string): Range | null {
    this.flush();
    const e = this.entries.get(id);
    return e ? this.index.liveRange(e.start, e.end) : null;
  }

  /** Shows one span (or none) in a state: the focused annotation, the one under the pointer. */
  setState(state: 'focus' | 'hover', id: string | null): void {
    const layer = this.layers.get(state);
    if (!layer) return;
    layer.clear();
    const range = id ? this.rangeOf(id) : null;
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
    const range = this.rangeOf(id);
    if (!layer || !range) return;
    if (this.flashTimer) clearTimeout(this.flashTimer);
    layer.clear();
    layer.add(range);
    this.flashTimer = setTimeout(() => layer.clear(), FLASH_MS);
  }

  dispose(): void {
    if (this.flashTimer) clearTimeout(this.flashTimer);
    cancelIdle(this.idle);
    this.deferred = null;
    for (const name of this.layers.keys()) {
      if (this.registry?.get(highlightName(name)) === this.layers.get(name)) this.registry?.delete(highlightName(name));
    }
    this.layers.clear();
    this.entries.clear();
    this.shown.clear();
    this.buckets.clear();
  }

  private rangeOf(id: string): AbstractRange | null {
    this.flush();
    const e = this.entries.get(id);
    if (!e) return null;
    if (e.range === undefined) e.range = this.index.range(e.start, e.end);
    return e.range;
  }

  private inWindow(e: Entry): boolean {
    return e.paragraphs.last >= this.window.first && e.paragraphs.first <= this.window.last;
  }

  private show(id: string): void {
    const e = this.entries.get(id);
    const range = this.rangeOf(id);
    if (!e || !range) return;
    this.layers.get(e.layer)?.add(range);
    this.shown.add(id);
  }

  private hide(id: string): void {
    const e = this.entries.get(id);
    if (e?.range) this.layers.get(e.layer)?.delete(e.range);
    this.shown.delete(id);
  }

  private addEntry(s: PaintSpan, draw: boolean): void {
    const paragraphs = this.buckets.add(s.id, s.start, s.end);
    const e: Entry = { layer: layerOf(s), start: s.start, end: s.end, paragraphs, range: undefined };
    this.entries.set(s.id, e);
    if (draw && this.inWindow(e)) this.show(s.id);
  }

  private removeEntry(id: string, draw: boolean): void {
    const e = this.entries.get(id);
    if (!e) return;
    if (draw) this.hide(id);
    else this.shown.delete(id);
    this.buckets.remove(id, e.paragraphs);
    this.entries.delete(id);
  }

  /** Refills every kind layer with the spans of the window (first load, big reloads). */
  private refill(): void {
    for (const name of [...KINDS.map((k) => k.kind), 'orphaned' as const]) this.layers.get(name)?.clear();
    this.shown.clear();
    for (const id of this.buckets.inWindow(this.window)) this.show(id);
  }

  private measure(op: string, t0: number, count: number): void {
    try {
      performance.measure(`claimdesk.highlights.${op}`, { start: t0, end: performance.now(), detail: { count, drawn: this.entries.size, registered: this.shown.size } });
    } catch {
      // performance.measure with options is missing in some test environments.
    }
  }
}

const scheduleIdle = (fn: () => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 500 }) : (setTimeout(fn, 50) as unknown as number);
const cancelIdle = (handle: number | null): void => {
  if (handle === null) return;
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
};

/** Orphaned spans are drawn in their own layer, whatever their kind, so they read as doubtful. */
const layerOf = (s: PaintSpan): SpanKind | 'orphaned' => (s.orphaned ? 'orphaned' : s.kind);
