/**
 * Annotations ↔ W3C Web Annotations (https://www.w3.org/TR/annotation-model/), the form packs carry.
 *
 * Each span is one Annotation. Its target is the document (`urn:uuid:<documentId>`) with a
 * TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector whose start and end count
 * Unicode code points, as the model requires; spans count UTF-16 units, so offsets are converted here
 * in both directions. Its bodies carry Claimdesk's meaning, each marked with a `role` (a term of
 * context.jsonld): the kind (a classifying TextualBody), tags (tagging), the note (commenting), the
 * source a mention names, attributions and claim links (SpecificResources pointing at the source or
 * the other claim). Orphaned spans carry no position selector: their offsets mean nothing anymore.
 *
 * Key order is fixed by construction, so the same annotation always serialises to the same bytes.
 */
import type { OffsetConverter } from '../../../shared/anchoring/index.ts';
import {
  ANNO_CONTEXT, PACK_CONTEXT_FILE, fromUrn, toUrn, type AttributionBody, type CheckedWebAnnotation, type KnownBody, type LinkBody,
} from '../../../shared/pack-format.ts';
import { admiraltyRating, type SpanData } from '../../../shared/annotation-schemas.ts';
import { CLAIM_KIND_SET, type PackAnnotation, type PackAttribution, type PackLink } from './pack-model.ts';

const MOTIVATION: Record<string, string> = {
  claim: 'classifying', denial: 'classifying', dispute: 'classifying', source: 'identifying', cue: 'classifying',
  channel: 'classifying', entity: 'identifying', quantity: 'describing', date: 'describing', note: 'commenting', excluded: 'classifying',
};

export interface ToW3cOptions {
  converter: OffsetConverter;
  tagNames: ReadonlyMap<string, string>;
  analystNames: ReadonlyMap<string, string>;
  /** Current reliability grade of each source, for the derived "B2" rating. */
  reliability: ReadonlyMap<string, string | null>;
}

/** Sorted keys, so a span's detail serialises the same way whatever order it was stored in. */
function sortedData(data: SpanData): SpanData {
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as SpanData;
}

type Json = Record<string, unknown>;

// Objects are built by assignment in a fixed order (no spreads of optional keys): it keeps key order
// stable, and it is several times faster on 100,000 annotations.
export function toWebAnnotation(a: PackAnnotation, o: ToW3cOptions): Json {
  const kind: Json = { role: 'kind', type: 'TextualBody', purpose: 'classifying', value: a.kind };
  if (a.orphaned) kind.orphaned = true;
  if (a.data) kind.spanData = sortedData(a.data);
  if (a.claim) {
    kind.claimStatus = a.claim.status;
    if (a.claim.override) kind.statusOverride = { status: a.claim.override.status, reason: a.claim.override.reason };
  }
  const body: Json[] = [kind];
  if (a.sourceId) body.push({ role: 'mention', type: 'SpecificResource', purpose: 'identifying', source: toUrn(a.sourceId) });
  if (a.note !== null) body.push({ role: 'note', type: 'TextualBody', purpose: 'commenting', value: a.note });
  for (const tagId of a.tagIds) body.push({ role: 'tag', type: 'TextualBody', purpose: 'tagging', value: o.tagNames.get(tagId) ?? '', tag: toUrn(tagId) });
  for (const at of a.attributions) body.push(attributionBody(at, o));
  for (const l of a.links) body.push(linkBody(l));
  const selector: Json[] = [{ type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix }];
  if (!a.orphaned) selector.push({ type: 'TextPositionSelector', start: o.converter.toCodePoints(a.start), end: o.converter.toCodePoints(a.end) });
  const out: Json = {
    '@context': [ANNO_CONTEXT, PACK_CONTEXT_FILE],
    id: toUrn(a.id),
    type: 'Annotation',
    motivation: MOTIVATION[a.kind] ?? 'classifying',
    created: a.created,
    modified: a.modified,
  };
  if (a.creator) out.creator = agent(a.creator, o.analystNames);
  out.revision = a.revision;
  out.body = body;
  out.target = { type: 'SpecificResource', source: toUrn(a.documentId), selector };
  return out;
}

function agent(id: string, names: ReadonlyMap<string, string>): Json {
  const out: Json = { id: toUrn(id), type: 'Person' };
  const name = names.get(id);
  if (name !== undefined) out.name = name;
  return out;
}

