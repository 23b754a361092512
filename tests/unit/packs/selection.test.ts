/**
 * Export of a saved review view's documents: the view's filters and quick filters, read from its
 * saved grid state as the grid reads them, pick the documents holding at least one of its rows.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core.ts';
import type { ReviewQuery } from '../../../shared/review-schemas.ts';
import { caller, tempDir } from '../core/helpers.ts';
import { runCli } from '../cli/run-cli.ts';
import { exportBytes, files, goldProject, jobId, manifestOf } from './helpers.ts';

/** A grid state as the review grid saves it (ag-grid's filter model, the quick filters, the columns). */
const gridState = (filterModel: Record<string, unknown>, quick: string[] = []) => ({ columnState: [], filterModel, quick });

/** The documents of the rows a query shows, read page by page through the grid's own channel. */
async function documentsShown(core: Core, query: ReviewQuery): Promise<string[]> {
  const call = caller(core);
  const ids = new Set<string>();
  for (let offset = 0; ; offset += 500) {
    const page = await call('review:rows', { query, offset, limit: 500 });
    for (const row of page.rows) ids.add(row.documentId);
    if (offset + 500 >= page.total) break;
  }
  return [...ids].sort();
}

const packedDocuments = (pack: Uint8Array) =>
  Object.keys(files(pack))
    .filter((name) => name.endsWith('.json') && name.startsWith('documents/'))
    .map((name) => name.slice('documents/'.length, -'.json'.length))
    .sort();

describe('export of a saved review view', { timeout: 60_000 }, () => {
  it('packs the documents holding the view’s rows, and with ids given too, only those in both', async () => {
    const core = await goldProject('views');
    const call = caller(core);
    const all = (await call('documents:list', {})).items.map((d) => d.id).sort();
    // Denied claims quoted from a source whose name holds "Jordan": a narrow view, across documents.
    const view = await call('review:saveView', {
      name: 'Jordan, denied',
      state: gridState({ source: { filterType: 'text', type: 'contains', filter: 'jordan' } }, ['denied']),
    });
    const expected = await documentsShown(core, { filters: { source: { type: 'text', op: 'contains', value: 'jordan' } }, quick: ['denied'], sort: [] });
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);

    const pack = await exportBytes(core, { viewId: view.id });
    expect(packedDocuments(pack)).toEqual(expected);
    const manifest = manifestOf(pack);
    expect(manifest.counts.documents).toBe(expected.length);
    expect([...(manifest.selection.documentIds ?? [])].sort()).toEqual(expected);

    const outside = all.find((id) => !expected.includes(id))!;
    const both = await exportBytes(core, { viewId: view.id, documentIds: [expected[0]!, outside] });
    expect(packedDocuments(both)).toEqual([expected[0]]);
    core.close();
  });

  it('says which view shows nothing, and refuses a view that does not exist', async () => {
    const core = await goldProject('views-bad');
    const call = caller(core);
    const empty = await call('review:saveView', { name: 'No such source', state: gridState({ source: { filterType: 'text', type: 'contains', filter: 'zzqx' } }) });
    const nothing = await core.dispatch('packs:export', { jobId: jobId(), viewId: empty.id });
    expect(nothing.ok).toBe(false);
    if (!nothing.ok) {
      expect(nothing.error.code).toBe('EMPTY_SELECTION');
      expect(nothing.error.message).toContain('“No such source” shows no rows');
    }
    const unknown = await core.dispatch('packs:export', { jobId: jobId(), viewId: '01900000-0000-7000-8000-000000000000' });
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');

    core.close();
  });

  it('claimdesk export --view takes a view by name or id, and names the saved views when it is not found', async () => {
    const core = await goldProject('views-cli');
    const view = await caller(core)('review:saveView', {
      name: 'Denied claims',
      state: gridState({ source: { filterType: 'text', type: 'contains', filter: 'jordan' } }, ['denied']),
    });
    const expected = await documentsShown(core, { filters: { source: { type: 'text', op: 'contains', value: 'jordan' } }, quick: ['denied'], sort: [] });
    expect(expected.length).toBeLessThan((await caller(core)('documents:list', {})).total);
    const db = core.path;
    core.close();
    const dir = tempDir();
    for (const [i, name] of ['denied CLAIMS', view.id].entries()) {
      const run = await runCli(['export', '--out', path.join(dir, `v${i}.claimpack`), '--db', db, '--view', name, '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as { manifest: { counts: { documents: number } } }).manifest.counts.documents).toBe(expected.length);
    }
    const missing = await runCli(['export', '--out', path.join(dir, 'x.claimpack'), '--db', db, '--view', 'Everything']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no saved review view named "Everything"');
    expect(missing.stderr).toContain('"Denied claims"');
  });
});
