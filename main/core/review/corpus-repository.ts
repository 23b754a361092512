/** SQL for the corpus-wide views: disputes side by side, the sources overview, and figures. */
import type { Db } from '../store/database.ts';

/** A document's title, and for one without a title the opening of its text, as the Library names it. */
const DOCUMENT_NAME = `d.title AS document, CASE WHEN d.title IS NULL THEN substr(d.text, 1, 200) END AS lead, d.language`;

export interface StatementRow {
  claimId: string; kind: string; text: string; documentId: string; document: string | null; lead: string | null; language: string; published: string | null;
  status: string; relation: string | null; targetId: string | null;
}
export interface StatementSourceRow { claimId: string; name: string; channel: string | null; rating: string | null }
export interface SourceOverviewRow {
  id: string; name: string; type: string; affiliation: string | null; aliases: string; reliability: string | null;
  claims: number; documents: number; firstSeen: string | null; lastSeen: string | null;
}
export interface FigureRow {
  spanId: string; documentId: string; document: string | null; lead: string | null; language: string; exact: string; start: number; end: number; data: string | null;
}
export interface ClaimSpanRow { id: string; documentId: string; start: number; end: number; text: string }

export class CorpusRepository {
  constructor(private readonly db: Db) {}

  /** Claims that something denies or disputes, newest documents first. */
  disputedClaims(limit: number): StatementRow[] {
    return this.db
      .prepare(
        `SELECT DISTINCT s.id AS claimId, s.kind, s.exact AS text, s.document_id AS documentId, ${DOCUMENT_NAME}, d.published,
           coalesce(c.status_override, c.status) AS status, NULL AS relation, NULL AS targetId
         FROM claim_links l JOIN spans s ON s.id = l.to_claim_id JOIN claims c ON c.id = s.id JOIN documents d ON d.id = s.document_id
         WHERE l.deleted_at IS NULL AND l.relation IN ('denies', 'disputes') AND s.deleted_at IS NULL AND d.deleted_at IS NULL
           AND EXISTS (SELECT 1 FROM spans f WHERE f.id = l.from_claim_id AND f.deleted_at IS NULL)
         ORDER BY d.published DESC, d.seq, s.start LIMIT ?`,
      )
      .all(limit) as StatementRow[];
  }

  /** The statements that deny or dispute the given claims. */
  disputing(targetIds: string[]): StatementRow[] {
    if (targetIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT s.id AS claimId, s.kind, s.exact AS text, s.document_id AS documentId, ${DOCUMENT_NAME}, d.published,
           coalesce(c.status_override, c.status) AS status, l.relation, l.to_claim_id AS targetId
         FROM claim_links l JOIN spans s ON s.id = l.from_claim_id JOIN claims c ON c.id = s.id JOIN documents d ON d.id = s.document_id
         WHERE l.deleted_at IS NULL AND l.relation IN ('denies', 'disputes') AND s.deleted_at IS NULL AND d.deleted_at IS NULL
           AND l.to_claim_id IN (SELECT value FROM json_each(?))
         ORDER BY d.published, s.start`,
      )
      .all(JSON.stringify(targetIds)) as StatementRow[];
  }

  sourcesOf(claimIds: string[]): StatementSourceRow[] {
    if (claimIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT claim_id AS claimId, source_name AS name, channel, rating FROM review_rows
         WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
      )
      .all(JSON.stringify(claimIds)) as StatementSourceRow[];
  }

  sourcesOverview(query: string, limit: number): SourceOverviewRow[] {
    const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db
      .prepare(
        `SELECT s.id, s.name, s.type, s.affiliation, s.aliases, s.reliability,
           count(DISTINCT r.claim_id) AS claims, count(DISTINCT r.document_id) AS documents,
           min(r.published) AS firstSeen, max(r.published) AS lastSeen
         FROM sources s LEFT JOIN review_rows r ON r.source_id = s.id
         WHERE s.deleted_at IS NULL AND (s.name LIKE @like ESCAPE '\\' OR s.aliases LIKE @like ESCAPE '\\')
         GROUP BY s.id ORDER BY claims DESC, s.name COLLATE NOCASE LIMIT @limit`,
      )
      .all({ like, limit }) as SourceOverviewRow[];
  }

  liveSources(): Array<{ id: string; name: string; aliases: string; type: string }> {
    return this.db.prepare(`SELECT id, name, aliases, type FROM sources WHERE deleted_at IS NULL ORDER BY seq`).all() as Array<{
      id: string; name: string; aliases: string; type: string;
    }>;
  }

  figures(): FigureRow[] {
    return this.db
      .prepare(
        `SELECT s.id AS spanId, s.document_id AS documentId, ${DOCUMENT_NAME}, s.exact, s.start, s."end", s.data
         FROM spans s JOIN documents d ON d.id = s.document_id
         WHERE s.kind = 'quantity' AND s.deleted_at IS NULL AND d.deleted_at IS NULL ORDER BY d.seq, s.start`,
      )
      .all() as FigureRow[];
  }

  claimSpans(): ClaimSpanRow[] {
    return this.db
      .prepare(
        `SELECT s.id, s.document_id AS documentId, s.start, s."end", s.exact AS text FROM spans s JOIN claims c ON c.id = s.id
         WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY s.document_id, s.start`,
      )
      .all() as ClaimSpanRow[];
  }

  /** Claims connected by any live link, as pairs. */
  linkedPairs(): Array<{ a: string; b: string; relation: string }> {
    return this.db
      .prepare(`SELECT from_claim_id AS a, to_claim_id AS b, relation FROM claim_links WHERE deleted_at IS NULL`)
      .all() as Array<{ a: string; b: string; relation: string }>;
  }

  firstSourceOf(claimIds: string[]): Map<string, string> {
    const rows = this.sourcesOf(claimIds);
    const out = new Map<string, string>();
    for (const r of rows) if (!out.has(r.claimId)) out.set(r.claimId, r.name);
    return out;
  }
}
