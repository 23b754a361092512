/**
 * The one error class of the anchoring module. Its `code` is stable (callers and the wire map it to
 * `{ ok: false, error }`); its message is a sentence an analyst can act on.
 */
export type AnchorErrorCode = 'EMPTY_SPAN' | 'OUT_OF_RANGE' | 'EXACT_MISMATCH' | 'SPLITS_CHARACTER';

export class AnchorError extends Error {
  override readonly name = 'AnchorError';
  readonly code: AnchorErrorCode;

  constructor(code: AnchorErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Longest quote, in code points, that an error message shows before cutting it with "…". */
const QUOTE_LIMIT = 40;
/** Characters of agreement shown before the first difference when two quotes are compared. */
const LEAD_IN = 10;

/**
 * `s` quoted for a message: from code point `from` (with a leading "…" if not 0), cut to
 * `QUOTE_LIMIT` code points (never inside a surrogate pair), with newlines, tabs and lone surrogates
 * made visible by JSON escaping.
 */
export function quoteForMessage(s: string, from = 0): string {
  const codePoints = Array.from(s).slice(from);
  const cut = codePoints.length > QUOTE_LIMIT ? codePoints.slice(0, QUOTE_LIMIT).join('') + '…' : codePoints.join('');
  return JSON.stringify(cut).replace(/^"/, from > 0 ? '"…' : '"');
}

/**
 * Two texts that should be equal, quoted for a message so that the difference shows: when they agree
 * on more than the first few characters, both are shown from just before the first difference.
 */
export function quoteDifference(found: string, expected: string): [string, string] {
  const a = Array.from(found);
  const b = Array.from(expected);
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  const from = same > QUOTE_LIMIT - LEAD_IN ? same - LEAD_IN : 0;
  return [quoteForMessage(found, from), quoteForMessage(expected, from)];
}
