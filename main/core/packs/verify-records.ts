/**
 * The record-level half of verify: every record of a pack whose files are intact, checked against its
 * schema, against the other records it names, and (annotations) against the text of its document.
 * Returns the content, offsets converted to UTF-16 and re-anchored, or null after reporting problems.
 */
import type { z } from 'zod';
import {
  AnalystsFile, DocumentRecord, SourcesFile, TagsFile, type Manifest,
} from '../../../shared/pack-format.ts';
import type { PackProblem } from '../../../shared/pack-schemas.ts';
import { sha256Hex } from '../import/normalize.ts';
import { quickCheckDocument } from './document-check.ts';
import type { PackAnnotation, PackContent, PackDocument } from './pack-model.ts';
import { zodProblems, type VerifySink } from './pack-verify.ts';
import { decodeUtf8, parseSafeJson } from './safe-json.ts';
import { PackError } from './zip-reader.ts';
import { readAnnotations } from './verify-annotations.ts';
import { References } from './verify-references.ts';

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
  o: { keep: boolean } = { keep: true },
): { content: PackContent | null; annotations: number } {
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

  const records = analysts && sources && tags ? { documents, sources: sources.sources, tags: tags.tags, analysts: analysts.analysts } : null;
  // The records' references first, so that records handed to a merge have passed them too.
  const refs = records && problems.length === 0 ? new References(records, problems) : null;
  if (stream && records && problems.length === 0) stream.sink.records({ manifest, sha256: stream.sha256, ...records });
  const keep: PackAnnotation[] | null = o.keep ? [] : null;
  const count = readAnnotations(readAnnotationFile, documents, problems, warnings, { sink: stream && records ? stream.sink : undefined, refs, keep });
  if (!records || !refs || count === null || problems.length > 0) return { content: null, annotations: count ?? 0 };
  refs.finish(problems);
  if (problems.length > 0) return { content: null, annotations: count };
  stream?.sink.annotationsEnd?.();
  return { content: { ...records, annotations: keep ?? [] }, annotations: count };
}

function recordOf(error: z.ZodError): string | undefined {
  const path = error.issues[0]?.path ?? [];
  return path.length >= 2 && typeof path[1] === 'number' ? `${String(path[0])}[${path[1]}]` : undefined;
}
