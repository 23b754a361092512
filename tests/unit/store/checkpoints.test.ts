import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../main/core/core.ts';
import { checkpoint, IdleCheckpoints } from '../../../main/core/store/checkpoints.ts';
import { openDatabase, WAL_AUTOCHECKPOINT_PAGES } from '../../../main/core/store/database.ts';
import { REPORTS, tempDir } from '../core/helpers.ts';

const setMeta = (db: Database.Database, key: string, value: string) =>
  db.prepare(`INSERT OR REPLACE INTO project_meta (key, value) VALUES (?, ?)`).run(key, value);

/**
 * What a copy of the project file alone holds (the log left behind): what a checkpoint has copied
 * into the file. The copy is opened on its own, so it cannot see the original's log.
 */
function fileAlone(file: string, key: string): string | undefined {
  const copy = path.join(tempDir(), 'copy.claimdesk');
  fs.copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    // A new project's tables themselves may still be only in the log.
    if (!db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'project_meta'`).get()) return undefined;
    return db.prepare(`SELECT value FROM project_meta WHERE key = ?`).pluck().get(key) as string | undefined;
  } finally {
    db.close();
  }
}

describe('checkpoints of the write-ahead log', () => {
  it('leaves the log to grow to 10,000 pages before a commit checkpoints it, and trims it after', () => {
    const db = openDatabase(path.join(tempDir(), 'p.claimdesk'));
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    expect(db.pragma('journal_size_limit', { simple: true })).toBe(64 * 1024 * 1024);
    db.close();
  });

  it('copies committed writes into the project file, and never runs inside a transaction', () => {
    const file = path.join(tempDir(), 'p.claimdesk');
    const db = openDatabase(file);
    checkpoint(db);
    setMeta(db, 'probe', 'one');
    // Committed, but only in the log: a copy of the file alone does not have it yet.
    expect(fileAlone(file, 'probe')).toBeUndefined();
    db.exec('BEGIN');
    setMeta(db, 'probe', 'two');
    expect(checkpoint(db)).toBeNull();
    db.exec('COMMIT');
    const result = checkpoint(db);
    expect(result).toMatchObject({ busy: 0 });
    expect(result!.checkpointed).toBe(result!.log);
    expect(fileAlone(file, 'probe')).toBe('two');
    db.close();
    expect(checkpoint(db)).toBeNull();
  });

  it('checkpoints once the project has been quiet after a write, waiting out an open transaction', async () => {
    const file = path.join(tempDir(), 'p.claimdesk');
    const db = openDatabase(file);
    checkpoint(db);
    const idle = new IdleCheckpoints(db, 5);
    db.exec('BEGIN');
    setMeta(db, 'probe', 'quiet');
    idle.noteWrite();
    // The timer fires inside the transaction (an import between chunks): it waits for the next turn.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(idle.pending).toBe(true);
    db.exec('COMMIT');
    await vi.waitFor(() => expect(idle.pending).toBe(false));
    expect(fileAlone(file, 'probe')).toBe('quiet');
    idle.close();
    db.close();
  });

  it('checkpoints when the project closes, even while another process keeps it open', async () => {
    const file = path.join(tempDir(), 'p.claimdesk');
    const core = createCore({ dbPath: file, analystName: 'Rana' });
    // The CLI or a second window: with another connection open, SQLite's own checkpoint at close
    // (which only the last connection makes) does not happen.
    const other = new Database(file);
    other.prepare(`SELECT count(*) FROM sqlite_schema`).get();
    const report = await core.importPaths([REPORTS[0]!]);
    expect(report.imported).toBe(1);
    setMeta(core.db, 'probe', 'closing');
    expect(fileAlone(file, 'probe')).toBeUndefined();
    core.close();
    expect(fileAlone(file, 'probe')).toBe('closing');
    other.close();
  });
});
