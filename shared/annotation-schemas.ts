/**
 * The annotation domain as it crosses the contract: spans, claims, sources, attributions, links and
 * tags. Internal rows (SQLite) are mapped to these shapes in one place in the core.
 */
import { z } from 'zod';

const Id = z.string().uuid();
const Text = (max = 20000) => z.string().max(max);

export const SPAN_KINDS = ['claim', 'denial', 'dispute', 'source', 'cue', 'channel', 'entity', 'quantity', 'date', 'note', 'excluded'] as const;
export const CLAIM_KINDS = ['claim', 'denial', 'dispute'] as const;
export const CLAIM_STATUSES = ['uncontested', 'disputed', 'denied', 'corroborated'] as const;
export const SOURCE_TYPES = [
  'named official', 'anonymous official', 'witness or resident', 'analyst or expert', 'outlet', 'document or statement', 'organisation', 'person',
] as const;
export const RELATIONS = ['denies', 'disputes', 'corroborates', 'repeats', 'updates'] as const;
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** What each Admiralty grade means, shown wherever a grade is edited. */
export const RELIABILITY_MEANING: Record<(typeof RELIABILITY)[number], string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};
export const CREDIBILITY_MEANING: Record<1 | 2 | 3 | 4 | 5 | 6, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

/** The combined Admiralty rating, e.g. "B2"; a missing half shows as "?". */
export function admiraltyRating(reliability: string | null, credibility: number | null): string | null {
  if (reliability === null && credibility === null) return null;
  return `${reliability ?? '?'}${credibility ?? '?'}`;
}

export const SpanKind = z.enum(SPAN_KINDS);
export const ClaimKind = z.enum(CLAIM_KINDS);
export const ClaimStatus = z.enum(CLAIM_STATUSES);
export const SourceType = z.enum(SOURCE_TYPES);
export const Relation = z.enum(RELATIONS);
export const Reliability = z.enum(RELIABILITY);
export const Credibility = z.number().int().min(1).max(6);

/** Kind-specific detail: a quantity's normalised value, an entity's canonical name. */
export const SpanData = z
  .object({
    value: z.number().nullable().optional(),
    unit: z.string().max(200).nullable().optional(),
    period: z.string().max(200).nullable().optional(),
    approx: z.boolean().optional(),
    normalized: z.string().max(200).nullable().optional(),
    quantityKind: z.string().max(50).nullable().optional(),
    name: z.string().max(500).nullable().optional(),
    type: z.string().max(100).nullable().optional(),
  })
  .strict();
export type SpanData = z.infer<typeof SpanData>;

export const Span = z.object({
  id: Id,
  revision: z.number().int(),
  documentId: Id,
  kind: SpanKind,
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  orphaned: z.boolean(),
  sourceId: Id.nullable(),
  note: z.string().nullable(),
  data: SpanData.nullable(),
  tagIds: z.array(Id),
});
export type Span = z.infer<typeof Span>;

export const Attribution = z.object({
  id: Id,
  revision: z.number().int(),
  claimId: Id,
  sourceId: Id,
  cueSpanId: Id.nullable(),
  channel: z.string().nullable(),
  channelSpanId: Id.nullable(),
  speech: z.enum(['direct', 'indirect']),
  anonymous: z.boolean(),
  anonymityReason: z.string().nullable(),
  via: z.array(Id),
  credibility: Credibility.nullable(),
  rationale: z.string().nullable(),
  rating: z.string().nullable(),
});
export type Attribution = z.infer<typeof Attribution>;

export const Claim = z.object({
  id: Id,
  revision: z.number().int(),
  documentId: Id,
  kind: ClaimKind,
  status: ClaimStatus,
  derivedStatus: ClaimStatus,
  overrideReason: z.string().nullable(),
  attributions: z.array(Attribution),
});
export type Claim = z.infer<typeof Claim>;

