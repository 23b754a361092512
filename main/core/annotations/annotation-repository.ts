/** SQL reads for annotation: a document's spans, claims, attributions and links; source and claim look-ups. */
import { SPAN_KINDS } from '../../../shared/annotation-schemas.ts';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/database.ts';

export interface SpanRow {
  id: string; revision: number; document_id: string; kind: string; start: number; end: number; exact: string;
  prefix: string; suffix: string; orphaned: number; source_id: string | null; note: string | null; data: string | null;
  created_at: string; created_by: string;
}
/**
 * Receives a document's live spans for `annotations:get`, one call per span. Calls come in no
 * promised order: `seq` (insertion order) is there to order ties. Tags come separately
 * (`spanTaggingsOfDocument`).
 */
export type SpanVisitor = (
  seq: number, id: string, revision: number, kind: string, start: number, end: number, orphanExact: string | null, orphaned: number,
  sourceId: string | null, note: string | null, data: string | null,
) => void;

/** Receives a document's live claims for `annotations:get`, one call per claim, in no promised order. */
export type ClaimVisitor = (id: string, revision: number, status: string, statusOverride: string | null, overrideReason: string | null) => void;

export interface AttributionRow {
  id: string; revision: number; claim_id: string; source_id: string; cue_span_id: string | null; channel: string | null;
  channel_span_id: string | null; speech: string; anonymous: number; anonymity_reason: string | null; via: string;
  credibility: number | null; rationale: string | null;
}
export interface LinkRow {
  id: string; revision: number; from_claim_id: string; to_claim_id: string; relation: string; note: string | null;
  from_document_id: string; to_document_id: string; from_exact: string; to_exact: string;
  from_title: string | null; to_title: string | null;
}
export interface SourceRow {
  id: string; revision: number; name: string; type: string; affiliation: string | null; aliases: string;
  reliability: string | null; scope_document_id: string | null; merged_into: string | null; deleted_at: string | null;
}
export interface TagRow { id: string; revision: number; name: string; parent_id: string | null; color: string | null }

const LINK_SELECT = `
  SELECT l.id, l.revision, l.from_claim_id, l.to_claim_id, l.relation, l.note,
    fs.document_id AS from_document_id, ts.document_id AS to_document_id, fs.exact AS from_exact, ts.exact AS to_exact,
    fd.title AS from_title, td.title AS to_title
  FROM claim_links l
  JOIN spans fs ON fs.id = l.from_claim_id JOIN spans ts ON ts.id = l.to_claim_id
  JOIN documents fd ON fd.id = fs.document_id JOIN documents td ON td.id = ts.document_id`;

/**
 * A document's live links, either end, found from its live claims through the two link indexes
 * rather than by testing every link in the project (an OR across two joins scans claim_links). A
 * live link's claims are live: deleting a claim takes its links with it.
 */
export const LINKS_OF_DOCUMENT = `${LINK_SELECT} WHERE l.deleted_at IS NULL AND l.id IN (
  SELECT x.id FROM claims c JOIN claim_links x ON x.from_claim_id = c.id AND x.deleted_at IS NULL
  WHERE c.document_id = @id AND c.deleted_at IS NULL
  UNION ALL
  SELECT x.id FROM claims c JOIN claim_links x ON x.to_claim_id = c.id AND x.deleted_at IS NULL
  WHERE c.document_id = @id AND c.deleted_at IS NULL)
ORDER BY l.seq`;

/**
 * A span's kind as a number: a number crosses into JavaScript for nothing, where each kind as text
 * was a new string per row. The number is the kind's first letter and its length, which tell the
 * eleven kinds apart (checked below, when the module loads): two built-in functions per row cost
 * SQLite about 0.6 ms less over 10,000 rows than a CASE that compares the text with each kind in
 * turn (about 5.5 string comparisons a row).
 */
