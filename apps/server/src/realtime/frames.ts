/**
 * Decoding client frames and encoding acks. Anything that is not `{ref, cmd, data}` gets a
 * stable error code and leaves the socket usable.
 */
import { ERRORS, type ErrorBody, type ErrorCode } from '@parley/protocol';
import { DomainError } from '../domain/errors.js';
import { RateLimitedError } from '../domain/limits/rateLimitedError.js';
import { InvalidFlowError } from '../domain/chatflows/invalidFlowError.js';

export interface DecodedFrame {
  ref: number;
  cmd: string;
  data: unknown;
}

export type DecodeResult = { ok: true; frame: DecodedFrame } | { ok: false; ref: number | null; error: ErrorBody };

export function errorBody(code: ErrorCode, detail?: string): ErrorBody {
  return detail ? { code, message: ERRORS[code].message, detail } : { code, message: ERRORS[code].message };
}

export function decodeFrame(raw: string): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, ref: null, error: errorBody('invalid_frame', 'not JSON') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, ref: null, error: errorBody('invalid_frame', 'not an object') };
  }
  const { ref, cmd, data } = value as Record<string, unknown>;
  if (typeof ref !== 'number' || !Number.isSafeInteger(ref)) {
    return { ok: false, ref: null, error: errorBody('invalid_frame', 'ref must be an integer') };
  }
  if (typeof cmd !== 'string') return { ok: false, ref, error: errorBody('invalid_frame', 'cmd must be a string') };
  if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) {
    return { ok: false, ref, error: errorBody('invalid_frame', 'data must be an object') };
  }
  return { ok: true, frame: { ref, cmd, data: data ?? {} } };
}

export function ackOk(ref: number, data: unknown): string {
  return JSON.stringify({ t: 'ack', ref, ok: true, data });
}

export function ackError(ref: number, error: ErrorBody): string {
  return JSON.stringify({ t: 'ack', ref, ok: false, error });
}

/** Domain refusals keep their code (and a rate limit its wait); anything else is an internal error (logged by the caller). */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof RateLimitedError) return { ...errorBody(error.code, error.detail), retryAfterMs: error.retryAfterMs };
  if (error instanceof InvalidFlowError) return { ...errorBody(error.code, error.detail), cardId: error.cardId, problems: error.problems };
  if (error instanceof DomainError) return errorBody(error.code, error.detail);
  return errorBody('internal_error');
}
