/** Rows (SQLite's shape) to the contract's shapes, in one place. */
import {
  admiraltyRating,
  type Attribution,
  type ClaimLink,
  type Source,
  type Span,
  type SpanData,
  type Tag,
} from '../../../shared/annotation-schemas.ts';
import type { AttributionRow, LinkRow, SourceRow, SpanRow, TagRow } from './annotation-repository.ts';
import type { Row } from './entity-repository.ts';

export const toSpan = (r: SpanRow | Row, tagIds: string[] = []): Span => ({
  id: r.id as string,
  revision: r.revision as number,
  documentId: r.document_id as string,
  kind: r.kind as Span['kind'],
  start: r.start as number,
  end: r.end as number,
  exact: r.exact as string,
  orphaned: r.orphaned === 1,
  sourceId: (r.source_id as string | null) ?? null,
  note: (r.note as string | null) ?? null,
  data: r.data ? (JSON.parse(r.data as string) as SpanData) : null,
  tagIds,
});

export const toSource = (r: SourceRow | Row): Source => ({
  id: r.id as string,
  revision: r.revision as number,
  name: r.name as string,
  type: r.type as Source['type'],
  affiliation: (r.affiliation as string | null) ?? null,
  aliases: JSON.parse((r.aliases as string) ?? '[]') as string[],
  reliability: (r.reliability as Source['reliability']) ?? null,
  scopeDocumentId: (r.scope_document_id as string | null) ?? null,
});

export const toAttribution = (r: AttributionRow | Row, reliability: string | null): Attribution => ({
  id: r.id as string,
  revision: r.revision as number,
  claimId: r.claim_id as string,
  sourceId: r.source_id as string,
  cueSpanId: (r.cue_span_id as string | null) ?? null,
  channel: (r.channel as string | null) ?? null,
  channelSpanId: (r.channel_span_id as string | null) ?? null,
  speech: r.speech as Attribution['speech'],
  anonymous: r.anonymous === 1,
  anonymityReason: (r.anonymity_reason as string | null) ?? null,
  via: JSON.parse((r.via as string) ?? '[]') as string[],
  credibility: (r.credibility as number | null) ?? null,
  rationale: (r.rationale as string | null) ?? null,
  rating: admiraltyRating(reliability, (r.credibility as number | null) ?? null),
});

export const toLink = (r: LinkRow): ClaimLink => ({
  id: r.id,
  revision: r.revision,
  fromClaimId: r.from_claim_id,
  toClaimId: r.to_claim_id,
  relation: r.relation as ClaimLink['relation'],
  note: r.note,
  fromDocumentId: r.from_document_id,
  toDocumentId: r.to_document_id,
  fromExact: r.from_exact,
  toExact: r.to_exact,
  fromTitle: r.from_title,
  toTitle: r.to_title,
});

export const toTag = (r: TagRow | Row): Tag => ({
  id: r.id as string,
  revision: r.revision as number,
  name: r.name as string,
  parentId: (r.parent_id as string | null) ?? null,
  color: (r.color as string | null) ?? null,
});
