/**
 * Highlighting search matches in the real text. The FTS index is contentless and holds folded text,
 * so FTS5's snippet() cannot be used; instead the original is folded once (with its offset map), each
 * term is found in the folded text on unicode61's token boundaries, and every match is mapped back to
 * UTF-16 offsets in the original.
 *
 * Matching follows the index: whole tokens (or a token prefix), case-insensitive, and insensitive to
 * accents on Latin letters (each Latin letter of a term matches its accented forms, precomposed or
 * with combining marks). Other scripts match as folded. Where this differs from unicode61's own
 * tables it errs towards highlighting a word FTS5 would not have matched, a cosmetic difference.
 *
 * Cost: one native regex scan per term, plus one fold of the text (with its offset map) when it has
 * anything to fold; no per-token objects are made. The patterns are built and compiled once per
 * query: `compileTerms` makes a Matcher that the search service passes to every hit's title and
 * snippet (building fresh Unicode patterns per call cost more than the scans).
 */
import type { SnippetPart } from '../../../shared/contract.ts';
import { foldForIndex, foldWithMap, indexTokenPattern } from '../../../shared/text/fold.ts';
import type { QueryTerm } from './query.ts';

export type MatchRange = [start: number, end: number];

/** The non-negated terms of a query, compiled for highlighting: build once, use for every hit. */
export interface Matcher {
  readonly patterns: readonly RegExp[];
}

/** Compiles the terms' patterns once, for `findMatches`, `makeSnippet` and `markAll`. */
export function compileTerms(terms: readonly QueryTerm[]): Matcher {
  return { patterns: toPatterns(terms) };
}

const matcherOf = (terms: readonly QueryTerm[] | Matcher): Matcher => ('patterns' in terms ? terms : compileTerms(terms));

export interface SnippetOptions {
  /** Length of the window of original text shown, in UTF-16 units (default 240). */
  maxChars?: number;
}

/**
 * The ranges `[start, end)` (UTF-16 offsets in `text`) where a non-negated term matches whole tokens
 * (a token prefix for the last token of a prefix term, the whole token highlighted; consecutive
 * tokens for a phrase). Sorted, and overlapping ranges merged. A match's end includes Arabic marks
 * dropped right after the word.
 */
export function findMatches(text: string, terms: readonly QueryTerm[] | Matcher): MatchRange[] {
  const { patterns } = matcherOf(terms);
  if (patterns.length === 0 || text.length === 0) return [];
  // Most text has nothing to fold (all Latin text): then offsets need no map.
  const { folded, map } = foldForIndex(text) === text ? { folded: text, map: null } : foldWithMap(text);
  const found: MatchRange[] = [];
  // One native regex scan per term. Each term is scanned on its own (not one alternation of all)
  // so that overlapping matches of different terms are all found.
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      const at = m.index;
      // Resume at the end of the token the match starts in: a phrase may overlap itself ("a a" in
      // "a a a"), and a hit inside a long token is not re-tried at each of its characters.
      re.lastIndex = tokenEnd(folded, at);
      if (!startsToken(folded, at)) continue;
      const end = at + m[0].length;
      found.push(map === null ? [at, end] : [map[at] ?? 0, map[end] ?? text.length]);
    }
  }
  return mergeRanges(found);
}

/**
 * A short extract of `text` for a result list: the window of about `maxChars` with the most matches
 * (the earliest of equals), cut at word boundaries, '…' where text was cut, whitespace runs shown as
 * one space. Without a match, the start of the text.
 */
export function makeSnippet(text: string, terms: readonly QueryTerm[] | Matcher, options: SnippetOptions = {}): SnippetPart[] {
  const maxChars = Math.max(1, options.maxChars ?? 240);
  if (text.length === 0) return [];
  const ranges = findMatches(text, terms);
  const [ws, we] = chooseWindow(text, ranges, maxChars);
  const parts: SnippetPart[] = [];
  let at = ws;
  for (const [s, e] of ranges) {
    if (e <= ws) continue;
    if (s >= we) break;
    const cs = Math.max(s, ws);
    const ce = Math.min(e, we);
    if (cs > at) pushPart(parts, collapse(text.slice(at, cs)), false);
    pushPart(parts, collapse(text.slice(cs, ce)), true);
    at = ce;
  }
  if (at < we) pushPart(parts, collapse(text.slice(at, we)), false);
  if (hasTextBefore(text, ws)) parts.unshift({ text: '…', match: false });
  if (hasTextAfter(text, we)) parts.push({ text: '…', match: false });
  return mergeParts(parts);
}

