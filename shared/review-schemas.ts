/**
 * The review across the corpus: the attribution grid (one row per attribution, paged, sorted and
 * filtered by the core in SQL), saved views, disputes side by side, the sources overview with
 * duplicate suggestions, and figures compared across claims.
 */
import { z } from 'zod';
import { ClaimKind, ClaimStatus, SourceType } from './annotation-schemas.ts';

const Id = z.string().uuid();

/** Grid column id → what kind of filter it takes. The core maps each id to one SQL column. */
export const REVIEW_COLUMNS = {
  claimText: 'text', kind: 'set', document: 'text', outlet: 'text', published: 'date', source: 'text', sourceType: 'set',
  anonymous: 'set', cue: 'text', channel: 'text', reliability: 'set', credibility: 'number', rating: 'set', status: 'set',
  independentSources: 'number', tags: 'text', annotator: 'text', annotatedAt: 'date',
} as const;
export type ReviewColumn = keyof typeof REVIEW_COLUMNS;
export const ReviewColumnId = z.enum(Object.keys(REVIEW_COLUMNS) as [ReviewColumn, ...ReviewColumn[]]);

const FilterText = z.string().max(1000);
export const TextFilter = z.object({
  type: z.literal('text'),
  op: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
  value: FilterText.optional(),
});
export const NumberFilter = z.object({
  type: z.literal('number'),
  op: z.enum(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']),
  value: z.number().finite().optional(),
  valueTo: z.number().finite().optional(),
});
export const DateFilter = z.object({
  type: z.literal('date'),
  op: z.enum(['equals', 'before', 'after', 'inRange', 'blank', 'notBlank']),
  value: z.string().max(40).optional(),
  valueTo: z.string().max(40).optional(),
});
export const SetFilter = z.object({ type: z.literal('set'), values: z.array(z.string().max(200)).max(100) });
export const ColumnFilter = z.discriminatedUnion('type', [TextFilter, NumberFilter, DateFilter, SetFilter]);
export type ColumnFilter = z.infer<typeof ColumnFilter>;

export const QUICK_FILTERS = ['singleSource', 'anonymousOnly', 'denied', 'ungraded'] as const;
export const QuickFilter = z.enum(QUICK_FILTERS);

export const ReviewQuery = z.object({
  filters: z.partialRecord(ReviewColumnId, ColumnFilter).default({}),
  quick: z.array(QuickFilter).max(4).default([]),
  sort: z.array(z.object({ column: ReviewColumnId, dir: z.enum(['asc', 'desc']) })).max(3).default([]),
});
export type ReviewQuery = z.infer<typeof ReviewQuery>;

export const ReviewRow = z.object({
  attributionId: Id,
  claimId: Id,
  claimText: z.string(),
  kind: ClaimKind,
  documentId: Id,
  document: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  sourceId: Id,
  source: z.string(),
  sourceType: SourceType,
  anonymous: z.boolean(),
  cue: z.string().nullable(),
  channel: z.string().nullable(),
  reliability: z.string().nullable(),
  credibility: z.number().int().nullable(),
  rating: z.string().nullable(),
  status: ClaimStatus,
  statusReason: z.string().nullable(),
  independentSources: z.number().int(),
  tags: z.string().nullable(),
  annotator: z.string(),
  annotatedAt: z.string(),
  /** The opening of the document's text when it has no title (`document` null), as the Library names it. */
  lead: z.string().nullable().default(null),
});
export type ReviewRow = z.infer<typeof ReviewRow>;

/** A row of a source's claims (Sources): its document's language too. */
export const SourceClaim = ReviewRow.extend({
  language: z.string().default(''),
});
export type SourceClaim = z.infer<typeof SourceClaim>;

export const DisputeStatement = z.object({
  claimId: Id,
  kind: ClaimKind,
  text: z.string(),
  relation: z.string(),
  documentId: Id,
  document: z.string().nullable(),
  /** The opening of the text when the document has no title (it is named by it, as in the Library). */
  lead: z.string().nullable().default(null),
  language: z.string().default(''),
  published: z.string().nullable(),
  sources: z.array(z.object({ name: z.string(), channel: z.string().nullable(), rating: z.string().nullable() })),
});
export const Dispute = z.object({
  claim: DisputeStatement.omit({ relation: true }).extend({ status: ClaimStatus }),
  against: z.array(DisputeStatement),
});
export type Dispute = z.infer<typeof Dispute>;

export const SourceOverview = z.object({
  id: Id,
  name: z.string(),
  type: SourceType,
  affiliation: z.string().nullable(),
  aliases: z.array(z.string()),
  reliability: z.string().nullable(),
  claims: z.number().int(),
  documents: z.number().int(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
});
export type SourceOverview = z.infer<typeof SourceOverview>;

export const DuplicateSuggestion = z.object({
  a: Id,
  b: Id,
  aName: z.string(),
  bName: z.string(),
  score: z.number(),
  reason: z.string(),
});
export type DuplicateSuggestion = z.infer<typeof DuplicateSuggestion>;

export const Figure = z.object({
  spanId: Id,
  claimId: Id.nullable(),
  claimText: z.string().nullable(),
  documentId: Id,
  document: z.string().nullable(),
  /** The opening of the text when the document has no title. */
  lead: z.string().nullable().default(null),
  language: z.string().default(''),
  exact: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  period: z.string().nullable(),
  approx: z.boolean(),
  quantityKind: z.string().nullable(),
  source: z.string().nullable(),
});
export type Figure = z.infer<typeof Figure>;
export const FigureConflict = z.object({ figures: z.array(Figure), reason: z.string() });

export const reviewChannels = {
  'review:rows': {
    input: z.object({ query: ReviewQuery, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }),
    output: z.object({ rows: z.array(ReviewRow), total: z.number().int() }),
  },
  'review:export': {
    input: z.object({ query: ReviewQuery, columns: z.array(ReviewColumnId).min(1).optional(), outPath: z.string().max(4096).optional() }),
    output: z.object({ rows: z.number().int(), path: z.string().nullable(), data: z.instanceof(Uint8Array).nullable() }),
  },
  'review:views': { input: z.object({}), output: z.array(z.object({ id: Id, name: z.string(), state: z.unknown() })) },
  'review:saveView': { input: z.object({ name: z.string().trim().min(1).max(200), state: z.record(z.string(), z.unknown()) }), output: z.object({ id: Id, name: z.string() }) },
  'review:deleteView': { input: z.object({ id: Id }), output: z.object({ deleted: z.boolean() }) },
  'disputes:list': { input: z.object({ limit: z.number().int().min(1).max(5000).default(500) }), output: z.array(Dispute) },
  'sources:overview': {
    input: z.object({ query: z.string().max(500).default(''), limit: z.number().int().min(1).max(10000).default(2000) }),
    output: z.array(SourceOverview),
  },
  'sources:claims': { input: z.object({ id: Id, limit: z.number().int().min(1).max(5000).default(500) }), output: z.array(SourceClaim) },
  'sources:duplicates': { input: z.object({ limit: z.number().int().min(1).max(500).default(50) }), output: z.array(DuplicateSuggestion) },
  'figures:list': {
    input: z.object({}),
    output: z.object({ figures: z.array(Figure), conflicts: z.array(FigureConflict) }),
  },
} as const;
