/**
 * Language and writing direction, cheaply: one pass over at most the first 20,000 characters counts
 * letters by script, and ASCII words against short stopword lists. Enough to set `dir` and a useful
 * tag; the analyst corrects the rare miss. Arabic script is told apart from Persian and Urdu by the
 * letters only those languages use.
 */

export type Direction = 'ltr' | 'rtl';
export interface DetectedLanguage {
  /** A BCP 47 tag: 'ar', 'fa', 'ur', 'he', 'en', 'fr', 'es', 'de', 'und-Latn' or 'und'. */
  language: string;
  direction: Direction;
}

const SAMPLE_CHARS = 20_000;

const LANGUAGES = ['en', 'fr', 'es', 'de'] as const;
const STOPWORD_LISTS: Record<(typeof LANGUAGES)[number], string> = {
  en: 'the of and to in is that for on with was as by it are from at be has have were said this which an its their not but',
  fr: 'le la les des du et est une un dans que pour sur au qui pas par avec ont sont été ce aux il elle ses',
  es: 'el la los las del y en que por con una un es para se al su sus fue como más pero lo',
  de: 'der die das und ist nicht mit den dem ein eine zu von auf im sich des für dass wurde sind auch',
};
const MAX_STOPWORD = Math.max(...Object.values(STOPWORD_LISTS).flatMap((list) => list.split(' ').map((w) => w.length)));
/** Lowercase for ASCII and Latin-1 capitals; anything beyond Latin-1 cannot be in a stopword (-1). */
const lowerLatin1 = (c: number): number =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 32 : c <= 0xff ? c : -1;
/**
 * Stopwords keyed by their letters packed into a small integer as the scan reads them, so no word is
 * ever copied: each letter that occurs in some stopword has a code from 1 (a Latin-1 capital the code
 * of its lowercase), `CODE_BITS` bits per letter. A letter without a code ends any chance of a match.
 * With 26 such letters and words of at most five, a key fits in 25 bits (a V8 small integer, so the
 * map lookup never allocates). The value is the bit set of the languages listing the word ("la" is
 * French and Spanish).
 */
const LETTER_CODE = new Uint8Array(256);
const stopwordBits = new Map<number, number>();
const CODE_BITS = (() => {
  const letters = [...new Set(Object.values(STOPWORD_LISTS).join('').replace(/ /g, ''))];
  const bits = Math.ceil(Math.log2(letters.length + 1));
  if (bits * MAX_STOPWORD > 30) throw new Error('language: stopword keys would not fit in a small integer');
  for (let c = 0; c < 256; c++) {
    const lower = lowerLatin1(c);
    LETTER_CODE[c] = letters.indexOf(String.fromCharCode(lower)) + 1;
  }
  return bits;
})();
LANGUAGES.forEach((lang, bit) => {
  for (const word of STOPWORD_LISTS[lang].split(' ')) {
    let key = 0;
    for (let i = 0; i < word.length; i++) key = (key << CODE_BITS) | LETTER_CODE[word.charCodeAt(i)]!;
    stopwordBits.set(key, (stopwordBits.get(key) ?? 0) | (1 << bit));
  }
});
/**
 * The same, as an open-addressing hash table (key, bits) in one typed array: looked up once per word,
 * where a Map costs several times as much. Keys are never 0, which marks an empty slot.
 */
const TABLE_SLOTS = 1 << Math.ceil(Math.log2(stopwordBits.size * 4));
const STOPWORDS = new Int32Array(TABLE_SLOTS * 2);
const slotOf = (key: number): number => Math.imul(key, 0x9e3779b1) >>> (32 - Math.log2(TABLE_SLOTS));
for (const [key, bits] of stopwordBits) {
  let slot = slotOf(key);
  while (STOPWORDS[slot * 2] !== 0) slot = (slot + 1) & (TABLE_SLOTS - 1);
  STOPWORDS[slot * 2] = key;
  STOPWORDS[slot * 2 + 1] = bits;
}

/** The languages (bit set) listing the word with this key, or 0. */
function stopwordLanguages(key: number): number {
  for (let slot = slotOf(key); ; slot = (slot + 1) & (TABLE_SLOTS - 1)) {
    const k = STOPWORDS[slot * 2]!;
    if (k === key) return STOPWORDS[slot * 2 + 1]!;
    if (k === 0) return 0;
  }
}
const MIN_STOPWORD_SHARE = 0.12;
/** A few hundred words tell these languages apart; counting more only costs time. */
const MAX_WORDS = 400;

const isArabicLetter = (c: number): boolean =>
  (c >= 0x0620 && c <= 0x064a) ||
  (c >= 0x066e && c <= 0x06d3) ||
  c === 0x06d5 ||
  (c >= 0x06fa && c <= 0x06ff) ||
  (c >= 0x0750 && c <= 0x077f) ||
  (c >= 0x08a0 && c <= 0x08ff) ||
  (c >= 0xfb50 && c <= 0xfdff) ||
  (c >= 0xfe70 && c <= 0xfeff);
