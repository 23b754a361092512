/**
 * Full-text search: the query is parsed into a safe FTS5 expression (query.ts), ranked by bm25 with
 * the title weighted above the body, and only the best `limit` hits are ranked out and given
 * snippets, so a term found in nearly every document costs a bounded amount of work beyond the count.
 * Snippets are cut from the real text (the index holds folded text) by snippet.ts.
 *
 * Per search: the ranked page and the count (statements prepared once, per filter combination), one
 * statement for the hits' summaries and texts, and the highlight patterns compiled once for all hits.
 */
import type { Statement } from 'better-sqlite3';
import type { SearchHit } from '../../../shared/contract.ts';
import type { Db } from '../store/database.ts';
import { LEAD_CHARS, filterSql, type DocumentFilter, type DocumentRepository } from '../documents/document-repository.ts';
import { parseQuery } from './query.ts';
import { compileTerms, makeSnippet, markAll } from './snippet.ts';
import { SearchAliases } from './search-aliases.ts';

/** bm25 column weights: a word in the title counts as much as five in the body. */
const TITLE_WEIGHT = 5.0;
const BODY_WEIGHT = 1.0;
const RANK = `bm25(documents_fts, ${TITLE_WEIGHT}, ${BODY_WEIGHT})`;

export interface SearchInput extends DocumentFilter {
  query: string;
  limit: number;
}

interface Statements {
  page: Statement<unknown[]>;
  count: Statement<unknown[]>;
}

export class SearchService {
  readonly aliases: SearchAliases;
  /** The page and count statements, by the filter's WHERE clause ('' unfiltered). */
  private readonly statements = new Map<string, Statements>();

  constructor(
    private readonly db: Db,
    private readonly documents: DocumentRepository,
  ) {
    this.aliases = new SearchAliases(db);
  }

  search(input: SearchInput): { hits: SearchHit[]; total: number } {
    const parsed = parseQuery(input.query, this.aliases.map());
    const filtered = Boolean(input.outlet || input.from || input.to);
    const { where, params } = filtered ? filterSql(input) : { where: '', params: [] };
    const { page, count } = this.statementsFor(where);
    const rows = page.all(parsed.fts, ...params, input.limit) as Array<{ seq: number; score: number }>;
    const total = count.get(parsed.fts, ...params) as number;

    const found = this.documents.hitsBySeq(rows.map((r) => r.seq));
    const matcher = compileTerms(parsed.terms.filter((t) => !t.negated));
    const hits: SearchHit[] = [];
    for (const r of rows) {
      const hit = found.get(r.seq);
      if (!hit) continue;
      const { document, text } = hit;
      hits.push({
        // An untitled document is named by its opening, as in the list of documents.
        document: document.title === null ? { ...document, lead: text.slice(0, LEAD_CHARS) } : document,
        score: -r.score,
        titleParts: markAll(document.title ?? '', matcher),
        snippet: makeSnippet(text, matcher, { maxChars: 240 }),
      });
    }
    return { hits, total };
  }

  private statementsFor(where: string): Statements {
    let s = this.statements.get(where);
    if (s === undefined) {
      s =
        where === ''
          ? {
              page: this.db.prepare(`SELECT rowid AS seq, ${RANK} AS score FROM documents_fts WHERE documents_fts MATCH ? ORDER BY score LIMIT ?`),
              count: this.db.prepare(`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?`).pluck(),
            }
          : {
              page: this.db.prepare(
                `SELECT f.rowid AS seq, ${RANK} AS score FROM documents_fts f JOIN documents d ON d.seq = f.rowid
                 WHERE documents_fts MATCH ? AND ${where} ORDER BY score LIMIT ?`,
              ),
              count: this.db
                .prepare(`SELECT count(*) FROM documents_fts f JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH ? AND ${where}`)
                .pluck(),
            };
      this.statements.set(where, s);
    }
    return s;
  }
}
