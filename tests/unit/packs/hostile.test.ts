/**
 * Real hostile and broken packs (tests/fixtures/packs, made by make-hostile.mjs) are refused with the
 * problem they have, named precisely, and nothing is written: every table has the same rows after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core.ts';
import { verifyPack } from '../../../main/core/packs/pack-verify.ts';
import { DEFAULT_ZIP_LIMITS } from '../../../main/core/packs/zip-reader.ts';
import { FIXTURES, caller, tempDir } from '../core/helpers.ts';
import { counts, jobId } from './helpers.ts';

const DIR = path.join(FIXTURES, 'packs');
const expected = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, string>;
const LIMITS = { ...DEFAULT_ZIP_LIMITS, maxEntries: 1000 };
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(DIR, name)));

describe('hostile packs', { timeout: 60_000 }, () => {
  it('the sound pack the hostile ones are made from is accepted', () => {
    const { report } = verifyPack(read('sound.claimpack'), LIMITS);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.signature.state).toBe('unsigned');
    expect(report.signature.message).toMatch(/integrity only/);
  });

  it('covers every case the issue lists', () => {
    expect(Object.keys(expected).sort()).toEqual([
      'absolute-path.claimpack', 'backslash-path.claimpack', 'bomb-declared.claimpack', 'bomb-inflate.claimpack', 'bomb-total.claimpack',
      'case-duplicate.claimpack', 'constructor-key.claimpack', 'duplicate-entry.claimpack', 'extra-file.claimpack', 'missing-file.claimpack',
      'newer-major.claimpack', 'not-a-zip.claimpack', 'orphan-annotation.claimpack', 'overlapping-entries.claimpack', 'proto-key.claimpack',
      'schema-error.claimpack', 'tampered-text.claimpack', 'too-many-entries.claimpack', 'zip-slip.claimpack',
    ]);
  });

  for (const [file, code] of Object.entries(expected)) {
    it(`${file} is refused with ${code}, naming where`, () => {
      const { report, content } = verifyPack(read(file), LIMITS);
      expect(report.ok).toBe(false);
      expect(content).toBeNull();
      expect(report.problems.map((p) => p.code)).toContain(code);
      const problem = report.problems.find((p) => p.code === code)!;
      expect(problem.message.length).toBeGreaterThan(20);
      if (!['NOT_A_ZIP', 'TOO_MANY_ENTRIES'].includes(code)) expect(problem.file, file).toBeTruthy();
    });
  }

  it('names the record and field of a schema error, and the annotation of an orphan', () => {
    const schema = verifyPack(read('schema-error.claimpack'), LIMITS).report.problems[0]!;
    expect(schema).toMatchObject({ code: 'SCHEMA', field: 'wordCount' });
    expect(schema.file).toMatch(/^documents\/.+\.json$/);
    const orphan = verifyPack(read('orphan-annotation.claimpack'), LIMITS).report.problems[0]!;
    expect(orphan).toMatchObject({ code: 'ORPHANED_ANNOTATION', file: 'annotations.jsonld', record: 'urn:uuid:01900000-0000-7000-8000-000000000003' });
    const proto = verifyPack(read('proto-key.claimpack'), LIMITS).report.problems[0]!;
    expect(proto.message).toContain('$.sources[0].__proto__');
  });

  it('merging any of them writes nothing at all', async () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'p.claimdesk'), analystName: 'Target', packLimits: LIMITS });
    const call = caller(core);
    await call('packs:import', { jobId: jobId(), data: read('sound.claimpack'), name: 'sound.claimpack' });
    await call('history:undo', {});
    const before = counts(core);
    for (const file of Object.keys(expected)) {
      const result = await core.dispatch('packs:import', { jobId: jobId(), data: read(file), name: file });
      expect(result.ok, file).toBe(false);
      if (!result.ok) expect(result.error.code, file).toBe('PACK_REFUSED');
      expect(counts(core), file).toEqual(before);
    }
    core.close();
  });
});
