/**
 * Collecting what to import: files and folders given by path (the CLI, the desktop file dialog) or
 * uploaded bytes (the web host). Nothing is read here: each entry carries a `read()` the service calls
 * when it gets to it, and every per-file problem (missing, unreadable, too large, wrong type) becomes an
 * EntryError next to the entries, so one bad file never stops a batch.
 *
 * Rules: `.txt`, `.md`, `.markdown` and `.text` are text; `x.json` beside `x.txt` is its metadata
 * sidecar, not an entry. A file given explicitly with another extension is an error (the analyst asked
 * for it); inside folders such files are skipped silently, as are hidden files and folders. Folder
 * contents are sorted by code unit, not locale, so a folder imports in the same order on every machine;
 * explicitly given paths keep the order given. Symlinks are followed, loops detected by device and inode.
 */
import { constants, type Stats } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fromFsError, notAFile, readBounded, tooLarge } from './file-read.ts';
import { ImportError } from './import-error.ts';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Sidecars are a few hundred bytes; anything this big is not one. */
export const MAX_SIDECAR_BYTES = 1024 * 1024;
export const TEXT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.text'];

export interface ImportEntry {
  /** As shown to the analyst: the file name, or its path below the folder given ("reports/x.txt"). */
  name: string;
  /** Absolute path, or null for uploaded bytes. */
  path: string | null;
  size: number | null;
  /**
   * Reads the bytes; throws ImportError (TOO_LARGE, UNREADABLE, NOT_FOUND) if that fails now. A
   * sidecar's read() throws the same plain errors: the caller reports them as the sidecar's.
   */
  read(): Promise<Uint8Array>;
  /** The metadata file beside it (`x.json` for `x.txt`); a sidecar has none of its own. */
  sidecar: ImportEntry | null;
}

export interface EntryError {
  name: string;
  path: string | null;
  code: string;
  reason: string;
}

export interface Collected {
  entries: ImportEntry[];
  errors: EntryError[];
}

interface Options {
  maxBytes?: number;
}

const isText = (name: string): boolean => TEXT_EXTENSIONS.includes(extname(name).toLowerCase());
const isJson = (name: string): boolean => extname(name).toLowerCase() === '.json';
const stem = (name: string): string => name.slice(0, name.length - extname(name).length);
const isHidden = (name: string): boolean => name.startsWith('.');
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function unsupported(name: string): ImportError {
  return isJson(name)
    ? new ImportError(
        'UNSUPPORTED_TYPE',
        'This is a JSON file, not a text to import. A .json file is read as metadata only next to a text file of the same name (article.txt + article.json).',
      )
    : new ImportError(
        'UNSUPPORTED_TYPE',
        `Files of type "${extname(name) || 'without an extension'}" are not imported; Claimdesk imports plain text (${TEXT_EXTENSIONS.join(', ')}).`,
      );
}

/** Collects entries from files and folders on disk. */
export async function collectFromPaths(paths: string[], options?: Options): Promise<Collected> {
  const c = new PathCollector(options?.maxBytes ?? MAX_FILE_BYTES);
  for (const given of paths) await c.collectGiven(resolve(given), given);
  return c.finish();
}

class PathCollector {
  private readonly entries: ImportEntry[] = [];
  private readonly errors: EntryError[] = [];
  /** Files and folders already taken, by device:inode: the same file given twice is imported once. */
  private readonly seen = new Set<string>();
  private readonly sidecarPaths = new Set<string>();
  private readonly explicitJson: { name: string; path: string }[] = [];

  constructor(private readonly maxBytes: number) {}

  async collectGiven(path: string, given: string): Promise<void> {
    const name = basename(path) || given;
    let st: Stats;
    try {
      st = await stat(path);
    } catch (e) {
      return this.fail(name, path, fromFsError(e));
    }
    if (st.isDirectory()) return this.walk(path, name, st);
    if (!st.isFile()) return this.fail(name, path, notAFile(st));
    if (isText(name)) return this.addFile(path, name, st, join(dirname(path), `${stem(name)}.json`));
    if (isJson(name)) this.explicitJson.push({ name, path });
    else this.fail(name, path, unsupported(name));
  }

  finish(): Collected {
    // A .json given explicitly is fine when its text is imported too (both picked in a file dialog).
    for (const { name, path } of this.explicitJson) {
      if (!this.sidecarPaths.has(path)) this.fail(name, path, unsupported(name));
    }
    return { entries: this.entries, errors: this.errors };
  }

