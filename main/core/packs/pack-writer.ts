/**
 * Turning a pack's content into the `.claimpack` bytes: every file built, hashed into the manifest,
 * the manifest optionally signed, and all of it zipped in a fixed order (manifest first, then the
 * signature, then the files by name). Two exports of the same content differ only in the manifest's
 * `created` time: the pack's id is named by the files' hashes, not drawn at random.
 *
 * Long exports yield to the event loop between documents, so progress can be reported and a cancel
 * heard; a cancelled export returns nothing and writes nothing.
 */
import crypto from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import {
  MANIFEST_FILE, PACK_CONTEXT_FILE, PACK_FORMAT, PACK_VERSION_STRING, SIGNATURE_FILE, SIGNER_FILE, type Manifest,
} from '../../../shared/pack-format.ts';
import type { Redaction } from '../../../shared/pack-schemas.ts';
import { CancelledError } from '../errors.ts';
import { yieldToLoop } from '../runtime.ts';
import type { PackSelection } from './gather.ts';
import { PACK_CONTEXT, annotationsJsonld, attributionsCsv, claimsCsv, json, nameUuid } from './pack-files.ts';
import type { PackContent } from './pack-model.ts';
import { reportHtml } from './report-html.ts';
import { publicPem, sign } from './signing.ts';
import { ZipWriter } from './zip-writer.ts';

export interface WriteOptions {
  selection: PackSelection;
  redact: Redaction;
  creator: { id: string; name: string } | null;
  appVersion: string;
  signingKey?: KeyObject | null;
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (p: { phase: 'reading' | 'writing'; done: number; total: number; current?: string }) => void;
  /** Yield to the event loop after this many milliseconds of work (default 50). */
  sliceMs?: number;
}

export interface WrittenPack {
  bytes: Uint8Array;
  manifest: Manifest;
  manifestBytes: Uint8Array;
  sha256: string;
  /** Size of annotations.jsonld, and the seconds zlib spent deflating it (the benchmark's figure). */
  annotationBytes: number;
  annotationDeflateSeconds: number;
}

const enc = new TextEncoder();
const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

export async function writePack(content: PackContent, o: WriteOptions): Promise<WrittenPack> {
  const files = new Map<string, Uint8Array>();
  const put = (name: string, data: Uint8Array | string) => files.set(name, typeof data === 'string' ? enc.encode(data) : data);
  const total = content.documents.length + 3;
  const sliceMs = o.sliceMs ?? 50;
  let sliceStart = Date.now();
  const breathe = async (done: number, current?: string) => {
    if (o.signal?.aborted) throw new CancelledError('Export cancelled; no pack was written.');
    if (Date.now() - sliceStart < sliceMs) return;
    o.onProgress?.({ phase: 'writing', done, total, ...(current ? { current } : {}) });
    await yieldToLoop();
    sliceStart = Date.now();
    if (o.signal?.aborted) throw new CancelledError('Export cancelled; no pack was written.');
  };

  const reliability = new Map(content.sources.map((s) => [s.id, s.reliability]));
  put(PACK_CONTEXT_FILE, json(PACK_CONTEXT));
  put('analysts.json', json({ analysts: content.analysts }));
  let done = 0;
  for (const d of content.documents) {
    const id = d.record.id;
    put(`documents/${id}.txt`, d.text);
    put(`documents/${id}.json`, json(d.record));
    if (d.original) put(`documents/${id}.orig`, d.original);
    await breathe(++done, d.record.title ?? id);
  }
  put('sources.json', json({ sources: content.sources }));
  put('tags.json', json({ tags: content.tags }));
  const annotations = enc.encode(annotationsJsonld(content, reliability));
  put('annotations.jsonld', annotations);
  await breathe(++done, 'annotations.jsonld');
  put('claims.csv', claimsCsv(content, reliability));
  put('attributions.csv', attributionsCsv(content, reliability));
  put('report.html', reportHtml(content, reliability));
  await breathe(++done, 'report.html');

  const names = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const listed: Manifest['files'] = {};
  for (const name of names) {
    const data = files.get(name)!;
    listed[name] = { sha256: sha256(data), bytes: data.byteLength };
  }
  const redacted = { notes: o.redact.notes, annotators: o.redact.annotators, documents: o.redact.documents.length };
  const selection = {
    ...(o.selection.documentIds ? { documentIds: [...o.selection.documentIds].sort() } : {}),
    ...(o.selection.tags?.length ? { tags: [...o.selection.tags].sort() } : {}),
    ...(o.selection.from ? { from: o.selection.from } : {}),
    ...(o.selection.to ? { to: o.selection.to } : {}),
  };
  const claims = content.annotations.filter((a) => a.claim);
  const manifest: Manifest = {
    format: PACK_FORMAT,
    version: PACK_VERSION_STRING,
    id: nameUuid('pack', JSON.stringify(listed), JSON.stringify(selection), JSON.stringify(redacted)),
    application: { name: 'Claimdesk', version: o.appVersion },
    created: (o.now ?? new Date()).toISOString(),
    creator: o.redact.annotators ? null : o.creator,
    counts: {
      documents: content.documents.length,
      annotations: content.annotations.length,
      claims: claims.length,
      attributions: claims.reduce((n, a) => n + a.attributions.length, 0),
      links: claims.reduce((n, a) => n + a.links.length, 0),
      sources: content.sources.length,
      tags: content.tags.length,
    },
    selection,
    redacted,
    files: listed,
  };
  const manifestBytes = enc.encode(json(manifest));

  const zip = new ZipWriter(1);
  zip.add(MANIFEST_FILE, manifestBytes);
  if (o.signingKey) {
    zip.add(SIGNATURE_FILE, enc.encode(`${sign(o.signingKey, manifestBytes)}\n`));
    zip.add(SIGNER_FILE, enc.encode(publicPem(o.signingKey)));
  }
  let annotationDeflateSeconds = 0;
  for (const name of names) {
    const before = zip.deflateSeconds;
    zip.add(name, files.get(name)!);
    if (name === 'annotations.jsonld') annotationDeflateSeconds = zip.deflateSeconds - before;
  }
  const bytes = zip.finish();
  return { bytes, manifest, manifestBytes, sha256: sha256(bytes), annotationBytes: annotations.byteLength, annotationDeflateSeconds };
}
