/**
 * The analyst's name (`project:setAnalystName`): it replaces the OS user's name the project started
 * with, everywhere the analyst is named (the history of what they did before too), it is the creator
 * of every pack exported after, it is kept across a reopen, and a bad name is refused with nothing
 * changed.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core.ts';
import { caller, tempDir } from './helpers.ts';
import { runCli } from '../cli/run-cli.ts';
import { exportBytes, goldProject, manifestOf } from '../packs/helpers.ts';

describe('the analyst’s name', () => {
  it('renames the analyst in the history, names them as the creator of later packs, and is kept on reopening', { timeout: 30_000 }, async () => {
    const core = await goldProject('analyst-name');
    const dbPath = core.path;
    const call = caller(core);
    const before = await call('project:info', {});
    const source = await call('sources:create', { name: 'Reuters', type: 'organisation' });
    expect((await call('history:entity', { type: 'source', id: source.id }))[0]!.analyst).toBe(before.analyst.displayName);

    const after = await call('project:setAnalystName', { name: '  Rana Khalil ' });
    expect(after.analyst).toEqual({ id: before.analyst.id, displayName: 'Rana Khalil' });
    expect((await call('history:entity', { type: 'source', id: source.id }))[0]!.analyst).toBe('Rana Khalil');
    expect(manifestOf(await exportBytes(core)).creator).toMatchObject({ id: before.analyst.id, name: 'Rana Khalil' });
    core.close();

    const reopened = createCore({ dbPath });
    expect((await caller(reopened)('project:info', {})).analyst.displayName).toBe('Rana Khalil');
    reopened.close();
  });

  it('refuses an empty name and one with control characters, and keeps the name it had', async () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk'), analystName: 'Zaid' });
    const call = caller(core);
    await expect(call('project:setAnalystName', { name: '   ' })).rejects.toThrow(/Give a name/);
    await expect(call('project:setAnalystName', { name: 'Zaid\u0007' })).rejects.toThrow(/control characters/);
    await expect(call('project:setAnalystName', { name: 'x'.repeat(201) })).rejects.toThrow(/At most 200/);
    expect((await call('project:info', {})).analyst.displayName).toBe('Zaid');
    core.close();
  });

  it('claimdesk whoami shows the name, --set changes it, and a bad name is refused', async () => {
    const db = path.join(tempDir(), 'p.claimdesk');
    createCore({ dbPath: db, analystName: 'Zaid' }).close();
    expect(await runCli(['whoami', '--db', db])).toMatchObject({ code: 0, stdout: 'Zaid\n' });
    expect(await runCli(['whoami', '--db', db, '--set', ' Rana Khalil '])).toMatchObject({ code: 0, stdout: 'Rana Khalil\n' });
    const json = await runCli(['whoami', '--db', db, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ name: 'Rana Khalil' });
    const empty = await runCli(['whoami', '--db', db, '--set', '  ']);
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain('Give a name.');
    expect((await runCli(['whoami', 'Rana', '--db', db])).code).toBe(2);
    expect((await runCli(['whoami', '--db', db])).stdout).toBe('Rana Khalil\n');
  });
});
