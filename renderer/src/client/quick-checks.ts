/**
 * Quicker checks of the largest answers, ahead of the contract's zod schemas (client.ts).
 *
 * `annotations:get` brings up to 10,000 spans, and zod took 12-19 ms to check them in Chromium:
 * time the analyst waits, after the answer arrived, before the text is highlighted. A span is a
 * flat record of twelve fields, so it is checked here by hand, field by field. The check is
 * strictly narrower than the schema: it says yes only to what zod accepts and would hand back
 * unchanged (the exact set of fields, so nothing is stripped; ids in the usual UUID form; safe
 * integers). Anything else answers `undefined`, and zod then checks the whole answer, decides, and
 * explains what is wrong. The other parts of the answer (claims, sources, links, tags) are always
 * checked by zod.
 */
import { DocumentAnnotations, SPAN_KINDS, SpanData, type Span } from '../../../shared/annotation-schemas.ts';
import type { ChannelName } from '../../../shared/contract.ts';

/** An RFC 9562 UUID of version 1-8: a subset of what the contract's `z.string().uuid()` accepts. */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const KINDS: ReadonlySet<string> = new Set(SPAN_KINDS);
const SPAN_FIELDS = 12;
const WithoutSpans = DocumentAnnotations.omit({ spans: true });

const isId = (v: unknown): boolean => typeof v === 'string' && UUID.test(v);
const isInt = (v: unknown): boolean => Number.isSafeInteger(v);

/** Whether `v` is a Span exactly as the contract has it (and nothing more); `documentId` is known good. */
export function isPlainSpan(v: unknown, documentId: string): v is Span {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const s = v as Record<string, unknown>;
  if (Object.keys(s).length !== SPAN_FIELDS) return false;
  if (!isId(s.id) || (s.documentId !== documentId && !isId(s.documentId))) return false;
  if (!isInt(s.revision) || !isInt(s.start) || !isInt(s.end)) return false;
  if (typeof s.kind !== 'string' || !KINDS.has(s.kind)) return false;
  if (typeof s.exact !== 'string') return false;
  if (typeof s.orphaned !== 'boolean') return false;
  if (s.sourceId !== null && !isId(s.sourceId)) return false;
  if (s.note !== null && typeof s.note !== 'string') return false;
  // Rare (quantities, entities), strict, no transforms: zod's answer equals the value itself.
  if (s.data !== null && (s.data === undefined || !SpanData.safeParse(s.data).success)) return false;
  if (!Array.isArray(s.tagIds)) return false;
  for (const t of s.tagIds) if (!isId(t)) return false;
  return true;
}

/** The answer of `annotations:get` if the quick check accepts it, else undefined (zod decides). */
function quickAnnotations(value: unknown): DocumentAnnotations | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { spans, ...rest } = value as Record<string, unknown>;
  if (!Array.isArray(spans) || !isId(rest.documentId)) return undefined;
  const documentId = rest.documentId as string;
  for (const s of spans) if (!isPlainSpan(s, documentId)) return undefined;
  const others = WithoutSpans.safeParse(rest);
  if (!others.success) return undefined;
  return { ...others.data, spans: spans as Span[] };
}

const QUICK: Partial<Record<ChannelName, (value: unknown) => unknown>> = {
  'annotations:get': quickAnnotations,
};

/** The answer, checked quickly, when this channel has a quick check and it says yes; else undefined. */
export function quickCheck(channel: ChannelName, value: unknown): unknown {
  return QUICK[channel]?.(value);
}