export const Source = z.object({
  id: Id,
  revision: z.number().int(),
  name: z.string(),
  type: SourceType,
  affiliation: z.string().nullable(),
  aliases: z.array(z.string()),
  reliability: Reliability.nullable(),
  scopeDocumentId: Id.nullable(),
});
export type Source = z.infer<typeof Source>;

export const ClaimLink = z.object({
  id: Id,
  revision: z.number().int(),
  fromClaimId: Id,
  toClaimId: Id,
  relation: Relation,
  note: z.string().nullable(),
  fromDocumentId: Id,
  toDocumentId: Id,
  fromExact: z.string(),
  toExact: z.string(),
  fromTitle: z.string().nullable(),
  toTitle: z.string().nullable(),
});
export type ClaimLink = z.infer<typeof ClaimLink>;

export const Tag = z.object({ id: Id, revision: z.number().int(), name: z.string(), parentId: Id.nullable(), color: z.string().nullable() });
export type Tag = z.infer<typeof Tag>;

export const DocumentAnnotations = z.object({
  documentId: Id,
  spans: z.array(Span),
  claims: z.array(Claim),
  sources: z.array(Source),
  links: z.array(ClaimLink),
  tags: z.array(Tag),
  documentTagIds: z.array(Id),
  /**
   * Annotations a pack merge kept twice, both versions still here: ours (`ofId`) and their version
   * beside it (`copyId`), from the pack named `pack`. Deleting either settles the conflict.
   */
  conflictCopies: z.array(z.object({ copyId: Id, ofId: Id, pack: z.string() })).optional(),
});
export type DocumentAnnotations = z.infer<typeof DocumentAnnotations>;

