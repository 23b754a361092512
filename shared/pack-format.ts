/**
 * The `.claimpack` format's records, as zod schemas: what verify checks every file against before
 * anything is written, and what export writes. The format is described for people in
 * docs/pack-format.md; the two must agree.
 *
 * Readers accept a newer minor version (additive changes only), so record objects are not strict:
 * unknown keys are ignored, never an error. Unknown annotation body roles are skipped the same way.
 * Ids travel as `urn:uuid:` IRIs in the Web Annotation file and as bare UUIDs elsewhere.
 */
import { z } from 'zod';
import { CLAIM_STATUSES, RELATIONS, SOURCE_TYPES, SPAN_KINDS, SpanData } from './annotation-schemas.ts';

export const PACK_FORMAT = 'claimdesk-pack';
export const PACK_VERSION = { major: 1, minor: 0 } as const;
export const PACK_VERSION_STRING = `${PACK_VERSION.major}.${PACK_VERSION.minor}`;
/** Claimdesk's own JSON-LD terms (see context.jsonld in every pack). */
export const CD_NAMESPACE = 'https://claimdesk.org/ns#';
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const PACK_CONTEXT_FILE = 'context.jsonld';

export const MANIFEST_FILE = 'manifest.json';
/** The W3C Web Annotation collection: every annotation of the pack. */
export const ANNOTATIONS_FILE = 'annotations.jsonld';
export const SIGNATURE_FILE = 'manifest.sig';
export const SIGNER_FILE = 'signer.pub';

const Uuid = z.string().uuid();
export const Urn = z.string().regex(/^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'Expected urn:uuid:<uuid>.');
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 as 64 lowercase hex digits.');
const Timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'Expected an ISO 8601 UTC time.');
const Revision = z.number().int().min(1);
const Nullable = <T extends z.ZodType>(t: T) => t.nullable().default(null);

export const ManifestFile = z.object({ sha256: Sha256, bytes: z.number().int().nonnegative() });

export const Manifest = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.string().regex(/^\d+\.\d+$/, 'Expected a version like "1.0".'),
  id: Uuid,
  application: z.object({ name: z.string(), version: z.string() }),
  created: Timestamp,
  creator: z.object({ id: Uuid, name: z.string() }).nullable(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  selection: z.object({
    documentIds: z.array(Uuid).optional(),
    tags: z.array(z.string()).optional(),
    from: z.string().optional(),
    to: z.string().optional(),
  }),
  redacted: z.object({ notes: z.boolean(), annotators: z.boolean(), documents: z.number().int().nonnegative() }),
  files: z.record(z.string(), ManifestFile),
});
export type Manifest = z.infer<typeof Manifest>;

/** Only the fields needed to decide whether this reader may read the rest. */
export const ManifestHead = z.object({ format: z.string(), version: z.string() });

export const AnalystRecord = z.object({ id: Uuid, name: z.string() });
export const AnalystsFile = z.object({ analysts: z.array(AnalystRecord) });

export const ImportRecordFile = z.object({
  id: Uuid,
  fileName: z.string(),
  importedAt: Timestamp,
  analyst: Nullable(Uuid),
  encoding: z.string(),
  byteLength: z.number().int().nonnegative(),
  duplicate: z.boolean(),
  /** True for the one import whose bytes are `documents/<id>.orig`. */
  original: z.boolean(),
});

