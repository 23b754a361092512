/**
 * The fixed form of a document's text: NFC, `\n` line endings, no leading BOM. Nothing else changes:
 * double spaces, no-break spaces, curly quotes and tatweel stay exactly as published, because an
 * analyst's quote must match the source character for character.
 */
import { hash } from 'node:crypto';

const BOM = 0xfeff;

/**
 * A code unit from U+0300 (the combining marks) up. Text without one is NFC as it stands: every code
 * point below U+0300 is NFC and a starter, and no two of them compose (checked exhaustively in
 * normalize.test.ts). The test is free on V8's one-byte strings, while normalize('NFC') copies the
 * text for ICU's quick check (~4 µs per 3 KB).
 */
const MAY_CHANGE_IN_NFC = /[^\u0000-\u02ff]/;

/** NFC, CRLF/CR to LF, a leading BOM removed. Returns the same string when nothing changes. */
export function normalizeText(raw: string): string {
  let text = raw.charCodeAt(0) === BOM ? raw.slice(1) : raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  // V8 answers from ICU's quick check without copying when the text is already NFC (almost always).
  return MAY_CHANGE_IN_NFC.test(text) ? text.normalize('NFC') : text;
}

/** SHA-256 of the text's UTF-8, as lowercase hex: the document's identity. */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** SHA-256 of bytes that are known to be exactly the UTF-8 of a text: the same hash, no re-encoding. */
export function sha256HexOfUtf8(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}

// A word: letters, digits and combining marks (Arabic harakat, Latin accents in NFD), with the joiners
// that keep Persian/Arabic words whole. Apostrophes and hyphens inside a word do not split it
// ("Jordan’s", "al-Bar", "Iran-backed"), nor do separators between digits ("1,500", "3.5", "12/19").
// A hand-written scan: a Unicode-class regex costs ten times as much on the import hot path.
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

const isDigit = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);

/** ASCII letters and digits: the word characters of the common case, looked up without branching. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;

/** 0 if the code point at `i` is not part of a word, else its length in code units (1 or 2). */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ASCII_WORD[c]!;
  if (c >= 0xc0 && c <= 0x24f) return c === 0xd7 || c === 0xf7 ? 0 : 1;
  // Arabic letters, marks and digits, not its punctuation (، ؛ ؟ ٪ ٫ ٬ ۔).
  if (c >= 0x0610 && c <= 0x06ff) return c === 0x061b || c === 0x061f || (c >= 0x066a && c <= 0x066d) || c === 0x06d4 ? 0 : 1;
  if (c === 0x200c || c === 0x200d) return 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i) ?? c;
    return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  // General Punctuation (’ “ ” — … and the invisible marks other than the joiners) has no word characters.
  if (c >= 0x2000 && c <= 0x206f) return 0;
  return WORD_CHAR.test(text.charAt(i)) ? 1 : 0;
}

const isInWordJoiner = (c: number): boolean => c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2010;
const isNumberJoiner = (c: number): boolean => c === 0x2e || c === 0x2c || c === 0x2f || c === 0x3a;

/** Number of words, counted the same way for every script. */
export function countWords(text: string): number {
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Outside a word: skip to the next word character.
    let c = text.charCodeAt(i);
    let len = c < 0x80 ? ASCII_WORD[c]! : wordCharLength(text, i);
    if (len === 0) {
      i++;
      continue;
    }
    count++;
    // Inside a word: read through it, across joiners ("Jordan’s", "al-Bar", "1,500").
    for (;;) {
      const digit = isDigit(c);
      i += len;
      if (i >= n) return count;
      c = text.charCodeAt(i);
      len = c < 0x80 ? ASCII_WORD[c]! : wordCharLength(text, i);
      if (len > 0) continue;
      if (i + 1 >= n) return count;
      const next = text.charCodeAt(i + 1);
      if (!(isInWordJoiner(c) || (digit && isNumberJoiner(c) && isDigit(next)))) break;
      const nextLen = next < 0x80 ? ASCII_WORD[next]! : wordCharLength(text, i + 1);
      if (nextLen === 0) break;
      i++;
      c = next;
      len = nextLen;
    }
    i++;
  }
  return count;
}
