/**
 * The review grid at scale: text filters answered by the trigram index (migration 6) give exactly the
 * rows a plain substring test gives, the index stays in step with `review_rows` however its rows
 * change, and keyset paging from anchors returns the same rows as `LIMIT … OFFSET` in every order.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateReviewProject } from '../../../bench/review-grid.ts';
import { loadGold } from '../../../main/core/annotations/gold-loader.ts';
import { createCore } from '../../../main/core/core.ts';
import { FEW_MATCHES, SPACING } from '../../../main/core/review/review-paging.ts';
import { ReviewRepository } from '../../../main/core/review/review-repository.ts';
import { TEXT_COLUMNS, checkTextIndex, textTable } from '../../../main/core/review/text-index.ts';
import { openDatabase } from '../../../main/core/store/database.ts';
import { LATEST_VERSION } from '../../../main/core/store/migrations/index.ts';
import type { ReviewQuery, ReviewRow } from '../../../shared/review-schemas.ts';
import { BEFORE_MIGRATION_11, CORPUS, REPORTS, caller, tempDir } from '../core/helpers.ts';

const q = (over: Partial<ReviewQuery> = {}): ReviewQuery => ({ filters: {}, quick: [], sort: [], ...over });
const contains = (column: 'claimText' | 'source' | 'channel' | 'document', value: string, op: 'contains' | 'notContains' = 'contains'): ReviewQuery =>
  q({ filters: { [column]: { type: 'text', op, value } } });
const ids = (rows: ReviewRow[]) => rows.map((r) => r.attributionId);

async function goldProject(file = path.join(tempDir(), 'gold.claimdesk')) {
  const core = createCore({ dbPath: file, analystName: 'Reference analyst' });
  await core.importPaths(REPORTS);
  loadGold(core.annotation, path.join(CORPUS, 'gold'), CORPUS);
  return { core, call: caller(core), repo: new ReviewRepository(core.db) };
}

/** FTS5's own check that the index holds exactly what its content table (review_rows) holds. */
const ftsIntact = (db: Database.Database) => checkTextIndex(db);

