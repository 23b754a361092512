/**
 * A span's selector: where it is (`start`, `end`) and what it says (`exact`, with `prefix` and
 * `suffix` as context), both kept so that a span can be found again when its document changes
 * (see `anchor.ts`). Offsets and context lengths are in UTF-16 code units of the document's text,
 * JavaScript's own units, so the renderer can build DOM ranges from them directly. Context is counted
 * in the same units as offsets: mixing units is the classic way anchoring code goes wrong.
 *
 * Pure: no node:*, no DOM.
 */
import { AnchorError, quoteDifference } from './anchor-error.ts';
import { splitsSurrogatePair } from './code-points.ts';

export { snapToWords } from './snap-to-words.ts';

export interface TextSpanSelector {
  /** Offset of the first UTF-16 unit of the span. */
  start: number;
  /** Offset just after the last UTF-16 unit of the span. */
  end: number;
  /** `text.slice(start, end)` when the selector was made. */
  exact: string;
  /** Up to `contextLength` units just before the span (fewer at the start of the text). */
  prefix: string;
  /** Up to `contextLength` units just after the span (fewer at the end of the text). */
  suffix: string;
}

/** Context kept on each side of a span, in UTF-16 units, as Hypothesis does. */
export const DEFAULT_CONTEXT_LENGTH = 32;

/**
 * The selector of `text.slice(start, end)`, with up to `contextLength` units of context on each side.
 * A context edge that would cut an emoji in half is moved inwards by one unit, so context never holds
 * half a character (and is then one unit shorter than asked). Throws `AnchorError` for an invalid span.
 */
export function makeSelector(
  text: string,
  start: number,
  end: number,
  contextLength: number = DEFAULT_CONTEXT_LENGTH,
): TextSpanSelector {
  if (!Number.isInteger(contextLength) || contextLength < 0) {
    throw new RangeError(`contextLength must be a non-negative integer, got ${contextLength}`);
  }
  const exact = text.slice(start, end);
  validateSpan(text, { start, end, exact });
  let prefixStart = Math.max(0, start - contextLength);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + contextLength);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    start,
    end,
    exact,
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

/**
 * Checks that a span fits `text`: integer offsets inside the text, `start < end`, the text there is
 * `exact`, and neither edge cuts a character made of two UTF-16 units. Throws an `AnchorError` with a
 * message a person understands; returns nothing when the span is sound.
 *
 * Order of the checks: range, then emptiness, then the quote, then the edges. A span whose quote does
 * not match was most likely made on another version of the text (or counted in other units), which
 * is the more useful thing to say than that one of its edges happens to split an emoji.
 */
export function validateSpan(
  text: string,
  span: Pick<TextSpanSelector, 'start' | 'end' | 'exact'>,
): void {
  const { start, end, exact } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new AnchorError(
      'OUT_OF_RANGE',
      `Span ${start}–${end} is invalid: offsets must be whole numbers of UTF-16 units.`,
    );
  }
  if (start < 0) {
    throw new AnchorError('OUT_OF_RANGE', `Span ${start}–${end} is invalid: it starts before the text (start < 0).`);
  }
  if (end > text.length) {
    throw new AnchorError(
      'OUT_OF_RANGE',
      `Span ${start}–${end} is invalid: it ends after the text, which is ${text.length} UTF-16 units long.`,
    );
  }
  if (start > end) {
    throw new AnchorError('OUT_OF_RANGE', `Span ${start}–${end} is invalid: it starts after it ends.`);
  }
  if (start === end) {
    throw new AnchorError('EMPTY_SPAN', `Span ${start}–${end} is empty: a span must cover at least one character.`);
  }
  const found = text.slice(start, end);
  if (found !== exact) {
    const [shown, expected] = quoteDifference(found, exact);
    throw new AnchorError(
      'EXACT_MISMATCH',
      `Span ${start}–${end} does not match the text: the text there is ${shown} but the span quotes ` +
        `${expected}. The document may have changed, or the offsets were counted in other units than UTF-16.`,
    );
  }
  for (const [edge, offset] of [['starts', start], ['ends', end]] as const) {
    if (splitsSurrogatePair(text, offset)) {
      throw new AnchorError(
        'SPLITS_CHARACTER',
        `Span ${start}–${end} ${edge} inside a character (an emoji or other character made of two ` +
          `UTF-16 units, at offset ${offset - 1}): a span must start and end between characters.`,
      );
    }
  }
}
