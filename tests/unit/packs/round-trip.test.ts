import { describe, expect, it } from 'vitest';
import { caller } from '../core/helpers.ts';
import { counts, emptyProject, exportBytes, files, goldProject, jobId, manifestOf, text } from './helpers.ts';

describe('a pack of the fully annotated sample project', () => {
  it('round-trips: export, merge into an empty project, export again gives the same files', async () => {
    const gold = await goldProject();
    const first = await exportBytes(gold);
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
});
