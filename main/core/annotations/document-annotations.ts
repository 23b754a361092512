/**
 * `annotations:get`: everything the annotation screen shows for one document, in one read.
 *
 * A document can hold 10,000 spans, and the budget to load them is 20 ms. What that costs is
 * turning SQLite's values into JavaScript ones, so the spans come from one statement that reads
 * only what the contract's Span holds (the document id is known, bookkeeping is not sent), and
 * each Span object is built straight from the row's values (AnnotationRepository.forEachSpan says
 * how); the tags on the document's spans come first, from one index range (migration 8). The rows are trusted (the services wrote them, the
 * tables check them), so they are not parsed again with zod here: the renderer's client checks every
 * answer against the contract when it arrives.
 *
 * Order: spans by start, then the longer first (an enclosing span before what it encloses), then
 * in the order they were made; a span's tags in the order they were applied. Claims follow their
 * spans' order, their kind and position being their span's.
 */
import { CLAIM_KINDS, type Claim, type DocumentAnnotations, type Span, type SpanData } from '../../../shared/annotation-schemas.ts';
import { NotFoundError } from '../errors.ts';
import type { AnnotationContext } from './context.ts';
import { toAttribution, toLink, toSource, toTag } from './mappers.ts';

/** Compared, not looked up in a Set, which would hash each span's freshly made kind string. */
const isClaimKind = (kind: string) => (CLAIM_KINDS as readonly string[]).includes(kind);

export function readDocumentAnnotations(ctx: AnnotationContext, documentId: string): DocumentAnnotations {
  const { repo, documents } = ctx;
  const text = documents.liveText(documentId);
  if (text === undefined) throw new NotFoundError('Document', documentId);

  const spans = readSpans(ctx, documentId, text);
  const claims = claimsInSpanOrder(ctx, documentId, spans);

  const attributionRows = repo.attributionsForDocument(documentId);
  const sourceIds = new Set<string>();
  for (const a of attributionRows) {
    sourceIds.add(a.source_id);
    for (const v of JSON.parse(a.via) as string[]) sourceIds.add(v);
  }
  for (const s of spans) if (s.sourceId !== null) sourceIds.add(s.sourceId);
  const sources = sourceIds.size === 0 ? [] : repo.sourcesByIds([...sourceIds]);
  const reliabilityOf = new Map(sources.map((s) => [s.id, s.reliability]));
  const byClaim = new Map<string, Claim['attributions']>();
  for (const a of attributionRows) {
    const list = byClaim.get(a.claim_id);
    const attribution = toAttribution(a, reliabilityOf.get(a.source_id) ?? null);
    if (list) list.push(attribution);
    else byClaim.set(a.claim_id, [attribution]);
  }
  if (byClaim.size > 0) for (const c of claims) c.attributions = byClaim.get(c.id) ?? NO_ATTRIBUTIONS;

  return {
    documentId,
    spans,
    claims,
    sources: sources.map(toSource),
    links: repo.linksForDocument(documentId).map(toLink),
    tags: repo.tags().map(toTag),
    documentTagIds: repo.documentTaggings(documentId).map((t) => t.tag_id),
    conflictCopies: repo.conflictCopies(documentId),
  };
}

/**
 * The tags of every untagged span: one frozen empty list, not 10,000 new ones (the answer is
 * copied on its way to the renderer, and a write to it in the core would throw, not go unseen).
 */
const NO_TAGS = Object.freeze([]) as unknown as string[];

/**
 * An anchored span's quote is the document's text between its start and end: every write makes it
 * so (a span is made from the text and checked against it, its position never changes after, a
 * document's text never changes, and a merge takes an anchored annotation's quote from the text
 * where it found it). So the read takes it from the text (a slice shares the text's memory) rather
 * than turning 10,000 stored copies into new strings; only an orphan's quote is read from its row.
 */
