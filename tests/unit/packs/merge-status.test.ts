/**
 * The merge's set-based status recompute (merge-status.ts) gives what the claim service's own
 * `recompute` gives, status and reason, on the sample corpus: over every claim of the reference
 * annotation, and through a real merge of its pack into an empty project.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core.ts';
import { recomputeStatuses } from '../../../main/core/packs/merge-status.ts';
import { PackRepository } from '../../../main/core/packs/pack-repository.ts';
import { exportBytes, emptyProject, goldProject, jobId } from './helpers.ts';
import { caller } from '../core/helpers.ts';

type Status = { id: string; status: string; status_reason: string | null };
const statuses = (core: Core) =>
  core.db.prepare(`SELECT id, status, status_reason FROM claims WHERE deleted_at IS NULL ORDER BY id`).all() as Status[];

describe('set-based claim statuses', { timeout: 60_000 }, () => {
  it('match the claim service on every claim of the sample corpus', async () => {
    const core = await goldProject('merge-status');
    const byService = statuses(core);
    // Every rule is exercised: denials and disputes here, corroborations handed to the service.
    const kinds = new Set(byService.map((s) => s.status));
    expect(kinds).toContain('denied');
    expect(kinds).toContain('disputed');
    expect(byService.some((s) => s.status_reason?.includes(', '))).toBe(true);
    const relations = new Set(core.db.prepare(`SELECT relation FROM claim_links WHERE deleted_at IS NULL`).pluck().all());
    expect(relations).toContain('corroborates');

    core.db.exec(`UPDATE claims SET status = 'corroborated', status_reason = 'stale'`);
    let handed = 0;
    recomputeStatuses(new PackRepository(core.db), byService.map((s) => s.id), (id) => {
      handed++;
      core.annotation.claims.recompute(id);
    });
    expect(handed).toBeGreaterThan(0);
    expect(statuses(core)).toEqual(byService);
    core.close();
  });

  it('a merged pack gives each claim the status the service gives it', async () => {
    const gold = await goldProject('merge-status-source');
    const pack = await exportBytes(gold);
    gold.close();
    const core = emptyProject('merge-status-target');
    await caller(core)('packs:import', { jobId: jobId(), data: pack, name: 'gold.claimpack' } as never);
    const merged = statuses(core);
    expect(merged.filter((s) => s.status !== 'uncontested').length).toBeGreaterThan(0);
    core.db.exec('BEGIN');
    for (const s of merged) core.annotation.claims.recompute(s.id);
    expect(statuses(core)).toEqual(merged);
    core.db.exec('ROLLBACK');
    core.close();
  });
});