const KIND_CODE = `(unicode(kind) * 16 + length(kind))`;
const kindCode = (kind: string) => kind.charCodeAt(0) * 16 + kind.length;
/** The kind of each code, filled so that V8 keeps it a plain array (an ASCII letter's code < 2,048). */
const KIND_OF_CODE = new Array<string | undefined>(2048).fill(undefined);
for (const kind of SPAN_KINDS) {
  const code = kindCode(kind);
  if (kind.length >= 16 || code >= KIND_OF_CODE.length || KIND_OF_CODE[code] !== undefined) {
    throw new Error(`Span kind "${kind}" needs a code of its own.`);
  }
  KIND_OF_CODE[code] = kind;
}

/**
 * A document's live spans, each handed to the visitor as the arguments of `claimdesk_visit_span`,
 * which SQLite calls per row (see forEachSpan); count() only makes the statement run through every
 * row. An anchored span's quote is not read (NULL): it is the document's text between its start
 * and end, which every write checks (see forEachSpan); only an orphan's quote is its own.
 */
export const VISIT_SPANS_OF_DOCUMENT = `
  SELECT count(claimdesk_visit_span(seq, id, revision, ${KIND_CODE}, start, "end", CASE WHEN orphaned THEN exact END, orphaned,
    source_id, note, data))
  FROM spans WHERE document_id = ? AND deleted_at IS NULL`;

/** Where `claimdesk_visit_span` and `claimdesk_visit_claim` hand their rows: one per connection, whoever registered them. */
interface VisitSlot {
  visitor: SpanVisitor | null;
  claimVisitor: ClaimVisitor | null;
}
const visitSlots = new WeakMap<Db, VisitSlot>();

/**
 * Registers `claimdesk_visit_span` and `claimdesk_visit_claim` on a connection, once: registering
 * them again (a second repository on the same connection) would redirect every statement already
 * calling them. Direct-only: no trigger or view (nothing a pack brings) can call them.
 */
function visitSlot(db: Db): VisitSlot {
  const known = visitSlots.get(db);
  if (known) return known;
  const slot: VisitSlot = { visitor: null, claimVisitor: null };
  // One parameter per column, spelt out: SQLite learns the function's arity from them, and a
  // rest parameter would allocate an array per row.
  const visitSpan = (
    seq: number, id: string, revision: number, kind: number, start: number, end: number, orphanExact: string | null, orphaned: number,
    sourceId: string | null, note: string | null, data: string | null,
  ): number => {
    slot.visitor?.(seq, id, revision, KIND_OF_CODE[kind]!, start, end, orphanExact, orphaned, sourceId, note, data);
    return 1;
  };
  db.function('claimdesk_visit_span', { directOnly: true }, visitSpan);
  const visitClaim = (id: string, revision: number, status: string, statusOverride: string | null, overrideReason: string | null): number => {
    slot.claimVisitor?.(id, revision, status, statusOverride, overrideReason);
    return 1;
  };
  db.function('claimdesk_visit_claim', { directOnly: true }, visitClaim);
  visitSlots.set(db, slot);
  return slot;
}

export class AnnotationRepository {
  private readonly s;
  private readonly visits: VisitSlot;

