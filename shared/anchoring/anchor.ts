/**
 * Re-anchoring: finding a span again in a text that may have changed since the span was made (a
 * re-import of a new version of the document, or a pack bringing annotations made on slightly
 * different text). Follows the architecture's rule: try the position checked against the quote, then
 * the quote elsewhere, then an approximate quote, scored with its context and position; otherwise the
 * span is orphaned, with a reason. Never dropped, never silently moved: a moved span says so
 * (`moved: true`), and a span whose text changed says so too (`match: 'fuzzy'`), so that the caller
 * makes a new selector from the text now found.
 *
 * Cost, for a 1 MB text with 10,000 spans: the position check is O(|exact|); the quote elsewhere is
 * looked for in a window around the expected position (`anchorAll` knows the shift), then with one
 * `indexOf` scan of the text; the approximate search runs only when neither finds the span, first in
 * the window, then over the whole text (see `candidates.ts`). Measured (tests/unit/anchoring/
 * bench-anchoring.ts): 10,000 spans in 1 MB take ~30 ms unchanged, ~110 ms after an insertion at the
 * top; a span that needs the whole-text approximate search, or ends orphaned, ~150 ms.
 *
 * Pure: no node:*, no DOM.
 */
import { quoteForMessage } from './anchor-error.ts';
import {
  findApproximate,
  findExact,
  localRegion,
  maxErrorsFor,
  wholeTextRegions,
  type Region,
} from './candidates.ts';
import {
  MIN_EVIDENCE,
  MIN_QUOTE_SIMILARITY,
  isAcceptable,
  scoreCandidate,
  type Candidate,
  type CandidateScores,
} from './match-quote.ts';
import { fitToClusters, fitToWords } from './edges.ts';
import type { TextSpanSelector } from './selector.ts';

export type AnchorResult =
  | {
      state: 'anchored';
      start: number;
      end: number;
      /** True when the span is no longer at its saved offsets. */
      moved: boolean;
      /**
       * How it was found: at its saved offsets, its exact quote elsewhere, or an approximate quote (the
       * text of the span itself changed: `text.slice(start, end) !== exact`).
       */
      match: 'position' | 'exact' | 'fuzzy';
    }
  | { state: 'orphaned'; reason: string };

export interface AnchorOptions {
  /**
   * Where the span is expected to start in the new text, if the caller knows better than the saved
   * `start` (`anchorAll` passes the shift of the spans before it). Used to rank candidates and to
   * choose where the approximate search looks first.
   */
  expectedStart?: number;
}

/** Exact occurrences scored in full when a quote occurs very often ("the", "Jordan"). */
const MAX_EXACT_SCORED = 32;

interface Scored {
  candidate: Candidate;
  scores: CandidateScores;
}

/** Finds `selector`'s span in `text` (see the module comment for the strategy). */
export function anchor(text: string, selector: TextSpanSelector, options: AnchorOptions = {}): AnchorResult {
  const { start, end, exact } = selector;
  if (exact.length === 0) {
    return { state: 'orphaned', reason: 'The span has no quote to look for (its text is empty).' };
  }

  // (a) The saved position, checked against the quote.
  const atPosition =
    Number.isInteger(start) && start >= 0 && end - start === exact.length && text.startsWith(exact, start);
  if (atPosition) return anchored(text, { start, end, errors: 0 }, selector, 'position');
  const expected = clampOffset(options.expectedStart ?? start, text.length);

  // (b) The exact quote elsewhere: near the expected position with its context intact (the common
  // case after an insertion, when the expected position knows the shift), else anywhere.
  const near = intactNear(text, selector, expected);
  if (near !== undefined) {
    return anchored(text, { start: near, end: near + exact.length, errors: 0 }, selector, 'exact');
  }
  const occurrences = findExact(text, exact);
  const exactBest = bestExact(text, selector, occurrences, expected);
  if (exactBest && isAcceptable(exactBest.scores)) return anchored(text, exactBest.candidate, selector, 'exact');

  // (c) An approximate quote: near the expected position first, then anywhere.
  const masked: Region[] = occurrences.map((o) => ({ from: o, to: o + exact.length }));
  let best = exactBest;
  for (const regions of [[localRegion(text, exact.length, expected)], wholeTextRegions(text, exact.length)]) {
    for (const region of regions) {
      for (const found of findApproximate(text, exact, region, expected, masked)) {
        const candidate = fitToWords(text, found, selector);
        best = better(best, { candidate, scores: scoreCandidate(text, candidate, selector, expected) });
      }
    }
    if (best && isAcceptable(best.scores)) {
      return anchored(text, best.candidate, selector, best.candidate.errors === 0 ? 'exact' : 'fuzzy');
    }
  }
  return { state: 'orphaned', reason: orphanReason(text, exact, best) };
}