describe('trigram text filters', () => {
  it('match exactly the rows that contain the text, whatever the text', async () => {
    const { core, repo } = await goldProject();
    // An Arabic source name, renamed through the sources table (the review triggers carry it to the index).
    const some = core.db.prepare(`SELECT source_id FROM review_rows ORDER BY seq LIMIT 1`).pluck().get() as string;
    core.db.prepare(`UPDATE sources SET name = 'مصدر أمني في الجيش الأردني' WHERE id = ?`).run(some);
    const all = repo.pageByOffset(q(), 0, 10_000);
    expect(all.length).toBeGreaterThan(50);
    const values = [
      'captagon', 'CAPTAGON', 'Capt', 'ca', 'c', 'الجيش', 'أمني في', 'مص', '"', 'he said "', "'", "'; DROP TABLE review_rows; --",
      'smuggl* OR army', 'NOT army', 'claim_text : x', '(a', '^the', '%', '_', '\\', 'x'.repeat(1000), ' the ', 'the border',
    ];
    for (const value of values) {
      for (const column of ['claimText', 'source'] as const) {
        const expected = all.filter((r) => r[column].toLowerCase().includes(value.toLowerCase()));
        const got = repo.page(contains(column, value), 0, 10_000);
        expect(ids(got).sort(), `${column} contains ${value.slice(0, 40)}`).toEqual(ids(expected).sort());
        expect(repo.count(contains(column, value)), value.slice(0, 40)).toBe(expected.length);
        const not = repo.page(contains(column, value, 'notContains'), 0, 10_000);
        expect(not.length, `not ${value.slice(0, 40)}`).toBe(all.length - expected.length);
      }
    }
    // Sanity: the values above do find rows, in Arabic and across words.
    expect(repo.count(contains('source', 'الجيش'))).toBeGreaterThan(0);
    expect(repo.count(contains('claimText', 'captagon'))).toBeGreaterThan(0);
    // Nullable columns: a row without a channel contains nothing, and "does not contain" anything.
    core.db.prepare(`UPDATE attributions SET channel = NULL WHERE id = ?`).run(all[0]!.attributionId);
    expect(repo.count(contains('channel', 'zzz', 'notContains'))).toBe(all.length);
    expect(ids(repo.page(contains('channel', 'zzz', 'notContains'), 0, 10_000))).toContain(all[0]!.attributionId);
    ftsIntact(core.db);
    core.close();
  });

  it('narrows "starts with", "ends with" and "equals" by trigrams and decides them exactly', async () => {
    const { core, repo } = await goldProject();
    const all = repo.pageByOffset(q(), 0, 10_000);
    const hiari = all.find((r) => r.source === 'Mustafa Hiari')!;
    const cases: Array<['startsWith' | 'endsWith' | 'equals', string, (s: string) => boolean]> = [
      ['equals', 'mustafa hiari', (s) => s.toLowerCase() === 'mustafa hiari'],
      ['startsWith', 'Must', (s) => s.toLowerCase().startsWith('must')],
      ['endsWith', 'IARI', (s) => s.toLowerCase().endsWith('iari')],
      ['startsWith', 'Mu', (s) => s.toLowerCase().startsWith('mu')],
    ];
    for (const [op, value, test] of cases) {
      const got = repo.page(q({ filters: { source: { type: 'text', op, value } } }), 0, 10_000);
      expect(ids(got).sort(), `${op} ${value}`).toEqual(ids(all.filter((r) => test(r.source))).sort());
    }
    expect(repo.page(q({ filters: { source: { type: 'text', op: 'equals', value: 'Mustafa Hiari' } } }), 0, 10).map((r) => r.sourceId)).toContain(hiari.sourceId);
    core.close();
  });

  it('uses the trigram index, and stays in step through edits, undo and a bulk rebuild of review_rows', async () => {
    const { core, call, repo } = await goldProject();
    expect(repo.plan(contains('claimText', 'captagon')).join(' | ')).toMatch(/VIRTUAL TABLE/);
    expect(repo.plan(q({ ...contains('claimText', 'captagon'), sort: [{ column: 'source', dir: 'asc' }] }), 50_000).join(' | ')).toMatch(/review_by_source/);
    const hiari = (await call('sources:list', { query: 'Hiari' }))[0]!;
    core.db.prepare(`UPDATE sources SET name = 'Mustafa al-Hiyari' WHERE id = ?`).run(hiari.id);
    expect(repo.count(contains('source', 'Hiyari'))).toBeGreaterThan(0);
    expect(repo.count(contains('source', 'Mustafa Hiari'))).toBe(0);
    const first = repo.page(contains('claimText', 'captagon'), 0, 1)[0]!;
    await call('spans:delete', { id: first.claimId });
    expect(ids(repo.page(contains('claimText', 'captagon'), 0, 1000))).not.toContain(first.attributionId);
    await call('history:undo', {});
    expect(ids(repo.page(contains('claimText', 'captagon'), 0, 1000))).toContain(first.attributionId);
    // What a pack merge does with the source tables' triggers set aside: rebuild the rows wholesale.
    const before = repo.count(contains('claimText', 'captagon'));
    core.db.exec(`DELETE FROM review_rows; INSERT INTO review_rows SELECT * FROM review_view;`);
    expect(repo.count(contains('claimText', 'captagon'))).toBe(before);
    ftsIntact(core.db);
    core.close();
  });

  it('is built for a project made before it (migration 9 backfills the per-column tables)', async () => {
    const file = path.join(tempDir(), 'old.claimdesk');
    const { core } = await goldProject(file);
    const expected = new ReviewRepository(core.db).count(contains('claimText', 'captagon'));
    const sources = new ReviewRepository(core.db).count(contains('source', 'official'));
    core.close();
    // Take the project back to format 8: migration 6's single table over every text column, with its triggers.
    const raw = new Database(file);
    const columns = TEXT_COLUMNS.join(', ');
    const values = (p: string) => TEXT_COLUMNS.map((c) => `${p}.${c}`).join(', ');
    const textTriggers = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'review_rows_text_%'`).pluck().all() as string[];
    raw.exec(`${textTriggers.map((t) => `DROP TRIGGER ${t};`).join(' ')}
      ${TEXT_COLUMNS.map((c) => `DROP TABLE ${textTable(c)};`).join(' ')}
      CREATE VIRTUAL TABLE review_fts USING fts5(${columns}, content = 'review_rows', content_rowid = 'seq', tokenize = 'trigram case_sensitive 0');
      INSERT INTO review_fts (review_fts) VALUES ('rebuild');
      CREATE TRIGGER review_rows_text_insert AFTER INSERT ON review_rows BEGIN
        INSERT INTO review_fts (rowid, ${columns}) VALUES (NEW.seq, ${values('NEW')}); END;
      CREATE TRIGGER review_rows_text_delete AFTER DELETE ON review_rows BEGIN
        INSERT INTO review_fts (review_fts, rowid, ${columns}) VALUES ('delete', OLD.seq, ${values('OLD')}); END;`);
    raw.exec(BEFORE_MIGRATION_11);
    raw.pragma('user_version = 8');
    raw.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'review_fts'`).pluck().get()).toBe(0);
    expect(expected).toBeGreaterThan(0);
    expect(sources).toBeGreaterThan(0);
    const repo = new ReviewRepository(db);
    expect(repo.count(contains('claimText', 'captagon'))).toBe(expected);
    expect(repo.count(contains('source', 'official'))).toBe(sources);
    ftsIntact(db);
    // The triggers write the new tables: a row deleted and put back is found again.
    const seq = db.prepare(`SELECT seq FROM review_rows WHERE claim_text LIKE '%captagon%' LIMIT 1`).pluck().get() as number;
    db.exec(`CREATE TEMP TABLE keep AS SELECT * FROM review_rows WHERE seq = ${seq}; DELETE FROM review_rows WHERE seq = ${seq}`);
    expect(repo.count(contains('claimText', 'captagon'))).toBe(expected - 1);
    db.exec(`INSERT INTO review_rows SELECT * FROM temp.keep`);
    expect(repo.count(contains('claimText', 'captagon'))).toBe(expected);
    ftsIntact(db);
    db.close();
  });
});