/** All of `text` (e.g. a title) split into parts, the matches marked. The parts join to `text`. */
export function markAll(text: string, terms: readonly QueryTerm[] | Matcher): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [s, e] of findMatches(text, terms)) {
    if (s > at) parts.push({ text: text.slice(at, s), match: false });
    parts.push({ text: text.slice(s, e), match: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}

// ---------------------------------------------------------------------------------------------

/** Token characters as unicode61 sees them (see `indexTokenPattern`), marks continuing a token. */
const TOKEN = String.raw`\p{L}\p{N}\p{Co}\u0300-\u036F`;
const TOKEN_CHAR = new RegExp(`[${TOKEN}]`, 'u');
/** After a whole token: no token character follows. */
const TOKEN_END = `(?![${TOKEN}])`;
/** After a prefix: the rest of the token, so the whole word is highlighted. */
const TOKEN_REST = `[${TOKEN}]*`;
/** Between the tokens of a phrase: anything that is not a token character (unicode61 skips it). */
const BETWEEN = String.raw`[^\p{L}\p{N}\p{Co}\u0300-\u036F][^\p{L}\p{N}\p{Co}]*`;
const MARKS = String.raw`[\u0300-\u036F]*`;
const COMBINING = /[\u0300-\u036F]/;

/**
 * Latin letters by their base letter: 'e' → 'eéèêë…' (all letters of Latin-1, Latin Extended A/B and
 * Latin Extended Additional whose NFD is that letter plus marks), so that a term matches with or
 * without accents, as in the index. Other scripts are matched as written (case-insensitively).
 */
const LATIN_VARIANTS: ReadonlyMap<string, string> = (() => {
  const variants = new Map<string, string>();
  const ranges: Array<[number, number]> = [[0x00c0, 0x024f], [0x1e00, 0x1eff]];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      const nfd = ch.normalize('NFD');
      const base = nfd.charAt(0).toLowerCase();
      if (nfd.length < 2 || !/^[a-z]$/.test(base) || !/^[\u0300-\u036F]+$/.test(nfd.slice(1))) continue;
      variants.set(base, (variants.get(base) ?? base) + ch);
    }
  }
  return variants;
})();

/** One case-insensitive regex per non-negated term, over folded text. */
function toPatterns(terms: readonly QueryTerm[]): RegExp[] {
  const out: RegExp[] = [];
  for (const t of terms) {
    if (t.negated) continue;
    // Terms from parseQuery are folded already; folding again is cheap and makes hand-made terms safe.
    const tokens = foldForIndex(t.text).match(indexTokenPattern()) ?? [];
    if (tokens.length === 0) continue;
    const source = tokens.map(tokenSource).join(BETWEEN) + (t.prefix ? TOKEN_REST : TOKEN_END);
    out.push(new RegExp(source, 'giu'));
  }
  return out;
}

function tokenSource(token: string): string {
  let source = '';
  for (const ch of token) {
    if (COMBINING.test(ch)) continue;
    const base = ch.normalize('NFD').charAt(0).toLowerCase();
    const variants = /^[a-z]$/.test(base) ? LATIN_VARIANTS.get(base) : undefined;
    source += (variants ? `[${variants}]` : escapeRegExp(ch)) + MARKS;
  }
  return source;
}

function escapeRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

const TOKEN_RUN = new RegExp(`[${TOKEN}]+`, 'uy');

/** The end of the token that starts at or runs through `i` (at least `i + 1`). */
function tokenEnd(text: string, i: number): number {
  TOKEN_RUN.lastIndex = i;
  const m = TOKEN_RUN.exec(text);
  return m ? i + m[0].length : i + 1;
}

/** True if a token starts at `i` in `text` (no token character just before it). */
function startsToken(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text.charCodeAt(i - 1);
  const isLow = prev >= 0xdc00 && prev <= 0xdfff && i >= 2;
  return !TOKEN_CHAR.test(isLow ? text.slice(i - 2, i) : text.charAt(i - 1));
}

