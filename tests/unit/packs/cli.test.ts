/** The pack commands end to end, in-process, with their exit codes: 0 done, 1 refused, 2 usage. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../core/helpers.ts';
import { runCli } from '../cli/run-cli.ts';
import { goldProject } from './helpers.ts';

async function setUp() {
  const core = await goldProject();
  const db = core.path;
  core.close();
  const dir = tempDir();
  return { db, dir, keys: path.join(dir, 'keys'), env: { CLAIMDESK_KEYS_DIR: path.join(dir, 'keys') } };
}

describe('claimdesk export / verify / import-pack', { timeout: 60_000 }, () => {
  it('exports a signed pack, verifies it, merges it into a new project, and merges it again as a no-op', async () => {
    const { db, dir, keys, env } = await setUp();
    const out = path.join(dir, 'gold.claimpack');
    const exported = await runCli(['export', '--out', out, '--db', db, '--sign', '--redact', 'notes', '--json'], env);
    expect(exported.code, exported.stderr).toBe(0);
    const result = JSON.parse(exported.stdout) as { path: string; fingerprint: string; manifest: { redacted: { notes: boolean } } };
    expect(result.path).toBe(out);
    expect(result.manifest.redacted.notes).toBe(true);
    const [keyFile] = fs.readdirSync(keys);
    expect(keyFile).toMatch(/\.ed25519$/);
    expect(fs.statSync(path.join(keys, keyFile!)).mode & 0o777).toBe(0o600);

    const verified = await runCli(['verify', out]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('sound');
    expect(verified.stdout).toContain(`Signed by the key ${result.fingerprint}; the signature holds.`);

    const target = path.join(dir, 'target.claimdesk');
    const merged = await runCli(['import-pack', out, '--db', target], { CLAIMDESK_ANALYST: 'Bob' });
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('Merge pack gold.claimpack from Reference analyst: done.');
    const again = await runCli(['import-pack', out, '--db', target, '--json']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { added: { annotations: number } }).added.annotations).toBe(0);
    const listed = await runCli(['merges', '--db', target]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('gold.claimpack');
    expect(listed.stdout).toContain('from Reference analyst, merged by Bob');
    expect(listed.stdout).toMatch(/added 4 documents, \d+ annotations/);
    expect((await runCli(['undo', '--db', target])).stdout).toContain('Undid: Merge pack gold.claimpack from Reference analyst');
    const undone = JSON.parse((await runCli(['merges', '--db', target, '--json'])).stdout) as Array<{ undone: boolean; report: { name: string } }>;
    expect(undone.map((m) => [m.report.name, m.undone])).toEqual([['gold.claimpack', true]]);
    expect((await runCli(['merges', '--db', path.join(dir, 'fresh.claimdesk')])).stdout).toContain('No pack has been merged');
    expect((await runCli(['merges', '--db', target, '--limit', 'all'])).code).toBe(2);
  });

  it('import-pack on a terminal shows the merge’s rows, then each of its last steps, on stderr only', async () => {
    const { db, dir } = await setUp();
    const out = path.join(dir, 'bar.claimpack');
    expect((await runCli(['export', '--out', out, '--db', db])).code).toBe(0);
    const target = path.join(dir, 'bar-target.claimdesk');
    const run = await runCli(['import-pack', out, '--db', target], {}, { tty: true });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Checking bar.claimpack…');
    expect(run.stderr).toMatch(/Merging \[[^\]]*\] \d+\/\d+/);
    for (const step of ['building their indexes', 'working out claim statuses', 'rebuilding the review index']) expect(run.stderr).toContain(step);
    expect(run.stdout).not.toContain('Merging');
    expect(run.stdout).toContain('done.');
    // Not a terminal: nothing drawn.
    const quiet = await runCli(['import-pack', out, '--db', path.join(dir, 'quiet.claimdesk')]);
    expect(quiet.stderr).toBe('');
    const checking = await runCli(['verify', out], {}, { tty: true });
    expect(checking.stderr).toBe('Checking bar.claimpack…\n');
    expect(checking.stdout).toContain('bar.claimpack: sound.');
    expect((await runCli(['verify', out])).stderr).toBe('');
  });

  it('exports a selection, and the interchange formats', async () => {
    const { db, dir } = await setUp();
    const sel = await runCli(['export', '--out', path.join(dir, 'sel.claimpack'), '--db', db, '--tag', 'captagon', '--from', '2023', '--json']);
    expect(sel.code, sel.stderr).toBe(0);
    const counts = (JSON.parse(sel.stdout) as { manifest: { counts: { documents: number } } }).manifest.counts;
    expect(counts.documents).toBeGreaterThan(0);
    expect(counts.documents).toBeLessThan(4);
    for (const format of ['qdpx', 'brat']) {
      const run = await runCli(['export', '--out', path.join(dir, `x.${format}`), '--db', db, '--format', format]);
      expect(run.code, run.stderr).toBe(0);
      expect(fs.statSync(path.join(dir, `x.${format}`)).size).toBeGreaterThan(1000);
    }
  });

  it('refuses hostile packs with exit 1, naming the problem, and writes nothing', async () => {
    const { dir } = await setUp();
    const target = path.join(dir, 'target.claimdesk');
    const slip = path.join(FIXTURES, 'packs/zip-slip.claimpack');
    const verify = await runCli(['verify', slip]);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('"../../evil.txt" was refused');
    const merge = await runCli(['import-pack', path.join(FIXTURES, 'packs/orphan-annotation.claimpack'), '--db', target]);
    expect(merge.code).toBe(1);
    expect(merge.stderr).toContain('ORPHANED_ANNOTATION');
    expect(merge.stderr).toContain('annotations.jsonld › urn:uuid:');
    expect(JSON.parse((await runCli(['list', '--db', target, '--json'])).stdout)).toEqual({ total: 0, documents: [] });
    expect(fs.existsSync(path.join(path.dirname(slip), '../evil.txt'))).toBe(false);
  });

  it('answers usage errors with exit 2 and help with exit 0', async () => {
    const { db, dir } = await setUp();
    expect((await runCli(['export', '--db', db])).code).toBe(2);
    expect((await runCli(['export', '--out', path.join(dir, 'x'), '--db', db, '--redact', 'secrets'])).code).toBe(2);
    expect((await runCli(['export', '--out', path.join(dir, 'x'), '--db', db, '--from', 'last week'])).code).toBe(2);
    expect((await runCli(['export', '--out', path.join(dir, 'x'), '--db', db, '--format', 'pdf'])).code).toBe(2);
    expect((await runCli(['verify'])).code).toBe(2);
    expect((await runCli(['verify', path.join(dir, 'missing.claimpack')])).code).toBe(2);
    expect((await runCli(['import-pack', '--db', db])).code).toBe(2);
    const unknownTag = await runCli(['export', '--out', path.join(dir, 'x'), '--db', db, '--tag', 'no such tag']);
    expect(unknownTag.code).toBe(2);
    expect(unknownTag.stderr).toContain('no tag named');
    for (const c of ['export', 'verify', 'import-pack', 'merges', 'settle', 'whoami']) {
      const help = await runCli([c, '--help']);
      expect(help.code, c).toBe(0);
      expect(help.stdout).toContain(`Usage: claimdesk ${c}`);
    }
  });
});
