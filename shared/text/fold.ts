/**
 * Arabic folding for search: the one definition of "the same word" used by the full-text index, the
 * query parser and the snippet highlighter. Index and query must fold identically, or a word is found
 * on one side and missed on the other.
 *
 * What is folded (as Arabic readers expect a search to behave):
 * - removed: harakat and other marks U+064B–U+065F, superscript alef U+0670, Quranic annotation marks
 *   U+06D6–U+06ED, the honorific/Quranic signs U+0610–U+061A (marks like the others), tatweel U+0640;
 * - alef with hamza or madda (أ إ آ) and alef wasla (ٱ) → ا;
 * - taa marbuta ة → ه; alef maqsura ى → ي; hamza on waw ؤ → و; hamza on yaa ئ → ي;
 * - Persian/Urdu keheh ک → ك and farsi yeh ی → ي;
 * - Arabic-Indic digits ٠-٩ and extended ۰-۹ → 0-9 (so "32" finds "٣٢").
 *
 * Deliberately NOT folded: غ and ج. The corpus spells captagon both "الكبتاغون" and "الكبتاجون", but
 * folding those letters together would merge unrelated words everywhere. That spelling pair is a job
 * for source aliases and saved queries, not for the index.
 *
 * Not handled: Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF); imported text is NFC, which
 * keeps them, but news text practically never contains them.
 *
 * Everything else passes through untouched: Latin case and accents are the unicode61 tokenizer's job
 * (`remove_diacritics 2`). Every folding is one UTF-16 unit to one or zero units, which is what makes
 * the offset map of `foldWithMap` simple.
 *
 * Speed (import folds ~100,000 documents per run): text without a foldable character costs one
 * regex test and is returned as is (~0.1 µs for 3 KB of English); Arabic costs ~35 µs per 3 KB.
 * A charCodeAt loop into a Uint16Array decoded with TextDecoder('utf-16le') was only ~20% faster and
 * would turn lone surrogates into U+FFFD, breaking offsets, so it is not used.
 *
 * Pure: no node:*, no DOM (the renderer uses it too).
 */

/** Any character that folding changes. One test of this decides whether a string needs work at all. */
const FOLDABLE = /[\u0610-\u061A\u0622-\u0626\u0629\u0640\u0649\u064B-\u065F\u0660-\u0669\u0670\u0671\u06A9\u06CC\u06D6-\u06ED\u06F0-\u06F9]/;
/** The same, global, to jump from one foldable character to the next (a native scan). */
const FOLDABLE_ALL = new RegExp(FOLDABLE.source, 'g');

const TABLE_START = 0x0600;
const TABLE_END = 0x0700;

/**
 * For each unit in U+0600–U+06FF, what it folds to: itself (for units FOLDABLE does not match), one
 * other unit, or '' (dropped). Every folding is one unit to one or zero units.
 */
const FOLDED: readonly string[] = buildTable();

function buildTable(): string[] {
  const t: string[] = [];
  for (let c = TABLE_START; c < TABLE_END; c++) t.push(String.fromCharCode(c));
  const set = (from: number, to: number, value: string): void => {
    for (let c = from; c <= to; c++) t[c - TABLE_START] = value;
  };
  set(0x0610, 0x061a, '');
  set(0x064b, 0x065f, '');
  set(0x0670, 0x0670, '');
  set(0x06d6, 0x06ed, '');
  set(0x0640, 0x0640, ''); // tatweel
  set(0x0622, 0x0623, '\u0627'); // آ أ → ا
  set(0x0625, 0x0625, '\u0627'); // إ → ا
  set(0x0671, 0x0671, '\u0627'); // ٱ → ا
  set(0x0624, 0x0624, '\u0648'); // ؤ → و
  set(0x0626, 0x0626, '\u064A'); // ئ → ي
  set(0x0629, 0x0629, '\u0647'); // ة → ه
  set(0x0649, 0x0649, '\u064A'); // ى → ي
  set(0x06a9, 0x06a9, '\u0643'); // ک → ك
  set(0x06cc, 0x06cc, '\u064A'); // ی → ي
  for (let d = 0; d < 10; d++) {
    t[0x0660 + d - TABLE_START] = String(d);
    t[0x06f0 + d - TABLE_START] = String(d);
  }
  return t;
}

/** What the foldable unit at `text[i]` becomes ('' when dropped). */
function foldedAt(text: string, i: number): string {
  return FOLDED[text.charCodeAt(i) - TABLE_START] ?? '';
}

/**
 * The folded form of `text` for the full-text index and for query terms. Returns `text` itself (no
 * copy) when nothing in it folds, which is the case for all Latin text.
 */
export function foldForIndex(text: string): string {
  if (!FOLDABLE.test(text)) return text;
  // One pass: the regex jumps natively from one foldable unit to the next, unchanged runs are
  // copied as slices. (Measured: as fast as a charCodeAt loop into a buffer, and simpler.)
  const re = FOLDABLE_ALL;
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out += text.slice(last, m.index) + foldedAt(text, m.index);
    last = m.index + 1;
  }
  return out + text.slice(last);
}

export interface FoldedText {
  folded: string;
  /**
   * `map[i]` is the UTF-16 index in the original of folded unit `i`; `map[folded.length]` is the
   * original's length. A folded range `[s, e)` is the original range `[map[s], map[e])`: the end
   * includes any marks dropped right after the range, so a highlighted word keeps its harakat.
   */
  map: Uint32Array;
}

/** Folds like `foldForIndex` and keeps the offset map back to the original text. */
export function foldWithMap(text: string): FoldedText {
  const n = text.length;
  const map = new Uint32Array(n + 1);
  if (!FOLDABLE.test(text)) {
    for (let i = 0; i <= n; i++) map[i] = i;
    return { folded: text, map };
  }
  const re = FOLDABLE_ALL;
  re.lastIndex = 0;
  let out = '';
  let k = 0;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const i = m.index;
    for (let p = last; p < i; p++) map[k++] = p;
    const f = foldedAt(text, i);
    if (f !== '') map[k++] = i;
    out += text.slice(last, i) + f;
    last = i + 1;
  }
  for (let p = last; p < n; p++) map[k++] = p;
  map[k] = n;
  return { folded: out + text.slice(last), map: map.subarray(0, k + 1) };
}

/** Hebrew to Arabic Extended-A, presentation forms (not the BOM), and the astral RTL blocks. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDEFF]/;

/** True if `text` contains a right-to-left character (Hebrew, Arabic, Syriac, Thaana, N'Ko...). */
export function hasRtl(text: string): boolean {
  return RTL.test(text);
}

/**
 * A fresh global regex matching the tokens SQLite's `unicode61` tokenizer makes (default categories):
 * a token starts with a letter, number or private-use character and continues through those and the
 * combining diacritics U+0300–U+036F (which unicode61 keeps inside a token and then removes). Every
 * other character, including marks it does not know (Arabic harakat, which is why we fold them out
 * first), separates tokens. Apply it to folded text. A factory, because a global regex has state.
 */
export function indexTokenPattern(): RegExp {
  return /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\u0300-\u036F]*/gu;
}
