/**
 * Full-text search: the query is parsed into a safe FTS5 expression (query.ts), ranked by bm25 with
 * the title weighted above the body, and only the best `limit` hits are ranked out and given
 * snippets, so a term found in nearly every document costs a bounded amount of work beyond the count.
 * Snippets are cut from the real text (the index holds folded text) by snippet.ts.
 */
import type { SearchHit } from '../../../shared/contract.ts';
import type { Db } from '../store/database.ts';
import { filterSql, type DocumentFilter, type DocumentRepository } from '../documents/document-repository.ts';
import { parseQuery } from './query.ts';
import { makeSnippet, markAll } from './snippet.ts';
import { SearchAliases } from './search-aliases.ts';

/** bm25 column weights: a word in the title counts as much as five in the body. */
const TITLE_WEIGHT = 5.0;
const BODY_WEIGHT = 1.0;

export interface SearchInput extends DocumentFilter {
  query: string;
  limit: number;
}

export class SearchService {
  readonly aliases: SearchAliases;

  constructor(
    private readonly db: Db,
    private readonly documents: DocumentRepository,
  ) {
    this.aliases = new SearchAliases(db);
  }

  search(input: SearchInput): { hits: SearchHit[]; total: number } {
    const parsed = parseQuery(input.query, this.aliases.map());
    const positive = parsed.terms.filter((t) => !t.negated);
    const filtered = Boolean(input.outlet || input.from || input.to);
    const { where, params } = filterSql(input);
    const rank = `bm25(documents_fts, ${TITLE_WEIGHT}, ${BODY_WEIGHT})`;
    const rows = (
      filtered
        ? this.db
            .prepare(
              `SELECT f.rowid AS seq, ${rank} AS score FROM documents_fts f JOIN documents d ON d.seq = f.rowid
               WHERE documents_fts MATCH ? AND ${where} ORDER BY score LIMIT ?`,
            )
            .all(parsed.fts, ...params, input.limit)
        : this.db
            .prepare(`SELECT rowid AS seq, ${rank} AS score FROM documents_fts WHERE documents_fts MATCH ? ORDER BY score LIMIT ?`)
            .all(parsed.fts, input.limit)
    ) as Array<{ seq: number; score: number }>;

    const total = (
      filtered
        ? this.db
            .prepare(`SELECT count(*) FROM documents_fts f JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH ? AND ${where}`)
            .pluck()
            .get(parsed.fts, ...params)
        : this.db.prepare(`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?`).pluck().get(parsed.fts)
    ) as number;

    const summaries = this.documents.summariesBySeq(rows.map((r) => r.seq));
    const textOf = this.db.prepare(`SELECT text FROM documents WHERE seq = ?`).pluck();
    const hits: SearchHit[] = [];
    for (const r of rows) {
      const document = summaries.get(r.seq);
      if (!document) continue;
      hits.push({
        document,
        score: -r.score,
        titleParts: markAll(document.title ?? '', positive),
        snippet: makeSnippet(textOf.get(r.seq) as string, positive, { maxChars: 240 }),
      });
    }
    return { hits, total };
  }
}
