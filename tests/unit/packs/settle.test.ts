/**
 * Settling a merge's conflicts on a document's metadata, a source and a tag (`packs:settle`): keep
 * ours, or apply theirs; each one undo step that takes the values and the settlement back together;
 * the list of merges says what was decided and how, and refuses what cannot be settled.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core.ts';
import { caller } from '../core/helpers.ts';
import { runCli } from '../cli/run-cli.ts';
import { emptyProject, exportBytes, goldProject, jobId } from './helpers.ts';

/** Alice and Bob, from the same pack, then both change a document's title, a source's grade and name, and a tag. */
async function conflicted() {
  const a = await goldProject('settle-alice');
  const b = emptyProject('settle-bob', 'Bob');
  const [A, B] = [caller(a), caller(b)];
  await B('packs:import', { jobId: jobId(), data: await exportBytes(a), name: 'first.claimpack' });
  const [doc] = (await A('documents:list', {})).items;
  await A('documents:update', { id: doc!.id, revision: doc!.revision, patch: { title: 'Alice’s title', author: 'Alice' } });
  const mine = (await B('documents:list', {})).items.find((d) => d.id === doc!.id)!;
  await B('documents:update', { id: doc!.id, revision: mine.revision, patch: { title: 'Bob’s title' } });
  const [source] = await A('sources:list', { query: 'Reuters' });
  await A('sources:grade', { id: source!.id, grade: 'B', reason: 'Wire service, usually reliable.' });
  await A('sources:update', { id: source!.id, revision: (await A('sources:get', { id: source!.id })).revision, patch: { affiliation: 'Thomson Reuters' } });
  await B('sources:grade', { id: source!.id, grade: 'C', reason: 'Relays officials unchecked.' });
  const [tag] = await A('tags:list', {});
  await A('tags:update', { id: tag!.id, revision: tag!.revision, patch: { name: `${tag!.name} (Alice)` } });
  const bobsTag = (await B('tags:list', {})).find((t) => t.id === tag!.id)!;
  await B('tags:update', { id: tag!.id, revision: bobsTag.revision, patch: { name: `${tag!.name} (Bob)` } });
  const report = await B('packs:import', { jobId: jobId(), data: await exportBytes(a), name: 'second.claimpack' });
  const [merge] = await B('packs:merges', {});
  return { a, b, B, merge: merge!, report, documentId: doc!.id, sourceId: source!.id, tagId: tag!.id, tagName: tag!.name };
}

const conflictOf = (merge: { report: { conflicts: Array<{ type: string; id: string; resolved: boolean; resolution: string | null }> } }, type: string) =>
  merge.report.conflicts.find((c) => c.type === type)!;

function close(...cores: Core[]) {
  for (const c of cores) c.close();
}

