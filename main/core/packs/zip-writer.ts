/**
 * Writing a pack's zip, deterministically: entries in a fixed order, a fixed timestamp (the DOS
 * epoch, 1980-01-01 00:00), no extra fields, so the same files always give the same bytes.
 *
 * The zip container is fflate's streaming `Zip`. Compression is deflate level 1 from node:zlib,
 * plugged in through fflate's documented custom `ZipInputFile`: fflate's own pure-JavaScript
 * deflate ran at 14-22 MB/s on annotation JSON here against 60-250 MB/s for zlib on the same bytes
 * in the same run, and the export budget is 150 MB/s (docs/decisions.md).
 */
import zlib from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

/** Local time components, so the DOS date fflate writes is 1980-01-01 00:00 in every time zone. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

export interface ZipEntryInput {
  name: string;
  data: Uint8Array;
}

export class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private failure: Error | null = null;
  private finished = false;
  /** Seconds spent in deflate, and the bytes it took in (the export benchmark reports them). */
  deflateSeconds = 0;
  deflatedBytes = 0;

  constructor(private readonly level: number = 1) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failure = error;
      else if (chunk) this.chunks.push(chunk);
      if (final) this.finished = true;
    });
  }

  add(name: string, data: Uint8Array): void {
    const started = performance.now();
    const deflated = zlib.deflateRawSync(data, { level: this.level });
    this.deflateSeconds += (performance.now() - started) / 1000;
    this.deflatedBytes += data.byteLength;
    const store = deflated.byteLength >= data.byteLength;
    const file: ZipInputFile = {
      filename: name,
      size: data.byteLength,
      crc: zlib.crc32(data),
      compression: store ? 0 : 8,
      mtime: FIXED_MTIME,
      os: 0,
      attrs: 0,
    };
    this.zip.add(file);
    file.ondata!(null, (store ? data : new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength)) as Uint8Array<ArrayBuffer>, true);
    if (this.failure) throw this.failure;
  }

  /** Ends the archive and returns its bytes. */
  finish(): Uint8Array {
    this.zip.end();
    if (this.failure) throw this.failure;
    if (!this.finished) throw new Error('The zip archive did not finish.');
    return Buffer.concat(this.chunks);
  }
}

/** Zips entries in the order given. */
export function writeZip(entries: ZipEntryInput[], level = 1): Uint8Array {
  const writer = new ZipWriter(level);
  for (const e of entries) writer.add(e.name, e.data);
  return writer.finish();
}
