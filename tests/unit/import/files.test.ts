import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectFromPaths, collectFromUploads, MAX_FILE_BYTES } from '../../../main/core/import/files.ts';
import { asyncImportErrorOf, IMPORT_FIXTURES } from './fixtures.ts';

const TREE = join(IMPORT_FIXTURES, 'tree');
const SIDECARS = join(IMPORT_FIXTURES, 'sidecars');
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = async (read: () => Promise<Uint8Array>): Promise<string> => new TextDecoder().decode(await read());

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-import-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** chmod 000 does not stop root (tests here often run as root); find out rather than assume. */
function permissionsDenyReads(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-perm-'));
  const probe = join(dir, 'probe.txt');
  writeFileSync(probe, 'x');
  chmodSync(probe, 0);
  try {
    readFileSync(probe);
    return false;
  } catch {
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const deniable = permissionsDenyReads();

describe('collectFromPaths: folders', () => {
  it('walks a tree in code-unit order, skipping hidden and unsupported files, pairing sidecars', async () => {
    const { entries, errors } = await collectFromPaths([TREE]);
    expect(errors).toEqual([]);
    expect(entries.map((e) => e.name)).toEqual([
      'tree/Z.text',
      'tree/a.txt',
      'tree/b.md',
      'tree/sub/c.txt',
      'tree/sub/deeper/d.markdown',
    ]);
    expect(entries.map((e) => e.sidecar?.name ?? null)).toEqual([null, null, null, 'tree/sub/c.json', null]);
    const c = entries[3]!;
    expect(c.path).toBe(join(TREE, 'sub', 'c.txt'));
    expect(c.size).toBe(16);
    expect(await text(c.read)).toBe('Charlie report.\n');
    expect(await text(c.sidecar!.read)).toContain('"Al-Fassel"');
  });

  it('follows symlinks without looping, and reports a link that points to itself', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'A');
    symlinkSync(dir, join(dir, 'loop'), 'dir');
    symlinkSync(join(dir, 'self.txt'), join(dir, 'self.txt'));
    const { entries, errors } = await collectFromPaths([dir]);
    const root = dir.split('/').pop()!;
    expect(entries.map((e) => e.name)).toEqual([`${root}/a.txt`]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: `${root}/self.txt`, code: 'UNREADABLE' });
    expect(errors[0]!.reason).toContain('points back to itself');
  });

  it('takes a file given twice, or given and inside a given folder, once', async () => {
    const { entries } = await collectFromPaths([join(TREE, 'a.txt'), TREE, join(TREE, 'a.txt')]);
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'tree/Z.text', 'tree/b.md', 'tree/sub/c.txt', 'tree/sub/deeper/d.markdown']);
  });
});

