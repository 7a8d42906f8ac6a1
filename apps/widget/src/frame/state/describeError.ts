/**
 * Turns a refused command into text for the visitor. The catalogue's message is used rather than
 * whatever the server put in `message`, so wording stays stable and translatable by code.
 */
import { CommandError, ERRORS, isErrorCode, type ErrorCode } from '@parley/protocol';

export function describeError(error: unknown): { code: ErrorCode | null; text: string } {
  if (error instanceof CommandError) {
    const code = isErrorCode(error.error.code) ? error.error.code : null;
    return { code, text: code ? ERRORS[code].message : error.message };
  }
  return { code: null, text: ERRORS.internal_error.message };
}
