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
  ANNO_CONTEXT, AttributionBody, KNOWN_BODIES, LinkBody, PACK_CONTEXT_FILE, fromUrn, toUrn, type KnownBody, type WebAnnotation,
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

const optional = <K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> =>
  value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>);

/** Sorted keys, so a span's detail serialises the same way whatever order it was stored in. */
function sortedData(data: SpanData): SpanData {
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as SpanData;
}

export function toWebAnnotation(a: PackAnnotation, o: ToW3cOptions): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  body.push({
    role: 'kind', type: 'TextualBody', purpose: 'classifying', value: a.kind,
    ...(a.orphaned ? { orphaned: true } : {}),
    ...optional('spanData', a.data ? sortedData(a.data) : null),
    ...(a.claim ? { claimStatus: a.claim.status } : {}),
    ...(a.claim?.override ? { statusOverride: { status: a.claim.override.status, reason: a.claim.override.reason } } : {}),
  });
  if (a.sourceId) body.push({ role: 'mention', type: 'SpecificResource', purpose: 'identifying', source: toUrn(a.sourceId) });
  if (a.note !== null) body.push({ role: 'note', type: 'TextualBody', purpose: 'commenting', value: a.note });
  for (const tagId of a.tagIds) body.push({ role: 'tag', type: 'TextualBody', purpose: 'tagging', value: o.tagNames.get(tagId) ?? '', tag: toUrn(tagId) });
  for (const at of a.attributions) body.push(attributionBody(at, o));
  for (const l of a.links) body.push(linkBody(l));
  const selector: Record<string, unknown>[] = [{ type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix }];
  if (!a.orphaned) selector.push({ type: 'TextPositionSelector', start: o.converter.toCodePoints(a.start), end: o.converter.toCodePoints(a.end) });
  return {
    '@context': [ANNO_CONTEXT, PACK_CONTEXT_FILE],
    id: toUrn(a.id),
    type: 'Annotation',
    motivation: MOTIVATION[a.kind] ?? 'classifying',
    created: a.created,
    modified: a.modified,
    ...(a.creator ? { creator: agent(a.creator, o.analystNames) } : {}),
    revision: a.revision,
    body,
    target: { type: 'SpecificResource', source: toUrn(a.documentId), selector },
  };
}

function agent(id: string, names: ReadonlyMap<string, string>) {
  const name = names.get(id);
  return { id: toUrn(id), type: 'Person', ...(name === undefined ? {} : { name }) };
}

function attributionBody(at: PackAttribution, o: ToW3cOptions): Record<string, unknown> {
  return {
    role: 'attribution', id: toUrn(at.id), type: 'SpecificResource', purpose: 'identifying', source: toUrn(at.sourceId),
    ...optional('cue', at.cueSpanId ? toUrn(at.cueSpanId) : null),
    ...optional('channel', at.channel),
    ...optional('channelSpan', at.channelSpanId ? toUrn(at.channelSpanId) : null),
    speech: at.speech,
    anonymous: at.anonymous,
    ...optional('anonymityReason', at.anonymityReason),
    relays: at.via.map(toUrn),
    ...optional('credibility', at.credibility),
    ...optional('rationale', at.rationale),
    ...optional('rating', admiraltyRating(o.reliability.get(at.sourceId) ?? null, at.credibility)),
    revision: at.revision, created: at.created, modified: at.modified,
    ...optional('creator', at.creator ? toUrn(at.creator) : null),
  };
}

function linkBody(l: PackLink): Record<string, unknown> {
  return {
    role: 'link', id: toUrn(l.id), type: 'SpecificResource', purpose: 'linking', source: toUrn(l.toClaimId), relation: l.relation,
    ...optional('note', l.note),
    revision: l.revision, created: l.created, modified: l.modified,
    ...optional('creator', l.creator ? toUrn(l.creator) : null),
  };
}

export interface BodyIssue {
  index: number;
  field: string;
  message: string;
}

export type ParsedAnnotation =
  | { ok: true; annotation: PackAnnotation; unknownRoles: string[] }
  | { ok: false; issues: BodyIssue[] };

/**
 * A checked Web Annotation back to a span, its offsets converted from code points to UTF-16 units of
 * `converter`'s text (the caller re-anchors it against the text afterwards). Bodies are checked one
 * by one against their role's schema; a role this version does not know is skipped and named.
 */
export function fromWebAnnotation(w: WebAnnotation, converter: OffsetConverter | null): ParsedAnnotation {
  const issues: BodyIssue[] = [];
  const unknownRoles: string[] = [];
  const bodies: KnownBody[] = [];
  w.body.forEach((raw, index) => {
    const schema = (KNOWN_BODIES as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }>)[raw.role];
    if (!schema || !Object.hasOwn(KNOWN_BODIES, raw.role)) {
      unknownRoles.push(raw.role);
      return;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) bodies.push(parsed.data as KnownBody);
    else for (const i of parsed.error!.issues) issues.push({ index, field: i.path.map(String).join('.'), message: i.message });
  });
  const kinds = bodies.filter((b) => b.role === 'kind');
  if (kinds.length !== 1) issues.push({ index: -1, field: 'body', message: `Expected exactly one body with role "kind", found ${kinds.length}.` });
  if (issues.length > 0) return { ok: false, issues };
  const kind = kinds[0] as Extract<KnownBody, { role: 'kind' }>;
  const [quote, position] = w.target.selector;
  let start = 0;
  let end = quote.exact.length;
  if (position && converter) {
    try {
      start = converter.toUtf16(position.start);
      end = converter.toUtf16(position.end);
    } catch (error) {
      return { ok: false, issues: [{ index: -1, field: 'target.selector.1', message: (error as Error).message }] };
    }
  }
  const isClaim = CLAIM_KIND_SET.has(kind.value);
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
    sourceId: pick(bodies, 'mention')[0]?.source ? fromUrn(pick(bodies, 'mention')[0]!.source) : null,
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
  return { ok: true, annotation, unknownRoles };
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

/** Whether a body role is one this version reads (tests and docs list them). */
export const BODY_ROLES = Object.keys(KNOWN_BODIES);
