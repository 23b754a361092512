/**
 * What the Annotations panel lists, built from one `annotations:get` answer: the claims in text
 * order with their attributions (source, cue, channel, rating) and links, then the other spans by
 * group (source mentions, cues and channels, entities, figures, notes, "not article" regions), and
 * orphaned spans first of all, so that none is ever silently dropped.
 *
 * Every row has a fixed height known here, so the panel can virtualise thousands of rows by
 * arithmetic (prefix sums and a binary search) without measuring the DOM.
 */
import type { Attribution, Claim, ClaimLink, DocumentAnnotations, Source, Span, Tag } from '../../../shared/annotation-schemas.ts';
import { GROUPS, isClaimKind, kindInfo, type GroupId } from './kinds.ts';

export interface AttributionView {
  attribution: Attribution;
  source: Source | null;
  cue: Span | null;
  channel: string | null;
}

export interface LinkView {
  link: ClaimLink;
  /** 'out': this claim denies/disputes/… the other; 'in': the other points at this one. */
  direction: 'out' | 'in';
  otherId: string;
  otherExact: string;
  otherTitle: string | null;
  otherDocumentId: string;
  sameDocument: boolean;
}

export interface HeaderItem {
  type: 'header';
  id: string;
  group: GroupId;
  count: number;
}
export interface ClaimItem {
  type: 'claim';
  id: string;
  span: Span;
  claim: Claim | null;
  attributions: AttributionView[];
  links: LinkView[];
}
export interface SpanItem {
  type: 'span';
  id: string;
  span: Span;
  source: Source | null;
  /** Claims whose attribution uses this span as cue or channel. */
  usedBy: number;
}
export type PanelItem = HeaderItem | ClaimItem | SpanItem;
export type SelectableItem = ClaimItem | SpanItem;

export const ROW = { header: 30, claim: 74, claimWithLinks: 92, span: 34 } as const;

export interface PanelModel {
  items: PanelItem[];
  /** Offset of each row from the top of the list (off the JavaScript heap: see layout), and the list's whole height. */
  tops: Int32Array;
  height: number;
  /** Where the group headers are (at most one a group), in row order. */
  headers: readonly number[];
  indexOf: RowIndex;
  spans: ReadonlyMap<string, Span>;
  claims: ReadonlyMap<string, ClaimItem>;
  sources: Map<string, Source>;
  /** The project's tag codebook, by id. */
  tags: Map<string, Tag>;
  /** Annotations a pack merge kept twice (ours and their copy), by id: each marked in its row. */
  conflicts: ReadonlyMap<string, ConflictMark>;
}

/** One side of an annotation both analysts changed: ours, or their version kept beside it. */
export interface ConflictMark {
  side: 'ours' | 'theirs';
  /** The other version's id. */
  other: string;
  /** The pack their version came in. */
  pack: string;
}

const NO_CONFLICTS: ReadonlyMap<string, ConflictMark> = new Map();

export function conflictMarks(copies: DocumentAnnotations['conflictCopies']): ReadonlyMap<string, ConflictMark> {
  if (!copies?.length) return NO_CONFLICTS;
  const marks = new Map<string, ConflictMark>();
  for (const c of copies) {
    marks.set(c.ofId, { side: 'ours', other: c.copyId, pack: c.pack });
    marks.set(c.copyId, { side: 'theirs', other: c.ofId, pack: c.pack });
  }
  return marks;
}

/** The marks left once `deleted` are gone: deleting either version settles its conflict. */
export function settleConflicts(marks: ReadonlyMap<string, ConflictMark>, deleted: readonly string[]): ReadonlyMap<string, ConflictMark> {
  if (marks.size === 0 || !deleted.some((id) => marks.has(id))) return marks;
  const next = new Map(marks);
  for (const id of deleted) {
    const mark = next.get(id);
    if (!mark) continue;
    next.delete(id);
    next.delete(mark.other);
  }
  return next;
}

