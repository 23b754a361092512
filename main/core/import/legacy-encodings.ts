/**
 * Reading files that are not UTF-8: the legacy single-byte encodings analysts actually receive
 * (Windows Arabic and Windows Western European). chardet proposes; a plausibility check on the decoded
 * text disposes. A wrong guess stores mojibake that nobody can quote from, so anything short of a
 * confident guess that decodes to believable text is refused, never imported "best effort".
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type LegacyFamily = 'arabic' | 'latin';

/** Encodings we decode, in the order tried within a family. ISO-8859-1 is read as its superset 1252. */
const FAMILIES: Record<LegacyFamily, readonly string[]> = {
  arabic: ['windows-1256', 'iso-8859-6'],
  latin: ['windows-1252'],
};

/** chardet's names mapped to our families. */
const CHARDET_FAMILY: Record<string, LegacyFamily> = {
  'windows-1256': 'arabic',
  'ISO-8859-6': 'arabic',
  'windows-1252': 'latin',
  'ISO-8859-1': 'latin',
};

/** chardet guesses below this (0–100) are not a detection. Short texts score 10 or less. */
const MIN_CONFIDENCE = 25;
/** chardet needs a sample, not a whole 50 MB file. */
const SAMPLE_BYTES = 64 * 1024;

export type LegacyResult =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason: 'not-confident' }
  | { ok: false; reason: 'unsupported'; guess: string }
  | { ok: false; reason: 'implausible'; guess: string }
  | { ok: false; reason: 'mojibake'; guess: string };

/** Detects and decodes a legacy single-byte text, or says why it could not. */
export function decodeLegacy(bytes: Uint8Array): LegacyResult {
  const matches = chardet
    .analyse(bytes.subarray(0, SAMPLE_BYTES))
    .filter((m) => !/^(UTF-|ASCII)/.test(m.name));
  const top = matches[0];
  if (top === undefined || top.confidence < MIN_CONFIDENCE) return { ok: false, reason: 'not-confident' };

  const family = CHARDET_FAMILY[top.name] ?? familyDecodingIdentically(bytes, top.name);
  if (family === null) return { ok: false, reason: 'unsupported', guess: top.name };

  let mojibake = false;
  for (const encoding of FAMILIES[family]) {
    const text = iconv.decode(bytes, encoding);
    const verdict = family === 'arabic' ? checkArabic(text) : checkLatin(text);
    if (verdict === 'ok') return { ok: true, text, encoding };
    if (verdict === 'mojibake') mojibake = true;
  }
  return { ok: false, reason: mojibake ? 'mojibake' : 'implausible', guess: top.name };
}

/**
 * chardet sometimes names a sibling encoding (ISO-8859-9 or ISO-8859-2 for a French text). When that
 * encoding and one we support decode these very bytes to the same string, the choice does not matter
 * and we can read the file safely; when they differ, we cannot know which is right.
 */
function familyDecodingIdentically(bytes: Uint8Array, guess: string): LegacyFamily | null {
  if (!iconv.encodingExists(guess)) return null;
  const asGuessed = iconv.decode(bytes, guess);
  for (const family of ['latin', 'arabic'] as const) {
    for (const encoding of FAMILIES[family]) {
      if (iconv.decode(bytes, encoding) === asGuessed) return family;
    }
  }
  return null;
}

type Verdict = 'ok' | 'implausible' | 'mojibake';

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** Arabic-script letters and marks, not the Arabic comma, semicolon, question mark or digits. */
const isArabicScript = (c: number): boolean =>
  (c >= 0x0610 && c <= 0x065f && c !== 0x061b && c !== 0x061f) ||
  (c >= 0x066e && c <= 0x06ff && c !== 0x06d4 && !(c >= 0x06f0 && c <= 0x06f9)) ||
  (c >= 0x0750 && c <= 0x077f) ||
  (c >= 0x08a0 && c <= 0x08ff);
/** Latin letters beyond ASCII that the two code pages can produce. */
const isLatinExtra = (c: number): boolean =>
  (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) || (c >= 0x0152 && c <= 0x0192);
/** Replacement character (an unmapped byte) or a C1 control: both mean the guess was wrong. */
const isWrongGuessMarker = (c: number): boolean => c === 0xfffd || (c >= 0x80 && c <= 0x9f);

/**
 * UTF-8 Arabic read as 1256: its lead bytes D8/D9 become ط/ظ, each followed by a continuation byte
 * read as a symbol ("ط§ظ„"). Real Arabic never puts § or „ right after ط or ظ.
 */
const MOJIBAKE_1256 = /[طظ][\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf\u0152\u0153\u0192\u02c6\u2018-\u2026\u2030\u20ac\u2122]/g;

/**
 * Windows-1256 text must read as Arabic: nearly all non-ASCII letters Arabic-script, and Arabic never
 * glued to Latin letters inside one word (what a Spanish text decoded as 1256 looks like: "Espaًa").
 */
function checkArabic(text: string): Verdict {
  if ((text.match(MOJIBAKE_1256) ?? []).length >= 3) return 'mojibake';
  let arabic = 0;
  let latinExtra = 0;
  let glued = 0;
  let prev = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWrongGuessMarker(c)) return 'implausible';
    const ar = isArabicScript(c);
    if (ar) arabic++;
    else if (isLatinExtra(c)) latinExtra++;
    if ((ar && isAsciiLetter(prev)) || (isAsciiLetter(c) && isArabicScript(prev))) glued++;
    prev = c;
  }
  if (arabic === 0 || latinExtra > arabic * 0.2 || glued > 2) return 'implausible';
  return 'ok';
}

/** UTF-8 read as 1252: "â€™" for ’, "Ã©" for é, "Â " for a no-break space. */
const MOJIBAKE = /[ÂÃâ][\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/;

/**
 * Windows-1252 text must read as a Western European language: accented letters a minority of all
 * letters (Arabic bytes read as 1252 give words made only of accented letters), and no UTF-8 mojibake.
 */
function checkLatin(text: string): Verdict {
  if (MOJIBAKE.test(text)) return 'mojibake';
  let ascii = 0;
  let extra = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWrongGuessMarker(c)) return 'implausible';
    if (isAsciiLetter(c)) ascii++;
    else if (isLatinExtra(c)) extra++;
  }
  if (ascii + extra === 0 || extra > (ascii + extra) * 0.3) return 'implausible';
  return 'ok';
}
