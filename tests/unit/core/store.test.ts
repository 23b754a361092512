import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, listBackups, openDatabase } from '../../../main/core/store/database.ts';
import { LATEST_VERSION } from '../../../main/core/store/migrations/index.ts';
import { DomainError } from '../../../main/core/errors.ts';
import { tempDir } from './helpers.ts';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function expectCode(fn: () => unknown, code: string): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return error as DomainError;
  }
  throw new Error(`expected ${code}`);
}

describe('project store', () => {
  it('creates a project with WAL, foreign keys, STRICT tables and the latest version', () => {
    const file = path.join(tempDir(), 'p.claimdesk');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = db
      .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'`)
      .all() as Array<{ name: string; sql: string }>;
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
    db.close();
  });

  it('refuses a project from a newer version and leaves the file untouched', () => {
    const file = path.join(tempDir(), 'future.claimdesk');
    const db = openDatabase(file);
    db.pragma(`user_version = ${LATEST_VERSION + 3}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha(file);
    const error = expectCode(() => openDatabase(file), 'NEWER_VERSION');
    expect(error.message).toContain('newer version of Claimdesk');
    expect(error.message).toContain('untouched');
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a file that is not SQLite, and one that is SQLite but not a project', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.claimdesk');
    fs.writeFileSync(text, 'These are my notes, not a database.\n'.repeat(200));
    const before = sha(text);
    expectCode(() => openDatabase(text), 'NOT_A_PROJECT');
    expect(sha(text)).toBe(before);

    const other = path.join(dir, 'other.db');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)');
    foreign.close();
    const beforeForeign = sha(other);
    const error = expectCode(() => openDatabase(other), 'NOT_A_PROJECT');
    expect(error.message).toContain('not a Claimdesk project');
    expect(sha(other)).toBe(beforeForeign);
  });

  it('refuses to open a missing project when asked not to create one', () => {
    expectCode(() => openDatabase(path.join(tempDir(), 'missing.claimdesk'), { create: false }), 'PROJECT_NOT_FOUND');
  });

  it('migrates an older project forward, keeping its data and a backup of the old version', () => {
    const file = path.join(tempDir(), 'old.claimdesk');
    const v1 = openDatabase(file, { targetVersion: 1 });
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    expect(v1.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'documents'`).pluck().get()).toBe(0);
    v1.prepare(`INSERT INTO analysts (id, display_name, created_at) VALUES ('a1', 'Rana', '2026-01-01T00:00:00Z')`).run();
    v1.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare(`SELECT display_name FROM analysts WHERE id = 'a1'`).pluck().get()).toBe('Rana');
    expect(db.prepare(`SELECT count(*) FROM documents`).pluck().get()).toBe(0);
    db.close();

    const backups = listBackups(file);
    expect(backups).toHaveLength(1);
    const backup = new Database(backups[0]!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare(`SELECT display_name FROM analysts`).pluck().get()).toBe('Rana');
    backup.close();
  });

  it('does not back up or migrate a project that is already current', () => {
    const file = path.join(tempDir(), 'p.claimdesk');
    openDatabase(file).close();
    openDatabase(file).close();
    expect(listBackups(file)).toEqual([]);
  });
});
