/**
 * Merging packs between two analysts' projects: edits on both sides keep both versions, additions
 * merge, a same-named source is proposed (never forced), undo takes the whole merge back, and every
 * merged record says which pack it came from.
 */
import { describe, expect, it } from 'vitest';
import { caller } from '../core/helpers.ts';
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
    expect(report.conflicts[0]).toMatchObject({ type: 'annotation', id: one!.id });
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
