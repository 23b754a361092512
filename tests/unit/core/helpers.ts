import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract.ts';
import type { Core } from '../../../main/core/core.ts';

const dirs: string[] = [];

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'claimdesk-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
export const CORPUS = path.join(FIXTURES, 'corpus');
export const REPORTS = ['000_f0441c74b4d07c9b.txt', '001_8d8ef2971e5b5191.txt', '002_e433ff60202df370.txt', '003_629ec98bd1675e8a.txt'].map(
  (f) => path.join(CORPUS, f),
);

/** Calls a channel the way the adapters do (validated, defaults applied) and unwraps the result. */
export function caller(core: Core) {
  return async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  };
}

/**
 * What takes a project back from format 11 to 10 (migration 11's columns and index dropped), for
 * tests that open a project of an older format: each later migration runs again on the way up.
 */
export const BEFORE_MIGRATION_11 = `DROP INDEX pack_conflicts_merge;
  ALTER TABLE pack_conflicts DROP COLUMN settled; ALTER TABLE pack_conflicts DROP COLUMN settled_at; ALTER TABLE pack_conflicts DROP COLUMN settled_by;`;
