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
  MANIFEST_FILE, Manifest, ManifestHead, PACK_FORMAT, PACK_VERSION, SIGNATURE_FILE, SIGNER_FILE,
} from '../../../shared/pack-format.ts';
import type { PackProblem, SignatureState, VerifyReport } from '../../../shared/pack-schemas.ts';
import { checkRecords, checkSmallRecords, finishRecords } from './verify-records.ts';
import type { PackContent } from './pack-model.ts';
import { decodeUtf8, parseSafeJson } from './safe-json.ts';
import { fingerprint, parsePublicKey, verifySignature } from './signing.ts';
import { DEFAULT_ZIP_LIMITS, PackError, ZipReader, type ZipLimits } from './zip-reader.ts';
import crypto from 'node:crypto';

export interface VerifiedPack {
  report: VerifyReport;
  /** Present when the pack is sound (`report.ok`). */
  content: PackContent | null;
  manifest: Manifest | null;
  sha256: string;
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

/** What every verify collects on its way, and the report it ends with. */
class Verification {
  readonly problems: PackProblem[] = [];
  readonly warnings: PackProblem[] = [];
  signature = UNSIGNED;

  constructor(public packSha: string) {}

  done(manifest: Manifest | null, content: PackContent | null, files = 0): VerifiedPack {
    const { problems, warnings, signature } = this;
    return {
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
          annotations: content?.annotations.length ?? 0,
          sources: content?.sources.length ?? 0,
        },
      },
      content: problems.length === 0 ? content : null,
      manifest,
      sha256: this.packSha,
    };
  }

  /** A PackError becomes a problem; anything else is a bug and goes on. */
  fail(error: unknown): void {
    if (error instanceof PackError) this.problems.push({ code: error.code, message: error.message, ...(error.file ? { file: error.file } : {}) });
    else throw error;
  }
}

interface OpenPack {
  zip: ZipReader;
  manifest: Manifest;
}

/** The zip's structure, the manifest and the signature; null (problems noted) when it goes no further. */
function openPack(v: Verification, data: Uint8Array, limits: ZipLimits): OpenPack | null {
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
      v.warnings.push({ code: 'NEWER_MINOR', message: `Format ${head.data.version} is newer than this reader's ${PACK_VERSION.major}.${PACK_VERSION.minor}: what it adds is ignored.`, file: MANIFEST_FILE });
    }
    const parsed = Manifest.safeParse(raw);
    if (!parsed.success) {
      v.problems.push(...zodProblems(parsed.error, MANIFEST_FILE));
      return null;
    }
    manifest = parsed.data;
  } catch (error) {
    v.fail(error);
    return null;
  }

  v.signature = checkSignature(zip, manifestBytes, v.problems);

  const special = new Set([MANIFEST_FILE, SIGNATURE_FILE, SIGNER_FILE]);
  for (const name of zip.names()) {
    if (!special.has(name) && !Object.hasOwn(manifest.files, name)) {
      v.problems.push({ code: 'EXTRA_FILE', message: `${name} is in the pack but not in its manifest.`, file: name });
    }
  }
  return { zip, manifest };
}

/** A listed file's bytes if they match the manifest (size and SHA-256), else the problem noted. */
function checkedBytes(v: Verification, name: string, expected: { sha256: string; bytes: number }, bytes: Uint8Array, actualSha: string): Uint8Array | null {
  if (actualSha !== expected.sha256 || bytes.byteLength !== expected.bytes) {
    v.problems.push({ code: 'HASH_MISMATCH', message: `${name} does not match its SHA-256 in the manifest: it was changed or damaged.`, file: name, field: 'sha256' });
    return null;
  }
  return bytes;
}

const missingFile = (name: string): PackProblem => ({ code: 'MISSING_FILE', message: `${name} is listed in the manifest but missing from the pack.`, file: name });

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

export function verifyPack(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): VerifiedPack {
  const v = new Verification(sha256(data));
  const opened = openPack(v, data, limits);
  if (!opened) return v.done(null, null);
  const { zip, manifest } = opened;
  const files = new Map<string, Uint8Array>();
  for (const name of Object.keys(manifest.files)) {
    if (!zip.has(name)) {
      v.problems.push(missingFile(name));
      continue;
    }
    try {
      const bytes = zip.read(name);
      const ok = checkedBytes(v, name, manifest.files[name]!, bytes, sha256(bytes));
      if (ok) files.set(name, ok);
    } catch (error) {
      v.fail(error);
    }
  }
  if (v.problems.length > 0) return v.done(manifest, null, zip.entries.length);
  const content = checkRecords(files, manifest, v.problems, v.warnings);
  return v.done(manifest, content, zip.entries.length);
}

