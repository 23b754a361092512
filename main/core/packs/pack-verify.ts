/**
 * Verifying a pack before anything is written. In order, stopping where going on would mean
 * trusting what failed: the zip's structure (zip-reader.ts refuses unsafe names, duplicates, bombs),
 * the manifest (its format, a major version this reader knows, its schema), the signature if there is
 * one, every file's presence and SHA-256 (no file missing, none extra), and then every record against
 * its schema and every annotation against its document: each target is re-anchored with `anchor()`,
 * and one that cannot be found is an orphan, a failure that names the annotation.
 *
 * Problems say what is wrong and where: a code, the file, the record (an id, or an index) and the
 * field. `verifyPack` never throws for a bad pack; it reports.
 */
import type { z } from 'zod';
import {
  ANNOTATIONS_FILE, MANIFEST_FILE, Manifest, ManifestHead, PACK_FORMAT, PACK_VERSION, SIGNATURE_FILE, SIGNER_FILE,
} from '../../../shared/pack-format.ts';
import type { PackProblem, SignatureState, VerifyReport } from '../../../shared/pack-schemas.ts';
import { checkRecords, isRecordFile } from './verify-records.ts';
import type { PackAnnotation, PackContent, PackDocument } from './pack-model.ts';
import { decodeUtf8, parseSafeJson } from './safe-json.ts';
import { fingerprint, parsePublicKey, verifySignature } from './signing.ts';
import { DEFAULT_ZIP_LIMITS, PackError, ZipReader, type ZipLimits } from './zip-reader.ts';
import crypto from 'node:crypto';

export interface VerifiedPack {
  report: VerifyReport;
  /**
   * Present when the pack is sound (`report.ok`); its `annotations` only if kept (`VerifyOptions`),
   * otherwise empty, and `annotationsKept` says so.
   */
  content: PackContent | null;
  annotationsKept: boolean;
  manifest: Manifest | null;
  sha256: string;
}

export interface VerifyOptions {
  /**
   * Keep every annotation for `content` (default: when there is no sink). A caller that wants the
   * report only, or hears the annotations through a sink, leaves them: holding 100,000 annotations
   * to the end cost ~1.2 s of collection, a third of verify.
   */
  keepAnnotations?: boolean;
}

/**
 * What verify has read so far, handed on as it goes, so that a merge can start before verify ends
 * (verify-thread.ts). Nothing given to a sink is sound until verify's report says so: the pack's
 * records come before the annotations are checked, each annotation once it has passed its own checks
 * (schema, document, anchoring) but before those that look across records (ids used twice, dangling
 * references). A sink hears nothing more once a problem is found.
 */
export interface VerifySink {
  /**
   * The manifest, the pack's SHA-256 and its records, once the records have passed their checks and
   * their files' hashes hold; the other files (annotations.jsonld, the report, the CSVs) are read
   * and hashed after.
   */
  records(head: PackHead): void;
  /** Annotations in the order of the file, each final (offsets converted and re-anchored). */
  annotations(batch: PackAnnotation[]): void;
  /**
   * Every annotation has been handed on and has passed all its checks, those across records
   * included; what is left is hashing the files no merge reads (the report, the CSVs), so a merge
   * can go on to its last steps meanwhile. Not called once a problem has been found.
   */
  annotationsEnd?(): void;
}

export interface PackHead {
  manifest: Manifest;
  sha256: string;
  documents: PackDocument[];
  sources: PackContent['sources'];
  tags: PackContent['tags'];
  analysts: PackContent['analysts'];
}

const UNSIGNED: SignatureState = { state: 'unsigned', fingerprint: null, message: 'Not signed: the hashes prove integrity only, not who made it.' };

