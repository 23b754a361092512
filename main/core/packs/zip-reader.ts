/**
 * Reading a zip that came from somewhere else, defensively. Nothing is inflated until the whole
 * central directory has been checked:
 *
 * - entry names: no absolute paths, drive letters, backslashes, `..` or empty segments, control
 *   characters (zip slip), and no name twice, not even differing only in case;
 * - counts and sizes: at most `maxEntries` entries, each declaring at most `maxEntryBytes` and all
 *   together at most `maxTotalBytes` uncompressed (zip bombs);
 * - layout: every local header where the directory says, entries not overlapping (the overlapping-
 *   entry bomb), only stored or deflated data, no encryption, no ZIP64.
 *
 * Inflating then enforces the declared size (node:zlib's `maxOutputLength` stops the stream as soon
 * as it would write more), and the CRC-32 must match. Any failure is a `PackError` naming the entry.
 */
import zlib from 'node:zlib';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

/** Generous for real packs (100,000 documents is ~300,000 entries), far below what hurts a machine. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 400_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
};

export class PackError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 3 : 0)} MiB`;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Why a name is unsafe to write anywhere, or null when it is a plain relative path. */
export function unsafeName(name: string): string | null {
  if (name.length === 0) return 'it is empty';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'it contains control characters';
  if (name.includes('\\')) return 'it contains a backslash (a Windows path separator)';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'it is an absolute path';
  const segments = name.split('/');
  if (segments.includes('..')) return 'it climbs out of the pack with ".."';
  if (segments.some((s) => s === '' || s === '.')) return 'it has an empty or "." path segment';
  return null;
}

export class ZipReader {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    private readonly data: Uint8Array,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    this.entries = this.readDirectory();
    for (const e of this.entries) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** The entry's bytes, inflated within its declared size and checked against its CRC-32. */
  read(name: string): Uint8Array {
    const entry = this.byName.get(name);
    if (!entry) throw new PackError('MISSING_FILE', `The pack has no ${name}.`, name);
    const b = this.data;
    const at = entry.localOffset;
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const raw = b.subarray(start, start + entry.compressedSize);
    let out: Uint8Array;
    if (entry.method === 0) {
      out = raw;
    } else {
      try {
        // maxOutputLength stops inflating the moment the output would pass the declared size.
        // One output chunk a byte larger than the declared size (already within maxEntryBytes): the file
        // comes out as one buffer, not in 16 MiB chunks copied again by Buffer.concat (105 MB of
        // annotations were eight buffers and a copy), and the spare byte ends inflating without a
        // second chunk. No over-allocation for the many small files either.
        const limit = Math.max(64, entry.size);
        out = zlib.inflateRawSync(raw, { maxOutputLength: limit, chunkSize: limit + 1 });
      } catch (error) {
        const tooBig = error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
        throw tooBig
          ? new PackError('ZIP_BOMB', `${name} inflates to more than the ${entry.size} bytes it declares; it was not unpacked.`, name)
          : new PackError('BAD_ZIP', `${name} is damaged: its compressed data cannot be inflated (${(error as Error).message}).`, name);
      }
    }
    if (out.byteLength !== entry.size) {
      throw new PackError('BAD_ZIP', `${name} declares ${entry.size} bytes but holds ${out.byteLength}.`, name);
    }
    if (zlib.crc32(out) !== entry.crc) throw new PackError('BAD_ZIP', `${name} is damaged: its CRC-32 does not match.`, name);
    return out;
  }