const isHebrewLetter = (c: number): boolean => (c >= 0x05d0 && c <= 0x05ea) || (c >= 0xfb1d && c <= 0xfb4f);
const isLatinExtra = (c: number): boolean =>
  (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
const isLatinLetter = (c: number): boolean => (c < 0x80 ? ((c | 0x20) - 0x61) >>> 0 < 26 : isLatinExtra(c));
/** پ چ ژ گ ک ی: Persian (and Urdu) letters; standard Arabic writes ي ك instead of ی ک. */
const isPersianLetter = (c: number): boolean =>
  c === 0x067e || c === 0x0686 || c === 0x0698 || c === 0x06af || c === 0x06a9 || c === 0x06cc;
/** ٹ ڈ ڑ ں ھ ہ ے: letters of Urdu. */
const isUrduLetter = (c: number): boolean =>
  c === 0x0679 || c === 0x0688 || c === 0x0691 || c === 0x06ba || c === 0x06be || c === 0x06c1 || c === 0x06d2;
const OTHER_LETTER = /\p{L}/u;
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/** Detects the main language and direction of a text. */
export function detectLanguage(text: string): DetectedLanguage {
  const end = Math.min(text.length, SAMPLE_CHARS);
  let arabic = 0, persian = 0, urdu = 0, hebrew = 0, latin = 0, other = 0, words = 0;
  const hits = [0, 0, 0, 0];
  // In text without a character beyond Latin-1, only Latin letters count (Arabic, Hebrew and other
  // letters are all above U+0370), so once MAX_WORDS words are read the answer cannot change: stop
  // there instead of reading on to SAMPLE_CHARS. (The test is free on V8's one-byte strings.)
  const latin1 = !BEYOND_LATIN1.test(end < text.length ? text.slice(0, end) : text);
  for (let i = 0; i < end; i++) {
    let c = text.charCodeAt(i);
    if (isLatinLetter(c)) {
      // A word: read through it, packing its stopword key, then classify what ended it (if anything).
      const start = i;
      let key = 0;
      do {
        if (key >= 0) {
          const code = c < 0x100 ? LETTER_CODE[c]! : 0;
          key = i - start < MAX_STOPWORD && code !== 0 ? (key << CODE_BITS) | code : -1;
        }
        i++;
      } while (i < end && isLatinLetter((c = text.charCodeAt(i))));
      latin += i - start;
      if (words < MAX_WORDS && key > 0) {
        const bits = stopwordLanguages(key);
        if (bits !== 0) for (let b = 0; b < LANGUAGES.length; b++) if (bits & (1 << b)) hits[b]!++;
      }
      words++;
      if (i === end || (latin1 && words >= MAX_WORDS)) break;
    }
    if (c < 0x370) continue;
    if (isArabicLetter(c)) {
      arabic++;
      if (isPersianLetter(c)) persian++;
      else if (isUrduLetter(c)) urdu++;
    } else if (isHebrewLetter(c)) hebrew++;
    // General Punctuation (’ “ ” — …) has no letters: no need to ask the regex.
    else if ((c < 0x2000 || c > 0x206f) && OTHER_LETTER.test(text.charAt(i))) other++;
  }

  const top = Math.max(arabic, hebrew, latin, other);
  if (top === 0) return { language: 'und', direction: 'ltr' };
  if (arabic === top) return { language: arabicLanguage(arabic, persian, urdu), direction: 'rtl' };
  if (hebrew === top) return { language: 'he', direction: 'rtl' };
  if (latin === top) return { language: latinLanguage(hits, Math.min(words, MAX_WORDS)), direction: 'ltr' };
  return { language: 'und', direction: 'ltr' };
}

function arabicLanguage(arabic: number, persian: number, urdu: number): string {
  if (urdu * 50 > arabic) return 'ur';
  if (persian * 20 > arabic) return 'fa';
  return 'ar';
}

/** The language whose stopwords make up a real share of the words and clearly beat the runner-up. */
function latinLanguage(hits: number[], words: number): string {
  let best = 0;
  for (let i = 1; i < hits.length; i++) if (hits[i]! > hits[best]!) best = i;
  const runnerUp = Math.max(...hits.filter((_, i) => i !== best));
  const score = hits[best]!;
  if (words > 0 && score >= words * MIN_STOPWORD_SHARE && score > runnerUp * 1.5) return LANGUAGES[best]!;
  return 'und-Latn';
}

const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** The direction a language tag implies ('ar', 'fa-IR', 'ku-Arab' are rtl), or null if unknown. */
export function directionOfLanguage(tag: string): Direction | null {
  const parts = tag.toLowerCase().split(/[-_]/);
  const script = parts.find((p) => p.length === 4);
  if (script === 'arab' || script === 'hebr' || script === 'syrc' || script === 'thaa') return 'rtl';
  if (script !== undefined) return 'ltr';
  const primary = parts[0] ?? '';
  if (RTL_LANGUAGES.has(primary)) return 'rtl';
  return /^[a-z]{2,3}$/.test(primary) ? 'ltr' : null;
}
