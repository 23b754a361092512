/**
 * The review index with its row triggers set aside (main/core/review/review-index.ts): a merge, and
 * every kind of change the triggers follow, leave `review_rows` exactly as the triggers would have;
 * the triggers are back afterwards, after a failure too; the triggers on `review_rows` itself (the
 * trigram index of migration 0006, when present) keep running and stay consistent.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core.ts';
import { DocumentRepository } from '../../../main/core/documents/document-repository.ts';
import { mergePack } from '../../../main/core/packs/pack-merge.ts';
import { PackRepository } from '../../../main/core/packs/pack-repository.ts';
import { verifyPack } from '../../../main/core/packs/pack-verify.ts';
import { reviewTriggers, withReviewIndexSuspended } from '../../../main/core/review/review-index.ts';
import { FTS5_DEFAULT_HASH_SIZE, TEXT_COLUMNS, checkTextIndex, textTable } from '../../../main/core/review/text-index.ts';
import type { Db } from '../../../main/core/store/database.ts';
import { caller, tempDir } from '../core/helpers.ts';
import { ANALYST, counts, emptyProject, exportBytes, goldProject, jobId } from './helpers.ts';

const rows = (db: Db) => db.prepare(`SELECT * FROM review_rows ORDER BY seq`).all();
/**
 * Rows of two projects, compared without `seq` (each project numbers its own) and `status_reason`
 * (it names the linked claims' sources in the order the links were made, which a merge need not keep).
 */
const rowsAcross = (db: Db) =>
  (db.prepare(`SELECT * FROM review_rows ORDER BY attribution_id`).all() as Array<Record<string, unknown>>).map(
    ({ seq: _seq, status_reason: _reason, ...r }) => r,
  );
