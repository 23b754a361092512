/**
 * Verify's reading of `annotations.jsonld`: each annotation checked against its schema (a fast check
 * first, annotation-check.ts, the zod schema whenever that says no), converted to UTF-16 offsets and
 * re-anchored against its document's text with the shared anchoring functions; one that cannot be
 * found is an orphan, a failure that names it.
 *
 * Tried and left out: reading the file one annotation per line (so that each parsed annotation could
 * be dropped at once) made no difference to CPU time or collection on 100,000 annotations.
 */
import { anchor, makeOffsetConverter } from '../../../shared/anchoring/index.ts';
import { AnnotationCollectionSchema, CheckedWebAnnotation, KNOWN_BODIES } from '../../../shared/pack-format.ts';
import type { PackProblem } from '../../../shared/pack-schemas.ts';
import { quickCheckAnnotation } from './annotation-check.ts';
import type { PackAnnotation, PackDocument } from './pack-model.ts';
import { zodProblems, type VerifySink } from './pack-verify.ts';
import { decodeUtf8, parseSafeJson } from './safe-json.ts';
import { PackError } from './zip-reader.ts';
import { fromWebAnnotation } from './w3c.ts';

const FILE = 'annotations.jsonld';

interface Outcome {
  annotations: PackAnnotation[] | null;
  problems: PackProblem[];
  warnings: PackProblem[];
}

/** Annotations handed to a sink at a time: small enough to start a merge early, large enough to cost little to send. */
const BATCH = 2048;

export function readAnnotations(
  files: Map<string, Uint8Array>,
  documents: PackDocument[],
  problems: PackProblem[],
  warnings: PackProblem[],
  sink?: VerifySink,
): PackAnnotation[] | null {
  const bytes = files.get(FILE);
  if (!bytes) {
    problems.push({ code: 'MISSING_FILE', message: `The pack has no ${FILE}.`, file: FILE });
    return null;
  }
  let outcome: Outcome;
  try {
    // Only while nothing is wrong: a sink is told nothing after the first problem.
    const emit = sink && problems.length === 0 ? (batch: PackAnnotation[]) => sink.annotations(batch) : undefined;
    outcome = checkAll(parseSafeJson(decodeUtf8(bytes, FILE), FILE), documents, emit);
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    problems.push({ code: error.code, message: error.message, file: FILE });
    return null;
  }
  problems.push(...outcome.problems);
  warnings.push(...outcome.warnings);
  return outcome.annotations;
}

function checkAll(raw: unknown, documents: PackDocument[], emit?: (batch: PackAnnotation[]) => void): Outcome {
  const problems: PackProblem[] = [];
  const warnings: PackProblem[] = [];
  const collection = AnnotationCollectionSchema.safeParse(raw);
  if (!collection.success) return { annotations: null, problems: zodProblems(collection.error, FILE), warnings };
  const items = collection.data.first.items;
  if (collection.data.total !== items.length) {
    problems.push({ code: 'SCHEMA', message: `${FILE}: total says ${collection.data.total} but the page holds ${items.length}.`, file: FILE, field: 'total' });
  }
  const texts = new Map(documents.map((d) => [d.record.id, d.text]));
  const converters = new Map<string, ReturnType<typeof makeOffsetConverter>>();
  const seen = new Set<string>();
  const out: PackAnnotation[] = [];
  let index = -1;
  let sent = 0;
  const flush = () => {
    if (emit && problems.length === 0 && sent < out.length) emit(out.slice(sent));
    sent = out.length;
  };
  for (const item of items) {
    index++;
    const record = typeof (item as { id?: unknown })?.id === 'string' ? (item as { id: string }).id : `items[${index}]`;
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
    out.push(a);
    if (out.length - sent === BATCH) flush();
  }
  flush();
  return { annotations: out, problems, warnings };
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