describe('settling a merge’s conflicts', { timeout: 60_000 }, () => {
  it('lists the document, source and tag conflicts as open until settled', async () => {
    const { a, b, merge, report } = await conflicted();
    expect(report.conflicts.map((c) => c.type).sort()).toEqual(['document', 'source', 'tag']);
    for (const type of ['document', 'source', 'tag']) expect(conflictOf(merge, type)).toMatchObject({ resolved: false, resolution: null });
    close(a, b);
  });

  it('keeps ours: nothing of ours changes, the conflict reads as settled, and Undo opens it again', async () => {
    const { a, b, B, merge, documentId } = await conflicted();
    const before = await B('documents:get', { id: documentId });
    const after = await B('packs:settle', { mergeId: merge.id, type: 'document', id: documentId, keep: 'ours' });
    expect(conflictOf(after, 'document')).toMatchObject({ resolved: true, resolution: 'ours' });
    expect(conflictOf(after, 'source')).toMatchObject({ resolved: false });
    const now = await B('documents:get', { id: documentId });
    expect({ title: now.title, author: now.author, revision: now.revision }).toEqual({ title: before.title, author: before.author, revision: before.revision });
    expect((await B('history:undo', {}))?.label).toBe('Keep our version of the metadata of “Bob’s title”');
    expect(conflictOf((await B('packs:merges', {}))[0]!, 'document')).toMatchObject({ resolved: false, resolution: null });
    await B('history:redo', {});
    expect(conflictOf((await B('packs:merges', {}))[0]!, 'document')).toMatchObject({ resolved: true, resolution: 'ours' });
    close(a, b);
  });

  it('uses theirs: their metadata, grade, name and affiliation become ours in one undo step, which takes them all back', async () => {
    const { a, b, B, merge, documentId, sourceId, tagId, tagName } = await conflicted();
    await B('packs:settle', { mergeId: merge.id, type: 'document', id: documentId, keep: 'theirs' });
    const doc = await B('documents:get', { id: documentId });
    expect({ title: doc.title, author: doc.author }).toEqual({ title: 'Alice’s title', author: 'Alice' });
    // Searchable under its new title.
    const found = await B('search:query', { query: 'Alice’s title' });
    expect(found.hits.map((h) => h.document.id)).toContain(documentId);

    const after = await B('packs:settle', { mergeId: merge.id, type: 'source', id: sourceId, keep: 'theirs' });
    const source = await B('sources:get', { id: sourceId });
    expect({ reliability: source.reliability, affiliation: source.affiliation }).toEqual({ reliability: 'B', affiliation: 'Thomson Reuters' });
    expect(source.grades.at(-1)).toMatchObject({ grade: 'B', reason: 'Their grade, from pack second.claimpack.', analyst: 'Bob' });
    expect(conflictOf(after, 'source')).toMatchObject({ resolved: true, resolution: 'theirs' });

    await B('packs:settle', { mergeId: merge.id, type: 'tag', id: tagId, keep: 'theirs' });
    expect((await B('tags:list', {})).find((t) => t.id === tagId)!.name).toBe(`${tagName} (Alice)`);

    // The tag, then the source: each settlement is one step, values and mark together.
    await B('history:undo', {});
    expect((await B('history:undo', {}))?.label).toBe('Use their version of source “Reuters” (pack second.claimpack)');
    const back = await B('sources:get', { id: sourceId });
    expect({ reliability: back.reliability, affiliation: back.affiliation }).toEqual({ reliability: 'C', affiliation: null });
    const listed = (await B('packs:merges', {}))[0]!;
    expect(conflictOf(listed, 'source')).toMatchObject({ resolved: false, resolution: null });
    expect(conflictOf(listed, 'tag')).toMatchObject({ resolved: false });
    expect(conflictOf(listed, 'document')).toMatchObject({ resolved: true, resolution: 'theirs' });
    close(a, b);
  });

  it('refuses to settle twice, a conflict of an undone merge, one that does not exist, and a deleted record; a deleted record reads as decided', async () => {
    const { a, b, B, merge, documentId, sourceId } = await conflicted();
    await B('packs:settle', { mergeId: merge.id, type: 'document', id: documentId, keep: 'ours' });
    await expect(B('packs:settle', { mergeId: merge.id, type: 'document', id: documentId, keep: 'theirs' })).rejects.toThrow(/settled already \(ours kept\)/);
    await expect(B('packs:settle', { mergeId: merge.id, type: 'tag', id: sourceId, keep: 'ours' })).rejects.toThrow(/NOT_FOUND/);
    await expect(B('packs:settle', { mergeId: '01900000-0000-7000-8000-000000000000', type: 'source', id: sourceId, keep: 'ours' })).rejects.toThrow(/Merge .* does not exist/);

    await B('documents:delete', { ids: [documentId] });
    expect(conflictOf((await B('packs:merges', {}))[0]!, 'document')).toMatchObject({ resolved: true, resolution: 'ours' });
    await B('history:undo', {});

    // Undo the settlement, then the merge: its conflicts cannot be settled, and none reads as decided.
    await B('history:undo', {});
    await B('history:undo', {});
    const undone = (await B('packs:merges', {}))[0]!;
    expect(undone.undone).toBe(true);
    expect(undone.report.conflicts.every((c) => !c.resolved && c.resolution === null)).toBe(true);
    await expect(B('packs:settle', { mergeId: merge.id, type: 'source', id: sourceId, keep: 'ours' })).rejects.toThrow(/undone/);
    close(a, b);
  });

  it('reads a record deleted here as decided, and will not settle it', async () => {
    const { a, b, B, merge, documentId } = await conflicted();
    await B('documents:delete', { ids: [documentId] });
    expect(conflictOf((await B('packs:merges', {}))[0]!, 'document')).toMatchObject({ resolved: true, resolution: 'deleted' });
    await expect(B('packs:settle', { mergeId: merge.id, type: 'document', id: documentId, keep: 'ours' })).rejects.toThrow(/deleted here since the merge/);
    close(a, b);
  });

  it('claimdesk settle keeps ours or uses theirs, finds the merge itself, and says what is wrong with a bad call', async () => {
    const { a, b, B, documentId, sourceId } = await conflicted();
    const doc = await B('documents:get', { id: documentId });
    const db = b.path;
    close(a, b);
    const settled = await runCli(['settle', 'document', documentId, '--keep', 'theirs', '--db', db]);
    expect(settled).toMatchObject({ code: 0 });
    expect(settled.stdout).toContain(`Settled: theirs used for the document ${documentId} (merge of second.claimpack).`);
    const listed = (await runCli(['merges', '--db', db])).stdout;
    expect(listed).toContain(`resolved conflict, theirs used (document ${documentId})`);
    expect(listed).toContain(`conflict (source ${sourceId})`);
    expect((await runCli(['undo', '--db', db])).stdout).toContain(`Undid: Use their version of the metadata of “${doc.title}”`);
    expect((await runCli(['merges', '--db', db])).stdout).not.toContain('resolved conflict');

    expect((await runCli(['settle', 'source', sourceId, '--db', db])).code).toBe(2);
    expect((await runCli(['settle', 'annotation', sourceId, '--keep', 'ours', '--db', db])).code).toBe(2);
    const none = await runCli(['settle', 'tag', sourceId, '--keep', 'ours', '--db', db]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No merge has an open conflict on the tag');
    const json = await runCli(['settle', 'source', sourceId, '--keep', 'ours', '--db', db, '--json']);
    expect(json.code).toBe(0);
    const merge = JSON.parse(json.stdout) as { report: { conflicts: Array<{ type: string; resolution: string | null }> } };
    expect(merge.report.conflicts.find((c) => c.type === 'source')!.resolution).toBe('ours');
    const twice = await runCli(['settle', 'source', sourceId, '--keep', 'theirs', '--db', db]);
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain('No merge has an open conflict on the source');
  });
});