export function zodProblems(error: z.ZodError, file: string, record?: string): PackProblem[] {
  return error.issues.slice(0, 20).map((i) => ({
    code: 'SCHEMA',
    message: `${file}${record ? ` (${record})` : ''}: ${i.path.length ? `${i.path.map(String).join('.')}: ` : ''}${i.message}`,
    file,
    ...(record ? { record } : {}),
    ...(i.path.length ? { field: i.path.map(String).join('.') } : {}),
  }));
}

export function verifyPack(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, sink?: VerifySink, o: VerifyOptions = {}): VerifiedPack {
  const keep = o.keepAnnotations ?? !sink;
  const problems: PackProblem[] = [];
  const warnings: PackProblem[] = [];
  const packSha = crypto.createHash('sha256').update(data).digest('hex');
  let signature = UNSIGNED;
  let annotationCount = 0;
  const done = (manifest: Manifest | null, content: PackContent | null, files = 0): VerifiedPack => ({
    report: {
      ok: problems.length === 0 && content !== null,
      manifest: manifest
        ? {
            id: manifest.id, format: manifest.format, version: manifest.version, created: manifest.created,
            creator: manifest.creator?.name ?? null, counts: manifest.counts, redacted: manifest.redacted, signed: signature.state !== 'unsigned',
          }
        : null,
      signature,
      problems,
      warnings,
      counts: {
        files,
        documents: content?.documents.length ?? 0,
        annotations: content ? annotationCount : 0,
        sources: content?.sources.length ?? 0,
      },
    },
    content: problems.length === 0 ? content : null,
    annotationsKept: keep,
    manifest,
    sha256: packSha,
  });
  const fail = (error: unknown) => {
    if (error instanceof PackError) problems.push({ code: error.code, message: error.message, ...(error.file ? { file: error.file } : {}) });
    else throw error;
  };

  let zip: ZipReader;
  let manifest: Manifest;
  let manifestBytes: Uint8Array;
  try {
    zip = new ZipReader(data, limits);
    if (!zip.has(MANIFEST_FILE)) throw new PackError('MISSING_MANIFEST', 'This zip has no manifest.json: it is not a Claimdesk pack.', MANIFEST_FILE);
    manifestBytes = zip.read(MANIFEST_FILE);
    const raw = parseSafeJson(decodeUtf8(manifestBytes, MANIFEST_FILE), MANIFEST_FILE);
    const head = ManifestHead.safeParse(raw);
    if (!head.success || head.data.format !== PACK_FORMAT) {
      throw new PackError('NOT_A_PACK', `manifest.json does not name the format "${PACK_FORMAT}": this is not a Claimdesk pack.`, MANIFEST_FILE);
    }
    const [major, minor] = head.data.version.split('.').map(Number);
    if (!Number.isInteger(major) || !Number.isInteger(minor)) throw new PackError('SCHEMA', `manifest.json: version "${head.data.version}" is not MAJOR.MINOR.`, MANIFEST_FILE);
    if (major! > PACK_VERSION.major) {
      throw new PackError(
        'NEWER_VERSION',
        `This pack is format ${head.data.version}, made by a newer Claimdesk; this version reads format ${PACK_VERSION.major}.x. Nothing was read: open it with the newer version.`,
        MANIFEST_FILE,
      );
    }
    if (major! < PACK_VERSION.major) throw new PackError('OLDER_VERSION', `Format ${head.data.version} is older than any this version reads.`, MANIFEST_FILE);
    if (minor! > PACK_VERSION.minor) {
      warnings.push({ code: 'NEWER_MINOR', message: `Format ${head.data.version} is newer than this reader's ${PACK_VERSION.major}.${PACK_VERSION.minor}: what it adds is ignored.`, file: MANIFEST_FILE });
    }
    const parsed = Manifest.safeParse(raw);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, MANIFEST_FILE));
      return done(null, null);
    }
    manifest = parsed.data;
  } catch (error) {
    fail(error);
    return done(null, null);
  }

  signature = checkSignature(zip, manifestBytes, problems);

  const special = new Set([MANIFEST_FILE, SIGNATURE_FILE, SIGNER_FILE]);
  const listed = Object.keys(manifest.files);
  for (const name of zip.names()) {
    if (!special.has(name) && !Object.hasOwn(manifest.files, name)) {
      problems.push({ code: 'EXTRA_FILE', message: `${name} is in the pack but not in its manifest.`, file: name });
    }
  }
  const files = new Map<string, Uint8Array>();
  /** A listed file, inflated and checked against its hash; null (with the problem reported) if it fails. */
  const readListed = (name: string): Uint8Array | null => {
    const expected = manifest.files[name]!;
    if (!zip.has(name)) {
      problems.push({ code: 'MISSING_FILE', message: `${name} is listed in the manifest but missing from the pack.`, file: name });
      return null;
    }
    try {
      const bytes = zip.read(name);
      const actual = crypto.createHash('sha256').update(bytes).digest('hex');
      if (actual === expected.sha256 && bytes.byteLength === expected.bytes) return bytes;
      problems.push({ code: 'HASH_MISMATCH', message: `${name} does not match its SHA-256 in the manifest: it was changed or damaged.`, file: name, field: 'sha256' });
    } catch (error) {
      fail(error);
    }
    return null;
  };
  // The records' files first (documents, sources, tags, analysts): once they pass, a merge can write
  // them while the rest is read (VerifySink). Then annotations.jsonld, most of a pack's bytes; last
  // the files only hashed (report.html, the CSVs, the context), which no merge waits for.
  for (const name of listed.filter(isRecordFile)) {
    const bytes = readListed(name);
    if (bytes) files.set(name, bytes);
  }
  if (problems.length > 0) return done(manifest, null, zip.entries.length);

  const late = listed.filter((name) => !isRecordFile(name));
  const readAnnotationFile = () => (Object.hasOwn(manifest.files, ANNOTATIONS_FILE) ? readListed(ANNOTATIONS_FILE) : null);
  const checked = checkRecords(files, readAnnotationFile, manifest, problems, warnings, sink && { sink, sha256: packSha }, { keep });
  annotationCount = checked.annotations;
  for (const name of late) if (name !== ANNOTATIONS_FILE) readListed(name);
  return done(manifest, checked.content, zip.entries.length);
}

