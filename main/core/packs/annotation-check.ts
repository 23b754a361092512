/**
 * A fast first check of one Web Annotation from a pack, for verify's 100,000-annotation case.
 *
 * The schema (`CheckedWebAnnotation` in shared/pack-format.ts) stays the rule: this check is written
 * to accept only what the schema accepts, and `verify-records.ts` asks the schema whenever this check
 * says no, so a pack that fails gets zod's precise messages and a pack that passes costs a few plain
 * comparisons per field instead of zod's copying parse (measured: 2.5 s of CPU and much of verify's
 * garbage collection on 100,000 annotations). Where the two could part (optional keys, tuples,
 * integers), this side is the stricter one. tests/unit/packs/annotation-check.test.ts mutates every
 * field of real annotations and checks that nothing this accepts is refused by the schema, and that
 * what it returns reads the same.
 *
 * What it returns is the item itself (unknown keys are left on it; the readers ignore them), with its
 * bodies of unknown roles set aside and named, as `withoutUnknownBodies` does before the schema.
 */
import {
  ANNO_CONTEXT, KNOWN_BODIES, PACK_CONTEXT_FILE, type CheckedWebAnnotation,
} from '../../../shared/pack-format.ts';
import { CLAIM_STATUSES, RELATIONS, SPAN_KINDS, SpanData } from '../../../shared/annotation-schemas.ts';

const URN = /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const KINDS: ReadonlySet<unknown> = new Set(SPAN_KINDS);
const STATUSES: ReadonlySet<unknown> = new Set(CLAIM_STATUSES);
const LINK_RELATIONS: ReadonlySet<unknown> = new Set(RELATIONS);
const SPEECH: ReadonlySet<unknown> = new Set(['direct', 'indirect']);

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const urn = (v: unknown) => typeof v === 'string' && URN.test(v);
const time = (v: unknown) => typeof v === 'string' && TIMESTAMP.test(v);
const revision = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);
const str = (v: unknown) => typeof v === 'string';
const bool = (v: unknown) => typeof v === 'boolean';

export interface QuickChecked {
  value: CheckedWebAnnotation;
  unknownRoles: string[];
}

/** The annotation, typed, when it certainly passes the schema; null when the schema must decide. */
export function quickCheckAnnotation(item: unknown): QuickChecked | null {
  if (!isObject(item)) return null;
  const context = item['@context'];
  if (!Array.isArray(context) || context.length !== 2 || context[0] !== ANNO_CONTEXT || context[1] !== PACK_CONTEXT_FILE) return null;
  if (!urn(item.id) || item.type !== 'Annotation' || !str(item.motivation) || !time(item.created) || !time(item.modified)) return null;
  if (!revision(item.revision) || !optional(item.creator, agent) || !target(item.target)) return null;
  const body = item.body;
  if (!Array.isArray(body)) return null;
  const unknownRoles: string[] = [];
  let known = 0;
  for (const b of body) {
    if (!isObject(b) || typeof b.role !== 'string') return null;
    if (!Object.hasOwn(KNOWN_BODIES, b.role)) {
      unknownRoles.push(b.role);
      continue;
    }
    if (!knownBody(b)) return null;
    known++;
  }
  if (known === 0) return null;
  const value = (unknownRoles.length ? { ...item, body: body.filter((b: Obj) => Object.hasOwn(KNOWN_BODIES, b.role as string)) } : item) as unknown as CheckedWebAnnotation;
  return { value, unknownRoles };
}

function agent(v: unknown): boolean {
  return isObject(v) && urn(v.id) && v.type === 'Person' && optional(v.name, str);
}

function target(v: unknown): boolean {
  if (!isObject(v) || v.type !== 'SpecificResource' || !urn(v.source)) return false;
  const s = v.selector;
  if (!Array.isArray(s) || (s.length !== 1 && s.length !== 2)) return false;
  const q: unknown = s[0];
  if (!isObject(q) || q.type !== 'TextQuoteSelector' || typeof q.exact !== 'string' || q.exact.length < 1 || !str(q.prefix) || !str(q.suffix)) return false;
  if (s.length === 1) return true;
  const p: unknown = s[1];
  return isObject(p) && p.type === 'TextPositionSelector' && count(p.start) && count(p.end);
}

function knownBody(b: Obj): boolean {
  switch (b.role) {
    case 'kind':
      return kindBody(b);
    case 'tag':
      return b.type === 'TextualBody' && b.purpose === 'tagging' && str(b.value) && urn(b.tag);
    case 'note':
      return b.type === 'TextualBody' && b.purpose === 'commenting' && str(b.value);
    case 'mention':
      return b.type === 'SpecificResource' && b.purpose === 'identifying' && urn(b.source);
    case 'attribution':
      return attributionBody(b);
    case 'link':
      return (
        urn(b.id) && b.type === 'SpecificResource' && b.purpose === 'linking' && urn(b.source) && LINK_RELATIONS.has(b.relation) &&
        optional(b.note, str) && subBookkeeping(b)
      );
    default:
      return false;
  }
}

function kindBody(b: Obj): boolean {
  if (b.type !== 'TextualBody' || b.purpose !== 'classifying' || !KINDS.has(b.value) || !optional(b.orphaned, bool)) return false;
  if (!optional(b.claimStatus, (x) => STATUSES.has(x))) return false;
  if (!optional(b.statusOverride, (x) => isObject(x) && STATUSES.has(x.status) && (x.reason === null || str(x.reason)))) return false;
  if (b.spanData === undefined) return true;
  // Span detail is small and rare enough for the schema itself (strict: unknown keys are refused);
  // its output replaces the input, as the schema's parse would.
  const data = SpanData.safeParse(b.spanData);
  if (!data.success) return false;
  b.spanData = data.data;
  return true;
}

function attributionBody(b: Obj): boolean {
  return (
    urn(b.id) && b.type === 'SpecificResource' && b.purpose === 'identifying' && urn(b.source) && optional(b.cue, urn) &&
    optional(b.channel, str) && optional(b.channelSpan, urn) && SPEECH.has(b.speech) && bool(b.anonymous) &&
    optional(b.anonymityReason, str) && Array.isArray(b.relays) && b.relays.every(urn) &&
    optional(b.credibility, (x) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 1 && x <= 6) &&
    optional(b.rationale, str) && optional(b.rating, str) && subBookkeeping(b)
  );
}

function subBookkeeping(b: Obj): boolean {
  return revision(b.revision) && time(b.created) && time(b.modified) && optional(b.creator, urn);
}