export const rowHeight = (item: PanelItem): number =>
  item.type === 'header' ? ROW.header : item.type === 'span' ? ROW.span : item.links.length > 0 ? ROW.claimWithLinks : ROW.claim;

/** Text order: by start, the longer first, then by id, so that rows over the same words have one order whatever the order they came in. */
export const byPosition = (a: Span, b: Span) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What an item is built from: the document's spans, claims, sources and links, found by id. */
export interface ItemContext {
  spans: ReadonlyMap<string, Span>;
  sources: ReadonlyMap<string, Source>;
  claim(id: string): Claim | null;
  links(id: string): LinkView[];
  usedBy(id: string): number;
}

/** The panel group a span is listed under. */
export const groupOf = (span: Span): GroupId => (span.orphaned ? 'orphaned' : kindInfo(span.kind).group);

export function attributionView(a: Attribution, spans: ReadonlyMap<string, Span>, sources: ReadonlyMap<string, Source>): AttributionView {
  return {
    attribution: a,
    source: sources.get(a.sourceId) ?? null,
    cue: a.cueSpanId ? (spans.get(a.cueSpanId) ?? null) : null,
    channel: a.channel ?? (a.channelSpanId ? (spans.get(a.channelSpanId)?.exact ?? null) : null),
  };
}

/** One row of the panel for one span. */
export function itemFor(span: Span, ctx: ItemContext): ClaimItem | SpanItem {
  if (isClaimKind(span.kind)) {
    const claim = ctx.claim(span.id);
    return {
      type: 'claim',
      id: span.id,
      span,
      claim,
      attributions: (claim?.attributions ?? []).map((a) => attributionView(a, ctx.spans, ctx.sources)),
      links: ctx.links(span.id),
    };
  }
  return { type: 'span', id: span.id, span, source: span.sourceId ? (ctx.sources.get(span.sourceId) ?? null) : null, usedBy: ctx.usedBy(span.id) };
}

export function linkViews(links: readonly ClaimLink[]): Map<string, LinkView[]> {
  const linksByClaim = new Map<string, LinkView[]>();
  const pushLink = (claimId: string, view: LinkView) => {
    const list = linksByClaim.get(claimId) ?? [];
    list.push(view);
    linksByClaim.set(claimId, list);
  };
  for (const link of links) {
    const common = { link, sameDocument: link.fromDocumentId === link.toDocumentId };
    pushLink(link.fromClaimId, { ...common, direction: 'out', otherId: link.toClaimId, otherExact: link.toExact, otherTitle: link.toTitle, otherDocumentId: link.toDocumentId });
    pushLink(link.toClaimId, { ...common, direction: 'in', otherId: link.fromClaimId, otherExact: link.fromExact, otherTitle: link.fromTitle, otherDocumentId: link.fromDocumentId });
  }
  return linksByClaim;
}

export function usedByCounts(claims: readonly Claim[]): Map<string, number> {
  const usedBy = new Map<string, number>();
  for (const c of claims) {
    for (const a of c.attributions) {
      for (const id of new Set([a.cueSpanId, a.channelSpanId])) if (id) usedBy.set(id, (usedBy.get(id) ?? 0) + 1);
    }
  }
  return usedBy;
}

