/**
 * Errors of the import layer. Each has a stable code the adapters pass on and a message an analyst can
 * act on: it names what is wrong with the file (format, size, byte offset), never the file name, which
 * the caller reports next to it.
 */
import { DomainError } from '../errors.ts';

export type ImportErrorCode =
  | 'NOT_FOUND'
  | 'UNREADABLE'
  | 'TOO_LARGE'
  | 'EMPTY'
  | 'BINARY'
  | 'INVALID_TEXT'
  | 'UNKNOWN_ENCODING'
  | 'BAD_SIDECAR'
  | 'UNSUPPORTED_TYPE';

export class ImportError extends DomainError {
  declare readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
