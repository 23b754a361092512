import { describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core.ts';
import { caller } from '../core/helpers.ts';
import { counts, emptyProject, exportBytes, files, goldProject, jobId, manifestOf, text } from './helpers.ts';

/** What the reference annotation lacks: a grade with its history, an override, a note, nested and document tags. */
async function enrich(core: Core): Promise<void> {
  const call = caller(core);
  const [doc] = (await call('documents:list', {})).items;
  const ann = await call('annotations:get', { documentId: doc!.id });
  const source = ann.sources[0]!;
  await call('sources:grade', { id: source.id, grade: 'C', reason: 'Official statement, not independently confirmed.' });
  await call('sources:grade', { id: source.id, grade: 'B', reason: 'Confirmed by a second report.' });
  const claim = ann.claims.find((c) => c.status === 'uncontested')!;
  await call('claims:override', { id: claim.id, status: 'disputed', reason: 'Satellite imagery contradicts it.' });
  const span = ann.spans.find((x) => x.kind === 'claim' && x.id !== claim.id)!;
  await call('spans:update', { id: span.id, revision: span.revision, patch: { note: 'Check the unit names.' } });
  const parent = await call('tags:create', { name: 'Routes', color: '#1f77b4' });
  const child = await call('tags:create', { name: 'Syria–Jordan', parentId: parent.id });
  await call('tags:apply', { tagId: child.id, spanId: span.id });
  await call('tags:apply', { tagId: parent.id, documentId: doc!.id });
}

describe('a pack of the fully annotated sample project', { timeout: 60_000 }, () => {
  it('round-trips: export, merge into an empty project, export again gives the same files', async () => {
    const gold = await goldProject();
    await enrich(gold);
    const first = await exportBytes(gold);
    // Deterministic: the same data exported again differs only in the manifest's time.
    const again = await exportBytes(gold);
    expect(manifestOf(again).files).toEqual(manifestOf(first).files);
    expect(manifestOf(again).id).toBe(manifestOf(first).id);
    const m1 = manifestOf(first);
    expect(m1.counts).toMatchObject({ documents: 4, claims: 114 });

    const verify = await caller(gold)('packs:verify', { data: first });
    expect(verify.problems).toEqual([]);
    expect(verify.ok).toBe(true);

    const target = emptyProject('target');
    const report = await caller(target)('packs:import', { jobId: jobId(), data: first, name: 'gold.claimpack' });
    expect(report.conflicts).toEqual([]);
    expect(report.added).toMatchObject({ documents: 4, annotations: m1.counts.annotations, attributions: m1.counts.attributions, links: m1.counts.links });
    expect(report.label).toBe('Merge pack gold.claimpack from Reference analyst');

    const second = await exportBytes(target);
    const m2 = manifestOf(second);
    const f1 = files(first);
    const f2 = files(second);
    for (const name of Object.keys(m1.files)) {
      if (text(f1[name]) !== text(f2[name])) expect(text(f2[name]).slice(0, 3000), name).toBe(text(f1[name]).slice(0, 3000));
    }
    expect(m2.files).toEqual(m1.files);
    // The manifest differs only in when it was made and by whom (each project has its own analyst id).
    const { created: _c1, creator: who1, ...rest1 } = m1;
    const { created: _c2, creator: who2, ...rest2 } = m2;
    expect(rest2).toEqual(rest1);
    expect(who2?.name).toBe(who1?.name);
    gold.close();
    target.close();
  });

  it('merging the same pack twice changes nothing the second time', async () => {
    const gold = await goldProject();
    const pack = await exportBytes(gold);
    const target = emptyProject('target');
    await caller(target)('packs:import', { jobId: jobId(), data: pack, name: 'p.claimpack' });
    const before = counts(target);
    const again = await caller(target)('packs:import', { jobId: jobId(), data: pack, name: 'p.claimpack' });
    expect(again.added).toEqual({ documents: 0, sources: 0, tags: 0, annotations: 0, attributions: 0, links: 0 });
    expect(again.label).toBeNull();
    expect(counts(target)).toEqual(before);
    // And into the project it came from: nothing new either.
    const home = await caller(gold)('packs:import', { jobId: jobId(), data: pack, name: 'p.claimpack' });
    expect(home.added.annotations).toBe(0);
    expect(home.conflicts).toEqual([]);
    gold.close();
    target.close();
  });

  it('reports progress, and a cancelled export or merge leaves nothing behind', async () => {
    const gold = await goldProject();
    const seen: string[] = [];
    gold.events.on((name, payload) => {
      if (name === 'progress') seen.push((payload as { phase: string }).phase);
    });
    const done = await caller(gold)('packs:export', { jobId: jobId() });
    expect(seen[0]).toBe('reading');
    expect(seen.at(-1)).toBe('done');
    expect(done.bytes).toBeGreaterThan(10_000);

    const job = jobId();
    const pending = gold.dispatch('packs:export', { jobId: job });
    expect(await gold.dispatch('jobs:cancel', { jobId: job })).toEqual({ ok: true, value: { cancelled: true } });
    const cancelled = await pending;
    expect(cancelled.ok).toBe(false);
    if (!cancelled.ok) expect(cancelled.error.code).toBe('CANCELLED');
    expect(seen.at(-1)).toBe('cancelled');

    const target = emptyProject('target');
    const before = counts(target);
    const importJob = jobId();
    const merging = target.dispatch('packs:import', { jobId: importJob, data: new Uint8Array(done.data!), name: 'x.claimpack' });
    await target.dispatch('jobs:cancel', { jobId: importJob });
    const merged = await merging;
    expect(merged.ok).toBe(false);
    if (!merged.ok) expect(merged.error.code).toBe('CANCELLED');
    expect(counts(target)).toEqual(before);
    gold.close();
    target.close();
  });
});
