/**
 * Results as values. Every call across a boundary (IPC, HTTP, the CLI's JSON) answers with one of
 * these, so an error is data the caller must look at, never an exception thrown across a process.
 */
export interface ErrorInfo {
  /** Stable machine-readable code, e.g. `QUERY_SYNTAX`, `NOT_FOUND`, `VALIDATION`. */
  code: string;
  /** A sentence a person can act on. Never a stack trace. */
  message: string;
  /** Optional structured detail (field paths, positions). */
  details?: unknown;
}

/** The undo step a call made, while it is still in effect: what a toast's Undo takes back (`history:undo { step: id }`). */
export interface Step {
  id: string;
  label: string;
}

export type Result<T> = { ok: true; value: T; step?: Step } | { ok: false; error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: string, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
