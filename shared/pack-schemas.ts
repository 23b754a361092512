/**
 * Packs across the contract: export a project (or a selection) as a `.claimpack`, verify one, and
 * merge one into the open project. Spread into `channels` in contract.ts.
 *
 * The browser host has no file system: without `outPath`, export answers with the pack's bytes so the
 * renderer can offer them as a download, and verify and import take the bytes the user picked.
 */
import { z } from 'zod';

const Id = z.string().uuid();
const JobId = z.string().min(1).max(100);
const Bytes = z.instanceof(Uint8Array);
const DateFilter = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'Use YYYY, YYYY-MM or YYYY-MM-DD.');

export const Redaction = z.object({
  notes: z.boolean().default(false),
  annotators: z.boolean().default(false),
  documents: z.array(Id).max(100000).default([]),
});
export type Redaction = z.infer<typeof Redaction>;

export const ExportSelection = z.object({
  documentIds: z.array(Id).max(100000).optional(),
  tags: z.array(z.string().min(1).max(200)).max(1000).optional(),
  from: DateFilter.optional(),
  to: DateFilter.optional(),
  /** A saved review view (`review:saveView`): the documents that hold at least one of its rows. */
  viewId: Id.optional(),
});
export type ExportSelection = z.infer<typeof ExportSelection>;

export const ManifestSummary = z.object({
  id: Id,
  format: z.string(),
  version: z.string(),
  created: z.string(),
  creator: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  redacted: z.object({ notes: z.boolean(), annotators: z.boolean(), documents: z.number() }),
  signed: z.boolean(),
});
export type ManifestSummary = z.infer<typeof ManifestSummary>;

export const ExportResult = z.object({
  path: z.string().nullable(),
  bytes: z.number().int(),
  sha256: z.string(),
  format: z.enum(['claimpack', 'qdpx', 'brat']),
  /** The pack's manifest; null for the interchange formats (qdpx, brat), which have none. */
  manifest: ManifestSummary.nullable(),
  /** The signing key's fingerprint when the pack was signed. */
  fingerprint: z.string().nullable(),
  data: Bytes.optional(),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const PackProblem = z.object({
  /** Stable code, e.g. `HASH_MISMATCH`, `ZIP_SLIP`, `ORPHANED_ANNOTATION`. */
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  record: z.string().optional(),
  field: z.string().optional(),
});
export type PackProblem = z.infer<typeof PackProblem>;

export const SignatureState = z.object({
  state: z.enum(['valid', 'invalid', 'unsigned']),
  /** SHA-256 of the raw Ed25519 public key, hex in groups of four. */
  fingerprint: z.string().nullable(),
  message: z.string(),
});
export type SignatureState = z.infer<typeof SignatureState>;

export const VerifyReport = z.object({
  ok: z.boolean(),
  manifest: ManifestSummary.nullable(),
  signature: SignatureState,
  problems: z.array(PackProblem),
  warnings: z.array(PackProblem),
  counts: z.object({ files: z.number(), documents: z.number(), annotations: z.number(), sources: z.number() }),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

const Tally = z.object({
  documents: z.number().int(),
  sources: z.number().int(),
  tags: z.number().int(),
  annotations: z.number().int(),
  attributions: z.number().int(),
  links: z.number().int(),
});
export type Tally = z.infer<typeof Tally>;

export const MergeConflict = z.object({
  type: z.enum(['document', 'source', 'tag', 'annotation']),
  id: Id,
  /** The conflict copy made of their version (annotations), or null when theirs is kept as a record only. */
  copyId: Id.nullable(),
  /** Where an annotation conflict sits here (ours and the copy), to open it; null for other records. */
  documentId: Id.nullable().default(null),
  message: z.string(),
  /**
   * In the list of merges (`packs:merges`): the analyst has decided. For an annotation conflict, one
   * of its two versions was deleted; for a document, source or tag, it was settled (`packs:settle`)
   * or the record was deleted here. A merge's own report says false.
   */
  resolved: z.boolean().default(false),
  /**
   * How it was decided, in the list of merges: ours kept ('ours'), theirs used ('theirs'; for an
   * annotation, ours was deleted and their copy kept), or the record deleted here ('deleted').
   */
  resolution: z.enum(['ours', 'theirs', 'deleted']).nullable().default(null),
});
export type MergeConflict = z.infer<typeof MergeConflict>;

export const ProposedSourceMerge = z.object({
  packSourceId: Id,
  packName: z.string(),
  localSourceId: Id,
  localName: z.string(),
  reason: z.string(),
  /**
   * How it was decided, in the list of merges: the two merged ('merged', either way round), or one
   * of them gone otherwise (deleted, or merged into a third source: 'gone'); null while both stand.
   */
  resolution: z.enum(['merged', 'gone']).nullable().default(null),
});
export type ProposedSourceMerge = z.infer<typeof ProposedSourceMerge>;

export const MergeReport = z.object({
  /** The merge as `packs:merges` lists it (its id there), or null when it changed nothing and was not kept. */
  mergeId: Id.nullable().default(null),
  packId: Id,
  name: z.string(),
  creator: z.string().nullable(),
  sha256: z.string(),
  label: z.string().nullable(),
  added: Tally,
  unchanged: Tally,
  conflicts: z.array(MergeConflict),
  proposedSourceMerges: z.array(ProposedSourceMerge),
  /** Records deleted here since; a deletion made in this project is respected. */
  keptDeleted: z.number().int(),
  verify: VerifyReport,
});
export type MergeReport = z.infer<typeof MergeReport>;

/** A merge made into this project, as `pack_merges` keeps it: its report without verify's part. */
export const MergeRecord = z.object({
  id: Id,
  at: z.string(),
  /** Who merged it here. */
  analyst: z.string(),
  /** Taken back with Undo (its records are gone; Redo brings them back). */
  undone: z.boolean(),
  report: MergeReport.omit({ verify: true }),
});
export type MergeRecord = z.infer<typeof MergeRecord>;

export const packChannels = {
  'packs:export': {
    input: ExportSelection.extend({
      jobId: JobId,
      /** claimpack (default); qdpx (REFI-QDA) and brat (standoff) are for other tools and cannot be merged back. */
      format: z.enum(['claimpack', 'qdpx', 'brat']).default('claimpack'),
      outPath: z.string().min(1).max(4096).optional(),
      redact: Redaction.optional(),
      sign: z.boolean().default(false),
    }),
    output: ExportResult,
  },
  'packs:verify': { input: z.object({ data: Bytes }), output: VerifyReport },
  'packs:import': { input: z.object({ jobId: JobId, data: Bytes, name: z.string().min(1).max(4096) }), output: MergeReport },
  /** The merges made into this project, newest first, with their reports (conflicts to resolve among them). */
  'packs:merges': { input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }), output: z.array(MergeRecord) },
  /**
   * Settles a merge's conflict on a document's metadata, a source or a tag: keep ours as it is, or
   * apply theirs to ours. One undo step; returns the merge as `packs:merges` lists it.
   */
  'packs:settle': {
    input: z.object({ mergeId: Id, type: z.enum(['document', 'source', 'tag']), id: Id, keep: z.enum(['ours', 'theirs']) }),
    output: MergeRecord,
  },
} as const;
