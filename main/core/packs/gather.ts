/**
 * What goes into a pack: the documents a selection picks (ids, tags, a published-date range; all
 * three narrow together), less the documents redacted, with every live annotation on them, and the
 * sources, tags and analysts those annotations use. A whole-project export (no selection) also takes
 * the sources and tags nothing uses yet, so that a project round-trips complete.
 *
 * Redaction: `notes` drops every free text an analyst wrote about the material (span and link notes,
 * credibility rationales, grade reasons, status-override reasons); `annotators` drops every analyst's
 * name and id; `documents` drops those documents, their annotations, and links that reach them.
 * Links are kept only when both claims are in the pack.
 */
import { lowerBound, upperBound } from '../documents/document-repository.ts';
import type { SpanData } from '../../../shared/annotation-schemas.ts';
import type { Redaction } from '../../../shared/pack-schemas.ts';
import type { DocumentRecord, SourceRecord, TagRecord } from '../../../shared/pack-format.ts';
import type { PackRepository, ProjectSnapshot, SpanRow } from './pack-repository.ts';
import { CLAIM_KIND_SET, type PackAnnotation, type PackAttribution, type PackContent, type PackDocument, type PackLink } from './pack-model.ts';

export interface PackSelection {
  documentIds?: string[] | undefined;
  tags?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const isWholeProject = (s: PackSelection): boolean => !s.documentIds && !s.tags?.length && !s.from && !s.to;

const group = <T>(items: T[], key: (t: T) => string | null): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
};

/** The documents a selection picks, by id. */
export function selectDocuments(snap: ProjectSnapshot, selection: PackSelection): Set<string> {
  let docs = snap.documents;
  if (selection.documentIds) {
    const wanted = new Set(selection.documentIds);
    docs = docs.filter((d) => wanted.has(d.id));
  }
  if (selection.from || selection.to) {
    const lo = selection.from ? lowerBound(selection.from) : null;
    const hi = selection.to ? upperBound(selection.to) : null;
    docs = docs.filter((d) => d.published !== null && (lo === null || upperBound(d.published) >= lo) && (hi === null || lowerBound(d.published) <= hi));
  }
  if (selection.tags?.length) {
    const names = new Set(selection.tags.map((t) => t.trim().toLowerCase()));
    const children = group(snap.tags, (t) => t.parent_id);
    const tagIds = new Set<string>();
    const add = (id: string) => {
      if (tagIds.has(id)) return;
      tagIds.add(id);
      for (const c of children.get(id) ?? []) add(c.id);
    };
    for (const t of snap.tags) if (names.has(t.name.toLowerCase())) add(t.id);
    const spanDoc = new Map(snap.spans.map((s) => [s.id, s.document_id]));
    const tagged = new Set<string>();
    for (const t of snap.taggings) {
      if (!tagIds.has(t.tag_id)) continue;
      const doc = t.document_id ?? (t.span_id ? spanDoc.get(t.span_id) : undefined);
      if (doc) tagged.add(doc);
    }
    docs = docs.filter((d) => tagged.has(d.id));
  }
  return new Set(docs.map((d) => d.id));
}

