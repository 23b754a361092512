import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core.ts';
import { REPORTS, tempDir } from './helpers.ts';

const open = (file: string, analystName = 'Rana Haddad'): Core => createCore({ dbPath: file, analystName });
const titles = async (core: Core) => (await core.services['documents:list']({ offset: 0, limit: 100 })).items.map((d) => d.title);
const hits = async (core: Core, query: string) => (await core.services['search:query']({ query, limit: 50 })).total;

describe('operation log and undo', () => {
  it('undoes and redoes an import batch as one unit, across a reopen of the project', async () => {
    const file = path.join(tempDir(), 'p.claimdesk');
    let core = open(file);
    const report = await core.importPaths(REPORTS);
    expect(report.imported).toBe(4);
    expect(await hits(core, 'captagon')).toBe(3);
    core.close();

    core = open(file);
    expect((await core.services['project:info']({})).canUndo).toBe('Import 4 documents');
    expect(await core.services['history:undo']({})).toEqual({ label: 'Import 4 documents' });
    expect(await titles(core)).toEqual([]);
    expect(await hits(core, 'captagon')).toBe(0);
    core.close();

    core = open(file);
    expect(await core.services['history:redo']({})).toEqual({ label: 'Import 4 documents' });
    expect(await titles(core)).toHaveLength(4);
    expect(await hits(core, 'captagon')).toBe(3);
    expect(await core.services['history:redo']({})).toBeNull();
    core.close();
  });

  it('logs who changed what, before and after, and undoes a metadata edit', async () => {
    const core = open(path.join(tempDir(), 'p.claimdesk'));
    await core.importPaths([REPORTS[1]!]);
    const [doc] = (await core.services['documents:list']({ offset: 0, limit: 10 })).items;
    const updated = await core.services['documents:update']({ id: doc!.id, revision: doc!.revision, patch: { title: 'Jordan foils infiltration', outlet: 'Reuters' } });
    expect(updated.title).toBe('Jordan foils infiltration');
    expect(updated.revision).toBe(doc!.revision + 1);
    expect(await hits(core, 'foils')).toBe(1);

    const history = core.db
      .prepare(`SELECT o.action, o.before, o.after, a.display_name AS who FROM operations o
                JOIN op_groups g ON g.id = o.group_id JOIN analysts a ON a.id = g.analyst_id
                WHERE o.entity_id = ? ORDER BY o.seq`)
      .all(doc!.id) as Array<{ action: string; before: string | null; after: string; who: string }>;
    expect(history.map((h) => h.action)).toEqual(['document.import', 'document.update']);
    expect(history[1]!.who).toBe('Rana Haddad');
    expect(JSON.parse(history[1]!.before!)).toEqual({ title: doc!.title, outlet: doc!.outlet });
    expect(JSON.parse(history[1]!.after)).toEqual({ title: 'Jordan foils infiltration', outlet: 'Reuters' });

    await core.services['history:undo']({});
    const back = await core.services['documents:get']({ id: doc!.id });
    expect(back.title).toBe(doc!.title);
    expect(await hits(core, 'foils')).toBe(0);
    // Undo appended to the log; nothing was rewritten.
    const actions = core.db.prepare(`SELECT action FROM operations WHERE entity_id = ? ORDER BY seq`).pluck().all(doc!.id);
    expect(actions).toEqual(['document.import', 'document.update', 'undo:document.update']);
    core.close();
  });

  it('refuses an edit made from a stale revision and keeps the newer one', async () => {
    const core = open(path.join(tempDir(), 'p.claimdesk'));
    await core.importPaths([REPORTS[2]!]);
    const [doc] = (await core.services['documents:list']({ offset: 0, limit: 10 })).items;
    await core.services['documents:update']({ id: doc!.id, revision: doc!.revision, patch: { author: 'Anas al-Bar' } });
    const stale = await core.dispatch('documents:update', { id: doc!.id, revision: doc!.revision, patch: { author: 'Someone else' } });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('CONFLICT');
    expect((await core.services['documents:get']({ id: doc!.id })).author).toBe('Anas al-Bar');
    core.close();
  });

  it('deletes softly, undoes the delete, and a new action clears redo', async () => {
    const core = open(path.join(tempDir(), 'p.claimdesk'));
    await core.importPaths(REPORTS);
    const { items } = await core.services['documents:list']({ offset: 0, limit: 10 });
    const ids = items.slice(0, 2).map((d) => d.id);
    expect(await core.services['documents:delete']({ ids })).toEqual({ deleted: 2 });
    expect(await titles(core)).toHaveLength(2);
    const tombstones = core.db.prepare(`SELECT count(*) FROM documents WHERE deleted_at IS NOT NULL`).pluck().get();
    expect(tombstones).toBe(2);
    expect(await core.services['history:undo']({})).toEqual({ label: 'Delete 2 documents' });
    expect(await titles(core)).toHaveLength(4);
    expect(await core.services['documents:delete']({ ids: [ids[0]!] })).toEqual({ deleted: 1 });
    expect(await core.services['history:redo']({})).toBeNull();
    core.close();
  });

  it('re-importing a deleted document brings it back instead of storing it twice', async () => {
    const core = open(path.join(tempDir(), 'p.claimdesk'));
    const first = await core.importPaths([REPORTS[0]!]);
    const id = first.files[0]!.status === 'imported' ? first.files[0]!.documentId : '';
    await core.services['documents:delete']({ ids: [id] });
    const again = await core.importPaths([REPORTS[0]!]);
    expect(again.files[0]).toMatchObject({ status: 'imported', documentId: id });
    expect(core.db.prepare(`SELECT count(*) FROM documents`).pluck().get()).toBe(1);
    expect(await hits(core, 'Hiari')).toBe(1);
    core.close();
  });
});
