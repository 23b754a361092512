/**
 * The fixed form of a document's text: NFC, `\n` line endings, no leading BOM. Nothing else changes:
 * double spaces, no-break spaces, curly quotes and tatweel stay exactly as published, because an
 * analyst's quote must match the source character for character.
 */
import { createHash } from 'node:crypto';

const BOM = 0xfeff;

/** NFC, CRLF/CR to LF, a leading BOM removed. Returns the same string when nothing changes. */
export function normalizeText(raw: string): string {
  let text = raw.charCodeAt(0) === BOM ? raw.slice(1) : raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  // V8 answers from ICU's quick check without copying when the text is already NFC (almost always).
  return text.normalize('NFC');
}

/** SHA-256 of the text's UTF-8, as lowercase hex: the document's identity. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// A word: letters, digits and combining marks (Arabic harakat, Latin accents in NFD), with the joiners
// that keep Persian/Arabic words whole. Apostrophes and hyphens inside a word do not split it
// ("Jordan’s", "al-Bar", "Iran-backed"), nor do separators between digits ("1,500", "3.5", "12/19").
const WORD = /[\p{L}\p{N}\p{M}\u200c\u200d]+(?:(?:['’\u2010-]|(?<=\p{N})[.,/:](?=\p{N}))[\p{L}\p{N}\p{M}\u200c\u200d]+)*/gu;

/** Number of words, counted the same way for every script. */
export function countWords(text: string): number {
  WORD.lastIndex = 0;
  let count = 0;
  while (WORD.exec(text) !== null) count++;
  return count;
}
