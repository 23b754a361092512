/**
 * A pack's content in memory, the same shape whether it was gathered from the project (export) or
 * read from a verified pack (merge): documents with their text, annotations with UTF-16 offsets
 * (the Web Annotation file's code points are converted at its edge, in w3c.ts), sources, tags and
 * analysts. Ids are bare UUIDs here.
 */
import type { DocumentRecord, SourceRecord, TagRecord } from '../../../shared/pack-format.ts';
import type { SpanData } from '../../../shared/annotation-schemas.ts';

export interface PackAttribution {
  id: string;
  sourceId: string;
  cueSpanId: string | null;
  channel: string | null;
  channelSpanId: string | null;
  speech: 'direct' | 'indirect';
  anonymous: boolean;
  anonymityReason: string | null;
  via: string[];
  credibility: number | null;
  rationale: string | null;
  /** Derived ("B2"): written for people, ignored on import. */
  rating: string | null;
  revision: number;
  created: string;
  modified: string;
  creator: string | null;
}

export interface PackLink {
  id: string;
  toClaimId: string;
  relation: 'denies' | 'disputes' | 'corroborates' | 'repeats' | 'updates';
  note: string | null;
  revision: number;
  created: string;
  modified: string;
  creator: string | null;
}

export interface PackClaim {
  /** The derived status when exported; recomputed from the links on import. */
  status: string;
  override: { status: string; reason: string | null } | null;
}

export interface PackAnnotation {
  id: string;
  documentId: string;
  kind: string;
  /** UTF-16 offsets into the document's text. */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  orphaned: boolean;
  sourceId: string | null;
  note: string | null;
  data: SpanData | null;
  tagIds: string[];
  claim: PackClaim | null;
  attributions: PackAttribution[];
  links: PackLink[];
  revision: number;
  created: string;
  modified: string;
  creator: string | null;
}

export interface PackDocument {
  record: DocumentRecord;
  text: string;
  /** The original file's bytes when they differ from the text's UTF-8 (`documents/<id>.orig`). */
  original: Uint8Array | null;
}

export interface PackContent {
  documents: PackDocument[];
  annotations: PackAnnotation[];
  sources: SourceRecord[];
  tags: TagRecord[];
  analysts: Array<{ id: string; name: string }>;
}

export const CLAIM_KIND_SET: ReadonlySet<string> = new Set(['claim', 'denial', 'dispute']);

/** A pack's records without its annotations: what a merge needs before the first annotation. */
export type PackRecords = Omit<PackContent, 'annotations'>;