const fromView = (db: Db) => db.prepare(`SELECT * FROM review_view ORDER BY seq`).all();
const triggers = (db: Db) => db.prepare(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
/** Every table, index, trigger and view as stored, and the hash size each trigram table uses. */
const schema = (db: Db) => ({
  objects: db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all(),
  textIndexHashSizes: TEXT_COLUMNS.map(
    (c) => (db.prepare(`SELECT v FROM ${textTable(c)}_config WHERE k = 'hashsize'`).pluck().get() as number | undefined) ?? FTS5_DEFAULT_HASH_SIZE,
  ),
});
const tempObjects = (db: Db) => db.prepare(`SELECT name FROM sqlite_temp_master`).pluck().all();

/**
 * FTS5 checks each trigram table (migration 9) against review_rows (it throws when they differ), and
 * a trigram query on each column finds what a LIKE scan of that column finds.
 */
function textIndexConsistent(db: Db): void {
  checkTextIndex(db);
  for (const word of ['army', 'Reference', 'mini']) {
    for (const column of TEXT_COLUMNS) {
      const t = textTable(column);
      const byIndex = db.prepare(`SELECT rowid FROM ${t} WHERE ${t} MATCH ? ORDER BY rowid`).pluck().all(`"${word}"`);
      const byScan = db.prepare(`SELECT seq FROM review_rows WHERE ${column} LIKE ? ORDER BY seq`).pluck().all(`%${word}%`);
      expect(byIndex, `${column} ${word}`).toEqual(byScan);
    }
  }
}

/** A copy of the project, to run the same changes with the triggers in place. */
function twin(core: Core, name: string): Core {
  const file = path.join(tempDir(), `${name}.claimdesk`);
  core.db.prepare('VACUUM INTO ?').run(file);
  return createCore({ dbPath: file, analystName: ANALYST });
}

describe('the review index set aside for bulk writes', { timeout: 60_000 }, () => {
  it('a merge into an empty project leaves the rows the triggers built in the exporting project', async () => {
    const a = await goldProject('alice');
    const b = emptyProject('bob', 'Bob');
    const before = triggers(b.db);
    const schemaBefore = schema(b.db);
    expect(reviewTriggers(b.db).length).toBeGreaterThan(5);
    await caller(b)('packs:import', { jobId: jobId(), data: await exportBytes(a), name: 'alice.claimpack' });
    expect(rows(b.db).length).toBeGreaterThan(10);
    expect(rows(b.db)).toEqual(fromView(b.db));
    // Alice's rows were kept by the triggers, one change at a time; the merge rebuilt Bob's at once.
    expect(rowsAcross(b.db)).toEqual(rowsAcross(a.db));
    expect(triggers(b.db)).toEqual(before);
    // The indexes dropped for the whole rebuild (review_rows') and for the rows (the annotation
    // tables', merge-indexes.ts) are all back, and the trigram index's hash size is as it was.
    expect(schema(b.db)).toEqual(schemaBefore);
    expect(tempObjects(b.db)).toEqual([]);
    textIndexConsistent(b.db);
    // Undo of the merge goes through the triggers, row by row: the index empties with the project.
    await caller(b)('history:undo', {});
    expect(rows(b.db)).toEqual([]);
    expect(fromView(b.db)).toEqual([]);
    textIndexConsistent(b.db);
    a.close();
    b.close();
  });

  it('a second merge into a project with rows rebuilds only what changed, as the triggers would', async () => {
    const a = await goldProject('alice');
    const b = emptyProject('bob', 'Bob');
    await caller(b)('packs:import', { jobId: jobId(), data: await exportBytes(a), name: 'first.claimpack' });
    const A = caller(a);
    const [doc] = (await A('documents:list', {})).items;
    const claim = (await A('annotations:get', { documentId: doc!.id })).claims[0]!;
    const source = await A('sources:create', { name: 'A new ministry', type: 'organisation' });
    await A('attributions:create', { claimId: claim.id, sourceId: source.id, credibility: 2 });
    const second = await exportBytes(a);
    const untouched = rows(b.db).filter((r) => (r as { claim_id: string }).claim_id !== claim.id);
    const report = await caller(b)('packs:import', { jobId: jobId(), data: second, name: 'second.claimpack' });
    expect(report.added.attributions).toBe(1);
    expect(rows(b.db)).toEqual(fromView(b.db));
    expect(rows(b.db).filter((r) => (r as { claim_id: string }).claim_id !== claim.id)).toEqual(untouched);
    expect(rowsAcross(b.db)).toEqual(rowsAcross(a.db));
    textIndexConsistent(b.db);
    a.close();
    b.close();
  });

  it('every change the triggers follow gives the same rows, seq for seq, as with the triggers', async () => {
    const core = await goldProject('changes');
    const copy = twin(core, 'changes-twin');
    const change = (db: Db) => {
      const one = (sql: string) => db.prepare(sql).pluck().get() as string;
      const cue = one(`SELECT cue_span_id FROM attributions WHERE cue_span_id IS NOT NULL AND deleted_at IS NULL ORDER BY seq LIMIT 1`);
      const source = one(`SELECT source_id FROM attributions WHERE deleted_at IS NULL ORDER BY seq LIMIT 1`);
      const document = one(`SELECT document_id FROM claims ORDER BY seq LIMIT 1`);
      const claim = one(`SELECT claim_id FROM attributions WHERE deleted_at IS NULL ORDER BY seq DESC LIMIT 1`);
      const attribution = one(`SELECT id FROM attributions WHERE deleted_at IS NULL ORDER BY seq LIMIT 1 OFFSET 2`);
      const tag = one(`SELECT id FROM tags ORDER BY seq LIMIT 1`);
      const analyst = one(`SELECT id FROM analysts LIMIT 1`);
      const at = '2026-02-01T00:00:00.000Z';
      db.prepare(`UPDATE spans SET exact = exact || ' (cue)' WHERE id = ?`).run(cue);
      db.prepare(`UPDATE sources SET name = 'Renamed source', reliability = 'E' WHERE id = ?`).run(source);
      db.prepare(`UPDATE documents SET title = 'Renamed report' WHERE id = ?`).run(document);
      db.prepare(`UPDATE claims SET status_override = 'disputed', override_reason = 'test' WHERE id = ?`).run(claim);
      db.prepare(`UPDATE attributions SET deleted_at = ? WHERE id = ?`).run(at, attribution);
      db.prepare(`UPDATE tags SET name = 'Renamed tag' WHERE id = ?`).run(tag);
      db.prepare(`INSERT INTO taggings (id, origin, created_at, updated_at, created_by, tag_id, span_id) VALUES ('t-1', 'test', ?, ?, ?, ?, ?)`)
        .run(at, at, analyst, tag, claim);
      db.prepare(`UPDATE spans SET deleted_at = ? WHERE id = (SELECT claim_id FROM attributions WHERE deleted_at IS NULL ORDER BY seq LIMIT 1 OFFSET 5)`).run(at);
    };
    copy.db.transaction(() => change(copy.db))();
    core.db.transaction(() => withReviewIndexSuspended(core.db, () => change(core.db)))();
    expect(rows(core.db)).toEqual(rows(copy.db));
    expect(rows(core.db)).toEqual(fromView(core.db));
    expect(triggers(core.db)).toEqual(triggers(copy.db));
    textIndexConsistent(core.db);
    core.close();
    copy.close();
  });

  it('is refused outside a transaction', () => {
    const core = emptyProject('outside');
    expect(() => withReviewIndexSuspended(core.db, () => 1)).toThrow(/inside the transaction/);
    expect(tempObjects(core.db)).toEqual([]);
    core.close();
  });

  it('a merge that fails part-way writes nothing and leaves every trigger in place', async () => {
    const a = await goldProject('alice');
    const b = emptyProject('bob', 'Bob');
    const before = { triggers: triggers(b.db), counts: counts(b), rows: rows(b.db), schema: schema(b.db) };
    const verified = verifyPack(await exportBytes(a));
    const oplog = Object.create(b.annotation.ctx.oplog) as typeof b.annotation.ctx.oplog;
    let writes = 0;
    oplog.record = (...args) => {
      if (++writes === 40) throw new Error('disk full (simulated)');
      return b.annotation.ctx.oplog.record(...args);
    };
    const deps = {
      db: b.db, packs: new PackRepository(b.db), documents: new DocumentRepository(b.db), oplog, annotation: b.annotation,
      analystId: b.identity.analystId, reindexDocument: b.annotation.ctx.reindexDocument,
    };
    await expect(mergePack(deps, verified, 'alice.claimpack')).rejects.toThrow(/disk full/);
    expect(b.db.inTransaction).toBe(false);
    expect(triggers(b.db)).toEqual(before.triggers);
    expect(schema(b.db)).toEqual(before.schema);
    expect(tempObjects(b.db)).toEqual([]);
    expect(counts(b)).toEqual(before.counts);
    expect(rows(b.db)).toEqual(before.rows);
    // And the triggers work: the same merge, unhindered, is kept in step by them afterwards.
    await caller(b)('packs:import', { jobId: jobId(), data: await exportBytes(a), name: 'alice.claimpack' });
    const attribution = b.db.prepare(`SELECT id FROM attributions LIMIT 1`).pluck().get() as string;
    b.db.prepare(`UPDATE attributions SET channel = 'a channel' WHERE id = ?`).run(attribution);
    expect(b.db.prepare(`SELECT channel FROM review_rows WHERE attribution_id = ?`).pluck().get(attribution)).toBe('a channel');
    a.close();
    b.close();
  });

  it('a throw inside puts the triggers back even before the caller rolls back', () => {
    const core = emptyProject('throws');
    const before = triggers(core.db);
    core.db.exec('BEGIN');
    expect(() => withReviewIndexSuspended(core.db, () => {
      expect(reviewTriggers(core.db)).toEqual([]);
      throw new Error('boom');
    })).toThrow('boom');
    expect(triggers(core.db)).toEqual(before);
    core.db.exec('ROLLBACK');
    expect(triggers(core.db)).toEqual(before);
    core.close();
  });

  it('a throw inside rebuilds nothing: the rollback undoes what a rebuild would read', async () => {
    const core = await goldProject('no-rebuild');
    const before = rows(core.db);
    const attribution = core.db.prepare(`SELECT id FROM attributions WHERE deleted_at IS NULL LIMIT 1`).pluck().get() as string;
    core.db.exec('BEGIN');
    expect(() => withReviewIndexSuspended(core.db, () => {
      core.db.prepare(`UPDATE attributions SET channel = 'changed, then thrown away' WHERE id = ?`).run(attribution);
      throw new Error('boom');
    })).toThrow('boom');
    // Still inside the transaction: the triggers are back, and the review rows were not rebuilt from the change.
    expect(reviewTriggers(core.db).length).toBeGreaterThan(0);
    expect(tempObjects(core.db)).toEqual([]);
    expect(rows(core.db)).toEqual(before);
    core.db.exec('ROLLBACK');
    expect(rows(core.db)).toEqual(before);
    core.close();
  });
});
