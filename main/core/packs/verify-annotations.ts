/**
 * Verify's reading of `annotations.jsonld`: each annotation checked against its schema (a fast check
 * first, annotation-check.ts, the zod schema whenever that says no), converted to UTF-16 offsets and
 * re-anchored against its document's text with the shared anchoring functions; one that cannot be
 * found is an orphan, a failure that names it.
 *
 * The file is read one annotation per line when it is laid out as Claimdesk writes it (pack-files.ts:
 * the collection on the first line, then one annotation per line), so that the first annotations
 * reach a merge after a moment rather than after a parse of the whole file (about 1 s and 1.5 s of
 * collection for 100,000 annotations; CPU time is about the same either way). The layout is an
 * optimisation, never a requirement: see `byLines`.
 */
import crypto from 'node:crypto';
import { anchor, makeOffsetConverter } from '../../../shared/anchoring/index.ts';
import { ANNOTATIONS_FILE, AnnotationCollectionSchema, CheckedWebAnnotation, KNOWN_BODIES } from '../../../shared/pack-format.ts';
import type { PackProblem } from '../../../shared/pack-schemas.ts';
import { quickCheckAnnotation } from './annotation-check.ts';
import type { PackAnnotation, PackDocument } from './pack-model.ts';
import { zodProblems, type VerifySink } from './pack-verify.ts';
import type { References } from './verify-references.ts';
import { decodeUtf8, parseSafeJson } from './safe-json.ts';
import { PackError } from './zip-reader.ts';
import { fromWebAnnotation } from './w3c.ts';

const FILE = ANNOTATIONS_FILE;

interface Outcome {
  /** How many passed their own checks, or null when the file could not be read as a collection. */
  count: number | null;
  problems: PackProblem[];
  warnings: PackProblem[];
}

/** What a reading hands its annotations to, as each passes its own checks. */
export interface AnnotationReaders {
  /** A merge's, in batches; told nothing after the first problem. */
  sink?: VerifySink;
  /** The checks across records (verify-references.ts), one annotation at a time. */
  refs: References | null;
  /** Where to keep every annotation, for a caller that wants them all (`verifyPack`'s content); null keeps none. */
  keep: PackAnnotation[] | null;
}

/** Annotations handed to a sink at a time: small enough to start a merge early, large enough to cost little to send. */
const BATCH = 2048;

export function readAnnotations(
  readFile: () => Uint8Array | null,
  documents: PackDocument[],
  problems: PackProblem[],
  warnings: PackProblem[],
  to: AnnotationReaders,
): number | null {
  const before = problems.length;
  const bytes = readFile();
  if (!bytes) {
    // A damaged or missing file has been reported by the reader already.
    if (problems.length === before) problems.push({ code: 'MISSING_FILE', message: `The pack has no ${FILE}.`, file: FILE });
    return null;
  }
  let outcome: Outcome;
  try {
    // Only while nothing is wrong: a sink is told nothing after the first problem.
    const { sink } = to;
    const emit = sink && problems.length === 0 ? (batch: PackAnnotation[]) => sink.annotations(batch) : undefined;
    outcome = checkAll(decodeUtf8(bytes, FILE), documents, { ...to, emit });
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    problems.push({ code: error.code, message: error.message, file: FILE });
    return null;
  }
  problems.push(...outcome.problems);
  warnings.push(...outcome.warnings);
  return outcome.count;
}

/**
 * The file as Claimdesk lays it out: its first line the collection up to the opening of
 * `first.items`, then one annotation per line, each but the last followed by a comma, then a line
 * that closes the page and the collection. Returns null for any other layout (a pretty-printed
 * file, one line, no annotations), which is then parsed whole.
 *
 * Reading it so gives the same values as parsing it whole: a JSON string cannot hold a raw line
 * break, so every line break in valid JSON lies between tokens; a line that parses on its own
 * (without its comma) is exactly one value of the array. That the lines fill `first.items`, and no
 * other array, is checked by parsing the first and last lines around one random value and finding
 * that value alone in `first.items` (`envelope`). A line that does not parse on its own sends the
 * reader to a whole parse, which decides whether the file is JSON, and carries on from that item.
 */