function readSpans(ctx: AnnotationContext, documentId: string, text: string): Span[] {
  // Tags first (few, one index range), so that each span is built whole as its row arrives.
  let tagsOf: Map<string, string[]> | null = null;
  for (const [spanId, tagId] of ctx.repo.spanTaggingsOfDocument(documentId)) {
    const list = (tagsOf ??= new Map()).get(spanId);
    if (list) list.push(tagId);
    else tagsOf.set(spanId, [tagId]);
  }
  const spans: Span[] = [];
  const seqs: number[] = [];
  let ordered = true;
  let lastStart = -1;
  let lastEnd = 0;
  let lastSeq = 0;
  ctx.repo.forEachSpan(documentId, (seq, id, revision, kind, start, end, orphanExact, orphaned, sourceId, note, data) => {
    const span: Span = {
      id,
      revision,
      documentId,
      kind: kind as Span['kind'],
      start,
      end,
      exact: orphanExact ?? text.slice(start, end),
      orphaned: orphaned === 1,
      sourceId,
      note,
      data: data === null ? null : (JSON.parse(data) as SpanData),
      tagIds: tagsOf === null ? NO_TAGS : (tagsOf.get(id) ?? NO_TAGS),
    };
    // In order if after the previous row by compare() below, checked on the numbers alone.
    if (start < lastStart || (start === lastStart && (end > lastEnd || (end === lastEnd && seq < lastSeq)))) ordered = false;
    lastStart = start;
    lastEnd = end;
    lastSeq = seq;
    spans.push(span);
    seqs.push(seq);
  });
  if (ordered) return spans;
  return spans
    .map((_, i) => i)
    .sort((a, b) => compare(spans[a]!, seqs[a]!, spans[b]!, seqs[b]!))
    .map((i) => spans[i]!);
}

/** Start, then the longer first, then the older first. */
const compare = (a: Span, aSeq: number, b: Span, bSeq: number): number => a.start - b.start || b.end - a.end || aSeq - bSeq;

/**
 * A claim with no attributions: one frozen empty list shared by all of them, as NO_TAGS is for
 * spans (a document's claims are mostly unattributed while an analyst works through it).
 */
const NO_ATTRIBUTIONS = Object.freeze([]) as unknown as Claim['attributions'];

/**
 * The document's live claims, each with its span's kind, in the spans' order. A live claim whose
 * span is not live, or not of a claim kind (which no service leaves behind), is still listed, by
 * its span's start, so that nothing the store holds is silently left out.
 *
 * Each claim is built whole as its row arrives (its kind until its span is found is a stand-in),
 * then found by its span's id: one Map look-up per claim-kind span, where keeping the rows as
 * tuples and taking them out again cost four (has, get, delete, and the set).
 */
function claimsInSpanOrder(ctx: AnnotationContext, documentId: string, spans: Span[]): Claim[] {
  const byId = new Map<string, Claim>();
  ctx.repo.forEachClaim(documentId, (id, revision, status, statusOverride, overrideReason) => {
    byId.set(id, {
      id,
      revision,
      documentId,
      kind: 'claim',
      status: (statusOverride ?? status) as Claim['status'],
      derivedStatus: status as Claim['status'],
      overrideReason,
      attributions: NO_ATTRIBUTIONS,
    });
  });
  const claims: Claim[] = [];
  if (byId.size === 0) return claims;
  for (const s of spans) {
    if (!isClaimKind(s.kind)) continue;
    const claim = byId.get(s.id);
    if (claim === undefined) continue;
    claim.kind = s.kind as Claim['kind'];
    claims.push(claim);
  }
  if (claims.length === byId.size) return claims;
  // Claims whose span is not live or not of a claim kind: placed by their span's start.
  const starts = new Map<string, number>();
  for (const s of spans) if (isClaimKind(s.kind)) starts.set(s.id, s.start);
  const placed = new Set(claims.map((c) => c.id));
  for (const claim of byId.values()) {
    if (placed.has(claim.id)) continue;
    const place = ctx.repo.spanPlace(claim.id)!;
    claim.kind = place.kind as Claim['kind'];
    claims.push(claim);
    starts.set(claim.id, place.start);
  }
  // A stable sort: claims at the same start keep the spans' order, the others follow them.
  return claims.sort((a, b) => starts.get(a.id)! - starts.get(b.id)!);
}
