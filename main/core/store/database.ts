/**
 * Opening a project file. The rules, in order:
 *
 * 1. A file that is not SQLite, or is SQLite but not a Claimdesk project, is refused untouched.
 * 2. A project written by a newer Claimdesk (`user_version` above ours) is refused untouched: no
 *    pragma that writes (journal mode, migrations) runs before this check.
 * 3. Before migrating an existing project, a backup copy is made with `VACUUM INTO` (a consistent
 *    copy, WAL included, never the side files alone).
 * 4. Each migration runs in its own transaction and bumps `user_version` inside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import { LATEST_VERSION, migrations } from './migrations/index.ts';

export type Db = Database.Database;

/** 'ClDk': marks a SQLite file as a Claimdesk project. */
export const APPLICATION_ID = 0x436c446b;

/** Pages in the write-ahead log at which a commit checkpoints it (SQLite's default is 1,000). */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/**
 * The pragmas that make a connection fast, set on every connection that writes, and by the import
 * benchmark's bare loop, so that the core is compared with a loop enjoying the same settings.
 *
 * Measured and left out (docs/benchmarks.md): a 64 MiB page cache (`cache_size`), `mmap_size` and
 * `temp_store = MEMORY` did not make imports faster once FTS5 writes larger segments (its `hashsize`,
 * migration 0002), so they would only cost memory.
 */
export const PERFORMANCE_PRAGMAS: readonly string[] = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  // Checkpoints at 10,000 pages instead of 1,000, and the log file trimmed to 64 MiB after one: the
  // commit that crosses the threshold pays for the checkpoint, so it should be rare; the app also
  // checkpoints when idle and before closing. What that means for durability: store/checkpoints.ts.
  `wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`,
  `journal_size_limit = ${64 * 1024 * 1024}`,
];

export interface OpenOptions {
  /** Create the file if it does not exist (default true). */
  create?: boolean;
  /** Migrate up to this version only (tests of old versions); default the latest. */
  targetVersion?: number;
  /** Path of the native binding (the Electron build of better-sqlite3). */
  nativeBinding?: string;
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const { create = true, targetVersion = LATEST_VERSION } = options;
  const exists = fs.existsSync(file);
  if (!exists && !create) {
    throw new StoreError('PROJECT_NOT_FOUND', `There is no project at ${file}.`);
  }
  if (exists && fs.statSync(file).isDirectory()) {
    throw new StoreError('NOT_A_PROJECT', `${file} is a folder, not a Claimdesk project file.`);
  }
  if (!exists) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

  let db: Db;
  try {
    db = new Database(file, {
      fileMustExist: exists,
      readonly: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new StoreError('CANNOT_OPEN', `Cannot open ${file}: ${(error as Error).message}`);
  }
  try {
    checkIdentity(db, file);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw new StoreError(
        'NEWER_VERSION',
        `${path.basename(file)} was written by a newer version of Claimdesk (format ${version}; this version reads up to ${LATEST_VERSION}). ` +
          'It was left untouched: open it with the newer version.',
      );
    }
    if (options.readonly) return db;
    for (const pragma of PERFORMANCE_PRAGMAS) db.pragma(pragma);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (version < targetVersion) {
      if (version > 0) backupBeforeMigrating(db, file, version);
      migrate(db, version, targetVersion);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function checkIdentity(db: Db, file: string): void {
  let appId: number;
  let tables: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
    tables = (db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number }).n;
  } catch {
    throw new StoreError('NOT_A_PROJECT', `${path.basename(file)} is not a Claimdesk project (not a SQLite database).`);
  }
  if (appId !== APPLICATION_ID && (tables > 0 || appId !== 0)) {
    throw new StoreError(
      'NOT_A_PROJECT',
      `${path.basename(file)} is a SQLite database but not a Claimdesk project; it was left untouched.`,
    );
  }
}

function backupBeforeMigrating(db: Db, file: string, version: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.v${version}-${stamp}.backup`;
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

function migrate(db: Db, from: number, to: number): void {
  for (const m of migrations) {
    if (m.version <= from || m.version > to) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Lists the backups made next to a project file before migrations. */
export function listBackups(file: string): string[] {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}.v`) && f.endsWith('.backup'))
    .map((f) => path.join(dir, f));
}
