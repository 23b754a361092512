/**
 * The quote scorer: how well a candidate place in a changed text matches a span's selector, and
 * whether it matches well enough to move the span there. Pure functions, no state.
 *
 * A candidate is a place where the quote was found, exactly or with `errors` edits (insertions,
 * deletions, substitutions, in UTF-16 units). It is judged on four signals, each in [0, 1]:
 *
 * - quote:    1 − errors / exact.length. How much of the span's own text survived.
 * - prefix:   similarity of the text just before the candidate to the saved `prefix`;
 * - suffix:   the same after it, against `suffix`. Both are measured as the best approximate
 *             occurrence of the saved context in an equally long window next to the candidate, then
 *             corrected for chance (see `CONTEXT_CHANCE`), so 0 means "no better than unrelated text".
 * - position: 1 − distance from the expected start / text length. Ranks, never decides (below).
 *
 * Weights: each signal counts by how much evidence it carries, in characters. A saved prefix of 32
 * units is 32 units of evidence, the suffix likewise, and the quote counts double (2 × its length):
 * the span's own words matter more than its neighbours'. So
 *
 *   evidence = (2L·quote + P·prefix + S·suffix) / (2L + P + S)
 *   score    = 0.95 · evidence + 0.05 · position
 *
 * Trade-offs this buys, with the default 32-unit context:
 * - A quote at least as long as its two contexts (L ≥ 32) is identified by itself: an unchanged
 *   sentence whose neighbours were both rewritten still anchors. Hypothesis's fixed 50/20/20 weights
 *   cannot tell a 200-character claim from the word "Jordan" here.
 * - A short quote ("Jordan", "the army") needs its context: found elsewhere with unrelated text on
 *   both sides it scores ~0.2 and is refused, so a mention never jumps to another mention of the same
 *   word. With one side of its context intact it anchors (~0.6). The price: a short quote whose
 *   sentence was rewritten on both sides is orphaned even when it is the only one in the text (the
 *   analyst re-attaches it; a span silently attached to the wrong "Sunday" would go unnoticed).
 * - Context is what a lightly edited short quote relies on: "Jordon" for "Jordan" with both
 *   neighbours intact scores ~0.97.
 * - Position only ranks (duplicated photo captions with the same context): 5% of the score, so a
 *   far-away but better-matching candidate still wins over a near, worse one. It plays no part in
 *   acceptance: where a candidate is says nothing about whether it is the same text.
 *
 * Acceptance: quote ≥ `MIN_QUOTE_SIMILARITY` (0.75: at most one edit in four characters, the same bound
 * the fuzzy search uses, so no candidate is found that would then be refused on this alone) and
 * evidence ≥ `MIN_EVIDENCE` (0.5: at least half of the saved evidence is found again). Anything less
 * is orphaned: a span is never moved to a poor match.
 *
 * Pure: no node:*, no DOM.
 */
import search from 'approx-string-match';

/** Lowest quote similarity accepted: at most one edit per four UTF-16 units of the quote. */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** Lowest share of the saved evidence (quote counted double, prefix, suffix) that must be found again. */
export const MIN_EVIDENCE = 0.5;
/**
 * Raw similarity of unrelated text. Measured on the sample corpus: for 32-unit windows of unrelated
 * English text the best approximate occurrence has similarity 0.28 on average, 0.34 at the 90th and
 * 0.44 at the 99th percentile (Arabic: 0.28, 0.41, 0.59). Raw similarity at or below 0.4 counts as 0,
 * and the rest is stretched to [0, 1].
 */
export const CONTEXT_CHANCE = 0.4;
/** Share of the score given to closeness to the expected position. */
export const POSITION_WEIGHT = 0.05;
/** How much more a character of the quote counts than a character of context. */
export const QUOTE_FACTOR = 2;

export interface Candidate {
  start: number;
  end: number;
  /** Edits between `text.slice(start, end)` and the quote. */
  errors: number;
}

export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface CandidateScores {
  quote: number;
  prefix: number;
  suffix: number;
  position: number;
  /** Quote and context, weighted by their length: what acceptance is decided on. */
  evidence: number;
  /** Evidence blended with position: what candidates are ranked by. */
  score: number;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * Similarity in [0, 1] of `window` to the saved context `expected`, corrected for chance: the best
 * approximate occurrence of `expected` in `window` (so a few inserted or deleted characters cost only
 * those characters), 1 for identical text, 0 for text no more alike than unrelated text is.
 */
export function contextSimilarity(expected: string, window: string): number {
  if (expected.length === 0) return 1;
  if (window === expected) return 1;
  if (window.length === 0) return 0;
  const best = search(window, expected, expected.length)[0];
  const raw = best === undefined ? 0 : 1 - best.errors / expected.length;
  return clamp01((raw - CONTEXT_CHANCE) / (1 - CONTEXT_CHANCE));
}

/** Scores a candidate for `selector` in `text`; `expectedStart` is where the span is expected to be. */
export function scoreCandidate(
  text: string,
  candidate: Candidate,
  selector: QuoteSelector,
  expectedStart: number,
): CandidateScores {
  const { exact, prefix: savedPrefix, suffix: savedSuffix } = selector;
  const quote = clamp01(1 - candidate.errors / exact.length);
  const prefix = contextSimilarity(
    savedPrefix,
    text.slice(Math.max(0, candidate.start - savedPrefix.length), candidate.start),
  );
  const suffix = contextSimilarity(savedSuffix, text.slice(candidate.end, candidate.end + savedSuffix.length));
  const position = clamp01(1 - Math.abs(candidate.start - expectedStart) / Math.max(1, text.length));

  const quoteWeight = QUOTE_FACTOR * exact.length;
  const evidence =
    (quoteWeight * quote + savedPrefix.length * prefix + savedSuffix.length * suffix) /
    (quoteWeight + savedPrefix.length + savedSuffix.length);
  const score = (1 - POSITION_WEIGHT) * evidence + POSITION_WEIGHT * position;
  return { quote, prefix, suffix, position, evidence, score };
}

/** Whether a candidate with these scores may carry the span (see the module comment). */
export function isAcceptable(scores: CandidateScores): boolean {
  return scores.quote >= MIN_QUOTE_SIMILARITY && scores.evidence >= MIN_EVIDENCE;
}
