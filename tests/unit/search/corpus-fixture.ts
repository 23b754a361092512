/**
 * The sample corpus (tests/fixtures/corpus) loaded as an import would store it (NFC, \n), and an
 * in-memory FTS5 table made with exactly the DDL of migration 0002, filled with folded rows.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import migration0002 from '../../../main/core/store/migrations/0002-documents.ts';
import { foldForIndex } from '../../../shared/text/fold.ts';

const dir = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));

export interface CorpusDoc {
  rowid: number;
  name: string;
  text: string;
}

function read(relative: string): string {
  return fs.readFileSync(dir + relative, 'utf8').replace(/\r\n?/g, '\n').normalize('NFC');
}

export const corpus: readonly CorpusDoc[] = [
  '000_f0441c74b4d07c9b.txt',
  '001_8d8ef2971e5b5191.txt',
  '002_e433ff60202df370.txt',
  '003_629ec98bd1675e8a.txt',
  'arabic/naya_foriraq-captagon.txt',
].map((name, i) => ({ rowid: i + 1, name, text: read(name) }));

export function doc(prefix: string): CorpusDoc {
  const found = corpus.find((d) => d.name.startsWith(prefix));
  if (!found) throw new Error(`no corpus document ${prefix}`);
  return found;
}

export const ARABIC = 'arabic/';

/** The FTS table exactly as migration 0002 creates it (taken from the migration itself). */
export const FTS_DDL = ((): string => {
  const found = /CREATE VIRTUAL TABLE documents_fts[\s\S]*?\);/.exec(migration0002);
  if (!found) throw new Error('migration 0002 no longer creates documents_fts');
  return found[0];
})();

export function openCorpusIndex(): Database.Database {
  const db = new Database(':memory:');
  db.exec(FTS_DDL);
  const insert = db.prepare('INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)');
  for (const d of corpus) insert.run(d.rowid, '', foldForIndex(d.text));
  return db;
}
