/**
 * Merging packs between two analysts' projects: edits on both sides keep both versions, additions
 * merge, a same-named source is proposed (never forced), undo takes the whole merge back, and every
 * merged record says which pack it came from.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core.ts';
import { PackRepository } from '../../../main/core/packs/pack-repository.ts';
import { events } from '../../../shared/contract.ts';
import { runCli } from '../cli/run-cli.ts';
import { caller, tempDir } from '../core/helpers.ts';
import { emptyProject, exportBytes, goldProject, jobId } from './helpers.ts';

async function twoProjects() {
  const a = await goldProject('alice');
  const b = emptyProject('bob', 'Bob');
  const first = await exportBytes(a);
  await caller(b)('packs:import', { jobId: jobId(), data: first, name: 'first.claimpack' });
  const [doc] = (await caller(a)('documents:list', {})).items;
  const claims = (await caller(a)('annotations:get', { documentId: doc!.id })).spans.filter((s) => s.kind === 'claim');
  return { a, b, documentId: doc!.id, claims };
}

describe('merging packs', { timeout: 60_000 }, () => {
  it('keeps both versions where both sides changed an annotation, once', async () => {
    const { a, b, documentId, claims } = await twoProjects();
    const [one, two] = claims;
    const A = caller(a);
    const B = caller(b);
    await A('spans:update', { id: one!.id, revision: one!.revision, patch: { note: 'Alice: the army statement says 3 trucks.' } });
    const mine = (await B('annotations:get', { documentId })).spans.find((s) => s.id === one!.id)!;
    await B('spans:update', { id: mine.id, revision: mine.revision, patch: { note: 'Bob: unconfirmed.' } });
    // An addition on Alice's side only (a new attribution to a new source) merges without conflict.
    const source = await A('sources:create', { name: 'Ministry of Interior', type: 'organisation' });
    const added = await A('attributions:create', { claimId: two!.id, sourceId: source.id, credibility: 3 });
    await B('sources:create', { name: 'ministry of interior', type: 'organisation' });

    const second = await exportBytes(a);
    const report = await B('packs:import', { jobId: jobId(), data: second, name: 'second.claimpack' });
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]).toMatchObject({ type: 'annotation', id: one!.id, documentId });
    const copyId = report.conflicts[0]!.copyId!;
    // New: the conflict copy (with its attributions), Alice's attribution and her source.
    const copied = (await A('annotations:get', { documentId })).claims.find((c) => c.id === one!.id)!.attributions.length;
    expect(report.added).toMatchObject({ annotations: 1, attributions: 1 + copied, sources: 1 });
    expect(report.proposedSourceMerges).toEqual([
      expect.objectContaining({ packSourceId: source.id, packName: 'Ministry of Interior', localName: 'ministry of interior' }),
    ]);

    const spans = (await B('annotations:get', { documentId })).spans;
    expect(spans.find((s) => s.id === one!.id)!.note).toBe('Bob: unconfirmed.');
    const copy = spans.find((s) => s.id === copyId)!;
    expect(copy.note).toBe('Conflict copy from pack second.claimpack. Their note: Alice: the army statement says 3 trucks.');
    expect([copy.start, copy.end, copy.exact]).toEqual([one!.start, one!.end, one!.exact]);
    const claim = (await B('annotations:get', { documentId })).claims.find((c) => c.id === two!.id)!;
    expect(claim.attributions.map((x) => x.id)).toContain(added.id);
    // Both sources exist: the pack's was added, ours kept, neither merged into the other.
    expect((await B('sources:list', { query: 'ministry of interior' })).map((s) => s.name).sort()).toEqual(['Ministry of Interior', 'ministry of interior']);
    expect(b.db.prepare(`SELECT count(*) FROM pack_conflicts`).pluck().get()).toBe(1);

    const again = await B('packs:import', { jobId: jobId(), data: second, name: 'second.claimpack' });
    expect(again.label).toBeNull();
    expect(again.conflicts).toEqual([]);
    expect(b.db.prepare(`SELECT count(*) FROM pack_conflicts`).pluck().get()).toBe(1);
    // The merges stay listed with their reports, newest first; the no-op merge left none.
    const merges = await B('packs:merges', {});
    expect(merges.map((m) => [m.report.name, m.analyst, m.undone])).toEqual([['second.claimpack', 'Bob', false], ['first.claimpack', 'Bob', false]]);
    const { verify: _verify, ...kept } = report;
    expect(merges[0]!.report).toEqual(kept);
    // The document's annotations say which of them is their version of which of ours, until one goes.
    expect((await B('annotations:get', { documentId })).conflictCopies).toEqual([{ copyId, ofId: one!.id, pack: 'second.claimpack' }]);
    // The analyst keeps ours and deletes their copy: the conflict reads as resolved; undoing that, open again.
    await B('spans:delete', { id: copyId });
    expect((await B('annotations:get', { documentId })).conflictCopies).toEqual([]);
    expect((await B('packs:merges', {}))[0]!.report.conflicts.map((c) => c.resolved)).toEqual([true]);
    await B('history:undo', {});
    expect((await B('packs:merges', {}))[0]!.report.conflicts.map((c) => c.resolved)).toEqual([false]);
    // A proposed pair reads as decided once merged (as the Packs screen's Merge does) or once one of the two is gone.
    const proposal = () => B('packs:merges', {}).then((m) => m[0]!.report.proposedSourceMerges[0]!.resolution);
    const { localSourceId } = report.proposedSourceMerges[0]!;
    expect(await proposal()).toBeNull();
    await B('sources:merge', { keepId: localSourceId, mergeId: source.id });
    expect(await proposal()).toBe('merged');
    expect((await runCli(['merges', '--db', b.path])).stdout).toContain('proposed source merge (merged): "Ministry of Interior" (theirs) and "ministry of interior" (ours)');
    await B('history:undo', {});
    expect(await proposal()).toBeNull();
    await B('sources:delete', { id: localSourceId });
    expect(await proposal()).toBe('gone');
    await B('history:undo', {});
    expect(await proposal()).toBeNull();
    a.close();
    b.close();
  });

  it('says what differs where both sides changed a document\'s metadata or a source, and where the document is', async () => {
    const { a, b, documentId } = await twoProjects();
    const [A, B] = [caller(a), caller(b)];
    const doc = (await A('documents:list', {})).items.find((d) => d.id === documentId)!;
    await A('documents:update', { id: documentId, revision: doc.revision, patch: { title: 'Alice’s title' } });
    const mine = (await B('documents:list', {})).items.find((d) => d.id === documentId)!;
    await B('documents:update', { id: documentId, revision: mine.revision, patch: { title: 'Bob’s title', author: 'Staff' } });
    const [source] = await A('sources:list', { query: 'Reuters' });
    await A('sources:grade', { id: source!.id, grade: 'B', reason: 'Wire service, usually reliable.' });
    await B('sources:grade', { id: source!.id, grade: 'C', reason: 'Relays officials unchecked.' });

    const report = await B('packs:import', { jobId: jobId(), data: await exportBytes(a), name: 'third.claimpack' });
    const byType = Object.fromEntries(report.conflicts.map((c) => [c.type, c]));
    expect(byType.document).toMatchObject({ id: documentId, documentId, copyId: null });
    expect(byType.document!.message).toBe('The metadata of “Bob’s title” differs in the pack (title: ours “Bob’s title”, theirs “Alice’s title”; author: ours “Staff”, theirs none); ours was kept.');
    expect(byType.source).toMatchObject({ id: source!.id, documentId: null });
    expect(byType.source!.message).toBe('Source “Reuters” differs in the pack (reliability: ours “C”, theirs “B”); ours was kept and theirs recorded.');
    a.close();
    b.close();
  });

  it('is one undo unit with the pack in its label and provenance on every record', async () => {
    const a = await goldProject('alice');
    const b = emptyProject('bob', 'Bob');
    const pack = await exportBytes(a);
    const B = caller(b);
    const report = await B('packs:import', { jobId: jobId(), data: pack, name: 'alice.claimpack' });
    expect((await B('project:info', {})).canUndo).toBe('Merge pack alice.claimpack from Reference analyst');
    const origins = b.db.prepare(`SELECT DISTINCT origin FROM spans UNION SELECT DISTINCT origin FROM sources UNION SELECT DISTINCT origin FROM documents`).pluck().all();
    expect(origins).toEqual([report.packId]);
    const op = b.db.prepare(`SELECT after FROM operations WHERE action = 'pack.merge'`).pluck().get() as string;
    expect(JSON.parse(op)).toMatchObject({ name: 'alice.claimpack', creator: 'Reference analyst', sha256: report.sha256 });
    expect(b.db.prepare(`SELECT name, creator, sha256 FROM pack_merges`).get()).toEqual({ name: 'alice.claimpack', creator: 'Reference analyst', sha256: report.sha256 });
    // Who made each annotation survives the trip.
    expect(b.db.prepare(`SELECT DISTINCT a.display_name FROM spans s JOIN analysts a ON a.id = s.created_by`).pluck().all()).toEqual(['Reference analyst']);

    expect((await B('history:undo', {}))?.label).toBe('Merge pack alice.claimpack from Reference analyst');
    expect((await B('packs:merges', {})).map((m) => m.undone)).toEqual([true]);
    expect((await B('documents:list', {})).total).toBe(0);
    expect(b.db.prepare(`SELECT count(*) FROM spans WHERE deleted_at IS NULL`).pluck().get()).toBe(0);
    // Merged again after the undo: everything comes back.
    const again = await B('packs:import', { jobId: jobId(), data: pack, name: 'alice.claimpack' });
    expect(again.added.annotations).toBe(report.added.annotations);
    expect((await B('documents:list', {})).total).toBe(4);
    expect((await B('search:query', { query: 'captagon' })).total).toBe(3);
    a.close();
    b.close();
  });

  it('respects a deletion made here: merging the pack again does not bring it back', async () => {
    const { a, b, documentId, claims } = await twoProjects();
    const B = caller(b);
    const pack = await exportBytes(a);
    await B('spans:delete', { id: claims[0]!.id });
    const report = await B('packs:import', { jobId: jobId(), data: pack, name: 'again.claimpack' });
    expect(report.keptDeleted).toBeGreaterThan(0);
    expect((await B('annotations:get', { documentId })).spans.some((s) => s.id === claims[0]!.id)).toBe(false);
    a.close();
    b.close();
  });
});

describe('a merge in the operation log', { timeout: 60_000 }, () => {
  it('shows in each merged annotation\'s history, and its undo and redo take back and bring back exactly what it added, across a reopen', async () => {
    const a = await goldProject('alice');
    const dir = tempDir();
    let b = createCore({ dbPath: path.join(dir, 'bob.claimdesk'), analystName: 'Bob' });
    const pack = await exportBytes(a);
    a.close();
    const before = new PackRepository(b.db).counts();
    const report = await caller(b)('packs:import', { jobId: jobId(), data: pack, name: 'alice.claimpack' });
    const live = (c: typeof b) => c.db.prepare(`SELECT (SELECT count(*) FROM spans WHERE deleted_at IS NULL) + (SELECT count(*) FROM attributions WHERE deleted_at IS NULL)
      + (SELECT count(*) FROM claim_links WHERE deleted_at IS NULL) + (SELECT count(*) FROM taggings WHERE deleted_at IS NULL)`).pluck().get() as number;
    const added = live(b);
    expect(added).toBeGreaterThan(report.added.annotations);
    const attribution = b.db.prepare(`SELECT id, claim_id FROM attributions LIMIT 1`).get() as { id: string; claim_id: string };
    b.close();

    b = createCore({ dbPath: path.join(dir, 'bob.claimdesk'), analystName: 'Bob' });
    const B = caller(b);
    const label = 'Merge pack alice.claimpack from Reference analyst';
    for (const ref of [{ type: 'span', id: attribution.claim_id }, { type: 'claim', id: attribution.claim_id }, { type: 'attribution', id: attribution.id }] as const) {
      expect((await B('history:entity', ref)).map((e) => [e.label, e.kind])).toEqual([[label, 'do']]);
    }
    expect((await B('history:undo', {}))?.label).toBe(label);
    expect(live(b)).toBe(0);
    expect(b.db.prepare(`SELECT count(*) FROM review_rows`).pluck().get()).toBe(0);
    b.close();

    b = createCore({ dbPath: path.join(dir, 'bob.claimdesk'), analystName: 'Bob' });
    expect((await caller(b)('history:redo', {}))?.label).toBe(label);
    expect(live(b)).toBe(added);
    expect((await caller(b)('history:entity', { type: 'attribution', id: attribution.id })).map((e) => e.kind)).toEqual(['do', 'undo', 'redo']);
    // Nothing but the log grew: the rows are the merge's, brought back.
    const after = new PackRepository(b.db).counts();
    expect(after.spans! - before.spans!).toBe(report.added.annotations);
    expect(after.attributions! - before.attributions!).toBe(report.added.attributions);
    b.close();
  });
});

describe('a merge\'s commit', { timeout: 60_000 }, () => {
  it('leaves the log\'s copy into the project file to the checkpoint after it, and keeps the connection\'s setting', async () => {
    const a = await goldProject('checkpoint-a');
    const pack = await exportBytes(a);
    a.close();
    const dbPath = path.join(tempDir(), 'checkpoint-b.claimdesk');
    const b = createCore({ dbPath, analystName: 'Bob' });
    try {
      // A threshold the merge's log passes many times over: a commit that checkpointed would grow the file now.
      b.db.pragma('wal_autocheckpoint = 100');
      b.db.pragma('wal_checkpoint(TRUNCATE)');
      const before = fs.statSync(dbPath).size;
      const report = await caller(b)('packs:import', { jobId: jobId(), data: pack, name: 'gold.claimpack' });
      expect(report.added.annotations).toBeGreaterThan(300);
      expect(b.db.pragma('wal_autocheckpoint', { simple: true })).toBe(100);
      expect(fs.statSync(`${dbPath}-wal`).size).toBeGreaterThan(100 * 4096);
      expect(fs.statSync(dbPath).size).toBe(before);
      // Committed all the same: another connection reads the merge from the log.
      const other = new Database(dbPath, { readonly: true });
      expect(other.prepare(`SELECT count(*) FROM spans`).pluck().get()).toBe(report.added.annotations);
      other.close();
      const [result] = b.db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
      expect(result!.checkpointed).toBe(result!.log);
      expect(fs.statSync(dbPath).size).toBeGreaterThan(before);
    } finally {
      b.close();
    }
  });
});

describe('a merge\'s progress', { timeout: 60_000 }, () => {
  it('names each last step after its rows, in order, each event validated by the contract', async () => {
    const a = await goldProject('steps-a');
    const pack = await exportBytes(a);
    a.close();
    const b = emptyProject('steps-b', 'Bob');
    try {
      const seen: Array<{ phase: string; done: number; total: number; step?: string }> = [];
      b.events.on((name, payload) => {
        if (name !== 'progress') return;
        seen.push(events.progress.parse(payload));
      });
      const id = jobId();
      const report = await caller(b)('packs:import', { jobId: id, data: pack, name: 'gold.claimpack' });
      const steps = seen.filter((p) => p.step).map((p) => p.step);
      expect(steps).toEqual(['indexes', 'statuses', 'review', 'verify']);
      // Each step comes once every row is written: the bar is full, and the text says what runs.
      for (const p of seen.filter((e) => e.step)) expect(p).toMatchObject({ phase: 'writing', done: report.added.annotations, total: report.added.annotations });
      expect(seen.at(-1)).toMatchObject({ phase: 'done' });
    } finally {
      b.close();
    }
  });
});