export function buildPanel(data: DocumentAnnotations): PanelModel {
  const spans = new Map(data.spans.map((s) => [s.id, s]));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const claimsById = new Map(data.claims.map((c) => [c.id, c]));
  const linksByClaim = linkViews(data.links);
  const usedBy = usedByCounts(data.claims);
  const ctx: ItemContext = {
    spans,
    sources,
    claim: (id) => claimsById.get(id) ?? null,
    links: (id) => linksByClaim.get(id) ?? [],
    usedBy: (id) => usedBy.get(id) ?? 0,
  };

  const groups = new Map<GroupId, (ClaimItem | SpanItem)[]>(GROUPS.map((g) => [g.id, []]));
  for (const span of [...data.spans].sort(byPosition)) groups.get(groupOf(span))!.push(itemFor(span, ctx));

  const items: PanelItem[] = [];
  const claims = new Map<string, ClaimItem>();
  for (const g of GROUPS) {
    const members = groups.get(g.id)!;
    if (members.length === 0) continue;
    items.push({ type: 'header', id: `group:${g.id}`, group: g.id, count: members.length });
    for (const m of members) {
      items.push(m);
      if (m.type === 'claim') claims.set(m.id, m);
    }
  }
  return { items, ...layout(items), spans, claims, sources, tags: new Map(data.tags.map((t) => [t.id, t])), conflicts: conflictMarks(data.conflictCopies) };
}

/**
 * Row offsets, the list's height and each row's index, from the rows. The offsets are a typed
 * array: made again at every edit, its numbers live outside the garbage-collected heap.
 */
export function layout(items: readonly PanelItem[]): Pick<PanelModel, 'tops' | 'height' | 'headers' | 'indexOf'> {
  const tops = new Int32Array(items.length);
  const headers: number[] = [];
  let height = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    tops[i] = height;
    height += rowHeight(item);
    if (item.type === 'header') headers.push(i);
  }
  return { tops, height, headers, indexOf: new RowIndex(items) };
}

/** After this many look-ups a model's rows are indexed whole. */
const LOOKUPS_BEFORE_INDEXING = 64;

/**
 * Where each row of one model is, found when asked. A model is made again at every edit (ten
 * thousand rows for a large document), and a render asks for a handful of rows (the selected one,
 * the group headers, the hovered spans): building a map of every row each time cost more than all
 * the edit's other work and left it to the garbage collector, whose concurrent marking then held a
 * core while the next change was painted (docs/benchmarks.md, "annotate-render"). So a look-up scans
 * the rows, remembering what it found, and only a model asked many times is indexed whole. The rows
 * of a model never change, so what is remembered stays true.
 */
export class RowIndex {
  private readonly found = new Map<string, number>();
  private all: Map<string, number> | null = null;

  constructor(private readonly items: readonly PanelItem[]) {}

  get(id: string): number | undefined {
    if (this.all) return this.all.get(id);
    const known = this.found.get(id);
    if (known !== undefined) return known < 0 ? undefined : known;
    if (this.found.size >= LOOKUPS_BEFORE_INDEXING) return this.index().get(id);
    // A miss is remembered too (as -1): the panel asks after every group's header at each render.
    const at = this.items.findIndex((it) => it.id === id);
    this.found.set(id, at);
    return at < 0 ? undefined : at;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Every row's id and index, in row order. */
  entries(): IterableIterator<[string, number]> {
    return this.index().entries();
  }

  private index(): Map<string, number> {
    if (!this.all) {
      this.all = new Map();
      for (let i = 0; i < this.items.length; i++) this.all.set(this.items[i]!.id, i);
    }
    return this.all;
  }
}

/** Index of the row at `y` pixels from the top of the list. */
export function rowAt(tops: ArrayLike<number>, y: number): number {
  let lo = 0;
  let hi = tops.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid]! <= y) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The selectable rows (not headers), for arrow-key movement. */
export const isSelectable = (item: PanelItem | undefined): item is SelectableItem => item !== undefined && item.type !== 'header';

/** "≈ 200,000,000 USD per year", from a quantity's data; the date's ISO form for a date. */
export function figureText(span: Span, format: (n: number) => string): string | null {
  const d = span.data;
  if (!d) return null;
  if (span.kind === 'date') return d.normalized ?? null;
  if (d.value === undefined || d.value === null) return d.normalized ?? null;
  const parts = [`${d.approx ? '≈ ' : ''}${format(d.value)}`];
  if (d.unit) parts.push(d.unit);
  if (d.period) parts.push(d.period);
  return parts.join(' ');
}
