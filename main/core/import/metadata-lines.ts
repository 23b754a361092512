/**
 * What a line at the top or bottom of a news page is: a section label, a photo caption, a byline or
 * credit line, a headline, or a body paragraph. Scraped articles arrive as flat text in which all of
 * these are just lines; telling them apart is what lets the proposer skip "Security" and "A Jordanian
 * soldier guarding the border with Syria" and find the headline.
 */

const WORDS = /[^\s]+/g;
export const wordCount = (line: string): number => line.match(WORDS)?.length ?? 0;

/** A name: capitalised words with the particles of Arabic and European names ("Anas al-Bar"). */
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.]*(?:-\p{L}[\p{L}\p{M}'’.]*)*`;
const PARTICLE = String.raw`(?:al|el|ul|bin|ibn|bint|de|da|di|du|del|della|der|den|van|von|la|le|dos|das|y)(?:-|\s+)`;
const NAME = `${NAME_WORD}(?:\\s+(?:${PARTICLE})?${NAME_WORD}){0,4}`;
const NAMES = `${NAME}(?:(?:\\s*,\\s*|\\s+and\\s+|\\s*&\\s*)${NAME})*`;

// Case matters: "By" as a byline prints it, and capitals are what mark the name (with the 'i' flag,
// \p{Lu} would match any letter).
const BYLINE = new RegExp(
  `^(?:By|BY|Written by|Story by|Words by|Report by|Reported by|Reporting by)\\s+(${NAMES})\\s*(?:[|•]\\s*(.*)|\\s[–—-]\\s*(.*))?$`,
  'u',
);
const ARABIC_BYLINE = /^(?:بقلم|إعداد|اعداد)\s*[:：]?\s*([^\s:،.؛][^:،.؛|]{1,60}?)\s*(?:[|•]\s*(.*))?$/u;

export interface Byline {
  /** The author(s) as printed: "Anas al-Bar", "Reuters", "A and B". */
  name: string;
  /** What follows a separator ("By X | Al-Fassel", "By X | January 28, 2024"), or null. */
  tail: string | null;
}

/** "By X", "By X |", "Report by X", "بقلم X". */
export function parseByline(line: string): Byline | null {
  if (line.length > 120) return null;
  const m = BYLINE.exec(line);
  if (m !== null) return { name: m[1]!.trim(), tail: emptyToNull(m[2] ?? m[3]) };
  const ar = ARABIC_BYLINE.exec(line);
  if (ar !== null && wordCount(ar[1]!) <= 5) return { name: ar[1]!.trim(), tail: emptyToNull(ar[2]) };
  return null;
}

const CREDIT_PART = new RegExp(
  `^(?:[Rr]eporting|[Rr]eported|[Rr]eport|[Ww]ritten|[Ss]tory|[Ww]ords)\\s+by\\s+(${NAMES})(?:\\s+in\\s+\\p{Lu}[\\p{L}\\s,-]*)?\\s*$`,
  'u',
);

/**
 * A credit line at the end of a wire story: "Report by Reuters", "(Reporting by X in Amman; Editing by
 * Y)". Returns the reporter, not the editors; "Additional reporting" is not the author either.
 */
export function parseCreditLine(line: string): string | null {
  if (line.length > 200) return null;
  const inner = line.replace(/^\((.*)\)$/, '$1');
  for (const part of inner.split(/\s*;\s*/)) {
    const m = CREDIT_PART.exec(part);
    if (m !== null) return m[1]!.trim();
  }
  return parseByline(inner)?.name ?? null;
}

/**
 * A photo caption: ends with a bracketed credit ("[Delil Souleiman/AFP]"), names itself a photo, or
 * says "pictured"/"seen here". Descriptive captions without such a mark ("A Jordanian soldier guarding
 * the border") are recognised by `isDescriptiveCaption`, which needs the layout around them.
 */
export function isMarkedCaption(line: string): boolean {
  if (line.length > MAX_CAPTION) return false;
  const last = line.charCodeAt(line.length - 1);
  // "[VIDEO]" or "[UPDATED]" after a headline is a tag, not a credit: a credit has a name in it.
  const bracket = last === 0x5d ? /\[([^\]]{2,80})\]$/.exec(line) : null;
  if (bracket !== null && !/^[\p{Lu}\s]+$/u.test(bracket[1]!)) return true;
  return (
    /^(?:photo|photograph|picture|image|file photo|credit)s?\s*[:：]/i.test(line) ||
    (last === 0x29 && /\((?:photo|photograph|picture|image|file photo|credit)\b[^)]*\)$/i.test(line)) ||
    /^(?:this|the|a) (?:picture|photo|photograph|image|handout (?:picture|photo))\b/i.test(line) ||
    /\b(?:pictured|seen here|in this (?:photo|picture|image))\b/i.test(line)
  );
}

/** Captions are a sentence or two; a longer line is body text. */
const MAX_CAPTION = 400;

const NOT_PARTICIPLES = new Set(['during', 'morning', 'evening', 'nothing', 'something', 'anything', 'everything', 'thing', 'king', 'spring', 'string', 'ceiling', 'meeting', 'wedding']);

/**
 * A noun phrase with a participle and no verb of its own, opening with an article or a count ("A
 * Jordanian soldier guarding the border with Syria", "Two men carrying sacks"): how a caption reads,
 * not how a headline does. Only used when a headline-like line follows before the body, so a lone
 * headline of that shape is still taken as the title.
 */
export function isDescriptiveCaption(line: string): boolean {
  if (!/^(?:A|An|Two|Three|Four|Several|Members of)\s/.test(line)) return false;
  const participles = line.match(/\b\p{Ll}{3,}ing\b/gu) ?? [];
  return participles.some((w) => !NOT_PARTICIPLES.has(w));
}

/** "Security", "World News", "Middle East & Africa": a section label, never a headline. */
export function isSectionLabel(line: string): boolean {
  if (line.length > 30 || /[\d.:!?,;]/.test(line)) return false;
  const words = line.split(/\s+/).filter((w) => w !== '&' && w.toLowerCase() !== 'and');
  if (words.length > 2) return false;
  return words.every((w) => /^\p{Lu}/u.test(w)) || !/\p{Ll}/u.test(line);
}

/**
 * A body paragraph (or a standfirst): long, or a sentence of some length. A long first line is never
 * a headline: an article that opens with its first paragraph has no title in the text (000).
 */
export function isParagraph(line: string): boolean {
  if (line.length > 200) return true;
  const words = wordCount(line);
  if (/[.…]["'”’)]*$/u.test(line)) return words >= 8;
  return words >= 30;
}

/** Could be a headline: short, no sentence-final period, not a speaker label ending in ':'. */
export function isHeadlineLike(line: string): boolean {
  if (line.length < 8 || line.length > 200) return false;
  const words = wordCount(line);
  if (words < 2 || words > 30) return false;
  if (/[.:;,،؛]["'”’)]*$/u.test(line)) return false;
  if (/^\p{Ll}/u.test(line) || /^[-–—•*]/.test(line)) return false;
  return /\p{L}/u.test(line);
}

function emptyToNull(s: string | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}
