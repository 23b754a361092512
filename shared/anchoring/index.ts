/**
 * Text anchoring: selectors for spans (UTF-16 offsets plus quote and context), re-anchoring them in
 * changed text, snapping selections to words, and code point offsets for W3C export. Pure: no node:*,
 * no DOM; used by the core and the renderer alike.
 */
export { AnchorError, type AnchorErrorCode } from './anchor-error.ts';
export { DEFAULT_CONTEXT_LENGTH, makeSelector, validateSpan, type TextSpanSelector } from './selector.ts';
export { snapToWords, type TextRange } from './snap-to-words.ts';
export { anchor, anchorAll, type AnchorOptions, type AnchorResult } from './anchor.ts';
export {
  CONTEXT_CHANCE,
  MIN_EVIDENCE,
  MIN_QUOTE_SIMILARITY,
  contextSimilarity,
  isAcceptable,
  scoreCandidate,
  type Candidate,
  type CandidateScores,
  type QuoteSelector,
} from './match-quote.ts';
export { codePointsToUtf16, makeOffsetConverter, utf16ToCodePoints, type OffsetConverter } from './code-points.ts';
