/**
 * The record-level half of verify: every record of a pack whose files are intact, checked against its
 * schema, against the other records it names, and (annotations) against the text of its document.
 * Returns the content, offsets converted to UTF-16 and re-anchored, or null after reporting problems.
 */
import type { z } from 'zod';
import {
  ANNOTATIONS_FILE, AnalystsFile, DocumentRecord, SourcesFile, TagsFile, type Manifest,
} from '../../../shared/pack-format.ts';
import type { PackProblem } from '../../../shared/pack-schemas.ts';
import { sha256Hex } from '../import/normalize.ts';
import { quickCheckDocument } from './document-check.ts';
import { CLAIM_KIND_SET, type PackContent, type PackDocument } from './pack-model.ts';
import { zodProblems, type VerifySink } from './pack-verify.ts';
import { decodeUtf8, parseSafeJson } from './safe-json.ts';
import { PackError } from './zip-reader.ts';
import { readAnnotations } from './verify-annotations.ts';

const DOC_FILE = /^documents\/([0-9a-f-]{36})\.(txt|json|orig)$/;
const RECORD_FILES = new Set(['analysts.json', 'sources.json', 'tags.json']);

/** Whether a file holds records (read before the annotations, see pack-verify.ts): the documents, sources, tags and analysts. */
export const isRecordFile = (name: string): boolean => name.startsWith('documents/') || RECORD_FILES.has(name);

export function checkRecords(
  files: Map<string, Uint8Array>,
  /** annotations.jsonld, read (inflated and its hash checked) after the records; null if it failed. */
  readAnnotationFile: () => Uint8Array | null,
  manifest: Manifest,
  problems: PackProblem[],
  warnings: PackProblem[],
  stream?: { sink: VerifySink; sha256: string },
): PackContent | null {
  const readJson = <T>(name: string, schema: z.ZodType<T>, quick?: (raw: unknown) => T | null): T | null => {
    const bytes = files.get(name);
    if (!bytes) {
      problems.push({ code: 'MISSING_FILE', message: `The pack has no ${name}.`, file: name });
      return null;
    }
    try {
      const raw = parseSafeJson(decodeUtf8(bytes, name), name);
      // A fast check may say yes (document-check.ts); the schema decides, with its messages, otherwise.
      const fast = quick?.(raw);
      if (fast) return fast;
      const parsed = schema.safeParse(raw);
      if (parsed.success) return parsed.data;
      problems.push(...zodProblems(parsed.error, name, recordOf(parsed.error)));
    } catch (error) {
      if (!(error instanceof PackError)) throw error;
      problems.push({ code: error.code, message: error.message, file: name });
    }
    return null;
  };

  const analysts = readJson('analysts.json', AnalystsFile);
  const sources = readJson('sources.json', SourcesFile);
  const tags = readJson('tags.json', TagsFile);

  const documents: PackDocument[] = [];
  for (const name of [...files.keys()].filter((n) => n.endsWith('.json') && n.startsWith('documents/'))) {
    const m = DOC_FILE.exec(name);
    if (!m) {
      problems.push({ code: 'UNEXPECTED_FILE', message: `${name} is not a document file name (documents/<uuid>.json).`, file: name });
      continue;
    }
    const record = readJson(name, DocumentRecord, quickCheckDocument);
    if (!record) continue;
    if (record.id !== m[1]) {
      problems.push({ code: 'SCHEMA', message: `${name}: its id ${record.id} does not match its file name.`, file: name, field: 'id' });
      continue;
    }
    const textName = `documents/${record.id}.txt`;
    const bytes = files.get(textName);
    if (!bytes) {
      problems.push({ code: 'MISSING_FILE', message: `${textName} (the text of ${name}) is missing.`, file: textName });
      continue;
    }
    let text: string;
    try {
      text = decodeUtf8(bytes, textName);
    } catch (error) {
      problems.push({ code: 'BAD_ENCODING', message: (error as Error).message, file: textName });
      continue;
    }
    if (text.length === 0 || sha256Hex(text) !== record.sha256 || text !== text.normalize('NFC') || text.includes('\r')) {
      problems.push({ code: 'TEXT_MISMATCH', message: `${textName} is not the text its record describes (SHA-256, NFC, \\n line ends).`, file: textName, record: record.id, field: 'sha256' });
      continue;
    }
    const originalName = `documents/${record.id}.orig`;
    const original = files.get(originalName) ?? null;
    if ((original !== null) !== record.imports.some((i) => i.original)) {
      problems.push({ code: 'SCHEMA', message: `${name}: ${original ? 'an .orig file is present but no import claims it' : 'an import claims original bytes but the .orig file is missing'}.`, file: name, record: record.id, field: 'imports' });
      continue;
    }
    documents.push({ record, text, original });
  }
  for (const name of files.keys()) {
    const m = DOC_FILE.exec(name);
    if (name.startsWith('documents/') && (!m || !files.has(`documents/${m[1]}.json`))) {
      problems.push({ code: 'UNEXPECTED_FILE', message: `${name} belongs to no document record.`, file: name });
    }
  }

  if (stream && analysts && sources && tags && problems.length === 0) {
    stream.sink.records({ manifest, sha256: stream.sha256, documents, sources: sources.sources, tags: tags.tags, analysts: analysts.analysts });
  }
  const annotations = readAnnotations(readAnnotationFile, documents, problems, warnings, stream && analysts && sources && tags ? stream.sink : undefined);
  if (!analysts || !sources || !tags || !annotations || problems.length > 0) return null;
  const content: PackContent = { documents, annotations, sources: sources.sources, tags: tags.tags, analysts: analysts.analysts };
  checkReferences(content, problems);
  return problems.length > 0 ? null : content;
}