export function gather(repo: PackRepository, snap: ProjectSnapshot, selection: PackSelection, redact: Redaction): PackContent {
  const whole = isWholeProject(selection);
  const picked = selectDocuments(snap, selection);
  for (const id of redact.documents) picked.delete(id);
  const notes = (v: string | null) => (redact.notes ? null : v);
  const who = (v: string | null) => (redact.annotators ? null : v);
  const used = { analysts: new Set<string>(), sources: new Set<string>(), tags: new Set<string>() };
  const by = (v: string | null) => {
    const id = who(v);
    if (id) used.analysts.add(id);
    return id;
  };

  const spans = snap.spans.filter((s) => picked.has(s.document_id));
  const claimIds = new Set(spans.filter((s) => CLAIM_KIND_SET.has(s.kind)).map((s) => s.id));
  const claims = new Map(snap.claims.map((c) => [c.id, c]));
  const tagsBySpan = group(snap.taggings, (t) => t.span_id);
  const attributionsByClaim = group(snap.attributions.filter((a) => claimIds.has(a.claim_id)), (a) => a.claim_id);
  const linksByClaim = group(snap.links.filter((l) => claimIds.has(l.from_claim_id) && claimIds.has(l.to_claim_id)), (l) => l.from_claim_id);

  const annotations = spans.map((s): PackAnnotation => {
    const claim = CLAIM_KIND_SET.has(s.kind) ? claims.get(s.id) : undefined;
    if (s.source_id) used.sources.add(s.source_id);
    const tagIds = (tagsBySpan.get(s.id) ?? []).map((t) => t.tag_id).sort();
    for (const t of tagIds) used.tags.add(t);
    return {
      id: s.id, documentId: s.document_id, kind: s.kind, start: s.start, end: s.end, exact: s.exact, prefix: s.prefix, suffix: s.suffix,
      orphaned: s.orphaned === 1, sourceId: s.source_id, note: notes(s.note), data: parseData(s), tagIds,
      claim: claim
        ? { status: claim.status, override: claim.status_override ? { status: claim.status_override, reason: notes(claim.override_reason) } : null }
        : null,
      attributions: (attributionsByClaim.get(s.id) ?? []).map((a): PackAttribution => {
        const via = JSON.parse(a.via) as string[];
        used.sources.add(a.source_id);
        for (const v of via) used.sources.add(v);
        return {
          id: a.id, sourceId: a.source_id, cueSpanId: a.cue_span_id, channel: a.channel, channelSpanId: a.channel_span_id,
          speech: a.speech as PackAttribution['speech'], anonymous: a.anonymous === 1, anonymityReason: a.anonymity_reason, via,
          credibility: a.credibility, rationale: notes(a.rationale), rating: null,
          revision: a.revision, created: a.created_at, modified: a.updated_at, creator: by(a.created_by),
        };
      }),
      links: (linksByClaim.get(s.id) ?? []).map((l): PackLink => ({
        id: l.id, toClaimId: l.to_claim_id, relation: l.relation as PackLink['relation'], note: notes(l.note),
        revision: l.revision, created: l.created_at, modified: l.updated_at, creator: by(l.created_by),
      })),
      revision: s.revision, created: s.created_at, modified: s.updated_at, creator: by(s.created_by),
    };
  });

  const docTags = group(snap.taggings, (t) => t.document_id);
  const importsByDoc = group(snap.imports, (i) => i.document_id);
  const documents = snap.documents.filter((d) => picked.has(d.id)).map((d): PackDocument => {
    const imports = importsByDoc.get(d.id) ?? [];
    const withOriginal = imports.find((i) => i.has_original === 1);
    const tags = (docTags.get(d.id) ?? []).map((t) => t.tag_id).sort();
    for (const t of tags) used.tags.add(t);
    const record: DocumentRecord = {
      id: d.id, sha256: d.sha256, title: d.title, outlet: d.outlet, author: d.author, url: d.url, published: d.published,
      language: d.language, direction: d.direction, wordCount: d.word_count, created: d.created_at, creator: by(d.created_by), tags,
      imports: imports.map((i) => ({
        id: i.id, fileName: i.file_name, importedAt: i.imported_at, analyst: by(i.analyst_id), encoding: i.encoding,
        byteLength: i.byte_length, duplicate: i.duplicate === 1, original: i === withOriginal,
      })),
    };
    return { record, text: d.text, original: withOriginal ? repo.originalBytes(withOriginal.id) : null };
  });

  const sources = snap.sources
    .filter((s) => used.sources.has(s.id) || (s.scope_document_id ? picked.has(s.scope_document_id) : whole))
    .map((s): SourceRecord => ({
      id: s.id, name: s.name, type: s.type as SourceRecord['type'], affiliation: s.affiliation, aliases: JSON.parse(s.aliases) as string[],
      reliability: s.reliability as SourceRecord['reliability'], scopeDocumentId: s.scope_document_id && picked.has(s.scope_document_id) ? s.scope_document_id : null,
      grades: [], revision: s.revision, created: s.created_at, modified: s.updated_at, creator: by(s.created_by),
    }));
  const gradesBySource = group(snap.grades, (g) => g.source_id);
  for (const s of sources) {
    s.grades = (gradesBySource.get(s.id) ?? []).map((g) => ({ id: g.id, grade: g.grade as SourceRecord['reliability'], reason: notes(g.reason), at: g.at, analyst: by(g.analyst_id) }));
  }

  const tagById = new Map(snap.tags.map((t) => [t.id, t]));
  const tagSet = new Set(whole ? snap.tags.map((t) => t.id) : []);
  for (const id of used.tags) {
    // A tag comes with its ancestors, so the codebook's hierarchy stays whole.
    for (let t = tagById.get(id); t && !tagSet.has(t.id); t = t.parent_id ? tagById.get(t.parent_id) : undefined) tagSet.add(t.id);
  }
  const tags = snap.tags.filter((t) => tagSet.has(t.id)).map((t): TagRecord => ({
    id: t.id, name: t.name, parentId: t.parent_id, color: t.color, revision: t.revision, created: t.created_at, modified: t.updated_at, creator: by(t.created_by),
  }));

  const names = new Map(snap.analysts.map((a) => [a.id, a.display_name]));
  const analysts = redact.annotators ? [] : [...used.analysts].sort().map((id) => ({ id, name: names.get(id) ?? 'Unknown analyst' }));
  return { documents, annotations, sources, tags, analysts };
}

function parseData(s: SpanRow): SpanData | null {
  return s.data ? (JSON.parse(s.data) as SpanData) : null;
}
