/**
 * The text files of a pack, each built from the pack's content in a fixed order, so the same content
 * always gives the same bytes: the JSON-LD context of Claimdesk's terms, the Web Annotation
 * collection, the sources, tags and analysts, and the two CSV tables for spreadsheets.
 */
import crypto from 'node:crypto';
import { makeOffsetConverter } from '../../../shared/anchoring/index.ts';
import { admiraltyRating } from '../../../shared/annotation-schemas.ts';
import { ANNO_CONTEXT, CD_NAMESPACE, PACK_CONTEXT_FILE, toUrn } from '../../../shared/pack-format.ts';
import { CSV_BOM, csvRow } from '../csv.ts';
import type { PackContent } from './pack-model.ts';
import { toWebAnnotation } from './w3c.ts';

/** A UUID (version 8, RFC 9562) named by the SHA-256 of `parts`: the same parts, the same id. */
export function nameUuid(...parts: string[]): string {
  const h = crypto.createHash('sha256').update(parts.join('\u0000')).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const term = (id: string, type?: string, container?: string) => ({ '@id': `cd:${id}`, ...(type ? { '@type': type } : {}), ...(container ? { '@container': container } : {}) });

/** Claimdesk's own terms, used beside the W3C context (documented in docs/pack-format.md). */
export const PACK_CONTEXT = {
  '@context': {
    '@version': 1.1,
    cd: CD_NAMESPACE,
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    role: term('role'),
    orphaned: term('orphaned', 'xsd:boolean'),
    spanData: term('spanData', '@json'),
    claimStatus: term('claimStatus'),
    statusOverride: term('statusOverride'),
    status: term('status'),
    reason: term('reason'),
    tag: term('tag', '@id'),
    cue: term('cue', '@id'),
    channel: term('channel'),
    channelSpan: term('channelSpan', '@id'),
    speech: term('speech'),
    anonymous: term('anonymous', 'xsd:boolean'),
    anonymityReason: term('anonymityReason'),
    relays: term('relays', '@id', '@list'),
    credibility: term('credibility', 'xsd:integer'),
    rationale: term('rationale'),
    rating: term('rating'),
    relation: term('relation'),
    note: term('note'),
    revision: term('revision', 'xsd:integer'),
  },
};

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The AnnotationCollection with its one page inline (`first`), written line by line: one annotation
 * per line keeps the file diffable and lets the writer stream without building one huge object.
 */
export function annotationsJsonld(content: PackContent, reliability: ReadonlyMap<string, string | null>): string {
  const texts = new Map(content.documents.map((d) => [d.record.id, d.text]));
  const tagNames = new Map(content.tags.map((t) => [t.id, t.name]));
  const analystNames = new Map(content.analysts.map((a) => [a.id, a.name]));
  const ids = content.annotations.map((a) => a.id);
  const collectionId = nameUuid('collection', ...ids);
  const pageId = nameUuid('page', ...ids);
  const head = JSON.stringify({
    '@context': [ANNO_CONTEXT, PACK_CONTEXT_FILE],
    id: toUrn(collectionId),
    type: 'AnnotationCollection',
    label: 'Claimdesk annotations',
    total: ids.length,
    last: toUrn(pageId),
  });
  // partOf as an object naming the collection: the suite's page assertions read it as one.
  const page = JSON.stringify({ id: toUrn(pageId), type: 'AnnotationPage', partOf: { id: toUrn(collectionId) }, startIndex: 0 });
  const lines: string[] = [];
  let converterFor = '';
  let converter = makeOffsetConverter('');
  for (const a of content.annotations) {
    if (a.documentId !== converterFor) {
      converter = makeOffsetConverter(texts.get(a.documentId) ?? '');
      converterFor = a.documentId;
    }
    lines.push(JSON.stringify(toWebAnnotation(a, { converter, tagNames, analystNames, reliability })));
  }
  return `${head.slice(0, -1)},"first":${page.slice(0, -1)},"items":[\n${lines.join(',\n')}\n]}}\n`;
}

export function claimsCsv(content: PackContent, reliability: ReadonlyMap<string, string | null>): string {
  const titles = new Map(content.documents.map((d) => [d.record.id, d.record.title]));
  const sourceNames = new Map(content.sources.map((s) => [s.id, s.name]));
  const tagNames = new Map(content.tags.map((t) => [t.id, t.name]));
  let out = CSV_BOM + csvRow(['claim_id', 'document_id', 'document_title', 'kind', 'status', 'claim', 'sources', 'ratings', 'tags']);
  for (const a of content.annotations) {
    if (!a.claim) continue;
    out += csvRow([
      a.id, a.documentId, titles.get(a.documentId) ?? '', a.kind, a.claim.override?.status ?? a.claim.status, a.exact,
      a.attributions.map((at) => sourceNames.get(at.sourceId) ?? at.sourceId).join('; '),
      a.attributions.map((at) => admiraltyRating(reliability.get(at.sourceId) ?? null, at.credibility) ?? '').join('; '),
      a.tagIds.map((t) => tagNames.get(t) ?? t).join('; '),
    ]);
  }
  return out;
}

export function attributionsCsv(content: PackContent, reliability: ReadonlyMap<string, string | null>): string {
  const sources = new Map(content.sources.map((s) => [s.id, s]));
  const exactOf = new Map(content.annotations.map((a) => [a.id, a.exact]));
  let out = CSV_BOM + csvRow([
    'attribution_id', 'claim_id', 'document_id', 'claim', 'source_id', 'source', 'source_type', 'reliability', 'credibility', 'rating',
    'cue', 'channel', 'speech', 'anonymous', 'anonymity_reason', 'relays',
  ]);
  for (const a of content.annotations) {
    for (const at of a.attributions) {
      const s = sources.get(at.sourceId);
      out += csvRow([
        at.id, a.id, a.documentId, a.exact, at.sourceId, s?.name ?? '', s?.type ?? '', s?.reliability ?? '', at.credibility ?? '',
        admiraltyRating(reliability.get(at.sourceId) ?? null, at.credibility) ?? '', at.cueSpanId ? (exactOf.get(at.cueSpanId) ?? '') : '',
        at.channel ?? '', at.speech, at.anonymous ? 'yes' : 'no', at.anonymityReason ?? '', at.via.map((v) => sources.get(v)?.name ?? v).join('; '),
      ]);
    }
  }
  return out;
}