function attributionBody(at: PackAttribution, o: ToW3cOptions): Json {
  const out: Json = { role: 'attribution', id: toUrn(at.id), type: 'SpecificResource', purpose: 'identifying', source: toUrn(at.sourceId) };
  if (at.cueSpanId) out.cue = toUrn(at.cueSpanId);
  if (at.channel !== null) out.channel = at.channel;
  if (at.channelSpanId) out.channelSpan = toUrn(at.channelSpanId);
  out.speech = at.speech;
  out.anonymous = at.anonymous;
  if (at.anonymityReason !== null) out.anonymityReason = at.anonymityReason;
  out.relays = at.via.map(toUrn);
  if (at.credibility !== null) out.credibility = at.credibility;
  if (at.rationale !== null) out.rationale = at.rationale;
  const rating = admiraltyRating(o.reliability.get(at.sourceId) ?? null, at.credibility);
  if (rating !== null) out.rating = rating;
  out.revision = at.revision;
  out.created = at.created;
  out.modified = at.modified;
  if (at.creator) out.creator = toUrn(at.creator);
  return out;
}

function linkBody(l: PackLink): Json {
  const out: Json = { role: 'link', id: toUrn(l.id), type: 'SpecificResource', purpose: 'linking', source: toUrn(l.toClaimId), relation: l.relation };
  if (l.note !== null) out.note = l.note;
  out.revision = l.revision;
  out.created = l.created;
  out.modified = l.modified;
  if (l.creator) out.creator = toUrn(l.creator);
  return out;
}

export type ParsedAnnotation = { ok: true; annotation: PackAnnotation } | { ok: false; field: string; message: string };

/**
 * A checked Web Annotation (its bodies already parsed by role) back to a span, offsets converted from
 * code points to UTF-16 units of `converter`'s text; the caller re-anchors it against the text.
 */
export function fromWebAnnotation(w: CheckedWebAnnotation, converter: OffsetConverter | null): ParsedAnnotation {
  const bodies = w.body as KnownBody[];
  const kinds = pick(bodies, 'kind');
  if (kinds.length !== 1) return { ok: false, field: 'body', message: `Expected exactly one body with role "kind", found ${kinds.length}.` };
  const kind = kinds[0]!;
  const [quote, position] = w.target.selector;
  let start = 0;
  let end = quote.exact.length;
  if (position && converter) {
    try {
      start = converter.toUtf16(position.start);
      end = converter.toUtf16(position.end);
    } catch (error) {
      return { ok: false, field: 'target.selector.1', message: (error as Error).message };
    }
  }
  const isClaim = CLAIM_KIND_SET.has(kind.value);
  const mention = pick(bodies, 'mention')[0];
  const annotation: PackAnnotation = {
    id: fromUrn(w.id),
    documentId: fromUrn(w.target.source),
    kind: kind.value,
    start,
    end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    orphaned: kind.orphaned === true || !position,
    sourceId: mention ? fromUrn(mention.source) : null,
    note: pick(bodies, 'note')[0]?.value ?? null,
    data: kind.spanData ?? null,
    tagIds: pick(bodies, 'tag').map((t) => fromUrn(t.tag)),
    claim: isClaim
      ? { status: kind.claimStatus ?? 'uncontested', override: kind.statusOverride ? { status: kind.statusOverride.status, reason: kind.statusOverride.reason } : null }
      : null,
    attributions: pick(bodies, 'attribution').map(fromAttributionBody),
    links: pick(bodies, 'link').map(fromLinkBody),
    revision: w.revision,
    created: w.created,
    modified: w.modified,
    creator: w.creator ? fromUrn(w.creator.id) : null,
  };
  return { ok: true, annotation };
}

function pick<R extends KnownBody['role']>(bodies: KnownBody[], role: R): Array<Extract<KnownBody, { role: R }>> {
  return bodies.filter((b): b is Extract<KnownBody, { role: R }> => b.role === role);
}

function fromAttributionBody(b: AttributionBody): PackAttribution {
  return {
    id: fromUrn(b.id), sourceId: fromUrn(b.source), cueSpanId: b.cue ? fromUrn(b.cue) : null, channel: b.channel ?? null,
    channelSpanId: b.channelSpan ? fromUrn(b.channelSpan) : null, speech: b.speech, anonymous: b.anonymous,
    anonymityReason: b.anonymityReason ?? null, via: b.relays.map(fromUrn), credibility: b.credibility ?? null,
    rationale: b.rationale ?? null, rating: b.rating ?? null, revision: b.revision, created: b.created, modified: b.modified,
    creator: b.creator ? fromUrn(b.creator) : null,
  };
}

function fromLinkBody(b: LinkBody): PackLink {
  return {
    id: fromUrn(b.id), toClaimId: fromUrn(b.source), relation: b.relation, note: b.note ?? null, revision: b.revision,
    created: b.created, modified: b.modified, creator: b.creator ? fromUrn(b.creator) : null,
  };
}
