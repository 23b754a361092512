/**
 * `annotations:get` as it was first written: one query per kind of row, objects for rows, mapped
 * with the core's mappers. Kept here, not in the core, as the reference the lean read
 * (main/core/annotations/document-annotations.ts) must agree with, on real material.
 */
import type { Db } from '../../../main/core/store/database.ts';
import type { AttributionRow, LinkRow, SourceRow, SpanRow, TagRow } from '../../../main/core/annotations/annotation-repository.ts';
import { toAttribution, toLink, toSource, toSpan, toTag } from '../../../main/core/annotations/mappers.ts';
import type { Claim, DocumentAnnotations } from '../../../shared/annotation-schemas.ts';

const LINKS = `
  SELECT l.id, l.revision, l.from_claim_id, l.to_claim_id, l.relation, l.note,
    fs.document_id AS from_document_id, ts.document_id AS to_document_id, fs.exact AS from_exact, ts.exact AS to_exact,
    fd.title AS from_title, td.title AS to_title
  FROM claim_links l
  JOIN spans fs ON fs.id = l.from_claim_id JOIN spans ts ON ts.id = l.to_claim_id
  JOIN documents fd ON fd.id = fs.document_id JOIN documents td ON td.id = ts.document_id
  WHERE l.deleted_at IS NULL AND (fs.document_id = @id OR ts.document_id = @id) ORDER BY l.seq`;

export function referenceRead(db: Db, documentId: string): DocumentAnnotations | undefined {
  if (!db.prepare(`SELECT 1 FROM documents WHERE id = ? AND deleted_at IS NULL`).get(documentId)) return undefined;
  const tagsBySpan = new Map<string, string[]>();
  const taggings = db
    .prepare(
      `SELECT t.id, t.tag_id, t.span_id FROM taggings t JOIN spans s ON s.id = t.span_id
       WHERE s.document_id = ? AND t.deleted_at IS NULL AND s.deleted_at IS NULL`,
    )
    .all(documentId) as Array<{ tag_id: string; span_id: string }>;
  for (const t of taggings) {
    const list = tagsBySpan.get(t.span_id) ?? [];
    list.push(t.tag_id);
    tagsBySpan.set(t.span_id, list);
  }
  const spanRows = db
    .prepare(
      `SELECT id, revision, document_id, kind, start, "end", exact, prefix, suffix, orphaned, source_id, note, data, created_at, created_by
       FROM spans WHERE document_id = ? AND deleted_at IS NULL ORDER BY start, "end" DESC`,
    )
    .all(documentId) as SpanRow[];
  const spans = spanRows.map((r) => toSpan(r, tagsBySpan.get(r.id)));
  const attributionRows = db
    .prepare(
      `SELECT a.id, a.revision, a.claim_id, a.source_id, a.cue_span_id, a.channel, a.channel_span_id, a.speech, a.anonymous,
         a.anonymity_reason, a.via, a.credibility, a.rationale
       FROM attributions a JOIN claims c ON c.id = a.claim_id
       WHERE c.document_id = ? AND a.deleted_at IS NULL ORDER BY a.seq`,
    )
    .all(documentId) as AttributionRow[];
  const sourceIds = new Set<string>();
  for (const a of attributionRows) {
    sourceIds.add(a.source_id);
    for (const v of JSON.parse(a.via) as string[]) sourceIds.add(v);
  }
  for (const s of spans) if (s.sourceId) sourceIds.add(s.sourceId);
  const ids = [...sourceIds];
  const sources = ids.length === 0 ? [] : (db.prepare(`SELECT * FROM sources WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as SourceRow[]);
  const reliabilityOf = new Map(sources.map((s) => [s.id, s.reliability]));
  const byClaim = new Map<string, Claim['attributions']>();
  for (const a of attributionRows) {
    const list = byClaim.get(a.claim_id) ?? [];
    list.push(toAttribution(a, reliabilityOf.get(a.source_id) ?? null));
    byClaim.set(a.claim_id, list);
  }
  const claimRows = db
    .prepare(
      `SELECT c.id, c.revision, c.document_id, s.kind, c.status, c.status_override, c.override_reason
       FROM claims c JOIN spans s ON s.id = c.id WHERE c.document_id = ? AND c.deleted_at IS NULL ORDER BY s.start`,
    )
    .all(documentId) as Array<{
    id: string; revision: number; document_id: string; kind: string; status: string; status_override: string | null; override_reason: string | null;
  }>;
  const claims = claimRows.map((c) => ({
    id: c.id,
    revision: c.revision,
    documentId: c.document_id,
    kind: c.kind as Claim['kind'],
    status: (c.status_override ?? c.status) as Claim['status'],
    derivedStatus: c.status as Claim['status'],
    overrideReason: c.override_reason,
    attributions: byClaim.get(c.id) ?? [],
  }));
  return {
    documentId,
    spans,
    claims,
    sources: sources.map(toSource),
    links: (db.prepare(LINKS).all({ id: documentId }) as LinkRow[]).map(toLink),
    tags: (db.prepare(`SELECT id, revision, name, parent_id, color FROM tags WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE`).all() as TagRow[]).map(toTag),
    documentTagIds: (db.prepare(`SELECT tag_id FROM taggings WHERE document_id = ? AND deleted_at IS NULL`).pluck().all(documentId) as string[]),
    // Pack conflicts are read the one way there is (annotation-repository.ts); the gold has none.
    conflictCopies: [],
  };
}
