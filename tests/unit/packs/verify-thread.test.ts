/**
 * Verify on its own thread while the merge writes (verify-thread.ts): the thread's report and content
 * are verify's own, for the sound pack and every hostile one; a merge commits only on a sound report,
 * and a refusal that arrives after it has written rolls everything back; the worker's entry runs from
 * an esbuild bundle as in the Electron build, and verify falls back to this thread when the worker
 * cannot start.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocumentRepository } from '../../../main/core/documents/document-repository.ts';
import { mergeStream } from '../../../main/core/packs/pack-merge.ts';
import { PackRepository } from '../../../main/core/packs/pack-repository.ts';
import { verifyPack, type PackHead } from '../../../main/core/packs/pack-verify.ts';
import type { PackAnnotation } from '../../../main/core/packs/pack-model.ts';
import { streamOf, verifyOnThread, type PackStream, type Verdict } from '../../../main/core/packs/verify-thread.ts';
import { DEFAULT_ZIP_LIMITS } from '../../../main/core/packs/zip-reader.ts';
import type { VerifyReport } from '../../../shared/pack-schemas.ts';
import { FIXTURES, caller, tempDir } from '../core/helpers.ts';
import { counts, emptyProject, exportBytes, goldProject } from './helpers.ts';

const DIR = path.join(FIXTURES, 'packs');
const LIMITS = { ...DEFAULT_ZIP_LIMITS, maxEntries: 1000 };
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(DIR, name)));
const PACKS = fs.readdirSync(DIR).filter((f) => f.endsWith('.claimpack')).sort();

async function drain(stream: PackStream): Promise<{ head: PackHead | null; annotations: PackAnnotation[]; verdict: Verdict }> {
  const head = await stream.records;
  const annotations: PackAnnotation[] = [];
  for await (const batch of stream.annotations()) annotations.push(...batch);
  return { head, annotations, verdict: await stream.verdict };
}

describe('verify on its own thread', { timeout: 120_000 }, () => {
  it('reports what verify reports, and hands over exactly its content, for the sound pack and every hostile one', async () => {
    expect(PACKS.length).toBeGreaterThan(10);
    // All the threads at once (each loads its code through tsx first, about a second).
    const streams = PACKS.map((file) => verifyOnThread(read(file), LIMITS));
    const drained = await Promise.all(streams.map(drain));
    for (const [i, file] of PACKS.entries()) {
      const here = verifyPack(read(file), LIMITS);
      const stream = streams[i]!;
      const got = drained[i]!;
      expect(stream.where, file).toBe('thread');
      expect(got.verdict.report, file).toEqual(here.report);
      expect(got.verdict.sha256, file).toBe(here.sha256);
      if (here.content) {
        const { annotations, ...records } = here.content;
        expect(got.head, file).toEqual({ manifest: here.manifest, sha256: here.sha256, ...records });
        // The same objects, keys in the same order (a conflict record hashes their JSON).
        expect(JSON.stringify(got.annotations), file).toBe(JSON.stringify(annotations));
      }
    }
  });

  it('packs:verify answers from the thread, as verify does here, while this thread stays free', async () => {
    const core = emptyProject('verify-service');
    try {
      for (const file of PACKS) {
        // Scheduled before the call: it can only run if the call gives the event loop a turn, which a
        // verify run on this thread (synchronous from start to report) never does.
        let turned = false;
        setImmediate(() => (turned = true));
        const report = await caller(core)('packs:verify', { data: read(file) });
        expect(turned, file).toBe(true);
        expect(report, file).toEqual(verifyPack(read(file), DEFAULT_ZIP_LIMITS).report);
      }
    } finally {
      core.close();
    }
  });

  it('hands over the annotations of a real project unchanged, in batches', async () => {
    const gold = await goldProject();
    const pack = await exportBytes(gold);
    const here = verifyPack(pack);
    const got = await drain(verifyOnThread(pack, DEFAULT_ZIP_LIMITS));
    expect(here.content!.annotations.length).toBeGreaterThan(100);
    expect(JSON.stringify(got.annotations)).toBe(JSON.stringify(here.content!.annotations));
    gold.close();
  });

  it('commits nothing when verify refuses the pack after the merge has written its rows', async () => {
    const gold = await goldProject();
    const verified = verifyPack(await exportBytes(gold));
    const target = emptyProject('target');
    const before = counts(target);
    const sound = streamOf(verified);
    let written: ReturnType<typeof counts> | null = null;
    const refused: VerifyReport = { ...verified.report, ok: false, problems: [{ code: 'DANGLING_REFERENCE', message: 'A late problem (simulated).', file: 'annotations.jsonld' }] };
    // Verify's report arrives only once the merge waits for it, every row written.
    const late: PackStream = {
      records: sound.records,
      annotations: () => sound.annotations(),
      refused: () => null,
      stop: () => undefined,
      where: 'thread',
      get verdict() {
        return Promise.resolve().then(() => {
          // Read first by the merge, before its commit; read again after the rollback.
          written ??= counts(target);
          return { report: refused, sha256: verified.sha256 };
        });
      },
    };
    const deps = {
      db: target.db, packs: new PackRepository(target.db), documents: new DocumentRepository(target.db), oplog: target.annotation.ctx.oplog,
      annotation: target.annotation, analystId: target.identity.analystId, reindexDocument: target.annotation.ctx.reindexDocument,
    };
    await expect(mergeStream(deps, late, (await sound.records)!, 'late.claimpack')).rejects.toMatchObject({ code: 'PACK_REFUSED' });
    expect(written).not.toBeNull();
    expect(written!.spans).toBeGreaterThan(before.spans!);
    expect(target.db.inTransaction).toBe(false);
    expect(counts(target)).toEqual(before);
    gold.close();
    target.close();
  });

  it('ends the annotations once every one has passed its checks, before the files no merge reads are hashed', async () => {
    const events = (bytes: Uint8Array) => {
      const seen: string[] = [];
      const verified = verifyPack(bytes, LIMITS, {
        records: () => seen.push('records'),
        annotations: () => seen.push('annotations'),
        annotationsEnd: () => seen.push('end'),
      });
      return { seen, report: verified.report };
    };
    const sound = events(read('sound.claimpack'));
    expect(sound.report.ok).toBe(true);
    expect(sound.seen[0]).toBe('records');
    expect(sound.seen.filter((e) => e === 'annotations').length).toBeGreaterThan(0);
    expect(sound.seen.indexOf('end')).toBe(sound.seen.length - 1);
    // The end comes before report.html is hashed: a changed report is found after it.
    const late = events(withChangedReport(read('sound.claimpack')));
    expect(late.seen.at(-1)).toBe('end');
    expect(late.report.ok).toBe(false);
    expect(late.report.problems).toEqual([expect.objectContaining({ code: 'HASH_MISMATCH', file: 'report.html' })]);
    // Never after a problem: an annotation that cannot be anchored.
    const orphan = events(read('orphan-annotation.claimpack'));
    expect(orphan.report.ok).toBe(false);
    expect(orphan.seen).not.toContain('end');
  });

  it('rolls a merge back when a file no merge reads fails its hash after the annotations ended', async () => {
    const gold = await goldProject();
    const pack = withChangedReport(await exportBytes(gold));
    gold.close();
    const stream = verifyOnThread(pack, DEFAULT_ZIP_LIMITS);
    const got = await drain(stream);
    expect(got.annotations.length).toBeGreaterThan(100);
    expect(got.verdict.report.problems).toEqual([expect.objectContaining({ code: 'HASH_MISMATCH', file: 'report.html' })]);
    // Through the service: the merge may go on to its last steps before the refusal arrives (when is
    // up to the threads); either way it keeps nothing.
    const target = emptyProject('late-hash');
    const before = counts(target);
    await expect(caller(target)('packs:import', { jobId: 'late', data: pack, name: 'late.claimpack' })).rejects.toThrow(/PACK_REFUSED.*report\.html does not match/);
    expect(counts(target)).toEqual(before);
    expect(target.db.inTransaction).toBe(false);
    target.close();
  });

  it('runs its entry from a bundle, as the Electron build does, and verifies here when the thread cannot start', async () => {
    const dir = tempDir();
    const meta = { define: { 'import.meta.url': '__url' }, banner: { js: "const __url = require('node:url').pathToFileURL(__filename).href;" } };
    const common = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent', ...meta } as const;
    // The worker's entry as scripts/build-electron.mjs bundles it, and a caller bundled beside it.
    await build({ ...common, entryPoints: ['main/core/packs/verify-worker.ts'], outfile: path.join(dir, 'pack-verify-worker.cjs') });
    const entry = path.join(dir, 'entry.ts');
    fs.writeFileSync(
      entry,
      `import fs from 'node:fs';
       import { verifyOnThread } from ${JSON.stringify(path.resolve('main/core/packs/verify-thread.ts'))};
       import { DEFAULT_ZIP_LIMITS } from ${JSON.stringify(path.resolve('main/core/packs/zip-reader.ts'))};
       void (async () => {
         const s = verifyOnThread(new Uint8Array(fs.readFileSync(process.argv[2])), DEFAULT_ZIP_LIMITS);
         const head = await s.records;
         let n = 0;
         for await (const b of s.annotations()) n += b.length;
         console.log(JSON.stringify({ where: s.where, documents: head?.documents.length, annotations: n, ok: (await s.verdict).report.ok }));
       })();`,
    );
    await build({ ...common, entryPoints: [entry], outfile: path.join(dir, 'main.cjs') });
    const pack = path.join(dir, 'sound.claimpack');
    fs.copyFileSync(path.join(DIR, 'sound.claimpack'), pack);
    const run = () => JSON.parse(execFileSync(process.execPath, [path.join(dir, 'main.cjs'), pack], { encoding: 'utf8' })) as Record<string, unknown>;
    const expected = verifyPack(read('sound.claimpack'));
    const counted = { documents: expected.content!.documents.length, annotations: expected.content!.annotations.length, ok: true };
    expect(run()).toEqual({ where: 'thread', ...counted });
    fs.rmSync(path.join(dir, 'pack-verify-worker.cjs'));
    expect(run()).toEqual({ where: 'here', ...counted });
  });
});

/** The pack with report.html changed and its manifest left as it was: a hash that fails only after the annotations. */
function withChangedReport(pack: Uint8Array): Uint8Array<ArrayBuffer> {
  const files = unzipSync(pack);
  files['report.html'] = strToU8(`${strFromU8(files['report.html']!)}<!-- changed -->`);
  return new Uint8Array(zipSync(files));
}
