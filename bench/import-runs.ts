/**
 * The two ways of getting the corpus into SQLite that the import budget compares:
 *
 * - `bareImport`: the least any importer must do. A fresh file with the core's performance pragmas
 *   (`PERFORMANCE_PRAGMAS`: WAL, synchronous=NORMAL), `docs(id, title, text)`
 *   plus the core's own FTS5 DDL and configuration (read from its migration, so the two cannot drift
 *   apart), and per chunk one transaction that decodes each file's UTF-8,
 *   takes its first line as the title, and inserts title and text into both tables. It starts from the
 *   same bytes as the core, so decoding is on both sides of the ratio.
 * - `coreImport`: the core's `documents:import` service, one call (one batch, one transaction) per
 *   chunk: decoding checks, NFC, SHA-256 and duplicate lookup, language, metadata proposal, folding,
 *   provenance rows and the undo log. What the ratio measures is the price of all that.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../main/core/core.ts';
import { PERFORMANCE_PRAGMAS } from '../main/core/store/database.ts';
import documentsMigration from '../main/core/store/migrations/0002-documents.ts';
import type { CorpusFile } from './corpus.ts';
import { MemorySampler, collectGarbage, type MemoryPeaks } from './stats.ts';

export interface ImportRun {
  kind: 'bare' | 'core';
  docs: number;
  chunk: number;
  calls: number;
  ms: number;
  docsPerSec: number;
  /** Process CPU time (user + system, all threads) during the run: less sensitive to other load. */
  cpuMs: number;
  /** Size of the database file and its WAL when the import ended. */
  dbBytes: number;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

function dbBytes(file: string): number {
  const size = (f: string): number => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return size(file) + size(`${file}-wal`);
}

/**
 * The core's CREATE VIRTUAL TABLE for the full-text index and the FTS5 configuration the migration
 * sets after it (`INSERT INTO documents_fts (documents_fts, rank) VALUES (...)`), verbatim, with the
 * table renamed.
 */
export function coreFtsDdl(table: string): string {
  const create = /CREATE VIRTUAL TABLE\s+documents_fts\b[\s\S]*?\)\s*;/.exec(documentsMigration);
  if (!create) throw new Error('bench: no CREATE VIRTUAL TABLE documents_fts in migration 0002; update bench/import-runs.ts');
  const config = documentsMigration.match(/INSERT INTO documents_fts\s*\(\s*documents_fts\s*,\s*rank\s*\)\s*VALUES[^;]*;/g) ?? [];
  return [create[0], ...config].join('\n').replace(/documents_fts/g, table);
}

export function bareImport(dbPath: string, files: readonly CorpusFile[], chunk: number): ImportRun {
  const db = new Database(dbPath);
  try {
    for (const pragma of PERFORMANCE_PRAGMAS) db.pragma(pragma);
    db.exec(`CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, text TEXT); ${coreFtsDdl('docs_fts')}`);
    const insertDoc = db.prepare('INSERT INTO docs (title, text) VALUES (?, ?)');
    const insertFts = db.prepare('INSERT INTO docs_fts (rowid, title, body) VALUES (?, ?, ?)');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const insertChunk = db.transaction((slice: readonly CorpusFile[]) => {
      for (const f of slice) {
        const text = decoder.decode(f.data);
        const nl = text.indexOf('\n');
        const title = nl < 0 ? text : text.slice(0, nl);
        const id = insertDoc.run(title, text).lastInsertRowid;
        insertFts.run(id, title, text);
      }
    });
    collectGarbage();
    const cpu = process.cpuUsage();
    const start = performance.now();
    let calls = 0;
    for (let i = 0; i < files.length; i += chunk) {
      insertChunk(files.slice(i, i + chunk));
      calls++;
    }
    const ms = performance.now() - start;
    const cpuMs = cpuSince(cpu);
    return { kind: 'bare', docs: files.length, chunk, calls, ms, docsPerSec: (files.length / ms) * 1000, cpuMs, dbBytes: dbBytes(dbPath) };
  } finally {
    db.close();
  }
}

export interface CoreImportRun extends ImportRun {
  imported: number;
  duplicates: number;
  failed: number;
  memory: MemoryPeaks;
  /** The core, still open on the imported project; the caller closes it. */
  core: Core;
}

/** Imports through `documents:import`, `chunk` files per call, sampling memory every 50 ms. */
export async function coreImport(dbPath: string, files: readonly CorpusFile[], chunk: number): Promise<CoreImportRun> {
  const core = createCore({ dbPath, analystName: 'Benchmark' });
  try {
    collectGarbage();
    const sampler = new MemorySampler(50).start();
    const cpu = process.cpuUsage();
    const start = performance.now();
    let imported = 0;
    let duplicates = 0;
    let failed = 0;
    let calls = 0;
    for (let i = 0; i < files.length; i += chunk) {
      const report = await core.services['documents:import']({ jobId: `bench-${i}`, files: files.slice(i, i + chunk) });
      imported += report.imported;
      duplicates += report.duplicates;
      failed += report.failed;
      calls++;
      sampler.sample();
    }
    const ms = performance.now() - start;
    const cpuMs = cpuSince(cpu);
    const memory = sampler.stop();
    return {
      kind: 'core', docs: files.length, chunk, calls, ms, docsPerSec: (files.length / ms) * 1000, cpuMs, dbBytes: dbBytes(dbPath),
      imported, duplicates, failed, memory, core,
    };
  } catch (error) {
    core.close();
    throw error;
  }
}