export const DocumentRecord = z.object({
  id: Uuid,
  sha256: Sha256,
  title: Nullable(z.string()),
  outlet: Nullable(z.string()),
  author: Nullable(z.string()),
  url: Nullable(z.string()),
  published: Nullable(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)),
  language: z.string(),
  direction: z.enum(['ltr', 'rtl']),
  wordCount: z.number().int().nonnegative(),
  created: Timestamp,
  creator: Nullable(Uuid),
  tags: z.array(Uuid),
  imports: z.array(ImportRecordFile),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

const Bookkeeping = { revision: Revision, created: Timestamp, modified: Timestamp, creator: Nullable(Uuid) };

export const GradeRecord = z.object({
  id: Uuid,
  grade: Nullable(z.enum(['A', 'B', 'C', 'D', 'E', 'F'])),
  reason: Nullable(z.string()),
  at: Timestamp,
  analyst: Nullable(Uuid),
});

export const SourceRecord = z.object({
  id: Uuid,
  name: z.string().min(1),
  type: z.enum(SOURCE_TYPES),
  affiliation: Nullable(z.string()),
  aliases: z.array(z.string()),
  reliability: Nullable(z.enum(['A', 'B', 'C', 'D', 'E', 'F'])),
  scopeDocumentId: Nullable(Uuid),
  grades: z.array(GradeRecord),
  ...Bookkeeping,
});
export type SourceRecord = z.infer<typeof SourceRecord>;
export const SourcesFile = z.object({ sources: z.array(SourceRecord) });

export const TagRecord = z.object({
  id: Uuid,
  name: z.string().min(1),
  parentId: Nullable(Uuid),
  color: Nullable(z.string().regex(/^#[0-9a-fA-F]{6}$/)),
  ...Bookkeeping,
});
export type TagRecord = z.infer<typeof TagRecord>;
export const TagsFile = z.object({ tags: z.array(TagRecord) });

// ---- The Web Annotation file -------------------------------------------------------------------

export const TextQuoteSelector = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string(), suffix: z.string() });
export const TextPositionSelector = z.object({ type: z.literal('TextPositionSelector'), start: z.number().int().min(0), end: z.number().int().min(0) });

export const Target = z.object({
  type: z.literal('SpecificResource'),
  source: Urn,
  selector: z.union([z.tuple([TextQuoteSelector, TextPositionSelector]), z.tuple([TextQuoteSelector])]),
});

export const Agent = z.object({ id: Urn, type: z.literal('Person'), name: z.string().optional() });

export const KindBody = z.object({
  role: z.literal('kind'),
  type: z.literal('TextualBody'),
  purpose: z.literal('classifying'),
  value: z.enum(SPAN_KINDS),
  orphaned: z.boolean().optional(),
  spanData: SpanData.optional(),
  claimStatus: z.enum(CLAIM_STATUSES).optional(),
  statusOverride: z.object({ status: z.enum(CLAIM_STATUSES), reason: z.string().nullable() }).optional(),
});
export const TagBody = z.object({ role: z.literal('tag'), type: z.literal('TextualBody'), purpose: z.literal('tagging'), value: z.string(), tag: Urn });
export const NoteBody = z.object({ role: z.literal('note'), type: z.literal('TextualBody'), purpose: z.literal('commenting'), value: z.string() });
export const MentionBody = z.object({ role: z.literal('mention'), type: z.literal('SpecificResource'), purpose: z.literal('identifying'), source: Urn });

const SubBookkeeping = { revision: Revision, created: Timestamp, modified: Timestamp, creator: Urn.optional() };

export const AttributionBody = z.object({
  role: z.literal('attribution'),
  id: Urn,
  type: z.literal('SpecificResource'),
  purpose: z.literal('identifying'),
  source: Urn,
  cue: Urn.optional(),
  channel: z.string().optional(),
  channelSpan: Urn.optional(),
  speech: z.enum(['direct', 'indirect']),
  anonymous: z.boolean(),
  anonymityReason: z.string().optional(),
  relays: z.array(Urn),
  credibility: z.number().int().min(1).max(6).optional(),
  rationale: z.string().optional(),
  rating: z.string().optional(),
  ...SubBookkeeping,
});
export type AttributionBody = z.infer<typeof AttributionBody>;

export const LinkBody = z.object({
  role: z.literal('link'),
  id: Urn,
  type: z.literal('SpecificResource'),
  purpose: z.literal('linking'),
  source: Urn,
  relation: z.enum(RELATIONS),
  note: z.string().optional(),
  ...SubBookkeeping,
});
export type LinkBody = z.infer<typeof LinkBody>;

export const KNOWN_BODIES = { kind: KindBody, tag: TagBody, note: NoteBody, mention: MentionBody, attribution: AttributionBody, link: LinkBody } as const;
export type KnownBody =
  | z.infer<typeof KindBody> | z.infer<typeof TagBody> | z.infer<typeof NoteBody> | z.infer<typeof MentionBody> | AttributionBody | LinkBody;

export const WebAnnotation = z.object({
  '@context': z.tuple([z.literal(ANNO_CONTEXT), z.literal(PACK_CONTEXT_FILE)]),
  id: Urn,
  type: z.literal('Annotation'),
  motivation: z.string(),
  created: Timestamp,
  modified: Timestamp,
  creator: Agent.optional(),
  revision: Revision,
  /** Each body is checked against its role's schema separately (unknown roles are skipped). */
  body: z.array(z.object({ role: z.string() }).passthrough()).min(1),
  target: Target,
});
export type WebAnnotation = z.infer<typeof WebAnnotation>;

/** Bodies of the roles this version knows, as one union (unknown roles are removed before parsing). */
export const KnownBodySchema = z.discriminatedUnion('role', [KindBody, TagBody, NoteBody, MentionBody, AttributionBody, LinkBody]);
export const CheckedWebAnnotation = WebAnnotation.extend({ body: z.array(KnownBodySchema).min(1) });
export type CheckedWebAnnotation = z.infer<typeof CheckedWebAnnotation>;

export const AnnotationPageSchema = z.object({
  id: Urn,
  type: z.literal('AnnotationPage'),
  partOf: z.object({ id: Urn }),
  startIndex: z.literal(0),
  items: z.array(z.unknown()),
});

export const AnnotationCollectionSchema = z.object({
  '@context': z.tuple([z.literal(ANNO_CONTEXT), z.literal(PACK_CONTEXT_FILE)]),
  id: Urn,
  type: z.literal('AnnotationCollection'),
  label: z.string(),
  total: z.number().int().nonnegative(),
  first: AnnotationPageSchema,
  last: Urn,
});

/** `urn:uuid:x` → `x`. */
export const fromUrn = (urn: string): string => urn.slice('urn:uuid:'.length);
export const toUrn = (id: string): string => `urn:uuid:${id}`;
