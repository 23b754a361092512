/**
 * Proposes a document's title, author, outlet and date from its text, for files that come without a
 * metadata sidecar. A proposal only: the analyst confirms it, so where the text does not say, the
 * answer is null rather than a guess. Rules, in the order of a scraped news page:
 *
 * - Header: the lines before the body. Section labels, photo captions, bylines and date lines are
 *   recognised (metadata-lines.ts); the title is the first headline-like line left. A body paragraph
 *   before any headline means the text has no title (000 opens with its first paragraph).
 * - Author: a byline in the header ("By Anas al-Bar |"), else a credit line at the end ("Report by
 *   Reuters", "Reporting by X; Editing by Y").
 * - Date: only a date printed as the article's date — a line of its own in the header, a byline's tail,
 *   or a "Published ..."/"Updated ..." line among the first 40 or last 8 lines (where page furniture
 *   sits). Dates inside sentences are events in the story.
 * - Outlet: (1) a news agency named in the credit or byline ("Report by Reuters"); (2) the name after a
 *   byline separator ("By X | Al-Fassel"); (3) the medium the article's own sources speak to, when the
 *   same one is named at least twice and more often than any other ("observers told Al-Fassel" three
 *   times in 002, "telling/told/speaking to Al-Fassel" five times in 003). An outlet that interviews
 *   its sources throughout is the one reporting; a medium another outlet's quote was given to appears
 *   once per relayed quote (000: "told state-owned Al Mamlaka TV", "told Al-Glad newspaper", one each,
 *   so no outlet). "Reuters has reported" relays, it is not a credit, so it is never counted.
 */
import { parsePrintedDate, type PrintedDate } from './metadata-dates.ts';
import {
  isDescriptiveCaption,
  isHeadlineLike,
  isMarkedCaption,
  isParagraph,
  isSectionLabel,
  parseByline,
  parseCreditLine,
} from './metadata-lines.ts';

export interface ProposedMetadata {
  title: string | null;
  author: string | null;
  outlet: string | null;
  /** Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
  published: string | null;
  /** The date as printed ("Tuesday, 12/19/2023"), so the analyst can check the reading. */
  publishedText: string | null;
}

const HEADER_LINES = 40;
const FOOTER_LINES = 8;

/** Wire services whose name in a credit line is the reporting outlet, not a person. */
const NEWS_AGENCIES = new Set(
  [
    'Reuters', 'AFP', 'Agence France-Presse', 'AP', 'Associated Press', 'The Associated Press', 'dpa',
    'Xinhua', 'Anadolu', 'Anadolu Agency', 'EFE', 'ANSA', 'Bloomberg', 'UPI', 'Kyodo', 'Yonhap', 'TASS',
    'Interfax', 'IRNA', 'SANA', 'Petra', 'KUNA', 'WAM', 'SPA', 'INA', 'MENA', 'QNA', 'BNA', 'ONA',
  ].map((name) => name.toLowerCase()),
);

/** Proposes metadata from an article's (normalised) text. */
export function proposeMetadata(text: string): ProposedMetadata {
  const top = firstLines(text, HEADER_LINES);
  const bottom = lastLines(text, FOOTER_LINES);
  const header = readHeader(top);
  const credit = bottom.map(parseCreditLine).find((name) => name !== null) ?? null;
  const author = header.author ?? credit;
  const date = header.date ?? stampedDate([...top, ...bottom]);
  return {
    title: header.title,
    author,
    outlet: agencyOf(header.author) ?? agencyOf(credit) ?? header.outlet ?? mostInterviewingOutlet(text),
    published: date?.iso ?? null,
    publishedText: date?.text ?? null,
  };
}

interface Header {
  title: string | null;
  author: string | null;
  outlet: string | null;
  date: PrintedDate | null;
}

/**
 * Walks the header lines up to the body: the first paragraph when there is no headline, else the
 * second (the first being the standfirst, after which captions and the byline often still come).
 */
