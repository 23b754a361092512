/**
 * Domain errors: each has a stable `code`, and a message written for the analyst. Adapters map them
 * to `{ ok: false, error }` in one place (`toErrorInfo`); anything else is an internal error whose
 * detail goes to the log, never to the user.
 */
import type { ErrorInfo } from '../../shared/result.ts';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} does not exist (or was deleted).`);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('VALIDATION', message, details);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('CONFLICT', message, details);
  }
}

export class CancelledError extends DomainError {
  constructor(message = 'Cancelled; nothing was written.') {
    super('CANCELLED', message);
  }
}

export class StoreError extends DomainError {}

/** Maps any thrown value to the error shape the adapters send. Internal errors are logged. */
export function toErrorInfo(error: unknown, log: (e: unknown) => void = defaultLog): ErrorInfo {
  if (error instanceof DomainError) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  log(error);
  return { code: 'INTERNAL', message: 'Something went wrong inside Claimdesk; the details are in the log.' };
}

function defaultLog(e: unknown): void {
  if (process.env.CLAIMDESK_DEBUG) console.error(e);
}