/** Files at least this large are inflated and hashed on libuv's threads by `verifyPackAsync`. */
export const ASYNC_FILE_BYTES = 4 * 1024 * 1024;

/**
 * `verifyPack`, with the same report, content and problems in the same order, but with the large
 * work that needs no JavaScript done on libuv's threads while this one checks the rest: the pack's
 * own SHA-256, and the inflating and hashing of `annotations.jsonld` (105 MB and ~0.9 s for 100,000
 * annotations) while the documents are read and checked here. The documents' check runs before
 * the annotations file is known to match its hash; what it found is used only if every file does,
 * as `verifyPack` would only have checked them then. `asyncFrom` lowers the size from which the
 * annotations file goes to the threads (tests use 0 to take this path with small packs).
 */
export async function verifyPackAsync(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, asyncFrom = ASYNC_FILE_BYTES): Promise<VerifiedPack> {
  const packSha = digest(data);
  // Handled now, awaited at the end: a failure here (or a bug thrown below) leaves no unhandled rejection.
  packSha.catch(() => undefined);
  const v = new Verification('');
  const withSha = async (build: (v: Verification) => VerifiedPack) => {
    v.packSha = await packSha;
    return build(v);
  };
  const opened = openPack(v, data, limits);
  if (!opened) return withSha((x) => x.done(null, null));
  const { zip, manifest } = opened;
  const listed = Object.keys(manifest.files);
  const late = listed.includes(ANNOTATIONS_FILE) && zip.has(ANNOTATIONS_FILE) && (zip.entries.find((e) => e.name === ANNOTATIONS_FILE)?.size ?? 0) >= asyncFrom
    ? ANNOTATIONS_FILE
    : null;
  // Started now; inflated and hashed on the threads while the other files are read here.
  const lateBytes = late ? readHashed(zip, late) : null;
  lateBytes?.catch(() => undefined);

  // The problems of each listed file, kept in the manifest's order whatever finishes first.
  const problemsOf = new Map<string, PackProblem[]>();
  const files = new Map<string, Uint8Array>();
  const collect = (name: string, fn: () => void) => {
    const mark = v.problems.length;
    fn();
    problemsOf.set(name, v.problems.splice(mark));
  };
  for (const name of listed) {
    if (name === late) continue;
    collect(name, () => {
      if (!zip.has(name)) {
        v.problems.push(missingFile(name));
        return;
      }
      try {
        const bytes = zip.read(name);
        const ok = checkedBytes(v, name, manifest.files[name]!, bytes, sha256(bytes));
        if (ok) files.set(name, ok);
      } catch (error) {
        v.fail(error);
      }
    });
  }
  // Documents, sources, tags and analysts, checked while the annotations inflate; what this finds
  // is kept aside and counts only if every file turns out sound.
  const smallProblems: PackProblem[] = [];
  const clean = v.problems.length === 0 && [...problemsOf.values()].every((p) => p.length === 0);
  const small = clean ? checkSmallRecords(files, smallProblems) : null;

  if (late && lateBytes) {
    const outcome = await lateBytes.then((r) => r, (error: unknown) => ({ error }));
    collect(late, () => {
      if ('error' in outcome) v.fail(outcome.error);
      else {
        const ok = checkedBytes(v, late, manifest.files[late]!, outcome.bytes, outcome.sha);
        if (ok) files.set(late, ok);
      }
    });
  }
  for (const name of listed) v.problems.push(...(problemsOf.get(name) ?? []));
  if (v.problems.length > 0 || !small) return withSha((x) => x.done(manifest, null, zip.entries.length));
  v.problems.push(...smallProblems);
  const content = finishRecords(files, small, v.problems, v.warnings);
  return withSha((x) => x.done(manifest, content, zip.entries.length));
}

const ANNOTATIONS_FILE = 'annotations.jsonld';

/** SHA-256 on libuv's threads (WebCrypto), as hex. */
async function digest(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await crypto.webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

/** An entry inflated and hashed on libuv's threads. */
async function readHashed(zip: ZipReader, name: string): Promise<{ bytes: Uint8Array; sha: string }> {
  const bytes = await zip.readAsync(name);
  return { bytes, sha: await digest(bytes) };
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

