/** Shared set-up for the pack tests: the fully annotated sample project, packs in memory, row counts. */
import path from 'node:path';
import { unzipSync } from 'fflate';
import { createCore, type Core } from '../../../main/core/core.ts';
import { loadGold } from '../../../main/core/annotations/gold-loader.ts';
import { PackRepository } from '../../../main/core/packs/pack-repository.ts';
import type { Manifest } from '../../../shared/pack-format.ts';
import { CORPUS, REPORTS, caller, tempDir } from '../core/helpers.ts';

export const GOLD = path.join(CORPUS, 'gold');
export const ANALYST = 'Reference analyst';

export function emptyProject(name = 'empty', analystName = ANALYST): Core {
  return createCore({ dbPath: path.join(tempDir(), `${name}.claimdesk`), analystName, keysDir: path.join(tempDir('claimdesk-keys-'), 'keys') });
}

/** The four sample reports, fully annotated (the reference annotation), as one project. */
export async function goldProject(name = 'gold'): Promise<Core> {
  const core = emptyProject(name);
  await core.importPaths(REPORTS);
  loadGold(core.annotation, GOLD, CORPUS);
  return core;
}

let jobs = 0;
export const jobId = () => `test-job-${++jobs}`;

/** Exports through the contract (validated) and returns the pack's bytes. */
export async function exportBytes(core: Core, input: Record<string, unknown> = {}): Promise<Uint8Array<ArrayBuffer>> {
  const out = await caller(core)('packs:export', { jobId: jobId(), ...input } as never);
  if (!out.data) throw new Error('export returned no bytes');
  return new Uint8Array(out.data);
}

export function files(pack: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(pack);
}

export function manifestOf(pack: Uint8Array): Manifest {
  return JSON.parse(new TextDecoder().decode(files(pack)['manifest.json']!)) as Manifest;
}

export const text = (b: Uint8Array | undefined) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

export const counts = (core: Core) => new PackRepository(core.db).counts();
