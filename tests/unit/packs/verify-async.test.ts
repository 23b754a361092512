/**
 * `verifyPackAsync` (the annotations file inflated and hashed on libuv's threads while the documents
 * are checked) says exactly what `verifyPack` says: the same report, problems in the same order, the
 * same content, for sound packs, every hostile fixture and packs broken in the annotations file, in
 * the documents, or in both. `asyncFrom = 0` sends the annotations file to the threads whatever its
 * size, so the small packs here take that path.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { verifyPack, verifyPackAsync } from '../../../main/core/packs/pack-verify.ts';
import { DEFAULT_ZIP_LIMITS, ZipReader } from '../../../main/core/packs/zip-reader.ts';
import { FIXTURES } from '../core/helpers.ts';
import { exportBytes, files, goldProject } from './helpers.ts';

const DIR = path.join(FIXTURES, 'packs');
const LIMITS = { ...DEFAULT_ZIP_LIMITS, maxEntries: 1000 };
const ANNOTATIONS = 'annotations.jsonld';

/** Both verifies of the same bytes, the asynchronous one taking its threaded path. */
async function both(bytes: Uint8Array, limits = DEFAULT_ZIP_LIMITS) {
  const sync = verifyPack(bytes, limits);
  const threaded = await verifyPackAsync(bytes, limits, 0);
  const defaults = await verifyPackAsync(bytes, limits);
  return { sync, threaded, defaults };
}

const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/**
 * The pack's files changed by `edit`; the manifest's sizes and hashes follow the files named in
 * `rehash` (so that a change there is found by the record checks, not by the hash check).
 */
function rebuilt(pack: Uint8Array, edit: (f: Record<string, Uint8Array>) => void, rehash: string[] = []): Uint8Array {
  const f = files(pack);
  edit(f);
  const manifest = JSON.parse(decode(f['manifest.json']!)) as { files: Record<string, { sha256: string; bytes: number }> };
  for (const name of rehash) manifest.files[name] = { sha256: sha(f[name]!), bytes: f[name]!.byteLength };
  f['manifest.json'] = encode(JSON.stringify(manifest));
  return zipSync(f, { level: 1 });
}

