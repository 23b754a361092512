/**
 * Verify's checks across records: every id a record names must be in the pack, and no attribution
 * or link id is used twice (nor a source's or tag's).
 *
 * The annotations are checked as they are read (`annotation`), so that verify need not keep them
 * all: for 100,000 annotations, holding every one until a check at the end cost ~1.2 s of garbage
 * collection, about a third of verify. What a later annotation can still settle (a cue or channel
 * span further on, a link to a claim further on) is kept as a few strings and settled in `finish`.
 *
 * Problems are reported only if the pack had none before these checks, as when they ran last:
 * `finish` adds them then, the ones found as the annotations went first, then those settled at the end.
 */
import type { PackProblem } from '../../../shared/pack-schemas.ts';
import { ANNOTATIONS_FILE } from '../../../shared/pack-format.ts';
import { CLAIM_KIND_SET, type PackAnnotation, type PackRecords } from './pack-model.ts';

const F = ANNOTATIONS_FILE;

const missing = (file: string, record: string, field: string, what: string, id: string): PackProblem =>
  ({ code: 'DANGLING_REFERENCE', message: `${file} (${record}): ${field} names ${what} ${id}, which is not in the pack.`, file, record, field });

export class References {
  private readonly sources: ReadonlySet<string>;
  private readonly tags: ReadonlySet<string>;
  private readonly once = new Set<string>();
  /** Each annotation's document, by id: what a cue or channel reference is checked against. */
  private readonly spanDocuments = new Map<string, string>();
  private readonly claims = new Set<string>();
  private readonly found: PackProblem[] = [];
  /** Cue and channel references to settle: record, field, span id, the attribution's document; flat. */
  private readonly spanRefs: string[] = [];
  /** Link targets to settle: record, claim id; flat. */
  private readonly claimRefs: string[] = [];

  /** The record-level checks, at once (into `problems`); the annotations' are kept for `finish`. */
  constructor(records: PackRecords, problems: PackProblem[]) {
    const sources = new Set(records.sources.map((s) => s.id));
    const tags = new Set(records.tags.map((t) => t.id));
    const docs = new Set(records.documents.map((d) => d.record.id));
    this.sources = sources;
    this.tags = tags;
    for (const t of records.tags) if (t.parentId && !tags.has(t.parentId)) problems.push(missing('tags.json', t.id, 'parentId', 'tag', t.parentId));
    for (const s of records.sources) if (s.scopeDocumentId && !docs.has(s.scopeDocumentId)) problems.push(missing('sources.json', s.id, 'scopeDocumentId', 'document', s.scopeDocumentId));
    for (const d of records.documents) for (const t of d.record.tags) if (!tags.has(t)) problems.push(missing(`documents/${d.record.id}.json`, d.record.id, 'tags', 'tag', t));
    for (const s of records.sources) this.unique(problems, 'sources.json', s.id, 'source', s.id);
    for (const t of records.tags) this.unique(problems, 'tags.json', t.id, 'tag', t.id);
  }

  private unique(into: PackProblem[], file: string, record: string, what: string, id: string): void {
    if (this.once.has(id)) into.push({ code: 'DUPLICATE_ID', message: `${file} (${record}): the ${what} id ${id} is used twice in the pack.`, file, record });
    this.once.add(id);
  }

  /** One annotation, once it has passed its own checks; nothing of it is kept but a few ids. */
  annotation(a: PackAnnotation): void {
    const { found } = this;
    const rec = `urn:uuid:${a.id}`;
    this.spanDocuments.set(a.id, a.documentId);
    if (a.claim) this.claims.add(a.id);
    for (const at of a.attributions) this.unique(found, F, rec, 'attribution', at.id);
    for (const l of a.links) this.unique(found, F, rec, 'link', l.id);
    if (a.sourceId && !this.sources.has(a.sourceId)) found.push(missing(F, rec, 'mention', 'source', a.sourceId));
    for (const t of a.tagIds) if (!this.tags.has(t)) found.push(missing(F, rec, 'tag', 'tag', t));
    if ((a.claim !== null) !== CLAIM_KIND_SET.has(a.kind)) found.push({ code: 'SCHEMA', message: `${F} (${rec}): only claims, denials and disputes carry claim detail.`, file: F, record: rec });
    for (const at of a.attributions) {
      if (!a.claim) found.push({ code: 'SCHEMA', message: `${F} (${rec}): a ${a.kind} span cannot have attributions.`, file: F, record: rec, field: 'body' });
      if (!this.sources.has(at.sourceId)) found.push(missing(F, rec, 'attribution.source', 'source', at.sourceId));
      for (const v of at.via) if (!this.sources.has(v)) found.push(missing(F, rec, 'attribution.relays', 'source', v));
      if (at.cueSpanId) this.spanRefs.push(rec, 'attribution.cue', at.cueSpanId, a.documentId);
      if (at.channelSpanId) this.spanRefs.push(rec, 'attribution.channelSpan', at.channelSpanId, a.documentId);
    }
    for (const l of a.links) {
      if (!a.claim) found.push(missing(F, rec, 'link.source', 'claim', l.toClaimId));
      else this.claimRefs.push(rec, l.toClaimId);
      if (l.toClaimId === a.id) found.push({ code: 'SCHEMA', message: `${F} (${rec}): a claim cannot be linked to itself.`, file: F, record: rec, field: 'link' });
    }
  }

  /** Settles what waited for later annotations, and reports everything found if the pack had no other problem. */
  finish(problems: PackProblem[]): void {
    if (problems.length > 0) return;
    const { spanRefs, claimRefs } = this;
    for (let i = 0; i < spanRefs.length; i += 4) {
      const [rec, field, id, documentId] = [spanRefs[i]!, spanRefs[i + 1]!, spanRefs[i + 2]!, spanRefs[i + 3]!];
      if (this.spanDocuments.get(id) !== documentId) this.found.push(missing(F, rec, field, 'a span of the same document', id));
    }
    for (let i = 0; i < claimRefs.length; i += 2) {
      if (!this.claims.has(claimRefs[i + 1]!)) this.found.push(missing(F, claimRefs[i]!, 'link.source', 'claim', claimRefs[i + 1]!));
    }
    problems.push(...this.found);
  }
}