function mergeRanges(ranges: MatchRange[]): MatchRange[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: MatchRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The window `[start, end)` of the snippet, on word boundaries where the text allows. */
function chooseWindow(text: string, ranges: readonly MatchRange[], maxChars: number): [number, number] {
  const len = text.length;
  if (ranges.length === 0) return trimWindow(text, 0, snapEnd(text, Math.min(len, maxChars), 1));

  // Two pointers: for each first match i, the matches i..j-1 that end within maxChars of its start.
  let best = 0;
  let bestEnd = 1;
  let j = 0;
  for (let i = 0; i < ranges.length; i++) {
    const start = ranges[i]?.[0] ?? 0;
    if (j < i + 1) j = i + 1;
    while (j < ranges.length && (ranges[j]?.[1] ?? 0) - start <= maxChars) j++;
    if (j - i > bestEnd - best) {
      best = i;
      bestEnd = j;
    }
  }
  const ms = ranges[best]?.[0] ?? 0;
  const me = ranges[bestEnd - 1]?.[1] ?? ms;
  if (me - ms >= maxChars) return trimWindow(text, ms, safeCut(text, Math.min(len, ms + maxChars)));

  // Centre the matches in the window, then move it back inside the text.
  const slack = maxChars - (me - ms);
  let ws = Math.max(0, ms - Math.floor(slack / 2));
  const we = Math.min(len, ws + maxChars);
  ws = Math.max(0, Math.min(ws, we - maxChars));
  return trimWindow(text, snapStart(text, ws, ms), snapEnd(text, we, me));
}

const SPACE = /\s/;
/** How far a cut may move beyond the window to reach a word boundary. */
const REACH = 24;

function isSpaceAt(text: string, i: number): boolean {
  return SPACE.test(text[i] ?? '');
}

/** Moves a window start to the start of a word, not past `limit` (the first match). */
function snapStart(text: string, ws: number, limit: number): number {
  if (ws === 0 || isSpaceAt(text, ws - 1)) return ws;
  for (let p = ws; p < limit; p++) if (isSpaceAt(text, p)) return p + 1;
  for (let p = ws - 1; p >= Math.max(0, ws - REACH); p--) if (isSpaceAt(text, p)) return p + 1;
  return Math.min(limit, safeCut(text, ws));
}

/** Moves a window end to the end of a word, not before `limit` (the end of the last match). */
function snapEnd(text: string, we: number, limit: number): number {
  if (we >= text.length || isSpaceAt(text, we)) return we;
  for (let p = we - 1; p >= limit; p--) if (isSpaceAt(text, p)) return p;
  for (let p = we; p < Math.min(text.length, we + REACH); p++) if (isSpaceAt(text, p)) return p;
  return safeCut(text, we);
}

/** Moves a cut forward so that it splits neither a surrogate pair nor a letter from its marks. */
function safeCut(text: string, i: number): number {
  let p = i;
  while (p > 0 && p < text.length && /[\uDC00-\uDFFF\p{M}\u200D]/u.test(text[p] ?? '')) p++;
  return p;
}

function trimWindow(text: string, ws: number, we: number): [number, number] {
  let s = ws;
  let e = we;
  while (s < e && isSpaceAt(text, s)) s++;
  while (e > s && isSpaceAt(text, e - 1)) e--;
  return [s, e];
}

/** Whether anything but whitespace was cut off before `i` (only whitespace is trimmed silently). */
function hasTextBefore(text: string, i: number): boolean {
  for (let p = i - 1; p >= 0; p--) if (!isSpaceAt(text, p)) return true;
  return false;
}

function hasTextAfter(text: string, i: number): boolean {
  for (let p = i; p < text.length; p++) if (!isSpaceAt(text, p)) return true;
  return false;
}

/** Whitespace that `collapse` changes: a run of two, or one that is not a plain space. */
const COLLAPSIBLE = /\s\s|[^\S ]/;

function collapse(s: string): string {
  return COLLAPSIBLE.test(s) ? s.replace(/\s+/g, ' ') : s;
}

function pushPart(parts: SnippetPart[], text: string, match: boolean): void {
  if (text.length > 0) parts.push({ text, match });
}

function mergeParts(parts: SnippetPart[]): SnippetPart[] {
  const out: SnippetPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.match === p.match) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}