  private readDirectory(): ZipEntry[] {
    const b = this.data;
    const { maxEntries, maxEntryBytes, maxTotalBytes } = this.limits;
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (u32(b, i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new PackError('NOT_A_ZIP', 'This is not a zip file (no end-of-central-directory record).');
    if (eocd >= 20 && u32(b, eocd - 20) === ZIP64_LOCATOR) throw new PackError('BAD_ZIP', 'ZIP64 archives are not accepted in packs.');
    const count = u16(b, eocd + 10);
    if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0 || u16(b, eocd + 8) !== count) {
      throw new PackError('BAD_ZIP', 'Multi-part (spanned) zip archives are not accepted.');
    }
    if (count > maxEntries) {
      throw new PackError('TOO_MANY_ENTRIES', `The pack has ${count} entries; at most ${maxEntries} are accepted.`);
    }
    const dirSize = u32(b, eocd + 12);
    const dirOffset = u32(b, eocd + 16);
    if (dirOffset + dirSize > eocd) throw new PackError('BAD_ZIP', 'The zip central directory points outside the file.');

    const entries: ZipEntry[] = [];
    const seen = new Map<string, string>();
    let total = 0;
    let p = dirOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > eocd || u32(b, p) !== CDH) throw new PackError('BAD_ZIP', `Zip central directory entry ${i + 1} is damaged.`);
      const flags = u16(b, p + 8);
      const method = u16(b, p + 10);
      const crc = u32(b, p + 16);
      const compressedSize = u32(b, p + 20);
      const size = u32(b, p + 24);
      const nameLength = u16(b, p + 28);
      const extraLength = u16(b, p + 30);
      const commentLength = u16(b, p + 32);
      const localOffset = u32(b, p + 42);
      let name: string;
      try {
        name = utf8.decode(b.subarray(p + 46, p + 46 + nameLength));
      } catch {
        throw new PackError('UNSAFE_PATH', `Zip entry ${i + 1} has a name that is not valid UTF-8.`);
      }
      p += 46 + nameLength + extraLength + commentLength;
      const why = unsafeName(name);
      if (why) throw new PackError('UNSAFE_PATH', `The entry "${name}" was refused: ${why}. Nothing was unpacked.`, name);
      const folded = name.toLowerCase();
      const twin = seen.get(folded);
      if (twin !== undefined) {
        throw new PackError(
          'DUPLICATE_ENTRY',
          twin === name ? `The entry "${name}" appears twice in the pack.` : `The entries "${twin}" and "${name}" differ only in case.`,
          name,
        );
      }
      seen.set(folded, name);
      if (flags & 0x1) throw new PackError('BAD_ZIP', `${name} is encrypted; packs are never encrypted.`, name);
      if (method !== 0 && method !== 8) throw new PackError('BAD_ZIP', `${name} uses compression method ${method}; only stored and deflate are accepted.`, name);
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        throw new PackError('BAD_ZIP', `${name} needs ZIP64, which packs do not use.`, name);
      }
      if (size > maxEntryBytes) {
        throw new PackError('ZIP_BOMB', `${name} declares ${mib(size)} uncompressed; at most ${mib(maxEntryBytes)} per file is accepted.`, name);
      }
      total += size;
      if (total > maxTotalBytes) {
        throw new PackError('ZIP_BOMB', `The pack declares more than ${mib(maxTotalBytes)} uncompressed in all; it was not unpacked.`, name);
      }
      entries.push({ name, method, crc, compressedSize, size, localOffset });
    }
    this.checkLayout(entries, dirOffset);
    return entries;
  }

  /** Local headers where the directory says, and no two entries sharing bytes. */
  private checkLayout(entries: ZipEntry[], dirOffset: number): void {
    const b = this.data;
    const sorted = [...entries].sort((x, y) => x.localOffset - y.localOffset);
    let previousEnd = 0;
    for (const e of sorted) {
      const at = e.localOffset;
      if (at < previousEnd || at + 30 > dirOffset || u32(b, at) !== LFH) {
        throw new PackError('BAD_ZIP', `${e.name}: its data overlaps another entry or is not where the directory says.`, e.name);
      }
      const end = at + 30 + u16(b, at + 26) + u16(b, at + 28) + e.compressedSize;
      if (end > dirOffset) throw new PackError('BAD_ZIP', `${e.name} runs past the end of the data.`, e.name);
      previousEnd = end;
    }
  }
}
