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

/**
 * `s` quoted for a message: cut to `QUOTE_LIMIT` code points (never inside a surrogate pair), with
 * newlines, tabs and lone surrogates made visible by JSON escaping.
 */
export function quoteForMessage(s: string): string {
  const codePoints = Array.from(s);
  const cut = codePoints.length > QUOTE_LIMIT ? codePoints.slice(0, QUOTE_LIMIT).join('') + '…' : s;
  return JSON.stringify(cut);
}