describe('verify with the annotations file on libuv\'s threads', { timeout: 60_000 }, () => {
  it('says what verifyPack says of the sound fixture and every hostile one', async () => {
    const names = fs.readdirSync(DIR).filter((n) => n.endsWith('.claimpack'));
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(DIR, name)));
      const { sync, threaded, defaults } = await both(bytes, LIMITS);
      expect(threaded, name).toEqual(sync);
      expect(defaults, name).toEqual(sync);
    }
  });

  it('says what verifyPack says of a real pack, and of it broken in the annotations, the documents or both', async () => {
    const gold = await goldProject('gold');
    const pack = await exportBytes(gold);
    gold.close();
    const docJson = Object.keys(files(pack)).find((n) => n.startsWith('documents/') && n.endsWith('.json'))!;
    const breakDocument = (f: Record<string, Uint8Array>) => {
      const record = JSON.parse(decode(f[docJson]!)) as Record<string, unknown>;
      f[docJson] = encode(JSON.stringify({ ...record, wordCount: 'many' }));
    };
    const cases: Record<string, Uint8Array> = {
      sound: pack,
      // The annotations changed after export: their hash no longer holds.
      'annotations changed': rebuilt(pack, (f) => {
        f[ANNOTATIONS] = encode(decode(f[ANNOTATIONS]!).replace('"Annotation"', '"Annotation" '));
      }),
      // A document whose record breaks its schema, hashes kept true: the record checks find it.
      'document record broken': rebuilt(pack, breakDocument, [docJson]),
      // Both: the hash problem alone is reported (the documents are checked only when every file is
      // sound), though the threaded path checked the documents while the annotations inflated.
      'both broken': rebuilt(pack, (f) => {
        breakDocument(f);
        f[ANNOTATIONS] = encode(`${decode(f[ANNOTATIONS]!)} `);
      }, [docJson]),
      // Annotations that fail their own checks (not JSON), hashes kept true.
      'annotations not JSON': rebuilt(pack, (f) => {
        f[ANNOTATIONS] = encode(`${decode(f[ANNOTATIONS]!)}}`);
      }, [ANNOTATIONS]),
      'annotations missing': rebuilt(pack, (f) => {
        delete f[ANNOTATIONS];
      }),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const { sync, threaded, defaults } = await both(bytes);
      expect(threaded, name).toEqual(sync);
      expect(defaults, name).toEqual(sync);
      if (name === 'sound') expect(sync.report.ok).toBe(true);
      else expect(sync.report.ok, name).toBe(false);
    }
    expect((await both(cases['both broken']!)).sync.report.problems.map((p) => p.code)).toEqual(['HASH_MISMATCH']);
    expect((await both(cases['document record broken']!)).sync.report.problems[0]).toMatchObject({ code: 'SCHEMA', file: docJson });
  });

  it('a damaged or oversized annotations entry fails on the threads as it does here', async () => {
    const gold = await goldProject('gold-zip');
    const pack = await exportBytes(gold);
    gold.close();
    const entry = new ZipReader(pack).entries.find((e) => e.name === ANNOTATIONS)!;
    expect(entry.method).toBe(8);
    const at = entry.localOffset;
    const dataStart = at + 30 + (pack[at + 26]! | (pack[at + 27]! << 8)) + (pack[at + 28]! | (pack[at + 29]! << 8));
    // A corrupted deflate stream (the same size), and a stream that inflates past the declared size.
    const damaged = pack.slice();
    for (let i = 0; i < 16; i++) damaged[dataStart + 2 + i] = 0xff;
    const zip = new ZipReader(pack);
    const inflated = zip.read(ANNOTATIONS);
    const bigger = zlib.deflateRawSync(Buffer.concat([inflated, Buffer.alloc(4096, 0x20)]), { level: 1 });
    const bomb = spliceEntryData(pack, dataStart, entry.compressedSize, bigger);
    for (const [name, bytes] of Object.entries({ damaged, bomb })) {
      const { sync, threaded } = await both(bytes);
      expect(sync.report.ok, name).toBe(false);
      expect(threaded, name).toEqual(sync);
    }
    expect((await both(bomb)).sync.report.problems.map((p) => p.code)).toContain('ZIP_BOMB');
    await expect(zip.readAsync(ANNOTATIONS)).resolves.toEqual(inflated);
    await expect(zip.readAsync('no-such-file')).rejects.toThrow(/has no no-such-file/);
  });
});

/**
 * The zip with one entry's compressed data replaced (its headers' compressed sizes and every later
 * offset moved accordingly), its declared size and CRC kept.
 */
function spliceEntryData(zip: Uint8Array, dataStart: number, oldSize: number, data: Uint8Array): Uint8Array {
  const delta = data.byteLength - oldSize;
  const out = new Uint8Array(zip.byteLength + delta);
  out.set(zip.subarray(0, dataStart));
  out.set(data, dataStart);
  out.set(zip.subarray(dataStart + oldSize), dataStart + data.byteLength);
  const view = new DataView(out.buffer);
  // The local header's compressed size.
  const reader = new ZipReader(zip);
  const entry = reader.entries.find((e) => e.localOffset < dataStart && dataStart - e.localOffset < 30 + 0xffff * 2 && e.compressedSize === oldSize)!;
  view.setUint32(entry.localOffset + 18, data.byteLength, true);
  // The end record, then every central directory entry: compressed size and local offsets past the change.
  let eocd = out.byteLength - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const dirOffset = view.getUint32(eocd + 16, true) + delta;
  view.setUint32(eocd + 16, dirOffset, true);
  const count = view.getUint16(eocd + 10, true);
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    const local = view.getUint32(p + 42, true);
    if (local === entry.localOffset) view.setUint32(p + 20, data.byteLength, true);
    if (local > entry.localOffset) view.setUint32(p + 42, local + delta, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}