  constructor(private readonly db: Db) {
    this.visits = visitSlot(db);
    this.s = {
      visitSpans: db.prepare(VISIT_SPANS_OF_DOCUMENT).pluck(),
      // One range of taggings_span_document (migration 8), in the order the tags were applied.
      spanTaggings: db
        .prepare(`SELECT span_id, tag_id FROM taggings WHERE span_document_id = ? AND deleted_at IS NULL ORDER BY seq`)
        .raw(),
      visitClaims: db
        .prepare(
          `SELECT count(claimdesk_visit_claim(id, revision, status, status_override, override_reason))
           FROM claims WHERE document_id = ? AND deleted_at IS NULL`,
        )
        .pluck(),
      spanPlace: db.prepare(`SELECT kind, start FROM spans WHERE id = ?`),
      attributions: db.prepare(
        `SELECT a.id, a.revision, a.claim_id, a.source_id, a.cue_span_id, a.channel, a.channel_span_id, a.speech, a.anonymous,
           a.anonymity_reason, a.via, a.credibility, a.rationale
         FROM attributions a JOIN claims c ON c.id = a.claim_id
         WHERE c.document_id = ? AND a.deleted_at IS NULL ORDER BY a.seq`,
      ),
      attributionsOfClaim: db.prepare(`SELECT * FROM attributions WHERE claim_id = ? AND deleted_at IS NULL ORDER BY seq`),
      links: db.prepare(LINKS_OF_DOCUMENT),
      link: db.prepare(`${LINK_SELECT} WHERE l.id = ?`),
      linksTouching: db.prepare(
        `SELECT id FROM claim_links WHERE deleted_at IS NULL AND (from_claim_id = @id OR to_claim_id = @id)`,
      ).pluck(),
      incoming: db.prepare(`SELECT relation, from_claim_id FROM claim_links WHERE to_claim_id = ? AND deleted_at IS NULL`),
      source: db.prepare(`SELECT * FROM sources WHERE id = ?`),
      tags: db.prepare(`SELECT id, revision, name, parent_id, color FROM tags WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE`),
      tagIdsOfSpan: db.prepare(`SELECT tag_id FROM taggings WHERE span_id = ? AND deleted_at IS NULL ORDER BY seq`).pluck(),
      documentTags: db.prepare(`SELECT id, tag_id FROM taggings WHERE document_id = ? AND deleted_at IS NULL`),
      tagging: db.prepare(
        `SELECT id FROM taggings WHERE tag_id = @tag AND deleted_at IS NULL AND (span_id = @target OR document_id = @target)`,
      ).pluck(),
      setStatus: db.prepare(`UPDATE claims SET status = ?, status_reason = ? WHERE id = ? AND (status IS NOT ? OR status_reason IS NOT ?)`),
      grades: db.prepare(
        `SELECT g.grade, g.reason, g.at, a.display_name AS analyst FROM source_grades g JOIN analysts a ON a.id = g.analyst_id
         WHERE g.source_id = ? ORDER BY g.seq`,
      ),
      insertGrade: db.prepare(
        `INSERT INTO source_grades (id, source_id, grade, reason, analyst_id, at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      usage: db.prepare(
        `SELECT
           (SELECT count(*) FROM attributions WHERE source_id = @id AND deleted_at IS NULL) AS attributions,
           (SELECT count(*) FROM spans WHERE source_id = @id AND deleted_at IS NULL) AS mentions,
           (SELECT count(*) FROM attributions a, json_each(a.via) v WHERE v.value = @id AND a.deleted_at IS NULL) AS relays`,
      ),
    };
  }

  /**
   * Hands a document's live spans to `visit`, row by row, as arguments; returns how many rows.
   *
   * Why not `all()`: the annotation screen loads up to 10,000 spans at a time within 20 ms, and
   * with better-sqlite3 on Node before 22 most of an `all()` was spent building each row's array
   * element by element through V8's generic property path (about 100 ns a value, 13 values a
   * row). Values passed as a function's arguments skip that, which halved the read.
   */
  forEachSpan(documentId: string, visit: SpanVisitor): number {
    return this.visit('visitor', visit, this.s.visitSpans, documentId);
  }

  /** The tags on a document's live spans: [span id, tag id] pairs, in the order they were applied. */
  spanTaggingsOfDocument(documentId: string): Array<[spanId: string, tagId: string]> {
    return this.s.spanTaggings.all(documentId) as Array<[string, string]>;
  }

  /**
   * Hands a document's live claims to `visit`, row by row, as arguments (as forEachSpan does, and
   * for the same reason: 1,667 claims cost 1.8 ms through `raw().all()`, 0.6 ms this way).
   */
  forEachClaim(documentId: string, visit: ClaimVisitor): number {
    return this.visit('claimVisitor', visit, this.s.visitClaims, documentId);
  }

  /** Runs a visiting statement with `visitor` in its slot; the slot is the statement's, so no nesting. */
  private visit<K extends keyof VisitSlot>(slot: K, visitor: NonNullable<VisitSlot[K]>, statement: Statement, documentId: string): number {
    if (this.visits[slot]) throw new Error('A visiting read cannot run inside another of its kind.');
    this.visits[slot] = visitor;
    try {
      return statement.get(documentId) as number;
    } finally {
      this.visits[slot] = null;
    }
  }

  /** A span's kind and start, live or not. */
  spanPlace(id: string): { kind: string; start: number } | undefined {
    return this.s.spanPlace.get(id) as { kind: string; start: number } | undefined;
  }

  attributionsForDocument(documentId: string): AttributionRow[] {
    return this.s.attributions.all(documentId) as AttributionRow[];
  }

  attributionsOfClaim(claimId: string): AttributionRow[] {
    return this.s.attributionsOfClaim.all(claimId) as AttributionRow[];
  }

  /** The conflict copies in a document whose annotation (ours) is still live too (pack-merge.ts makes them). */
  conflictCopies(documentId: string): Array<{ copyId: string; ofId: string; pack: string }> {
    this.conflictStmt ??= this.db.prepare(
      `SELECT c.copy_id AS copyId, c.entity_id AS ofId, m.name AS pack
       FROM pack_conflicts c JOIN pack_merges m ON m.id = c.merge_id
         JOIN spans copy ON copy.id = c.copy_id JOIN spans ours ON ours.id = c.entity_id
       WHERE c.copy_id IS NOT NULL AND copy.document_id = ? AND copy.deleted_at IS NULL AND ours.deleted_at IS NULL
       ORDER BY c.seq`,
    );
    return this.conflictStmt.all(documentId) as Array<{ copyId: string; ofId: string; pack: string }>;
  }

  private conflictStmt: ReturnType<Db['prepare']> | undefined;

  linksForDocument(documentId: string): LinkRow[] {
    return this.s.links.all({ id: documentId }) as LinkRow[];
  }

  link(id: string): LinkRow | undefined {
    return this.s.link.get(id) as LinkRow | undefined;
  }

  linksTouching(claimId: string): string[] {
    return this.s.linksTouching.all({ id: claimId }) as string[];
  }

  incomingLinks(claimId: string): Array<{ relation: string; from_claim_id: string }> {
    return this.s.incoming.all(claimId) as Array<{ relation: string; from_claim_id: string }>;
  }

  /** Stores a derived status and why; writes nothing (and fires no trigger) when it is unchanged. */
  setStatus(claimId: string, status: string, reason: string | null): void {
    this.s.setStatus.run(status, reason, claimId, status, reason);
  }

  source(id: string): SourceRow | undefined {
    return this.s.source.get(id) as SourceRow | undefined;
  }

  sourcesByIds(ids: string[]): SourceRow[] {
    if (ids.length === 0) return [];
    const out: SourceRow[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      out.push(...(this.db.prepare(`SELECT * FROM sources WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as SourceRow[]));
    }
    return out;
  }

  /** Sources whose name or an alias contains the query (case-insensitive), with how often each is used. */
  searchSources(query: string, limit: number): Array<SourceRow & { attributions: number; documents: number }> {
    const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db
      .prepare(
        `SELECT s.*, (SELECT count(*) FROM attributions a WHERE a.source_id = s.id AND a.deleted_at IS NULL) AS attributions,
           (SELECT count(DISTINCT c.document_id) FROM attributions a JOIN claims c ON c.id = a.claim_id
             WHERE a.source_id = s.id AND a.deleted_at IS NULL) AS documents
         FROM sources s
         WHERE s.deleted_at IS NULL AND s.merged_into IS NULL
           AND (s.name LIKE @like ESCAPE '\\' OR s.aliases LIKE @like ESCAPE '\\' OR s.affiliation LIKE @like ESCAPE '\\')
         ORDER BY (s.name LIKE @starts ESCAPE '\\') DESC, attributions DESC, s.name COLLATE NOCASE LIMIT @limit`,
      )
      .all({ like, starts: `${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit }) as Array<SourceRow & { attributions: number; documents: number }>;
  }

  /** Claims in any document whose text contains the query, for the link picker. */
  searchClaims(query: string, limit: number, excludeId?: string) {
    const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db
      .prepare(
        `SELECT s.id, s.document_id AS documentId, d.title AS documentTitle, s.kind, s.exact, c.status
         FROM spans s JOIN claims c ON c.id = s.id JOIN documents d ON d.id = s.document_id
         WHERE s.deleted_at IS NULL AND d.deleted_at IS NULL AND s.kind IN ('claim', 'denial', 'dispute')
           AND s.exact LIKE ? ESCAPE '\\' AND s.id IS NOT ?
         ORDER BY d.seq, s.start LIMIT ?`,
      )
      .all(like, excludeId ?? null, limit) as Array<{ id: string; documentId: string; documentTitle: string | null; kind: string; exact: string; status: string }>;
  }

  /** Attributions that point at a span as their cue or channel. */
  attributionsUsingSpan(spanId: string): Array<{ id: string; cue_span_id: string | null; channel_span_id: string | null }> {
    return this.db
      .prepare(`SELECT id, cue_span_id, channel_span_id FROM attributions WHERE (cue_span_id = @id OR channel_span_id = @id) AND deleted_at IS NULL`)
      .all({ id: spanId }) as Array<{ id: string; cue_span_id: string | null; channel_span_id: string | null }>;
  }

  /** A span's tags, in the order they were applied. */
  tagIdsOfSpan(spanId: string): string[] {
    return this.s.tagIdsOfSpan.all(spanId) as string[];
  }

  taggingsOfSpan(spanId: string): string[] {
    return this.db.prepare(`SELECT id FROM taggings WHERE span_id = ? AND deleted_at IS NULL`).pluck().all(spanId) as string[];
  }

  tags(): TagRow[] {
    return this.s.tags.all() as TagRow[];
  }

  documentTaggings(documentId: string): Array<{ id: string; tag_id: string }> {
    return this.s.documentTags.all(documentId) as Array<{ id: string; tag_id: string }>;
  }

  findTagging(tagId: string, targetId: string): string | undefined {
    return this.s.tagging.get({ tag: tagId, target: targetId }) as string | undefined;
  }

  grades(sourceId: string): Array<{ grade: string | null; reason: string | null; at: string; analyst: string }> {
    return this.s.grades.all(sourceId) as Array<{ grade: string | null; reason: string | null; at: string; analyst: string }>;
  }

  insertGrade(id: string, sourceId: string, grade: string | null, reason: string | null, analystId: string, at: string): void {
    this.s.insertGrade.run(id, sourceId, grade, reason, analystId, at);
  }

  usage(sourceId: string): { attributions: number; mentions: number; relays: number } {
    return this.s.usage.get({ id: sourceId }) as { attributions: number; mentions: number; relays: number };
  }

  /** Ids of rows that reference a source, for reassigning or merging. */
  referencesTo(sourceId: string): { attributions: string[]; mentions: string[]; relays: string[] } {
    const ids = (sql: string) => this.db.prepare(sql).pluck().all(sourceId) as string[];
    return {
      attributions: ids(`SELECT id FROM attributions WHERE source_id = ? AND deleted_at IS NULL`),
      mentions: ids(`SELECT id FROM spans WHERE source_id = ? AND deleted_at IS NULL`),
      relays: ids(`SELECT DISTINCT a.id FROM attributions a, json_each(a.via) v WHERE v.value = ? AND a.deleted_at IS NULL`),
    };
  }

  tagReferences(tagId: string): { taggings: Array<{ id: string; target: string }>; children: string[] } {
    return {
      taggings: this.db
        .prepare(`SELECT id, coalesce(span_id, document_id) AS target FROM taggings WHERE tag_id = ? AND deleted_at IS NULL`)
        .all(tagId) as Array<{ id: string; target: string }>,
      children: this.db.prepare(`SELECT id FROM tags WHERE parent_id = ? AND deleted_at IS NULL`).pluck().all(tagId) as string[],
    };
  }

  tagAncestors(tagId: string): string[] {
    return this.db
      .prepare(
        `WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM tags WHERE id = ?
           UNION SELECT t.id, t.parent_id FROM tags t JOIN up ON t.id = up.parent_id) SELECT id FROM up`,
      )
      .pluck()
      .all(tagId) as string[];
  }
}