describe('keyset paging', () => {
  it('returns the rows OFFSET returns, in every order, across anchors, ties and NULLs', { timeout: 60_000 }, async () => {
    const file = path.join(tempDir(), 'many.claimdesk');
    const gen = await generateReviewProject(file, { attributions: 3 * SPACING + 700, documents: 400, sources: 40 });
    const db = openDatabase(file);
    const repo = new ReviewRepository(db);
    const total = gen.rows;
    const offsets = [0, 1, SPACING - 1, SPACING, SPACING + 1, 2 * SPACING - 50, 2 * SPACING + 3, 3 * SPACING, total - 30, total + 5];
    const queries: ReviewQuery[] = [
      q(),
      q({ sort: [{ column: 'source', dir: 'asc' }] }),
      q({ sort: [{ column: 'source', dir: 'desc' }] }),
      q({ sort: [{ column: 'status', dir: 'asc' }] }),
      q({ sort: [{ column: 'reliability', dir: 'asc' }] }),
      q({ sort: [{ column: 'reliability', dir: 'desc' }] }),
      q({ sort: [{ column: 'channel', dir: 'desc' }] }),
      q({ sort: [{ column: 'credibility', dir: 'desc' }, { column: 'source', dir: 'asc' }] }),
      q({ sort: [{ column: 'reliability', dir: 'asc' }, { column: 'credibility', dir: 'desc' }, { column: 'published', dir: 'asc' }] }),
      q({ quick: ['anonymousOnly'], sort: [{ column: 'rating', dir: 'desc' }] }),
      contains('claimText', 'captagon'),
      q({ ...contains('claimText', 'army'), quick: ['ungraded'] }),
      q({ ...contains('claimText', 'captagon'), sort: [{ column: 'published', dir: 'desc' }] }),
    ];
    for (const query of queries) {
      const label = JSON.stringify(query);
      for (const offset of offsets) {
        expect(ids(repo.page(query, offset, 100, { ahead: false })), `${label} @${offset}`).toEqual(ids(repo.pageByOffset(query, offset, 100)));
      }
      // Jumping straight to the end of a fresh walk, and the anchors all found ahead, agree too.
      repo.anchorAll(query);
      expect(ids(repo.page(query, total - 130, 100, { ahead: false })), label).toEqual(ids(repo.pageByOffset(query, total - 130, 100)));
    }
    // A change forgets the anchors: the pages follow the new rows.
    const query = q({ sort: [{ column: 'source', dir: 'asc' }] });
    repo.anchorAll(query);
    db.prepare(`UPDATE sources SET name = 'aaa first' WHERE id = (SELECT source_id FROM review_rows ORDER BY seq DESC LIMIT 1)`).run();
    expect(ids(repo.page(query, 2 * SPACING + 10, 100))).toEqual(ids(repo.pageByOffset(query, 2 * SPACING + 10, 100)));
    expect(repo.page(query, 0, 1)[0]!.source).toBe('aaa first');
    db.close();
  });

  it('reads a filtered, sorted query by its sort index when it matches many rows, and sorts few matches', { timeout: 60_000 }, async () => {
    const file = path.join(tempDir(), 'filtered.claimdesk');
    await generateReviewProject(file, { attributions: 3 * SPACING + 700, documents: 400, sources: 40 });
    const db = openDatabase(file);
    const repo = new ReviewRepository(db);
    const queries: Array<[ReviewQuery, string]> = [
      [q({ quick: ['denied'], sort: [{ column: 'source', dir: 'asc' }] }), 'review_by_source'],
      [q({ quick: ['singleSource'], sort: [{ column: 'published', dir: 'desc' }] }), 'review_by_published'],
      [q({ quick: ['anonymousOnly', 'ungraded'], sort: [{ column: 'rating', dir: 'asc' }, { column: 'source', dir: 'desc' }] }), 'review_by_rating'],
      [q({ filters: { status: { type: 'set', values: ['denied', 'disputed'] } }, sort: [{ column: 'status', dir: 'desc' }] }), 'review_by_status'],
      [q({ filters: { sourceType: { type: 'set', values: ['outlet', 'person'] }, credibility: { type: 'number', op: 'lessThan', value: 4 } }, sort: [{ column: 'credibility', dir: 'asc' }] }), 'review_by_credibility'],
    ];
    for (const [query, index] of queries) {
      const label = JSON.stringify(query);
      const total = repo.count(query);
      expect(total, label).toBeGreaterThan(100);
      // The count is only a hint to the plan: told "many" or "few", the rows are the same.
      const many = repo.plan(query, FEW_MATCHES).join(' | ');
      expect(many, label).toContain(index);
      // A second sort key orders only the ties of the first (RIGHT PART), never the whole.
      expect(many, label).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      for (const matches of [FEW_MATCHES, total]) {
        for (const offset of [0, 1, SPACING - 1, SPACING + 1, total - 30]) {
          expect(ids(repo.page(query, offset, 100, { ahead: false, matches })), `${label} @${offset} (${matches})`).toEqual(ids(repo.pageByOffset(query, offset, 100)));
        }
      }
    }
    // Few matches: found by the filter's index and sorted.
    expect(repo.plan(queries[0]![0], 10).join(' | ')).toMatch(/review_by_status.*TEMP B-TREE FOR ORDER BY/);
    db.close();
  });

  it('reads each block of a sorted query through the sort index, from its anchor', async () => {
    const file = path.join(tempDir(), 'plans.claimdesk');
    await generateReviewProject(file, { attributions: 500, documents: 50, sources: 10 });
    const db = openDatabase(file);
    const repo = new ReviewRepository(db);
    for (const [column, index] of [['source', 'review_by_source'], ['published', 'review_by_published'], ['status', 'review_by_status']] as const) {
      const plan = repo.plan(q({ sort: [{ column, dir: 'asc' }] })).join(' | ');
      expect(plan, column).toContain(index);
      expect(plan, column).not.toMatch(/TEMP B-TREE/);
    }
    db.close();
  });
});
