/**
 * Global ids: UUIDv7 (RFC 9562; time-ordered, so ids sort by creation and index well).
 *
 * Layout, as the `uuid` package writes it: 48 bits of Unix milliseconds, the version (7), a 32-bit
 * counter spread over `rand_a` (12 bits) and the top of `rand_b` (20 bits, after the variant), and 42
 * random bits. The counter is seeded with 31 random bits on each new millisecond and incremented
 * within one (RFC 9562 §6.2, method 1), so ids made by this process are strictly increasing even when
 * the clock stands still or steps back; if the counter wraps, the timestamp moves on one millisecond.
 *
 * Made here rather than by `uuid`'s v7(), which asks the operating system for 16 random bytes per id
 * (a crypto call each time, ~2.5 µs; an import makes two ids per document): the random bytes come from
 * a pool refilled with one call per 4,096 ids.
 */

import { randomFillSync } from 'node:crypto';

/** Ids per refill of the random pool. */
const IDS_PER_FILL = 4096;
/** Random bytes per id: 4 seed the counter (on a new millisecond), 6 fill the random tail. */
const BYTES_PER_ID = 10;

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export interface IdSource {
  /** Milliseconds since the epoch (Date.now). */
  clock?: () => number;
  /** Fills a buffer with random bytes (crypto.randomFillSync). */
  fillRandom?: (buffer: Uint8Array) => void;
}

/** A UUIDv7 generator with its own counter and random pool; `newId` is the process's one. */
export function idGenerator(source: IdSource = {}): () => string {
  const clock = source.clock ?? Date.now;
  const fillRandom = source.fillRandom ?? ((b: Uint8Array) => void randomFillSync(b));
  const pool = new Uint8Array(IDS_PER_FILL * BYTES_PER_ID);
  let used = IDS_PER_FILL;
  let lastMs = -Infinity;
  let seq = 0;

  return (): string => {
    if (used === IDS_PER_FILL) {
      fillRandom(pool);
      used = 0;
    }
    const r = used++ * BYTES_PER_ID;
    const now = clock();
    if (now > lastMs) {
      seq = ((pool[r]! & 0x7f) << 24) | (pool[r + 1]! << 16) | (pool[r + 2]! << 8) | pool[r + 3]!;
      lastMs = now;
    } else {
      seq = (seq + 1) | 0;
      if (seq === 0) lastMs++;
    }
    const ms = lastMs;
    return (
      HEX[(ms / 0x10000000000) & 0xff]! +
      HEX[(ms / 0x100000000) & 0xff]! +
      HEX[(ms / 0x1000000) & 0xff]! +
      HEX[(ms / 0x10000) & 0xff]! +
      '-' +
      HEX[(ms / 0x100) & 0xff]! +
      HEX[ms & 0xff]! +
      '-' +
      HEX[0x70 | ((seq >>> 28) & 0x0f)]! +
      HEX[(seq >>> 20) & 0xff]! +
      '-' +
      HEX[0x80 | ((seq >>> 14) & 0x3f)]! +
      HEX[(seq >>> 6) & 0xff]! +
      '-' +
      HEX[((seq << 2) & 0xff) | (pool[r + 4]! & 0x03)]! +
      HEX[pool[r + 5]!]! +
      HEX[pool[r + 6]!]! +
      HEX[pool[r + 7]!]! +
      HEX[pool[r + 8]!]! +
      HEX[pool[r + 9]!]!
    );
  };
}

export const newId: () => string = idGenerator();

/** The `urn:uuid:` form used in exports. */
export const toUrn = (id: string): string => `urn:uuid:${id}`;
export const fromUrn = (urn: string): string => urn.replace(/^urn:uuid:/, '');