describe('collectFromPaths: explicit files', () => {
  it('pairs a text with the same-named .json beside it', async () => {
    const { entries, errors } = await collectFromPaths([join(SIDECARS, 'article.txt')]);
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.sidecar).toMatchObject({ name: 'article.json', path: join(SIDECARS, 'article.json') });
  });

  it('accepts a .json given with its text, refuses it alone, and refuses other types', async () => {
    const both = await collectFromPaths([join(SIDECARS, 'article.json'), join(SIDECARS, 'article.txt')]);
    expect(both.errors).toEqual([]);
    expect(both.entries.map((e) => e.name)).toEqual(['article.txt']);

    const alone = await collectFromPaths([join(TREE, 'sub', 'lone.json'), join(TREE, 'skip.csv')]);
    expect(alone.entries).toEqual([]);
    expect(alone.errors.map((e) => [e.name, e.code])).toEqual([
      ['skip.csv', 'UNSUPPORTED_TYPE'],
      ['lone.json', 'UNSUPPORTED_TYPE'],
    ]);
    expect(alone.errors[0]!.reason).toContain('".csv"');
    expect(alone.errors[1]!.reason).toContain('next to a text file of the same name');
  });

  it('reports a path that does not exist as NOT_FOUND', async () => {
    const missing = join(TREE, 'no-such-file.txt');
    const { entries, errors } = await collectFromPaths([missing]);
    expect(entries).toEqual([]);
    expect(errors).toEqual([
      { name: 'no-such-file.txt', path: missing, code: 'NOT_FOUND', reason: expect.stringContaining('does not exist') },
    ]);
  });

  it('refuses a file over the limit from its size alone: a sparse 51 MB file, never read', async () => {
    const big = join(tempDir(), 'big.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 51 * 1024 * 1024);
    closeSync(fd);
    expect(MAX_FILE_BYTES).toBe(50 * 1024 * 1024);
    const { entries, errors } = await collectFromPaths([big]);
    expect(entries).toEqual([]);
    expect(errors).toEqual([{ name: 'big.txt', path: big, code: 'TOO_LARGE', reason: 'The file is 51 MB; the limit is 50 MB.' }]);
  });

  it('gives exact byte counts when the sizes would round to the same figure', async () => {
    const file = join(tempDir(), 'edge.txt');
    writeFileSync(file, 'x'.repeat(1024 * 1024 + 1));
    const { errors } = await collectFromPaths([file], { maxBytes: 1024 * 1024 });
    expect(errors[0]!.reason).toBe('The file is 1,048,577 bytes; the limit is 1,048,576 bytes.');
  });

  it('enforces the limit again when reading a file that grew after collection', async () => {
    const file = join(tempDir(), 'growing.txt');
    writeFileSync(file, 'small');
    const { entries } = await collectFromPaths([file], { maxBytes: 100 });
    appendFileSync(file, 'x'.repeat(200));
    const e = await asyncImportErrorOf(() => entries[0]!.read());
    expect(e.code).toBe('TOO_LARGE');
  });

  it('reports NOT_FOUND from read() when the file went away after collection', async () => {
    const file = join(tempDir(), 'gone.txt');
    writeFileSync(file, 'here');
    const { entries } = await collectFromPaths([file]);
    rmSync(file);
    expect((await asyncImportErrorOf(() => entries[0]!.read())).code).toBe('NOT_FOUND');
  });

  it('refuses a named pipe called .txt as UNREADABLE instead of blocking on it', async () => {
    if (process.platform === 'win32') return;
    const fifo = join(tempDir(), 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const { entries, errors } = await collectFromPaths([fifo]);
    expect(entries).toEqual([]);
    expect(errors).toEqual([{ name: 'pipe.txt', path: fifo, code: 'UNREADABLE', reason: expect.stringContaining('named pipe') }]);
  });

  it.skipIf(!deniable)(
    'reports a file and a folder without read permission as UNREADABLE (skipped when running as root: chmod 000 does not stop root)',
    async () => {
      const dir = tempDir();
      const file = join(dir, 'secret.txt');
      writeFileSync(file, 'secret');
      chmodSync(file, 0);
      const closed = join(dir, 'closed');
      mkdirSync(closed);
      writeFileSync(join(closed, 'inside.txt'), 'x');
      chmodSync(closed, 0);
      const { entries, errors } = await collectFromPaths([file, closed]);
      expect(entries).toEqual([]);
      expect(errors.map((e) => [e.name, e.code])).toEqual([
        ['secret.txt', 'UNREADABLE'],
        ['closed', 'UNREADABLE'],
      ]);
      expect(errors[0]!.reason).toContain('Permission denied');
    },
  );

  it('fails a text whose sidecar is too big to be one (BAD_SIDECAR), rather than importing it without', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.txt'), 'text');
    writeFileSync(join(dir, 'x.json'), `{"notes": "${'n'.repeat(2 * 1024 * 1024)}"}`);
    const { entries, errors } = await collectFromPaths([dir]);
    expect(entries).toEqual([]);
    expect(errors[0]).toMatchObject({ code: 'BAD_SIDECAR' });
    expect(errors[0]!.reason).toBe('Its metadata file x.json cannot be used: it is 2 MB; the limit is 1 MB.');
  });
});

describe('collectFromUploads', () => {
  it('pairs by name, folder paths included, sorts, and applies folder and explicit rules', async () => {
    const { entries, errors } = collectFromUploads(
      [
        { name: 'dir\\x.txt', data: bytes('X text') },
        { name: 'z.pdf', data: bytes('%PDF-') },
        { name: 'dir/x.json', data: bytes('{"title": "X"}') },
        { name: 'dir/skip.csv', data: bytes('a,b') },
        { name: 'dir/.hidden.txt', data: bytes('hidden') },
        { name: 'a.md', data: bytes('A') },
        { name: 'y.json', data: bytes('{}') },
        { name: 'big.txt', data: bytes('0123456789A') },
      ],
      { maxBytes: 10 },
    );
    expect(entries.map((e) => [e.name, e.sidecar?.name ?? null, e.path, e.size])).toEqual([
      ['a.md', null, null, 1],
      ['dir/x.txt', 'dir/x.json', null, 6],
    ]);
    expect(await text(entries[1]!.read)).toBe('X text');
    expect(await text(entries[1]!.sidecar!.read)).toBe('{"title": "X"}');
    expect(errors.map((e) => [e.name, e.code])).toEqual([
      ['big.txt', 'TOO_LARGE'],
      ['y.json', 'UNSUPPORTED_TYPE'],
      ['z.pdf', 'UNSUPPORTED_TYPE'],
    ]);
    expect(errors[0]!.reason).toBe('The file is 11 bytes; the limit is 10 bytes.');
  });
});
