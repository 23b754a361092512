/**
 * A UTF-8 validity scan used only when the fast strict decode has already failed. It tells a damaged
 * UTF-8 file (many well-formed multi-byte sequences, a few broken ones) from a legacy single-byte file
 * (where high bytes almost never happen to form UTF-8 sequences), and finds the first bad byte so the
 * message can point at it. Follows the WHATWG decoder's rules (no overlongs, no surrogates, ≤ U+10FFFF).
 */

export interface Utf8Scan {
  /** Well-formed sequences of two to four bytes. */
  multiByte: number;
  /** Places where decoding failed (each would become one U+FFFD). */
  invalid: number;
  /** Byte offset of the first failure, or -1. */
  firstInvalid: number;
}

export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multiByte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    }
    let seen = 0;
    if (need > 0) {
      while (seen < need) {
        const next = bytes[i + 1 + seen];
        if (next === undefined || next < lower || next > upper) break;
        lower = 0x80;
        upper = 0xbf;
        seen++;
      }
    }
    if (need > 0 && seen === need) {
      multiByte++;
      i += need + 1;
    } else {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      // As in WHATWG: the lead and the continuation bytes that fitted are consumed; the byte that
      // broke the sequence is looked at again as a possible lead.
      i += 1 + seen;
    }
  }
  return { multiByte, invalid, firstInvalid };
}

/** 1-based line and column (in bytes) of a byte offset, for ASCII-compatible encodings. */
export function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
