/**
 * Benchmark: importing news documents with FTS indexing, and searching them.
 *
 * Budgets (ARCHITECTURE.md, "Performance budgets", for 100,000 documents of ~3 KB on 2 cores):
 * import ≥ 10,000 docs/s and ≥ 0.8 of a bare better-sqlite3 insert + FTS loop in the same run;
 * search p95 ≤ 10 ms for typical terms (df ≤ 1%), first hits (limit 10) p95 ≤ 5 ms.
 *
 * Order of the import runs: bare, core, core, bare (ABBA), and the best of the two of each kind is
 * compared, so that neither side is always the one that runs on a cold or a full disk cache. Search
 * is measured on the project of the second core run. Then, optionally, the whole corpus is imported
 * in one call (one batch, one transaction), which is what a user dropping a folder does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Benchmark, BenchContext, BenchResult, Figure } from './benchmark.ts';
import { arabicExpected, chooseTerms, generateCorpus, type Corpus, type TermChoice } from './corpus.ts';
import { bareImport, coreImport, type CoreImportRun, type ImportRun } from './import-runs.ts';
import { formatValue } from './report.ts';
import { timePairs, timeQueries, timeSqlOnly, type QueryTiming } from './search-latency.ts';
import { MB, collectGarbage, summarize, type MemoryPeaks } from './stats.ts';

const BUDGET_DOCS = 100_000;
const TYPICAL_DF = { lo: 0.0005, hi: 0.01 };
const COMMON_DF_MIN = 0.9;
const ARABIC_QUERIES = ['الكبتاغون', 'كيلوغرامًا', 'عراب'];

export const importSearch: Benchmark = {
  name: 'import-search',
  description: 'documents:import with FTS indexing vs a bare better-sqlite3 loop; search:query latency on the result',
  options: {
    docs: { default: BUDGET_DOCS, help: 'documents in the synthetic corpus (budgets are stated for 100,000)' },
    seed: { default: 20240601, help: 'PRNG seed of the corpus' },
    bytes: { default: 3000, help: 'mean document size in bytes' },
    chunk: { default: 5000, help: 'files per documents:import call (one call is one batch)' },
    'single-batch': { default: true, help: 'also import the whole corpus in one call, if memory allows' },
    typical: { default: 200, help: 'typical terms to time' },
  },
  run,
};

async function run(ctx: BenchContext): Promise<BenchResult> {
  const docs = num(ctx, 'docs');
  const chunk = num(ctx, 'chunk');
  const notes: string[] = [];

  ctx.log(`generating ${docs.toLocaleString('en-US')} documents (seed ${num(ctx, 'seed')})`);
  const corpus = generateCorpus({ docs, seed: num(ctx, 'seed'), targetBytes: num(ctx, 'bytes') });
  const terms = chooseTerms(corpus, { typical: num(ctx, 'typical'), warmup: 50, ...TYPICAL_DF, commonMin: COMMON_DF_MIN, commonMax: 10 });
  const dfNote = describeTerms(corpus, terms);
  ctx.log(dfNote);
  notes.push(dfNote);
  const corpusMB = corpus.totalBytes / MB;

  // Import: bare, core, core, bare.
  const runs: ImportRun[] = [];
  const bare = (label: string): void => {
    ctx.log(`import ${label}: bare better-sqlite3 loop, ${chunk} per transaction`);
    const dir = ctx.tempDir(`bare-${label}`);
    const r = bareImport(path.join(dir, 'bare.sqlite'), corpus.files, chunk);
    fs.rmSync(dir, { recursive: true, force: true });
    runs.push(r);
    ctx.log(`  ${fmtRate(r)}`);
  };
  const core = async (label: string): Promise<CoreImportRun> => {
    ctx.log(`import ${label}: core documents:import, ${chunk} files per call`);
    const r = await coreImport(path.join(ctx.tempDir(`core-${label}`), 'bench.claimdesk'), corpus.files, chunk);
    runs.push(r);
    ctx.log(`  ${fmtRate(r)}; imported ${r.imported}, duplicates ${r.duplicates}, failed ${r.failed}`);
    return r;
  };
  bare('1');
  const core1 = await core('2');
  discard(core1);
  const core2 = await core('3');
  if (core2.imported !== docs) notes.push(`! the core imported ${core2.imported} of ${docs} files (${core2.duplicates} duplicates, ${core2.failed} failed)`);

  const search = await measureSearch(ctx, core2, corpus, terms);
  notes.push(...search.notes);
  discard(core2);
  collectGarbage();
  bare('4');

  const bestBare = best(runs, 'bare');
  const bestCore = best(runs, 'core');
  notes.push(
    `import order bare, core, core, bare; best of 2 of each compared: ${runs.map((r) => `${r.kind} ${formatValue(r.docsPerSec, 'docs/s')}`).join(', ')} docs/s`,
  );

  let single: CoreImportRun | null = null;
  if (ctx.options['single-batch'] === true) {
    const needed = corpus.totalBytes * 4;
    if (os.freemem() > needed) {
      collectGarbage();
      ctx.log(`import 5: core documents:import, all ${docs} files in one call`);
      single = await coreImport(path.join(ctx.tempDir('core-single'), 'bench.claimdesk'), corpus.files, docs);
      discard(single);
      ctx.log(`  ${fmtRate(single)}`);
    } else {
      notes.push(`single-batch import skipped: ${Math.round(os.freemem() / MB)} MB free, ${Math.round(needed / MB)} MB wanted`);
    }
  }

  if (docs !== BUDGET_DOCS) notes.push(`budgets are stated for ${BUDGET_DOCS.toLocaleString('en-US')} documents; at ${docs.toLocaleString('en-US')} the verdicts are indicative only`);

  const figures: Figure[] = [
    { key: 'corpus.docs', label: 'corpus: documents', value: docs, unit: 'docs' },
    { key: 'corpus.meanBytes', label: 'corpus: mean document size', value: corpus.totalBytes / docs, unit: 'B' },
    { key: 'corpus.MB', label: 'corpus: total (held in memory)', value: corpusMB, unit: 'MB' },
    { key: 'corpus.generationSeconds', label: 'corpus: generation time', value: corpus.generationMs / 1000, unit: 's' },
    ...importFigures(bestBare, bestCore, single, corpusMB, chunk),
    ...memoryFigures('chunked', maxGrowth([core1.memory, core2.memory]), `${chunk}/call, worse of the 2 core runs`),
    ...(single ? memoryFigures('single', single.memory, 'one call') : []),
    { key: 'db.core.MB', label: 'project file (db + wal)', value: core2.dbBytes / MB, unit: 'MB' },
    { key: 'db.bare.MB', label: 'bare loop file (db + wal)', value: bestBare.dbBytes / MB, unit: 'MB' },
    ...search.figures,
  ];
  return {
    figures,
    notes,
    details: {
      corpus: {
        docs, bytes: corpus.totalBytes, meanBytes: corpus.totalBytes / docs, vocabulary: corpus.words.length,
        realWords: corpus.realWords, arabicDocuments: corpus.arabicParagraphs.length, generationMs: corpus.generationMs,
      },
      terms: {
        typicalDfBounds: TYPICAL_DF, typicalCandidates: terms.typicalCandidates, typicalDfRange: terms.typicalDfRange,
        commonDfMin: COMMON_DF_MIN, commonDfRange: terms.commonDfRange,
        typical: terms.typical, common: terms.common, warmup: terms.warmup.map((t) => t.term),
      },
      importRuns: [...runs, ...(single ? [single] : [])].map(({ kind, docs: n, chunk: c, calls, ms, cpuMs, docsPerSec, dbBytes }) => ({ kind, docs: n, chunk: c, calls, ms, cpuMs, docsPerSec, dbBytes })),
      memory: { chunked: [core1.memory, core2.memory], single: single?.memory ?? null },
      search: search.details,
    },
  };
}

function importFigures(bare: ImportRun, core: ImportRun, single: ImportRun | null, corpusMB: number, chunk: number): Figure[] {
  const perCall = `${chunk.toLocaleString('en-US')} files per call`;
  const out: Figure[] = [
    { key: 'import.bare.docsPerSec', label: 'import: bare better-sqlite3 + FTS loop', value: bare.docsPerSec, unit: 'docs/s', note: `${chunk.toLocaleString('en-US')} per transaction, best of 2` },
    { key: 'import.bare.MBps', label: 'import: bare loop throughput', value: corpusMB / (bare.ms / 1000), unit: 'MB/s' },
    { key: 'import.core.docsPerSec', label: 'import: core documents:import', value: core.docsPerSec, unit: 'docs/s', budget: { op: '>=', limit: 10_000 }, note: `${perCall}, best of 2` },
    { key: 'import.core.MBps', label: 'import: core throughput', value: corpusMB / (core.ms / 1000), unit: 'MB/s' },
    { key: 'import.ratio', label: 'import: core / bare', value: core.docsPerSec / bare.docsPerSec, unit: 'x', budget: { op: '>=', limit: 0.8 } },
    { key: 'import.bare.cpuDocsPerSec', label: 'import: bare, per CPU second', value: (bare.docs / bare.cpuMs) * 1000, unit: 'docs/s', note: 'docs / process CPU time: less sensitive to other load' },
    { key: 'import.core.cpuDocsPerSec', label: 'import: core, per CPU second', value: (core.docs / core.cpuMs) * 1000, unit: 'docs/s' },
    { key: 'import.cpuRatio', label: 'import: core / bare, per CPU second', value: bare.cpuMs / core.cpuMs, unit: 'x', note: 'the ratio on a busy machine' },
  ];
  if (single) {
    out.push(
      { key: 'import.coreSingleBatch.docsPerSec', label: 'import: core, one batch', value: single.docsPerSec, unit: 'docs/s', note: `all ${single.docs.toLocaleString('en-US')} files in one call` },
      { key: 'import.coreSingleBatch.MBps', label: 'import: core, one batch throughput', value: corpusMB / (single.ms / 1000), unit: 'MB/s' },
    );
  }
  return out;
}

function memoryFigures(which: 'chunked' | 'single', m: MemoryPeaks, note: string): Figure[] {
  const label = which === 'chunked' ? 'memory (import)' : 'memory (one batch)';
  return [
    { key: `memory.${which}.rssPeakMB`, label: `${label}: peak rss`, value: m.peak.rss / MB, unit: 'MB', note: `baseline ${formatValue(m.baseline.rss / MB, 'MB')} MB incl. corpus; ${note}` },
    { key: `memory.${which}.rssGrowthMB`, label: `${label}: rss growth`, value: (m.peak.rss - m.baseline.rss) / MB, unit: 'MB' },
    { key: `memory.${which}.heapPeakMB`, label: `${label}: peak heapUsed`, value: m.peak.heapUsed / MB, unit: 'MB' },
    { key: `memory.${which}.heapGrowthMB`, label: `${label}: heapUsed growth`, value: (m.peak.heapUsed - m.baseline.heapUsed) / MB, unit: 'MB', note: `${m.samples} samples` },
  ];
}

interface SearchOutcome {
  figures: Figure[];
  notes: string[];
  details: Record<string, unknown>;
}

async function measureSearch(ctx: BenchContext, run: CoreImportRun, corpus: Corpus, terms: TermChoice): Promise<SearchOutcome> {
  const { core } = run;
  const typical = terms.typical.map((t) => t.term);
  const common = terms.common.map((t) => t.term);
  const phrases = [...corpus.phrases.map((p) => `"${p}"`), `"${corpus.words[0]} ${corpus.words[1]}"`];
  const prefixes = (len: number, n: number): string[] => [...new Set(typical.map((t) => `${t.slice(0, len)}*`))].slice(0, n);

  ctx.log('search: warming up');
  const warm = terms.warmup.map((t) => t.term);
  await timeQueries(core, warm, 20);
  await timeQueries(core, warm, 10);
  await timeQueries(core, [...common.slice(0, 2), phrases[0] ?? 'the', prefixes(3, 1)[0] ?? 'th*'], 20);
  timeSqlOnly(core, warm, 20);
  collectGarbage();

  ctx.log(`search: ${typical.length} typical terms at limits 20 and 10, ${common.length} common terms, phrases, prefixes`);
  const [page, first] = await timePairs(core, typical, [20, 10]);
  const commonT = await timeQueries(core, common, 20);
  const phraseT = await timeQueries(core, phrases, 20);
  const prefix3 = await timeQueries(core, prefixes(3, 10), 20);
  const prefix5 = await timeQueries(core, prefixes(5, 10), 20);
  const prefix2 = await timeQueries(core, prefixes(2, 3), 20);
  const sql = summarize(timeSqlOnly(core, typical, 20));
  const commonSql = summarize(timeSqlOnly(core, common, 20));
  // The Arabic checks are about folding: without the project's search aliases, which would widen
  // الكبتاغون to "captagon", a word of the synthetic vocabulary (measured last, so nothing else runs
  // without them).
  let arabic: QueryTiming[] = [];
  if (corpus.arabicParagraphs.length > 0) {
    await core.services['search:setAliases']({ groups: [] });
    arabic = await timeQueries(core, ARABIC_QUERIES, 20);
  }

  const notes: string[] = [];
  const wrongTotals = page.filter((t, i) => t.total !== terms.typical[i]?.df);
  notes.push(
    wrongTotals.length === 0
      ? `search totals equal the generator's document frequencies for all ${page.length} typical terms`
      : `! ${wrongTotals.length} typical terms have a search total different from their document frequency, e.g. ${wrongTotals[0]?.query}`,
  );
  const unmarked = page.reduce((s, t) => s + (t.hits - t.highlighted), 0);
  if (unmarked > 0) notes.push(`! ${unmarked} typical-term hits have no highlighted part in their snippet or title`);
  for (const t of arabic) {
    const expected = arabicExpected(corpus, t.query);
    notes.push(`${t.total === expected ? '' : '! '}arabic ${t.query}: ${t.total} hits, ${expected} expected (folding), ${fmtMs(t.ms)}`);
  }
  for (const [name, ts] of [['phrase', phraseT], ['prefix', [...prefix2, ...prefix3, ...prefix5]]] as const) {
    notes.push(`${name} queries: ${ts.map((t) => `${t.query} ${t.total} hits ${fmtMs(t.ms)}`).join('; ')}`);
  }

  const p = summarize(page.map((t) => t.ms));
  const f = summarize(first.map((t) => t.ms));
  const pCpu = summarize(page.map((t) => t.cpuMs));
  const fCpu = summarize(first.map((t) => t.cpuMs));
  const c = summarize(commonT.map((t) => t.ms));
  const group = (key: string, label: string, ts: QueryTiming[]): Figure[] => {
    const s = summarize(ts.map((t) => t.ms));
    const meanTotal = Math.round(ts.reduce((a, t) => a + t.total, 0) / Math.max(1, ts.length));
    return [
      { key: `search.${key}.p50`, label: `search ${label}: p50`, value: s.p50, unit: 'ms', note: `${ts.length} queries, mean ${meanTotal.toLocaleString('en-US')} hits` },
      { key: `search.${key}.max`, label: `search ${label}: max`, value: s.max, unit: 'ms' },
    ];
  };
  const typicalNote = `${page.length} terms, df ${terms.typicalDfRange[0]}–${terms.typicalDfRange[1]} docs`;
  const figures: Figure[] = [
    { key: 'search.typical.p50', label: 'search typical, limit 20: p50', value: p.p50, unit: 'ms', note: `${typicalNote}, snippets included` },
    { key: 'search.typical.p95', label: 'search typical, limit 20: p95', value: p.p95, unit: 'ms', budget: { op: '<=', limit: 10 } },
    { key: 'search.typical.p99', label: 'search typical, limit 20: p99', value: p.p99, unit: 'ms' },
    { key: 'search.typical.max', label: 'search typical, limit 20: max', value: p.max, unit: 'ms' },
    { key: 'search.firstHits.p50', label: 'search first hits (limit 10): p50', value: f.p50, unit: 'ms' },
    { key: 'search.firstHits.p95', label: 'search first hits (limit 10): p95', value: f.p95, unit: 'ms', budget: { op: '<=', limit: 5 } },
    { key: 'search.typical.cpuP50', label: 'search typical, limit 20: CPU p50', value: pCpu.p50, unit: 'ms', note: 'process CPU time per query: less sensitive to other load' },
    { key: 'search.typical.cpuP95', label: 'search typical, limit 20: CPU p95', value: pCpu.p95, unit: 'ms' },
    { key: 'search.firstHits.cpuP95', label: 'search first hits (limit 10): CPU p95', value: fCpu.p95, unit: 'ms' },
    { key: 'search.typicalSqlOnly.p50', label: 'search typical, SQL only: p50', value: sql.p50, unit: 'ms', note: 'ranked page + count, no parsing/summaries/snippets' },
    { key: 'search.typicalSqlOnly.p95', label: 'search typical, SQL only: p95', value: sql.p95, unit: 'ms' },
    { key: 'search.common.p50', label: 'search common, limit 20: p50', value: c.p50, unit: 'ms', note: `${commonT.length} terms, df ≥ ${terms.commonDfRange[0].toLocaleString('en-US')} docs` },
    { key: 'search.common.p95', label: 'search common, limit 20: p95', value: c.p95, unit: 'ms' },
    { key: 'search.commonSqlOnly.p50', label: 'search common, SQL only: p50', value: commonSql.p50, unit: 'ms', note: 'bm25 and count over every matching row' },
    ...group('phrase', 'phrase', phraseT),
    ...group('prefix2', 'prefix, 2 letters', prefix2),
    ...group('prefix3', 'prefix, 3 letters', prefix3),
    ...group('prefix5', 'prefix, 5 letters', prefix5),
  ];
  const strip = (ts: QueryTiming[]) => ts.map(({ query, limit, ms, cpuMs, total, hits }) => ({ query, limit, ms, cpuMs, total, hits }));
  return {
    figures,
    notes,
    details: {
      typicalLimit20: p, firstHitsLimit10: f, typicalLimit20Cpu: pCpu, firstHitsLimit10Cpu: fCpu, common: c, typicalSqlOnly: sql, commonSqlOnly: commonSql,
      queries: { typical20: strip(page), typical10: strip(first), common: strip(commonT), phrase: strip(phraseT), prefix2: strip(prefix2), prefix3: strip(prefix3), prefix5: strip(prefix5), arabic: strip(arabic) },
    },
  };
}

function describeTerms(corpus: Corpus, t: TermChoice): string {
  const docs = corpus.files.length;
  const pct = (n: number): string => `${((100 * n) / docs).toFixed(2)}%`;
  return (
    `query terms: ${t.typical.length} typical of ${t.typicalCandidates.toLocaleString('en-US')} candidates with df in (${pct(TYPICAL_DF.lo * docs)}, ${pct(TYPICAL_DF.hi * docs)}], ` +
    `used df ${t.typicalDfRange[0]}–${t.typicalDfRange[1]} docs (${pct(t.typicalDfRange[0])}–${pct(t.typicalDfRange[1])}); ` +
    `${t.common.length} common with df ${t.commonDfRange[0].toLocaleString('en-US')}–${t.commonDfRange[1].toLocaleString('en-US')} docs (≥ ${COMMON_DF_MIN * 100}%): ${t.common.map((c) => c.term).join(', ')}`
  );
}

/** Closes the core of a run and deletes its project, to keep at most one on disk. */
function discard(run: CoreImportRun): void {
  run.core.close();
  fs.rmSync(path.dirname(run.core.path), { recursive: true, force: true });
}

function best(runs: ImportRun[], kind: ImportRun['kind']): ImportRun {
  const mine = runs.filter((r) => r.kind === kind);
  return mine.reduce((a, b) => (b.docsPerSec > a.docsPerSec ? b : a), mine[0]!);
}

function maxGrowth(ms: MemoryPeaks[]): MemoryPeaks {
  return ms.reduce((a, b) => (b.peak.rss - b.baseline.rss > a.peak.rss - a.baseline.rss ? b : a));
}

function num(ctx: BenchContext, name: string): number {
  return ctx.options[name] as number;
}

const fmtMs = (ms: number): string => `${formatValue(ms, 'ms')} ms`;
const fmtRate = (r: ImportRun): string =>
  `${formatValue(r.docsPerSec, 'docs/s')} docs/s (${formatValue(r.ms / 1000, 's')} s, CPU ${formatValue(r.cpuMs / 1000, 's')} s, ${r.calls} call${r.calls === 1 ? '' : 's'})`;
