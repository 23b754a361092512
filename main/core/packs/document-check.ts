/**
 * A fast first check of one document record (`documents/<id>.json`), as annotation-check.ts is for
 * annotations: a pack of 10,000 documents spent about 0.2–0.45 s of verify's CPU in zod's copying
 * parse of records that were sound.
 *
 * The schema (`DocumentRecord` in shared/pack-format.ts) stays the rule: this check accepts only what
 * the schema accepts, and `verify-records.ts` asks the schema whenever this says no, so a record that
 * fails gets zod's messages. Where the two could part it is the stricter side: it wants exactly the
 * schema's keys (an unknown key, or a missing nullable one that the schema would default to null,
 * goes to the schema, whose output drops or fills it), UUIDs of versions 1–8 only, safe integers.
 * So what it returns, the parsed object itself, has the same fields and values as the schema's output.
 * tests/unit/packs/document-check.test.ts mutates every field of the sample corpus's records.
 */
import type { DocumentRecord } from '../../../shared/pack-format.ts';

/** zod's `uuid()` without the nil and max UUIDs (those go to the schema). */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const PUBLISHED = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const DOCUMENT_KEYS = ['id', 'sha256', 'title', 'outlet', 'author', 'url', 'published', 'language', 'direction', 'wordCount', 'created', 'creator', 'tags', 'imports'];
const IMPORT_KEYS = ['id', 'fileName', 'importedAt', 'analyst', 'encoding', 'byteLength', 'duplicate', 'original'];

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const uuid = (v: unknown) => typeof v === 'string' && UUID.test(v);
const str = (v: unknown) => typeof v === 'string';
const nullable = (v: unknown, check: (x: unknown) => boolean) => v === null || check(v);
const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const bool = (v: unknown) => typeof v === 'boolean';

/** Exactly these own keys, no more, no fewer. */
function exactKeys(o: Obj, keys: readonly string[]): boolean {
  let n = 0;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) return false;
    n++;
  }
  if (n !== keys.length) return false;
  for (const k of keys) if (!Object.hasOwn(o, k)) return false;
  return true;
}

function importRecord(v: unknown): boolean {
  return (
    isObject(v) && exactKeys(v, IMPORT_KEYS) && uuid(v.id) && str(v.fileName) && typeof v.importedAt === 'string' && TIMESTAMP.test(v.importedAt) &&
    nullable(v.analyst, uuid) && str(v.encoding) && count(v.byteLength) && bool(v.duplicate) && bool(v.original)
  );
}

/** The record, typed, when it certainly passes the schema and reads the same; null when the schema must decide. */
export function quickCheckDocument(v: unknown): DocumentRecord | null {
  if (!isObject(v) || !exactKeys(v, DOCUMENT_KEYS)) return null;
  const ok =
    uuid(v.id) && typeof v.sha256 === 'string' && SHA256.test(v.sha256) && nullable(v.title, str) && nullable(v.outlet, str) &&
    nullable(v.author, str) && nullable(v.url, str) && nullable(v.published, (x) => typeof x === 'string' && PUBLISHED.test(x)) && str(v.language) &&
    (v.direction === 'ltr' || v.direction === 'rtl') && count(v.wordCount) && typeof v.created === 'string' && TIMESTAMP.test(v.created) &&
    nullable(v.creator, uuid) && Array.isArray(v.tags) && v.tags.every(uuid) && Array.isArray(v.imports) && v.imports.every(importRecord);
  return ok ? (v as unknown as DocumentRecord) : null;
}