function byLines(text: string): { header: string; lines: string[]; tail: string } | null {
  const firstBreak = text.indexOf('\n');
  const end = text.trimEnd().length;
  const tailStart = text.lastIndexOf('\n', end - 1) + 1;
  if (firstBreak < 0 || tailStart <= firstBreak + 1 || text[tailStart] !== ']') return null;
  const header = text.slice(0, firstBreak);
  if (!header.endsWith('[')) return null;
  const body = text.slice(firstBreak + 1, tailStart - 1);
  if (body.trim() === '') return null;
  const lines = body.split('\n');
  const last = lines.length - 1;
  for (let i = 0; i < last; i++) if (!lines[i]!.endsWith(',')) return null;
  if (lines[last]!.endsWith(',')) return null;
  return { header, lines, tail: text.slice(tailStart) };
}

/** The collection without its items, or null if the lines do not fill `first.items` (see byLines). */
function envelope(header: string, tail: string): unknown {
  const mark = `claimdesk-${crypto.randomUUID()}`;
  let raw: unknown;
  try {
    raw = parseSafeJson(`${header}\n${JSON.stringify(mark)}\n${tail}`, FILE);
  } catch {
    return null;
  }
  const items = (raw as { first?: { items?: unknown } } | null)?.first?.items;
  if (!Array.isArray(items) || items.length !== 1 || items[0] !== mark) return null;
  items.length = 0;
  return raw;
}

/** The items of a collection parsed whole; the schema's problems if it is not one. */
function wholeItems(text: string): { raw: unknown; items: unknown[] } {
  const raw = parseSafeJson(text, FILE);
  const items = (raw as { first?: { items?: unknown } } | null)?.first?.items;
  return { raw, items: Array.isArray(items) ? items : [] };
}

