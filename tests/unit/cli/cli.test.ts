import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CORPUS, REPORTS, tempDir } from '../core/helpers.ts';
import { runCli } from './run-cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const GOLD = path.join(CORPUS, 'gold');
const goldTitle = (report: string) =>
  (JSON.parse(fs.readFileSync(path.join(GOLD, path.basename(report).replace('.txt', '.gold.json')), 'utf8')) as { title: string | null }).title;

/** A folder of the four reports plus real bad files. */
function workspace(): { dir: string; db: string } {
  const dir = tempDir();
  const inbox = path.join(dir, 'inbox');
  fs.mkdirSync(path.join(inbox, 'nested'), { recursive: true });
  for (const r of REPORTS) fs.copyFileSync(r, path.join(inbox, path.basename(r)));
  fs.copyFileSync(REPORTS[3]!, path.join(inbox, 'nested', 'same-story-again.txt'));
  fs.writeFileSync(path.join(inbox, 'empty.txt'), '');
  // A real PNG header renamed .txt.
  fs.writeFileSync(path.join(inbox, 'photo.txt'), Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
  return { dir, db: path.join(dir, 'p.claimdesk') };
}

describe('claimdesk CLI', () => {
  it('imports a folder: right titles, duplicates reported, bad files named with reasons, exit 1', async () => {
    const { dir, db } = workspace();
    const run = await runCli(['import', path.join(dir, 'inbox'), path.join(dir, 'missing.txt'), '--db', db, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { imported: number; duplicates: number; failed: number; files: Array<Record<string, string>> };
    expect(report).toMatchObject({ imported: 4, duplicates: 1, failed: 3 });
    for (const r of REPORTS) {
      const entry = report.files.find((f) => f.file!.endsWith(path.basename(r)))!;
      expect(entry.status).toBe('imported');
      expect(entry.title ?? null).toBe(goldTitle(r));
    }
    expect(report.files.find((f) => f.file!.endsWith('same-story-again.txt'))!.status).toBe('duplicate');
    const failed = Object.fromEntries(report.files.filter((f) => f.status === 'failed').map((f) => [path.basename(f.file!), f]));
    expect(failed['photo.txt']).toMatchObject({ code: 'BINARY' });
    expect(failed['photo.txt']!.reason).toMatch(/PNG/);
    expect(failed['empty.txt']).toMatchObject({ code: 'EMPTY' });
    expect(failed['missing.txt']).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('finds the three reports that mention captagon, with marked snippets', async () => {
    const { dir, db } = workspace();
    await runCli(['import', path.join(dir, 'inbox'), '--db', db]);
    const run = await runCli(['search', 'captagon', '--db', db, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { total: number; hits: Array<{ document: { title: string | null }; snippet: Array<{ text: string; match: boolean }> }> };
    expect(result.total).toBe(3);
    const expected = REPORTS.filter((r) => /captagon/i.test(fs.readFileSync(r, 'utf8'))).map(goldTitle);
    expect(result.hits.map((h) => h.document.title).sort()).toEqual(expected.sort());
    for (const hit of result.hits) {
      const marked = hit.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase());
      expect(marked.length).toBeGreaterThan(0);
      expect(new Set(marked)).toEqual(new Set(['captagon']));
    }
    const human = await runCli(['search', 'captagon', '--db', db]);
    expect(human.stdout).toContain('[captagon]');
    expect(human.stdout).toContain('3 of 3 matching documents.');
  });

  it('explains a malformed query and exits 2 without a stack trace', async () => {
    const { dir, db } = workspace();
    await runCli(['import', path.join(dir, 'inbox'), '--db', db]);
    const run = await runCli(['search', '"unbalanced', '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/quotation mark/i);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists documents and undoes the import batch as one step', async () => {
    const { dir, db } = workspace();
    await runCli(['import', path.join(dir, 'inbox'), '--db', db]);
    const list = JSON.parse((await runCli(['list', '--db', db, '--json'])).stdout) as { total: number };
    expect(list.total).toBe(4);
    const undo = await runCli(['undo', '--db', db, '--json']);
    expect(JSON.parse(undo.stdout)).toEqual({ undone: 'Import 4 documents (1 duplicate)' });
    expect(JSON.parse((await runCli(['list', '--db', db, '--json'])).stdout)).toEqual({ total: 0, documents: [] });
    expect((await runCli(['redo', '--db', db])).stdout).toContain('Redid: Import 4 documents (1 duplicate)');
  });

  it('answers usage errors with exit 2 and help with exit 0', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['import'])).code).toBe(2);
    const bad = await runCli(['search', 'x', '--limit', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--limit must be a whole number');
    expect((await runCli(['list', '--bogus'])).code).toBe(2);
    for (const c of ['import', 'list', 'search', 'undo', 'redo', 'serve']) {
      const help = await runCli([c, '--help']);
      expect(help.code, c).toBe(0);
      expect(help.stdout, c).toContain(`Usage: claimdesk ${c}`);
    }
  });

  it('refuses a project from a newer version with a clear message', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.claimdesk');
    await runCli(['list', '--db', db]);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(db);
    raw.pragma('user_version = 999');
    raw.close();
    const run = await runCli(['list', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('newer version of Claimdesk');
  });

  it('runs as a real process from the checkout', async () => {
    const { dir, db } = workspace();
    const exec = promisify(execFile);
    const bin = path.join(ROOT, 'bin', 'claimdesk.mjs');
    const ok = await exec(process.execPath, [bin, 'import', ...REPORTS, '--db', db]);
    expect(ok.stdout).toContain('4 imported');
    const failing = await exec(process.execPath, [bin, 'import', path.join(dir, 'inbox', 'photo.txt'), '--db', db]).catch((e: { code: number; stderr: string }) => e);
    expect(failing).toMatchObject({ code: 1 });
    expect((failing as { stderr: string }).stderr).toContain('photo.txt');
  }, 30_000);
});
