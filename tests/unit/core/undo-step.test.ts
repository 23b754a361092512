/**
 * A toast's Undo takes back the step it announced, or nothing: every write answered through the
 * dispatcher names its undo step (`Result.step`), and `history:undo { step }` refuses once that step
 * is no longer the latest (something done after it, or it was undone already).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core.ts';
import type { Result, Step } from '../../../shared/result.ts';
import { REPORTS, tempDir } from './helpers.ts';

type Doc = { id: string; revision: number; title: string | null };

async function setUp(): Promise<{ core: Core; docs: Doc[] }> {
  const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk'), analystName: 'Rana Haddad' });
  await core.importPaths(REPORTS);
  const list = (await core.services['documents:list']({ offset: 0, limit: 10 })).items as Doc[];
  return { core, docs: list };
}

const call = (core: Core, channel: string, input: unknown) => core.dispatch(channel, input) as Promise<Result<unknown> & { step?: Step }>;
const retitle = (core: Core, doc: Doc, title: string) => call(core, 'documents:update', { id: doc.id, revision: doc.revision, patch: { title } });

describe('undoing the step a toast announced', () => {
  it('names the step of a write, and none for a read', async () => {
    const { core, docs } = await setUp();
    const edit = await retitle(core, docs[0]!, 'Renamed');
    expect(edit.ok).toBe(true);
    expect(edit.step).toEqual({ id: expect.any(String), label: expect.any(String) });
    expect((await core.services['project:info']({})).canUndo).toBe(edit.step!.label);
    const read = await call(core, 'documents:list', { offset: 0, limit: 1 });
    expect(read.ok).toBe(true);
    expect(read.step).toBeUndefined();
    // A refused write leaves no step behind: the latest is still the edit.
    const refused = await call(core, 'documents:update', { id: docs[1]!.id, revision: 999, patch: { title: 'x' } });
    expect(refused.ok).toBe(false);
    expect((await core.services['project:info']({})).canUndo).toBe(edit.step!.label);
    core.close();
  });

  it('undoes the named step while it is the latest', async () => {
    const { core, docs } = await setUp();
    const edit = await retitle(core, docs[0]!, 'Renamed');
    const undone = await call(core, 'history:undo', { step: edit.step!.id });
    expect(undone).toMatchObject({ ok: true, value: { label: edit.step!.label } });
    expect((await core.services['documents:get']({ id: docs[0]!.id })).title).toBe(docs[0]!.title);
    core.close();
  });

  it('undoes nothing once another step came after it, or once it was undone, and says which', async () => {
    const { core, docs } = await setUp();
    const first = await retitle(core, docs[0]!, 'First edit');
    // Calls from two windows at once: each is told its own step.
    const [second, third] = await Promise.all([retitle(core, docs[1]!, 'Second edit'), call(core, 'documents:delete', { ids: [docs[2]!.id] })]);
    expect(new Set([first.step!.id, second.step!.id, third.step!.id]).size).toBe(3);
    expect(third.step!.label).not.toBe(second.step!.label);

    const stale = await call(core, 'history:undo', { step: first.step!.id });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe('STALE_UNDO');
    expect(stale.error.message).toBe(
      `Nothing was undone: something was done after this step (${third.step!.label}). Undo in the top bar (Ctrl+Z) takes steps back in order, latest first.`,
    );
    // Nothing moved: every edit still stands.
    const titles = async () => (await core.services['documents:list']({ offset: 0, limit: 10 })).items.map((d) => d.title);
    expect(await titles()).toEqual(expect.arrayContaining(['First edit', 'Second edit']));
    expect(await titles()).toHaveLength(3);

    // The latest, by its step; then that step again: undone already.
    expect((await call(core, 'history:undo', { step: third.step!.id })).ok).toBe(true);
    const again = await call(core, 'history:undo', { step: third.step!.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'STALE_UNDO', message: `Nothing was undone: this step is undone already (${third.step!.label}).` } });
    expect(await titles()).toHaveLength(4);
    // An id that is no step at all.
    const unknown = await call(core, 'history:undo', { step: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Without a step, Undo still takes back the latest, as the top bar's does.
    expect(await call(core, 'history:undo', {})).toMatchObject({ ok: true, value: { label: second.step!.label } });
    core.close();
  });
});