/**
 * Anchors many spans of one text. Spans are taken in text order and each one's expected position is
 * its saved start shifted as much as the last span found before it moved, so that after an insertion
 * near the top every later span is looked for where it now is. Results are in the order given.
 */
export function anchorAll(text: string, selectors: readonly TextSpanSelector[]): AnchorResult[] {
  const results = new Array<AnchorResult>(selectors.length);
  const startOf = (i: number): number => selectors[i]?.start ?? 0;
  const order = selectors.map((_, i) => i).sort((a, b) => startOf(a) - startOf(b));
  let shift = 0;
  for (const i of order) {
    const selector = selectors[i];
    if (selector === undefined) continue;
    const result = anchor(text, selector, { expectedStart: selector.start + shift });
    if (result.state === 'anchored') shift = result.start - selector.start;
    results[i] = result;
  }
  return results;
}

function clampOffset(offset: number, length: number): number {
  return Number.isFinite(offset) ? Math.min(length, Math.max(0, Math.round(offset))) : 0;
}

/** The result for a candidate, its edges fitted to whole characters (see `edges.ts`). */
function anchored(
  text: string,
  c: Candidate,
  selector: TextSpanSelector,
  match: 'position' | 'exact' | 'fuzzy',
): AnchorResult {
  const { start, end } = fitToClusters(text, c.start, c.end, selector);
  const moved = start !== selector.start || end !== selector.end;
  const widened = start !== c.start || end !== c.end;
  return { state: 'anchored', start, end, moved, match: widened ? 'fuzzy' : match };
}

/** The better of two scored candidates: an acceptable one, then the higher score, then the nearer. */
function better(a: Scored | undefined, b: Scored): Scored {
  if (a === undefined) return b;
  const acceptable = isAcceptable(b.scores);
  if (acceptable !== isAcceptable(a.scores)) return acceptable ? b : a;
  if (b.scores.score !== a.scores.score) return b.scores.score > a.scores.score ? b : a;
  return b.scores.position > a.scores.position ? b : a;
}

/**
 * The best exact occurrence. One whose saved context is intact on both sides is as good as it gets
 * and is taken at once (the nearest, if several). Otherwise occurrences are shortlisted by how many
 * characters of context agree right next to them, then by distance, and only the shortlist is scored,
 * so that a quote occurring thousands of times costs O(occurrences), not thousands of searches.
 */