function checkSignature(zip: ZipReader, manifestBytes: Uint8Array, problems: PackProblem[]): SignatureState {
  const hasSig = zip.has(SIGNATURE_FILE);
  const hasKey = zip.has(SIGNER_FILE);
  if (!hasSig && !hasKey) return UNSIGNED;
  if (!hasSig || !hasKey) {
    const missing = hasSig ? SIGNER_FILE : SIGNATURE_FILE;
    problems.push({ code: 'BAD_SIGNATURE', message: `The pack is half-signed: ${missing} is missing.`, file: missing });
    return { state: 'invalid', fingerprint: null, message: `Signature incomplete: ${missing} is missing.` };
  }
  try {
    const key = parsePublicKey(decodeUtf8(zip.read(SIGNER_FILE), SIGNER_FILE));
    const print = fingerprint(key);
    if (verifySignature(key, manifestBytes, decodeUtf8(zip.read(SIGNATURE_FILE), SIGNATURE_FILE))) {
      return { state: 'valid', fingerprint: print, message: `Signed by the key ${print}; the signature holds.` };
    }
    problems.push({ code: 'BAD_SIGNATURE', message: 'The signature does not match manifest.json: the manifest was changed after signing, or signed by another key.', file: SIGNATURE_FILE });
    return { state: 'invalid', fingerprint: print, message: `Signed by the key ${print}, but the signature does not hold.` };
  } catch (error) {
    problems.push({ code: 'BAD_SIGNATURE', message: `signer.pub cannot be read: ${(error as Error).message}.`, file: SIGNER_FILE });
    return { state: 'invalid', fingerprint: null, message: 'The signer key cannot be read.' };
  }
}

