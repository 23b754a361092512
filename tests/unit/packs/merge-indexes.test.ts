/**
 * The annotation tables' indexes built after the rows when a merge goes into a project without
 * annotations (main/core/packs/merge-indexes.ts): they are all back afterwards and agree with the
 * rows, a merge failing among the rows leaves them as they were, a project with annotations keeps
 * them throughout, and a unique index that was set aside still refuses a duplicate.
 */
import { describe, expect, it } from 'vitest';
import { DocumentRepository } from '../../../main/core/documents/document-repository.ts';
import { annotationTablesEmpty, deferAnnotationIndexes } from '../../../main/core/packs/merge-indexes.ts';
import { mergePack } from '../../../main/core/packs/pack-merge.ts';
import { PackRepository } from '../../../main/core/packs/pack-repository.ts';
import { verifyPack } from '../../../main/core/packs/pack-verify.ts';
import type { Db } from '../../../main/core/store/database.ts';
import { caller } from '../core/helpers.ts';
import { counts, emptyProject, exportBytes, goldProject, jobId } from './helpers.ts';

const schema = (db: Db) => db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all();
/** SQLite's own check that every index holds exactly its table's rows. */
const integrity = (db: Db) => db.prepare(`PRAGMA integrity_check`).pluck().all();
const annotationIndexes = (db: Db) =>
  db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
              AND tbl_name IN ('spans', 'claims', 'attributions', 'claim_links', 'taggings') ORDER BY name`).pluck().all() as string[];

describe('annotation indexes built after a merge\'s rows', { timeout: 60_000 }, () => {
  it('a merge into a project without annotations leaves every index back and in agreement with the rows', async () => {
    const a = await goldProject('alice');
    const b = emptyProject('bob', 'Bob');
    const before = schema(b.db);
    const report = await caller(b)('packs:import', { jobId: jobId(), data: await exportBytes(a), name: 'alice.claimpack' });
    expect(report.added.annotations).toBeGreaterThan(100);
    expect(schema(b.db)).toEqual(before);
    expect(integrity(b.db)).toEqual(['ok']);
    // The same pack again changes nothing: the look-ups of the second merge go through the indexes.
    const again = await caller(b)('packs:import', { jobId: jobId(), data: await exportBytes(a), name: 'alice.claimpack' });
    expect(again.label).toBeNull();
    expect(again.added.annotations).toBe(0);
    a.close();
    b.close();
  });

  it('only a project without annotations has them set aside, and they come back as they were', async () => {
    const gold = await goldProject('gold');
    const empty = emptyProject('empty');
    expect(annotationTablesEmpty(gold.db)).toBe(false);
    expect(annotationTablesEmpty(empty.db)).toBe(true);
    for (const core of [gold, empty]) {
      const before = schema(core.db);
      const names = annotationIndexes(core.db);
      expect(names).toEqual(expect.arrayContaining(['spans_document', 'attributions_claim', 'claim_links_to', 'taggings_once']));
      core.db.exec('BEGIN');
      const deferred = deferAnnotationIndexes(core.db, annotationTablesEmpty(core.db));
      if (core === gold) {
        expect(deferred.dropped).toEqual([]);
        expect(annotationIndexes(core.db)).toEqual(names);
      } else {
        expect(deferred.dropped).toEqual(names);
        expect(annotationIndexes(core.db)).toEqual([]);
      }
      deferred.restore();
      expect(() => deferred.restore()).toThrow(/already restored/);
      core.db.exec('COMMIT');
      expect(schema(core.db)).toEqual(before);
    }
    expect(() => deferAnnotationIndexes(empty.db, true)).toThrow(/inside the transaction/);
    gold.close();
    empty.close();
  });

  it('a merge that fails among the annotation rows writes nothing and leaves every index in place', async () => {
    const a = await goldProject('alice');
    const b = emptyProject('bob', 'Bob');
    const before = { schema: schema(b.db), counts: counts(b) };
    const verified = verifyPack(await exportBytes(a));
    const packs = new PackRepository(b.db);
    const insertAttribution = packs.insertAttribution.bind(packs);
    let calls = 0;
    let indexesWhenFailing: string[] | null = null;
    packs.insertAttribution = (...args: Parameters<PackRepository['insertAttribution']>) => {
      if (++calls === 5) {
        indexesWhenFailing = annotationIndexes(b.db);
        throw new Error('disk full (simulated)');
      }
      insertAttribution(...args);
    };
    const deps = {
      db: b.db, packs, documents: new DocumentRepository(b.db), oplog: b.annotation.ctx.oplog, annotation: b.annotation,
      analystId: b.identity.analystId, reindexDocument: b.annotation.ctx.reindexDocument,
    };
    await expect(mergePack(deps, verified, 'alice.claimpack')).rejects.toThrow(/disk full/);
    // It failed while the indexes were set aside, and the rollback brought them back.
    expect(indexesWhenFailing).toEqual([]);
    expect(b.db.inTransaction).toBe(false);
    expect(schema(b.db)).toEqual(before.schema);
    expect(counts(b)).toEqual(before.counts);
    expect(integrity(b.db)).toEqual(['ok']);
    a.close();
    b.close();
  });

  it('a unique index set aside still refuses a duplicate when it is built again', () => {
    const core = emptyProject('dup');
    const db = core.db;
    const at = '2026-01-01T00:00:00.000Z';
    const analyst = core.identity.analystId;
    db.exec('BEGIN');
    db.prepare(`INSERT INTO documents (id, origin, created_at, created_by, updated_at, sha256, text, language, direction, word_count)
                VALUES ('d', 'test', ?, ?, ?, ?, 'Some text.', 'en', 'ltr', 2)`).run(at, analyst, at, 'a'.repeat(64));
    db.prepare(`INSERT INTO tags (id, origin, created_at, created_by, updated_at, name) VALUES ('t', 'test', ?, ?, ?, 'Tag')`).run(at, analyst, at);
    const deferred = deferAnnotationIndexes(db, true);
    const tagging = db.prepare(`INSERT INTO taggings (id, origin, created_at, created_by, updated_at, tag_id, document_id) VALUES (?, 'test', ?, ?, ?, 't', 'd')`);
    tagging.run('g1', at, analyst, at);
    tagging.run('g2', at, analyst, at);
    expect(() => deferred.restore()).toThrow(/UNIQUE constraint failed/);
    db.exec('ROLLBACK');
    expect(integrity(db)).toEqual(['ok']);
    expect(annotationIndexes(db)).toContain('taggings_once');
    core.close();
  });
});
