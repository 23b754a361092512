/**
 * The CHECKs of the annotation tables evaluated once after a merge into an empty project
 * (merge-checks.ts): every CHECK of each table is found in its SQL, a row that breaks one still fails
 * the merge with nothing written, and the pragma is off again afterwards, whatever happened.
 */
import { describe, expect, it } from 'vitest';
import { DocumentRepository } from '../../../main/core/documents/document-repository.ts';
import { checkExpressions, deferChecks } from '../../../main/core/packs/merge-checks.ts';
import { ANNOTATION_TABLES } from '../../../main/core/packs/merge-indexes.ts';
import { mergePack } from '../../../main/core/packs/pack-merge.ts';
import { PackRepository } from '../../../main/core/packs/pack-repository.ts';
import { verifyPack } from '../../../main/core/packs/pack-verify.ts';
import { counts, emptyProject, exportBytes, goldProject } from './helpers.ts';

const ignoring = (db: ReturnType<typeof emptyProject>['db']) => db.pragma('ignore_check_constraints', { simple: true });

describe('CHECK constraints evaluated after a merge', { timeout: 60_000 }, () => {
  it('finds every CHECK of the annotation tables, and none inside strings or comments', () => {
    const core = emptyProject();
    const sqlOf = (t: string) => core.db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(t) as string;
    const found = Object.fromEntries(ANNOTATION_TABLES.map((t) => [t, checkExpressions(sqlOf(t))]));
    // Counted by hand in migration 3 (revision's CHECK is in every table's bookkeeping).
    expect(Object.fromEntries(Object.entries(found).map(([t, c]) => [t, c.length]))).toEqual({ spans: 7, claims: 4, attributions: 5, claim_links: 3, taggings: 2 });
    expect(found.spans).toContain("kind IN ('claim', 'denial', 'dispute', 'source', 'cue', 'channel', 'entity',\n                'quantity', 'date', 'note', 'excluded')");
    expect(found.claims).toContain('(status_override IS NULL) = (override_reason IS NULL)');
    expect(checkExpressions(`CREATE TABLE t (a TEXT CHECK (a <> ')'), -- CHECK (b)\n b TEXT DEFAULT 'CHECK (c)' /* CHECK (d) */, "CHECK" INT, CHECK(a IN ('x(', 'y')))`)).toEqual(["a <> ')'", "a IN ('x(', 'y')"]);
    // A comment, bracketed name or line comment left open runs to the end of the text.
    expect(checkExpressions(`CREATE TABLE t (a TEXT CHECK (a > 0)) /* CHECK (b)`)).toEqual(['a > 0']);
    expect(checkExpressions(`CREATE TABLE t (a TEXT CHECK (a > 0)) [CHECK (b)`)).toEqual(['a > 0']);
    expect(checkExpressions(`CREATE TABLE t (a TEXT CHECK (a > 0)) -- CHECK (b)`)).toEqual(['a > 0']);
    core.close();
  });

  it('a row that breaks a CHECK fails the merge, which writes nothing', async () => {
    const gold = await goldProject();
    const target = emptyProject('target');
    const before = counts(target);
    const packs = new PackRepository(target.db);
    const insertLink = packs.insertLink.bind(packs);
    let calls = 0;
    let ignoredWhileInserting: unknown = null;
    packs.insertLink = (...args: Parameters<PackRepository['insertLink']>) => {
      ignoredWhileInserting = ignoring(target.db);
      // A relation the table does not allow: nothing but the deferred CHECK stops it now.
      if (++calls === 2) args[8] = 'contradicts' as never;
      insertLink(...args);
    };
    const deps = {
      db: target.db, packs, documents: new DocumentRepository(target.db), oplog: target.annotation.ctx.oplog, annotation: target.annotation,
      analystId: target.identity.analystId, reindexDocument: target.annotation.ctx.reindexDocument,
    };
    await expect(mergePack(deps, verifyPack(await exportBytes(gold)), 'gold.claimpack')).rejects.toThrow(/CHECK constraint failed: relation IN/);
    expect(calls).toBeGreaterThan(1);
    expect(ignoredWhileInserting).toBe(1);
    expect(ignoring(target.db)).toBe(0);
    expect(target.db.inTransaction).toBe(false);
    expect(counts(target)).toEqual(before);
    // The merge's own statement, compiled while CHECKs were ignored, checks again now (the pragma
    // expires prepared statements), and so does a new one.
    target.db.exec('BEGIN');
    expect(() => insertLink('x', 'o', 1, 't', 't', 'a', 'p', 'q', 'contradicts', null)).toThrow(/CHECK constraint failed/);
    expect(() => target.db.prepare(`INSERT INTO claim_links (id, origin, created_at, created_by, updated_at, from_claim_id, to_claim_id, relation) VALUES ('x', 'o', 't', 'a', 't', 'p', 'q', 'contradicts')`).run()).toThrow(/CHECK constraint failed/);
    target.db.exec('ROLLBACK');
    gold.close();
    target.close();
  });

  it('a merge into an empty project ends with the pragma off, and a failed one too', () => {
    const core = emptyProject();
    core.db.exec('BEGIN');
    const deferred = deferChecks(core.db, ANNOTATION_TABLES);
    expect(ignoring(core.db)).toBe(1);
    deferred.release();
    expect(ignoring(core.db)).toBe(0);
    expect(() => deferred.restore()).toThrow(/already restored/);
    core.db.exec('ROLLBACK');
    expect(() => deferChecks(core.db, ANNOTATION_TABLES)).toThrow(/inside the transaction/);
    expect(ignoring(core.db)).toBe(0);
    core.close();
  });
});