  private async walk(dir: string, name: string, st: Stats): Promise<void> {
    const key = `${st.dev}:${st.ino}`;
    if (this.seen.has(key)) return; // a symlink loop, or a folder given twice
    this.seen.add(key);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => !isHidden(n)).sort(byCodeUnit);
    } catch (e) {
      return this.fail(name, dir, fromFsError(e));
    }
    const jsonByStem = new Map(names.filter(isJson).map((n) => [stem(n), n]));
    for (const child of names) {
      const path = join(dir, child);
      const childName = `${name}/${child}`;
      const text = isText(child);
      let childSt: Stats;
      try {
        childSt = await stat(path);
      } catch (e) {
        // A broken link is only worth reporting where a text was expected.
        if (text) this.fail(childName, path, fromFsError(e));
        continue;
      }
      if (childSt.isDirectory()) await this.walk(path, childName, childSt);
      else if (!text) continue;
      else if (!childSt.isFile()) this.fail(childName, path, notAFile(childSt));
      else {
        const sidecar = jsonByStem.get(stem(child));
        await this.addFile(path, childName, childSt, sidecar === undefined ? null : join(dir, sidecar));
      }
    }
  }

  /** `sidecarPath` may not exist (an explicitly given file's possible sidecar). */
  private async addFile(path: string, name: string, st: Stats, sidecarPath: string | null): Promise<void> {
    const key = `${st.dev}:${st.ino}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (st.size > this.maxBytes) return this.fail(name, path, tooLarge(st.size, this.maxBytes));
    try {
      await access(path, constants.R_OK);
    } catch (e) {
      return this.fail(name, path, fromFsError(e));
    }
    let sidecar: ImportEntry | null = null;
    if (sidecarPath !== null) {
      try {
        sidecar = await this.sidecarEntry(sidecarPath, name.slice(0, name.lastIndexOf('/') + 1) + basename(sidecarPath));
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        return this.fail(name, path, e);
      }
    }
    const maxBytes = this.maxBytes;
    this.entries.push({ name, path, size: st.size, read: () => readBounded(path, maxBytes), sidecar });
  }

  /** The sidecar entry, null if there is none; an unusable one fails its text (BAD_SIDECAR). */
  private async sidecarEntry(path: string, name: string): Promise<ImportEntry | null> {
    let st: Stats;
    try {
      st = await stat(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw badSidecar(basename(path), fromFsError(e));
    }
    if (!st.isFile()) return null;
    if (st.size > MAX_SIDECAR_BYTES) throw badSidecar(basename(path), tooLarge(st.size, MAX_SIDECAR_BYTES));
    this.sidecarPaths.add(path);
    return { name, path, size: st.size, read: () => readBounded(path, MAX_SIDECAR_BYTES), sidecar: null };
  }

  private fail(name: string, path: string | null, error: ImportError): void {
    this.errors.push({ name, path, code: error.code, reason: error.message });
  }
}

/** A problem with the metadata file is reported on its text, which is not imported without it. */
function badSidecar(name: string, cause: ImportError): ImportError {
  const reason = cause.message.replace(/^The file is/, 'it is').replace(/^(\p{Lu})(?=\p{Ll})/u, (c) => c.toLowerCase());
  return new ImportError('BAD_SIDECAR', `Its metadata file ${name} cannot be used: ${reason}`, { cause: cause.code });
}

/**
 * Collects entries from uploaded files (the web host). Names may carry a folder path ("dir/x.txt",
 * from a folder upload); such uploads follow the folder rules (unsupported files skipped silently),
 * plain names the explicit-file rules. Sorted by name, as browsers give no meaningful order.
 */
export function collectFromUploads(files: { name: string; data: Uint8Array }[], options?: Options): Collected {
  const maxBytes = options?.maxBytes ?? MAX_FILE_BYTES;
  const uploads = files
    .map((f) => ({ name: f.name.replace(/\\/g, '/').replace(/^\/+/, ''), data: f.data }))
    .filter((f) => f.name !== '' && !f.name.split('/').some(isHidden))
    .sort((a, b) => byCodeUnit(a.name, b.name));
  const jsonByStem = new Map(uploads.filter((f) => isJson(f.name)).map((f) => [stem(f.name), f]));
  const paired = new Set<string>();
  const entries: ImportEntry[] = [];
  const errors: EntryError[] = [];
  const fail = (name: string, e: ImportError): void => {
    errors.push({ name, path: null, code: e.code, reason: e.message });
  };

  for (const { name, data } of uploads) {
    if (!isText(name)) continue;
    if (data.length > maxBytes) {
      fail(name, tooLarge(data.length, maxBytes));
      continue;
    }
    const json = jsonByStem.get(stem(name));
    let sidecar: ImportEntry | null = null;
    if (json !== undefined) {
      paired.add(json.name);
      if (json.data.length > MAX_SIDECAR_BYTES) {
        const shortName = json.name.slice(json.name.lastIndexOf('/') + 1);
        fail(name, badSidecar(shortName, tooLarge(json.data.length, MAX_SIDECAR_BYTES)));
        continue;
      }
      sidecar = uploaded(json.name, json.data, null);
    }
    entries.push(uploaded(name, data, sidecar));
  }
  for (const { name } of uploads) {
    if (isText(name) || name.includes('/') || paired.has(name)) continue;
    fail(name, unsupported(name));
  }
  return { entries, errors };
}

function uploaded(name: string, data: Uint8Array, sidecar: ImportEntry | null): ImportEntry {
  return { name, path: null, size: data.length, read: () => Promise.resolve(data), sidecar };
}
