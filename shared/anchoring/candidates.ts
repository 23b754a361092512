/**
 * Finding the places in a text where a quote might now be: every exact occurrence, and approximate
 * occurrences found with Myers' bit-parallel search (`approx-string-match`). Scoring them is
 * `match-quote.ts`'s job; this module only has to find the right one among few enough.
 *
 * Why the approximate search is organised as it is:
 * - `search` reports only the *best* matches in the string it is given (fewest errors). One exact
 *   copy of a short quote elsewhere would hide the lightly edited quote the span really belongs to. So
 *   the search runs over regions (a window around the expected position, then the text in chunks,
 *   each reporting its own best), and exact occurrences, already judged and refused, are masked out.
 * - The error bound is ⌊L / 4⌋ for a quote of L units, the most the scorer accepts
 *   (`MIN_QUOTE_SIMILARITY`): Hypothesis searches with L / 2 and then scores, but a candidate with more
 *   than L / 4 errors would be refused anyway, and a tighter bound makes the search faster.
 * - Cost is about ⌈L / 32⌉ × n for n units searched. A quote longer than `LONG_QUOTE` is therefore
 *   not searched whole over the text: its head, middle and tail (32 units each, one machine word) are,
 *   and the whole quote is then verified only in a small region around each probe hit. A probe is
 *   found while it carries at most 8 edits, so the quote is missed only when all three are edited
 *   that heavily.
 * - Limitation: within one region only the best matches are seen, so an edited quote can still be
 *   hidden by a closer, unmasked near-copy in the same window or chunk (boilerplate repeated in a
 *   text). The whole-text chunks keep that to copies less than `CHUNK` units apart.
 *
 * Pure: no node:*, no DOM.
 */
import search from 'approx-string-match';
import { MIN_QUOTE_SIMILARITY, type Candidate } from './match-quote.ts';

/** Quotes longer than this are searched by probes (head, middle, tail) and then verified. */
export const LONG_QUOTE = 64;
/** Length of a probe: one 32-bit word of the bit-parallel search. */
const PROBE_LENGTH = 32;
/** Probe hits verified per probe and region, nearest to the expected position first. */
const MAX_PROBE_HITS = 16;
/** Units searched on each side of the expected position before the whole text is. */
const LOCAL_RADIUS = 2048;
/** Size of the chunks a whole-text search is cut into (each chunk reports its own best matches). */
const CHUNK = 16384;
/** Stands in for masked text: a noncharacter, never in a document, matching nothing in a quote. */
const MASK = '\uffff';

export interface Region {
  from: number;
  to: number;
}

/** Most edits a candidate for a quote of `length` units may have and still be accepted. */
export function maxErrorsFor(length: number): number {
  return Math.floor(length * (1 - MIN_QUOTE_SIMILARITY));
}

/** Start offsets of every occurrence of `exact` in `text` (overlapping ones too), ascending. */
export function findExact(text: string, exact: string): number[] {
  const starts: number[] = [];
  if (exact.length === 0) return starts;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) starts.push(i);
  return starts;
}

/** The window around the expected position, searched first. */
export function localRegion(text: string, exactLength: number, expectedStart: number): Region {
  const radius = Math.max(LOCAL_RADIUS, 2 * exactLength);
  return {
    from: Math.max(0, expectedStart - radius),
    to: Math.min(text.length, expectedStart + exactLength + radius),
  };
}

/** The whole text cut into overlapping chunks, each searched on its own. */
export function wholeTextRegions(text: string, exactLength: number): Region[] {
  // Chunks overlap by the longest a match can be, so every match lies whole in some chunk.
  const overlap = exactLength + maxErrorsFor(exactLength);
  const size = Math.max(CHUNK, 8 * exactLength);
  const regions: Region[] = [];
  for (let from = 0; from < text.length; from += size) {
    regions.push({ from, to: Math.min(text.length, from + size + overlap) });
    if (from + size + overlap >= text.length) break;
  }
  return regions;
}

/** `text.slice(from, to)` with the given ranges replaced by `MASK` units (offsets kept). */
function maskedSlice(text: string, from: number, to: number, masked: readonly Region[]): string {
  let out = '';
  let at = from;
  for (const m of masked) {
    if (m.to <= at || m.from >= to) continue;
    const a = Math.max(at, m.from);
    const b = Math.min(to, m.to);
    out += text.slice(at, a) + MASK.repeat(b - a);
    at = b;
  }
  return out + text.slice(at, to);
}

/**
 * Approximate occurrences of `exact` in `region` of `text`, with at most ⌊L / 4⌋ errors, leaving out
 * the `masked` ranges (exact occurrences already refused). Returns the region's best matches. Long
 * quotes ignore `masked`: an exact occurrence of a quote longer than `LONG_QUOTE` is never refused
 * (with up to 64 units of context on each side its own length outweighs them, see `match-quote.ts`),
 * so there is nothing to mask.
 */
export function findApproximate(
  text: string,
  exact: string,
  region: Region,
  expectedStart: number,
  masked: readonly Region[] = [],
): Candidate[] {
  const maxErrors = maxErrorsFor(exact.length);
  if (maxErrors === 0 || region.to - region.from < exact.length - maxErrors) return [];
  return exact.length > LONG_QUOTE
    ? findByProbes(text, exact, region, expectedStart, maxErrors)
    : searchIn(text, exact, region, maxErrors, masked);
}

function searchIn(
  text: string,
  pattern: string,
  region: Region,
  maxErrors: number,
  masked: readonly Region[] = [],
): Candidate[] {
  const slice = maskedSlice(text, region.from, region.to, masked);
  return search(slice, pattern, maxErrors).map((m) => ({
    start: region.from + m.start,
    end: region.from + m.end,
    errors: m.errors,
  }));
}

/**
 * Long quotes: search three 32-unit probes, then verify the whole quote around each hit. A hit of a
 * probe taken at offset `o` of the quote puts the quote's start near `hit.start − o`; the whole quote,
 * with up to `maxErrors` edits, lies within `maxErrors` units of that on either side (plus the probe's
 * own errors, which may misplace its hit).
 */
function findByProbes(
  text: string,
  exact: string,
  region: Region,
  expectedStart: number,
  maxErrors: number,
): Candidate[] {
  const middle = Math.floor((exact.length - PROBE_LENGTH) / 2);
  const probeOffsets = [0, middle, exact.length - PROBE_LENGTH];
  const probeErrors = maxErrorsFor(PROBE_LENGTH);
  const verified = new Map<string, Candidate>();
  for (const offset of probeOffsets) {
    const probe = exact.slice(offset, offset + PROBE_LENGTH);
    const hits = searchIn(text, probe, region, probeErrors)
      .map((hit) => hit.start - offset)
      .sort((a, b) => Math.abs(a - expectedStart) - Math.abs(b - expectedStart))
      .slice(0, MAX_PROBE_HITS);
    for (const impliedStart of hits) {
      const margin = maxErrors + probeErrors;
      const around = {
        from: Math.max(0, impliedStart - margin),
        to: Math.min(text.length, impliedStart + exact.length + margin),
      };
      for (const c of searchIn(text, exact, around, maxErrors)) verified.set(`${c.start}:${c.end}`, c);
    }
  }
  return [...verified.values()];
}