export const HistoryEntry = z.object({
  kind: z.enum(['do', 'undo', 'redo']),
  label: z.string(),
  analyst: z.string(),
  at: z.string(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

const Revision = z.number().int().min(1);
const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1f77b4.');

export const annotationChannels = {
  'annotations:get': { input: z.object({ documentId: Id }), output: DocumentAnnotations },
  'spans:create': {
    input: z.object({
      documentId: Id,
      kind: SpanKind,
      start: z.number().int(),
      end: z.number().int(),
      exact: z.string().max(1_000_000),
      note: Text().nullable().optional(),
      data: SpanData.nullable().optional(),
      sourceId: Id.nullable().optional(),
    }),
    output: Span,
  },
  'spans:update': {
    input: z.object({
      id: Id,
      revision: Revision,
      patch: z.object({ kind: SpanKind, note: Text().nullable(), data: SpanData.nullable(), sourceId: Id.nullable() }).partial(),
    }),
    output: Span,
  },
  'spans:delete': { input: z.object({ id: Id }), output: z.object({ spans: z.number(), attributions: z.number(), links: z.number() }) },
  'sources:list': { input: z.object({ query: Text(500).default(''), limit: z.number().int().min(1).max(1000).default(50) }), output: z.array(Source.extend({ attributions: z.number(), documents: z.number() })) },
  'sources:get': {
    input: z.object({ id: Id }),
    output: Source.extend({
      grades: z.array(z.object({ grade: z.string().nullable(), reason: z.string().nullable(), at: z.string(), analyst: z.string() })),
      usage: z.object({ attributions: z.number(), mentions: z.number(), relays: z.number() }),
    }),
  },
  'sources:create': {
    input: z.object({
      name: Text(500).min(1),
      type: SourceType,
      affiliation: Text(500).nullable().optional(),
      aliases: z.array(Text(500)).max(200).optional(),
      scopeDocumentId: Id.nullable().optional(),
      mentionSpanId: Id.nullable().optional(),
    }),
    output: Source,
  },
  'sources:update': {
    input: z.object({
      id: Id,
      revision: Revision,
      patch: z.object({ name: Text(500).min(1), type: SourceType, affiliation: Text(500).nullable(), aliases: z.array(Text(500)).max(200) }).partial(),
    }),
    output: Source,
  },
  'sources:grade': { input: z.object({ id: Id, grade: Reliability.nullable(), reason: Text(2000).min(1, 'Say why you grade it so.') }), output: Source },
  'sources:delete': {
    input: z.object({ id: Id, reassignTo: Id.optional() }),
    output: z.object({ deleted: z.boolean(), reassigned: z.number() }),
  },
  'sources:merge': { input: z.object({ keepId: Id, mergeId: Id }), output: Source },
  'attributions:create': {
    input: z.object({
      claimId: Id,
      sourceId: Id,
      cueSpanId: Id.nullable().optional(),
      channel: Text(500).nullable().optional(),
      channelSpanId: Id.nullable().optional(),
      speech: z.enum(['direct', 'indirect']).default('indirect'),
      anonymous: z.boolean().default(false),
      anonymityReason: Text(1000).nullable().optional(),
      via: z.array(Id).max(20).default([]),
      credibility: Credibility.nullable().optional(),
      rationale: Text(4000).nullable().optional(),
    }),
    output: Attribution,
  },
  'attributions:update': {
    input: z.object({
      id: Id,
      revision: Revision,
      patch: z
        .object({
          sourceId: Id, cueSpanId: Id.nullable(), channel: Text(500).nullable(), channelSpanId: Id.nullable(),
          speech: z.enum(['direct', 'indirect']), anonymous: z.boolean(), anonymityReason: Text(1000).nullable(),
          via: z.array(Id).max(20), credibility: Credibility.nullable(), rationale: Text(4000).nullable(),
        })
        .partial(),
    }),
    output: Attribution,
  },
  'attributions:delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.boolean() }) },
  'claims:link': { input: z.object({ fromId: Id, toId: Id, relation: Relation, note: Text(2000).nullable().optional() }), output: ClaimLink },
  'claims:unlink': { input: z.object({ id: Id }), output: z.object({ deleted: z.boolean() }) },
  'claims:override': {
    input: z.object({ id: Id, status: ClaimStatus.nullable(), reason: Text(2000).optional() }),
    output: Claim,
  },
  'claims:search': {
    input: z.object({ query: Text(500), limit: z.number().int().min(1).max(200).default(30), excludeId: Id.optional() }),
    output: z.array(z.object({ id: Id, documentId: Id, documentTitle: z.string().nullable(), kind: ClaimKind, exact: z.string(), status: ClaimStatus })),
  },
  'tags:list': { input: z.object({}), output: z.array(Tag) },
  'tags:create': { input: z.object({ name: Text(200).min(1), parentId: Id.nullable().optional(), color: HexColor.nullable().optional() }), output: Tag },
  'tags:update': {
    input: z.object({ id: Id, revision: Revision, patch: z.object({ name: Text(200).min(1), parentId: Id.nullable(), color: HexColor.nullable() }).partial() }),
    output: Tag,
  },
  'tags:merge': { input: z.object({ keepId: Id, mergeId: Id }), output: Tag },
  'tags:apply': { input: z.object({ tagId: Id, spanId: Id.optional(), documentId: Id.optional() }), output: z.object({ applied: z.boolean() }) },
  'tags:remove': { input: z.object({ tagId: Id, spanId: Id.optional(), documentId: Id.optional() }), output: z.object({ removed: z.boolean() }) },
  /** An annotation's tags changed at once (the Review grid's tag editor): tags added, removed and new ones made, one undo step. */
  'tags:set': {
    input: z.object({
      spanId: Id,
      add: z.array(Id).max(1000).default([]),
      remove: z.array(Id).max(1000).default([]),
      create: z.array(Text(200).min(1)).max(100).default([]),
    }),
    output: z.object({ applied: z.number().int(), removed: z.number().int(), created: z.array(Tag) }),
  },
  'history:entity': {
    input: z.object({ type: z.enum(['span', 'claim', 'source', 'attribution', 'claim_link', 'tag', 'document']), id: Id }),
    output: z.array(HistoryEntry),
  },
} as const;
