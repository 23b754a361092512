/**
 * Search latency as the user waits for it: `search:query` through the core's service map (its lane,
 * query parsing, the ranked FTS query, the count, the summaries and the snippets cut from the real
 * text), timed one query at a time with performance.now().
 *
 * Also, for attributing the time, the two SQL statements of a plain search run directly on the
 * connection (ranked page + count), without parsing, summaries or snippets.
 */
import type { Core } from '../main/core/core.ts';
import { parseQuery } from '../main/core/search/query.ts';

export interface QueryTiming {
  query: string;
  limit: number;
  ms: number;
  /**
   * Process CPU time (user + system) during the query. On a busy machine a query of a few
   * milliseconds is often preempted, which wall-clock time counts and this does not.
   */
  cpuMs: number;
  total: number;
  hits: number;
  /** Hits with at least one highlighted part in the snippet or the title. */
  highlighted: number;
}

export async function timeQuery(core: Core, query: string, limit: number): Promise<QueryTiming> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const out = await core.services['search:query']({ query, limit });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const highlighted = out.hits.filter((h) => h.snippet.some((p) => p.match) || h.titleParts.some((p) => p.match)).length;
  return { query, limit, ms, cpuMs: (used.user + used.system) / 1000, total: out.total, hits: out.hits.length, highlighted };
}

export async function timeQueries(core: Core, queries: readonly string[], limit: number): Promise<QueryTiming[]> {
  const out: QueryTiming[] = [];
  for (const q of queries) out.push(await timeQuery(core, q, limit));
  return out;
}

/**
 * Each query at two limits, alternating which goes first, so that neither limit is always the one
 * that finds the pages already in SQLite's cache.
 */
export async function timePairs(core: Core, queries: readonly string[], limits: [number, number]): Promise<[QueryTiming[], QueryTiming[]]> {
  const a: QueryTiming[] = [];
  const b: QueryTiming[] = [];
  for (const [i, q] of queries.entries()) {
    if (i % 2 === 0) {
      a.push(await timeQuery(core, q, limits[0]));
      b.push(await timeQuery(core, q, limits[1]));
    } else {
      b.push(await timeQuery(core, q, limits[1]));
      a.push(await timeQuery(core, q, limits[0]));
    }
  }
  return [a, b];
}

/**
 * The SQL of an unfiltered search, bare: the best `limit` rowids by bm25 and the count. The bm25
 * weights are the service's (title 5, body 1); a different weighting would cost the same.
 */
export function timeSqlOnly(core: Core, queries: readonly string[], limit: number): number[] {
  const page = core.db.prepare(`SELECT rowid, bm25(documents_fts, 5.0, 1.0) AS score FROM documents_fts WHERE documents_fts MATCH ? ORDER BY score LIMIT ?`);
  const count = core.db.prepare(`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?`).pluck();
  return queries.map((q) => {
    const fts = parseQuery(q).fts;
    const start = performance.now();
    page.all(fts, limit);
    count.get(fts);
    return performance.now() - start;
  });
}