function checkAll(
  file: string,
  documents: PackDocument[],
  to: { emit?: (batch: PackAnnotation[]) => void; refs: References | null; keep: PackAnnotation[] | null },
): Outcome {
  const { emit, refs, keep } = to;
  const problems: PackProblem[] = [];
  const warnings: PackProblem[] = [];
  const split = byLines(file);
  const head = split && envelope(split.header, split.tail);
  // Whole: the items of a full parse; by lines: none yet (a line that will not parse alone fills them).
  let whole = head ? null : wholeItems(file);
  const collection = AnnotationCollectionSchema.safeParse(head ?? whole!.raw);
  if (!collection.success) return { count: null, problems: zodProblems(collection.error, FILE), warnings };
  const texts = new Map(documents.map((d) => [d.record.id, d.text]));
  const converters = new Map<string, ReturnType<typeof makeOffsetConverter>>();
  const seen = new Set<string>();
  // The batch being gathered for the sink; annotations are not kept past it unless `keep` asks.
  let batch: PackAnnotation[] = [];
  let passed = 0;
  const flush = () => {
    if (emit && problems.length === 0 && batch.length > 0) emit(batch);
    batch = [];
  };
  const lines = whole ? null : split!.lines;
  const count = (): number => (whole ? whole.items.length : lines!.length);
  for (let i = 0; i < count(); i++) {
    let item: unknown;
    if (whole) item = whole.items[i];
    else {
      const line = lines![i]!;
      try {
        item = parseSafeJson(i < lines!.length - 1 ? line.slice(0, -1) : line, FILE);
      } catch {
        // Not one value on its own line: the whole parse decides (and names what is wrong, where).
        whole = wholeItems(file);
        const again = AnnotationCollectionSchema.safeParse(whole.raw);
        if (!again.success) return { count: null, problems: zodProblems(again.error, FILE), warnings };
        if (i >= whole.items.length) break;
        item = whole.items[i];
      }
    }
    const record = typeof (item as { id?: unknown })?.id === 'string' ? (item as { id: string }).id : `items[${i}]`;
    // The fast check first (annotation-check.ts); the schema decides, with its messages, when it says no.
    let checked = quickCheckAnnotation(item);
    if (!checked) {
      const { value, unknownRoles } = withoutUnknownBodies(item);
      const parsed = CheckedWebAnnotation.safeParse(value);
      if (!parsed.success) {
        problems.push(...zodProblems(parsed.error, FILE, record));
        continue;
      }
      checked = { value: parsed.data, unknownRoles };
    }
    const { value: w, unknownRoles } = checked;
    const documentId = w.target.source.slice('urn:uuid:'.length);
    const text = texts.get(documentId);
    if (text === undefined) {
      problems.push({ code: 'UNKNOWN_DOCUMENT', message: `Annotation ${w.id} targets ${w.target.source}, which is not in the pack.`, file: FILE, record: w.id, field: 'target.source' });
      continue;
    }
    let converter = converters.get(documentId);
    if (!converter) converters.set(documentId, (converter = makeOffsetConverter(text)));
    const result = fromWebAnnotation(w, converter);
    if (!result.ok) {
      problems.push({ code: 'SCHEMA', message: `Annotation ${w.id}: ${result.field}: ${result.message}`, file: FILE, record: w.id, field: result.field });
      continue;
    }
    for (const role of unknownRoles) warnings.push({ code: 'UNKNOWN_BODY', message: `Annotation ${w.id} has a body of role "${role}", which this version ignores.`, file: FILE, record: w.id });
    const a = result.annotation;
    if (seen.has(a.id)) {
      problems.push({ code: 'DUPLICATE_ID', message: `Annotation ${w.id} appears twice.`, file: FILE, record: w.id });
      continue;
    }
    seen.add(a.id);
    const found = anchor(text, { start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix });
    if (found.state === 'orphaned') {
      if (!a.orphaned) {
        problems.push({ code: 'ORPHANED_ANNOTATION', message: `Annotation ${w.id} (“${a.exact.slice(0, 60)}”) cannot be found in its document: ${found.reason}`, file: FILE, record: w.id, field: 'target.selector' });
        continue;
      }
    } else {
      if (found.moved && !a.orphaned) {
        warnings.push({ code: 'ANCHOR_MOVED', message: `Annotation ${w.id} was not at its stated position; it was found at ${found.start}–${found.end} instead.`, file: FILE, record: w.id });
      }
      if (!a.orphaned) {
        a.start = found.start;
        a.end = found.end;
        a.exact = text.slice(found.start, found.end);
      }
    }
    passed++;
    refs?.annotation(a);
    keep?.push(a);
    if (emit) {
      batch.push(a);
      if (batch.length === BATCH) flush();
    }
  }
  flush();
  if (collection.data.total !== count()) {
    problems.push({ code: 'SCHEMA', message: `${FILE}: total says ${collection.data.total} but the page holds ${count()}.`, file: FILE, field: 'total' });
  }
  return { count: passed, problems, warnings };
}

/** A newer minor version may add body roles: they are set aside (and named), not refused. */
function withoutUnknownBodies(item: unknown): { value: unknown; unknownRoles: string[] } {
  const body = (item as { body?: unknown })?.body;
  if (!Array.isArray(body)) return { value: item, unknownRoles: [] };
  const unknownRoles: string[] = [];
  const known = body.filter((b: unknown) => {
    const role = (b as { role?: unknown })?.role;
    if (typeof role === 'string' && !Object.hasOwn(KNOWN_BODIES, role)) {
      unknownRoles.push(role);
      return false;
    }
    return true;
  });
  return { value: unknownRoles.length ? { ...(item as object), body: known } : item, unknownRoles };
}