/**
 * Snapping a selection to whole words, called by the UI when an analyst selects text, so that a span
 * never starts or ends in the middle of a word (or of a character).
 *
 * What a word is, here: a run of letters, combining marks and digits (`\p{L}\p{M}\p{N}`: Latin,
 * Arabic letters with their harakat and tatweel, Arabic-Indic digits), where an apostrophe or hyphen
 * with a letter on both sides stays inside the word ("Jordan's", "Iran-backed", "clamp-down"), and so
 * does a decimal or thousands separator between digits ("1,500", "3.5").
 *
 * The rule for each edge of the selection:
 * - an edge between two letters (inside a run) moves outwards to the edge of the whole word: "ordan"
 *   becomes "Jordan", "acked" becomes "Iran-backed";
 * - an edge just past a hyphen or apostrophe that is inside a word moves on over the rest of the word:
 *   "Jordan'" becomes "Jordan's", "Iran-" becomes "Iran-backed";
 * - an edge exactly between a letter and an inner hyphen or apostrophe is a choice the analyst made
 *   and stays: "Iran" in "Iran-backed" and "Jordan" in "Jordan's" are entity mentions worth marking.
 *   Not so for a separator inside a number ("500" of "1,500" becomes "1,500") or the part after an
 *   apostrophe ("s" of "It's" becomes "It's").
 * Whitespace at either end of the selection is trimmed; punctuation the analyst selected is kept, and
 * punctuation they did not select is never added ("borde" becomes "border", not "border.").
 * Finally no edge is left inside a grapheme cluster (an emoji with a skin tone, a flag, a ZWJ family,
 * a letter with a combining accent), using `Intl.Segmenter`.
 *
 * Pure: no node:*, no DOM.
 */
import { AnchorError } from './anchor-error.ts';
import { splitsSurrogatePair } from './code-points.ts';
import { clusterEnd, clusterStart } from './graphemes.ts';

export interface TextRange {
  start: number;
  end: number;
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const DIGIT = /^\p{Nd}$/u;
const WHITESPACE = /^\s$/u;
/** Apostrophe and right single quotation mark. */
const APOSTROPHES = new Set(["'", '\u2019']);
/** Hyphen-minus, hyphen, non-breaking hyphen. */
const HYPHENS = new Set(['-', '\u2010', '\u2011']);
/** Joiners inside a word between letters: apostrophes, hyphens, ZWNJ and ZWJ (Persian, Urdu). */
const LETTER_JOINERS = new Set([...APOSTROPHES, ...HYPHENS, '\u200c', '\u200d']);
/** Joiners inside a number between digits: full stop, comma, Arabic decimal and thousands separators. */
const DIGIT_JOINERS = new Set(['.', ',', '\u066b', '\u066c']);

/** The code point ending at `i`, or '' at the start of the text. */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  return splitsSurrogatePair(text, i - 1) ? text.slice(i - 2, i) : text.slice(i - 1, i);
}

/** The code point starting at `i`, or '' at the end of the text. */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

const isWordChar = (c: string): boolean => WORD_CHAR.test(c);

/** Whether the unit at `i` is a hyphen, apostrophe or separator sitting inside a word. */
function isInnerJoiner(text: string, i: number): boolean {
  const c = text.charAt(i);
  if (LETTER_JOINERS.has(c)) return isWordChar(charBefore(text, i)) && isWordChar(charAt(text, i + 1));
  if (DIGIT_JOINERS.has(c)) return DIGIT.test(charBefore(text, i)) && DIGIT.test(charAt(text, i + 1));
  return false;
}


/**
 * Whether position `p` cuts a word: letters (or marks, digits) on both sides. A separator inside a
 * number counts as part of it ("1,500" has no parts worth selecting), and so does an apostrophe on its
 * left ("s" of "It's" is no word); a hyphen does not, nor an apostrophe on the right, so that "Iran"
 * in "Iran-backed", "Jordanian" in "Syrian-Jordanian" and "Jordan" in "Jordan's" can be selected.
 */
export function cutsWord(text: string, p: number): boolean {
  const joinerBefore = p > 0 && isInnerJoiner(text, p - 1) && !HYPHENS.has(text.charAt(p - 1));
  const joinerAfter = isInnerJoiner(text, p) && !HYPHENS.has(text.charAt(p)) && !APOSTROPHES.has(text.charAt(p));
  return (isWordChar(charBefore(text, p)) || joinerBefore) && (isWordChar(charAt(text, p)) || joinerAfter);
}

/** Start of the word (with its inner joiners) that the position `i` is inside or just after. */
export function wordStart(text: string, i: number): number {
  let p = i;
  for (;;) {
    const before = charBefore(text, p);
    if (before !== '' && isWordChar(before)) p -= before.length;
    else if (p > 0 && isInnerJoiner(text, p - 1)) p -= 1;
    else return p;
  }
}

/** End of the word (with its inner joiners) that the position `i` is inside or just before. */
export function wordEnd(text: string, i: number): number {
  let p = i;
  for (;;) {
    const at = charAt(text, p);
    if (at !== '' && isWordChar(at)) p += at.length;
    else if (p < text.length && isInnerJoiner(text, p)) p += 1;
    else return p;
  }
}

/**
 * `start`–`end` widened to whole words (see the module comment for the rules) and trimmed of
 * surrounding whitespace. A selection of nothing but whitespace, or an empty one, is returned as is.
 * Throws `AnchorError` (`OUT_OF_RANGE`) for offsets outside the text or reversed.
 */
export function snapToWords(text: string, start: number, end: number): TextRange {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new AnchorError(
      'OUT_OF_RANGE',
      `Selection ${start}–${end} is not inside the text (0–${text.length}) in order.`,
    );
  }
  let s = start;
  let e = end;
  while (s < e && WHITESPACE.test(text.charAt(s))) s++;
  while (e > s && WHITESPACE.test(text.charAt(e - 1))) e--;
  if (s === e) return { start, end };
  if (splitsSurrogatePair(text, s)) s -= 1;
  if (splitsSurrogatePair(text, e)) e += 1;

  if (isInnerJoiner(text, s) || cutsWord(text, s)) s = wordStart(text, s);
  if (isInnerJoiner(text, e - 1) || cutsWord(text, e)) e = wordEnd(text, e);
  return { start: clusterStart(text, s), end: clusterEnd(text, e) };
}