function recordOf(error: z.ZodError): string | undefined {
  const path = error.issues[0]?.path ?? [];
  return path.length >= 2 && typeof path[1] === 'number' ? `${String(path[0])}[${path[1]}]` : undefined;
}

/** Every id a record names must be in the pack. */
function checkReferences(c: PackContent, problems: PackProblem[]): void {
  const sources = new Set(c.sources.map((s) => s.id));
  const tags = new Set(c.tags.map((t) => t.id));
  const docs = new Set(c.documents.map((d) => d.record.id));
  const spans = new Map(c.annotations.map((a) => [a.id, a]));
  const missing = (file: string, record: string, field: string, what: string, id: string) =>
    problems.push({ code: 'DANGLING_REFERENCE', message: `${file} (${record}): ${field} names ${what} ${id}, which is not in the pack.`, file, record, field });
  for (const t of c.tags) if (t.parentId && !tags.has(t.parentId)) missing('tags.json', t.id, 'parentId', 'tag', t.parentId);
  for (const s of c.sources) if (s.scopeDocumentId && !docs.has(s.scopeDocumentId)) missing('sources.json', s.id, 'scopeDocumentId', 'document', s.scopeDocumentId);
  for (const d of c.documents) for (const t of d.record.tags) if (!tags.has(t)) missing(`documents/${d.record.id}.json`, d.record.id, 'tags', 'tag', t);
  const F = ANNOTATIONS_FILE;
  const once = new Set<string>();
  const unique = (file: string, record: string, what: string, id: string) => {
    if (once.has(id)) problems.push({ code: 'DUPLICATE_ID', message: `${file} (${record}): the ${what} id ${id} is used twice in the pack.`, file, record });
    once.add(id);
  };
  for (const s of c.sources) unique('sources.json', s.id, 'source', s.id);
  for (const t of c.tags) unique('tags.json', t.id, 'tag', t.id);
  for (const a of c.annotations) {
    const rec = `urn:uuid:${a.id}`;
    for (const at of a.attributions) unique(F, rec, 'attribution', at.id);
    for (const l of a.links) unique(F, rec, 'link', l.id);
    if (a.sourceId && !sources.has(a.sourceId)) missing(F, rec, 'mention', 'source', a.sourceId);
    for (const t of a.tagIds) if (!tags.has(t)) missing(F, rec, 'tag', 'tag', t);
    if ((a.claim !== null) !== CLAIM_KIND_SET.has(a.kind)) problems.push({ code: 'SCHEMA', message: `${F} (${rec}): only claims, denials and disputes carry claim detail.`, file: F, record: rec });
    for (const at of a.attributions) {
      if (!a.claim) problems.push({ code: 'SCHEMA', message: `${F} (${rec}): a ${a.kind} span cannot have attributions.`, file: F, record: rec, field: 'body' });
      if (!sources.has(at.sourceId)) missing(F, rec, 'attribution.source', 'source', at.sourceId);
      for (const v of at.via) if (!sources.has(v)) missing(F, rec, 'attribution.relays', 'source', v);
      for (const [field, id] of [['attribution.cue', at.cueSpanId], ['attribution.channelSpan', at.channelSpanId]] as const) {
        if (id && spans.get(id)?.documentId !== a.documentId) missing(F, rec, field, 'a span of the same document', id);
      }
    }
    for (const l of a.links) {
      if (!a.claim || !spans.get(l.toClaimId)?.claim) missing(F, rec, 'link.source', 'claim', l.toClaimId);
      if (l.toClaimId === a.id) problems.push({ code: 'SCHEMA', message: `${F} (${rec}): a claim cannot be linked to itself.`, file: F, record: rec, field: 'link' });
    }
  }
}