function readHeader(lines: string[]): Header {
  const header: Header = { title: null, author: null, outlet: null, date: null };
  let paragraphs = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isMarkedCaption(line) || line === lines[i - 1] || line === lines[i + 1]) continue;
    const byline = parseByline(line);
    if (byline !== null) {
      header.author ??= byline.name;
      if (byline.tail !== null) {
        const tailDate = parsePrintedDate(byline.tail);
        if (tailDate !== null) header.date ??= tailDate;
        else if (isOutletName(byline.tail)) header.outlet ??= byline.tail;
      }
      continue;
    }
    const date = parsePrintedDate(line, true);
    if (date !== null) {
      header.date ??= date;
      continue;
    }
    if (isParagraph(line)) {
      paragraphs++;
      if (header.title === null || paragraphs >= 2) break;
      continue;
    }
    if (header.title !== null || isSectionLabel(line) || !isHeadlineLike(line)) continue;
    // A caption placed above the headline reads like a headline too; the real one follows it.
    const next = lines[i + 1];
    if (isDescriptiveCaption(line) && next !== undefined && isHeadlineLike(next) && !isSectionLabel(next)) continue;
    header.title = line;
  }
  return header;
}

const STAMP = /^(?:first published|published|posted|نشر|تاريخ النشر)/i;
const UPDATE = /^(?:last updated|updated|آخر تحديث)/i;

/** A "Published ..." line, else an "Updated ..." one. */
function stampedDate(lines: string[]): PrintedDate | null {
  for (const pattern of [STAMP, UPDATE]) {
    for (const line of lines) {
      const date = pattern.test(line) ? parsePrintedDate(line) : null;
      if (date !== null) return date;
    }
  }
  return null;
}

/** How an article's sources address the medium they speak to; longer forms before their prefixes. */
const LISTENER_PHRASES = [
  'told', 'telling', 'tells', 'tell', 'speaking to', 'spoke to', 'talking to', 'talked to', 'said to',
  'in an interview with', 'in remarks to', 'in comments to',
];
const RECIPIENT_SOURCE = String.raw`\b(?:${LISTENER_PHRASES.join('|')})\s+(?:the\s+)?((?:al-)?\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,3})`;
/** The recipient pattern, tried only where a listener phrase starts (sticky). */
const RECIPIENT_AT = new RegExp(RECIPIENT_SOURCE, 'uy');
/**
 * Where a listener phrase starts: every match of the pattern starts with one of these literals (the
 * phrases that have no other phrase as their prefix). A plain alternation of literals is a cheap scan.
 */
const LISTENER_START = new RegExp(
  LISTENER_PHRASES.filter((p) => !LISTENER_PHRASES.some((q) => q !== p && p.startsWith(q))).join('|'),
  'g',
);

/**
 * The names after a listener phrase, left to right: exactly what `text.matchAll` finds with
 * RECIPIENT_SOURCE (flags `gu`), but the Unicode pattern is only tried where a phrase starts, which
 * roughly halves the cost of this, the most expensive step of the metadata proposal.
 */
function recipients(text: string): string[] {
  const names: string[] = [];
  LISTENER_START.lastIndex = 0;
  for (let m = LISTENER_START.exec(text); m !== null; m = LISTENER_START.exec(text)) {
    RECIPIENT_AT.lastIndex = m.index;
    const r = RECIPIENT_AT.exec(text);
    if (r === null) {
      LISTENER_START.lastIndex = m.index + 1;
      continue;
    }
    names.push(r[1]!);
    LISTENER_START.lastIndex = RECIPIENT_AT.lastIndex;
  }
  return names;
}

/** Rule (3) of the module header: the medium named as the sources' listener, repeatedly and most. */
function mostInterviewingOutlet(text: string): string | null {
  const counts = new Map<string, number>();
  for (const name of recipients(text)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best === undefined || best[1] < 2 || (second !== undefined && second[1] === best[1])) return null;
  return best[0];
}

function agencyOf(name: string | null): string | null {
  return name !== null && NEWS_AGENCIES.has(name.toLowerCase()) ? name : null;
}

/** "Al-Fassel", "The New Arab": capitalised words, no digits, short. */
function isOutletName(s: string): boolean {
  return s.length <= 60 && !/\d/.test(s) && /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,4}$/u.test(s);
}

/** The first `max` non-blank lines, trimmed, without splitting the whole text. */
function firstLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < max && start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line !== '') lines.push(line);
    start = end + 1;
  }
  return lines;
}

/** The last `max` non-blank lines, trimmed, in reverse order (last line first). */
function lastLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let end = text.length;
  while (lines.length < max && end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line !== '') lines.push(line);
    end = start - 1;
  }
  return lines;
}