function bestExact(
  text: string,
  selector: TextSpanSelector,
  occurrences: readonly number[],
  expected: number,
): Scored | undefined {
  const { exact, prefix, suffix } = selector;
  const length = exact.length;
  const scoreAt = (start: number): Scored => {
    const candidate = { start, end: start + length, errors: 0 };
    return { candidate, scores: scoreCandidate(text, candidate, selector, expected) };
  };
  const distance = (o: number): number => Math.abs(o - expected);

  let intact: number | undefined;
  for (const o of occurrences) {
    if (contextIntact(text, o, selector) && (intact === undefined || distance(o) < distance(intact))) intact = o;
  }
  if (intact !== undefined) return scoreAt(intact);

  const adjacentAgreement = (o: number): number =>
    commonSuffixLength(text, o, prefix) + commonPrefixLength(text, o + length, suffix);
  const shortlist =
    occurrences.length <= MAX_EXACT_SCORED
      ? occurrences
      : [...occurrences]
          .map((o) => ({ o, agreement: adjacentAgreement(o) }))
          .sort((a, b) => b.agreement - a.agreement || distance(a.o) - distance(b.o))
          .slice(0, MAX_EXACT_SCORED)
          .map((x) => x.o);
  let best: Scored | undefined;
  for (const o of shortlist) best = better(best, scoreAt(o));
  return best;
}

/** Whether the occurrence of the quote at `o` has its saved prefix and suffix around it, unchanged. */
function contextIntact(text: string, o: number, selector: TextSpanSelector): boolean {
  const { prefix, exact, suffix } = selector;
  return (
    o >= prefix.length && text.startsWith(prefix, o - prefix.length) && text.startsWith(suffix, o + exact.length)
  );
}

/**
 * The occurrence nearest `expected` with its context intact, looked for only within `LOCAL_RADIUS`:
 * saves a scan of the whole text for most spans of a re-import. Any intact occurrence outside the
 * window is farther, so this is the same answer `bestExact` would give.
 */
function intactNear(text: string, selector: TextSpanSelector, expected: number): number | undefined {
  const { exact } = selector;
  const { from, to } = localRegion(text, exact.length, expected);
  const window = text.slice(from, to);
  const distance = (o: number): number => Math.abs(o - expected);
  let best: number | undefined;
  for (let i = window.indexOf(exact); i !== -1; i = window.indexOf(exact, i + 1)) {
    const o = from + i;
    if (contextIntact(text, o, selector) && (best === undefined || distance(o) < distance(best))) best = o;
  }
  return best;
}

/** How many units of `text` just before `at` equal the end of `context`. */
function commonSuffixLength(text: string, at: number, context: string): number {
  let n = 0;
  while (
    n < context.length &&
    at - n - 1 >= 0 &&
    text.charCodeAt(at - n - 1) === context.charCodeAt(context.length - n - 1)
  ) {
    n++;
  }
  return n;
}

/** How many units of `text` from `at` on equal the start of `context`. */
function commonPrefixLength(text: string, at: number, context: string): number {
  let n = 0;
  while (n < context.length && at + n < text.length && text.charCodeAt(at + n) === context.charCodeAt(n)) n++;
  return n;
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

function orphanReason(text: string, exact: string, best: Scored | undefined): string {
  const quote = quoteForMessage(exact);
  if (best === undefined) {
    const maxErrors = maxErrorsFor(exact.length);
    if (maxErrors === 0) return `The quote ${quote} is no longer in the text (too short to look for approximately).`;
    const changed = maxErrors === 1 ? '1 character' : `${maxErrors} characters`;
    return `The quote ${quote} is no longer in the text, not even with up to ${changed} changed.`;
  }
  const { candidate: c, scores: s } = best;
  const found = `${quoteForMessage(text.slice(c.start, c.end))} at ${c.start}–${c.end}`;
  if (s.quote < MIN_QUOTE_SIMILARITY) {
    return (
      `The closest match, ${found}, is too different: its text is ${percent(s.quote)} alike ` +
      `(${percent(MIN_QUOTE_SIMILARITY)} needed).`
    );
  }
  return (
    `The closest match, ${found}, ${s.quote === 1 ? 'has the same text' : `is ${percent(s.quote)} alike`} ` +
    `but not the same surroundings: the text before it is ${percent(s.prefix)} alike and the text after it ` +
    `${percent(s.suffix)}, so ${percent(s.evidence)} of the saved evidence agrees (${percent(MIN_EVIDENCE)} needed).`
  );
}
