import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core.ts';
import { tempDir } from './helpers.ts';

const enc = new TextEncoder();
const files = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `batch/doc-${i}.txt`,
    data: enc.encode(`Report ${i}\n\n${'Officials said smugglers crossed the border at night. '.repeat(40)}Number ${i}.`),
  }));

describe('import jobs', () => {
  it('reports progress and, when cancelled, leaves no partial document and no undo step', async () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk') });
    const progress: Array<{ phase: string; done: number }> = [];
    core.events.on((name, payload) => {
      if (name !== 'progress') return;
      const p = payload as { jobId: string; phase: string; done: number };
      progress.push(p);
      if (p.phase === 'writing' && p.done > 0) void core.services['jobs:cancel']({ jobId: 'job-1' });
    });
    const result = await core.dispatch('documents:import', { jobId: 'job-1', files: files(4000) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('CANCELLED');
    expect(progress.some((p) => p.phase === 'writing')).toBe(true);
    expect(progress.at(-1)!.phase).toBe('cancelled');
    expect(core.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
    expect(core.db.prepare('SELECT count(*) FROM document_imports').pluck().get()).toBe(0);
    expect((await core.services['project:info']({})).canUndo).toBeNull();
    // The project is usable afterwards.
    const again = await core.services['documents:import']({ jobId: 'job-2', files: files(3) });
    expect(again.imported).toBe(3);
    core.close();
  });

  it('keeps every import of the same text as provenance, stored once', async () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk') });
    const data = enc.encode('Same wire story.\n\nJordan said on Monday that smuggling rose.');
    const r = await core.services['documents:import']({
      jobId: 'j',
      files: [
        { name: 'outlet-a/story.txt', data },
        { name: 'outlet-a/story.json', data: enc.encode(JSON.stringify({ outlet: 'Outlet A', published: '2023-12-19' })) },
        { name: 'outlet-b/story.txt', data },
        { name: 'outlet-b/story.json', data: enc.encode(JSON.stringify({ outlet: 'Outlet B' })) },
      ],
    });
    expect(r).toMatchObject({ imported: 1, duplicates: 1, failed: 0 });
    const id = r.files[0]!.status === 'imported' ? r.files[0]!.documentId : '';
    const doc = await core.services['documents:get']({ id });
    expect(doc.outlet).toBe('Outlet A');
    expect(doc.published).toBe('2023-12-19');
    expect(doc.imports.map((i) => [i.fileName, i.duplicate, i.sidecar?.outlet])).toEqual([
      ['outlet-a/story.txt', false, 'Outlet A'],
      ['outlet-b/story.txt', true, 'Outlet B'],
    ]);
    core.close();
  });

  it('filters lists and searches by outlet and partial dates', async () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk') });
    const doc = (name: string, meta: object, body: string) => [
      { name: `${name}.txt`, data: enc.encode(body) },
      { name: `${name}.json`, data: enc.encode(JSON.stringify(meta)) },
    ];
    await core.services['documents:import']({
      jobId: 'j',
      files: [
        ...doc('a', { outlet: 'Reuters', published: '2023' }, 'Captagon seizures rose in Jordan.'),
        ...doc('b', { outlet: 'Al-Fassel', published: '2024-01-28' }, 'Captagon smuggling via Iraq.'),
        ...doc('c', { outlet: 'Reuters', published: '2024-03' }, 'Border clashes, no drugs named.'),
      ],
    });
    const list = async (f: object) => (await core.services['documents:list']({ offset: 0, limit: 10, ...f })).total;
    expect(await list({ outlet: 'reuters' })).toBe(2);
    expect(await list({ from: '2024' })).toBe(2);
    expect(await list({ from: '2023-06', to: '2023-12' })).toBe(1); // "2023" overlaps the second half of 2023
    expect(await list({ to: '2024-02-01' })).toBe(2);
    expect(await list({ outlet: "x' OR 1=1 --" })).toBe(0);
    const search = async (f: object) => (await core.services['search:query']({ query: 'captagon', limit: 10, ...f })).total;
    expect(await search({})).toBe(2);
    expect(await search({ outlet: 'Reuters' })).toBe(1);
    expect(await search({ from: '2024-01' })).toBe(1);
    core.close();
  });
});
