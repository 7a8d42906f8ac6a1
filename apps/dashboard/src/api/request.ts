/**
 * The one way the inbox talks HTTP: same-origin JSON with the session cookie. Failures become
 * `ApiError` carrying the catalogue code, so screens branch on `code`, never on message text.
 */
import { isErrorCode, type ErrorCode } from '@parley/protocol';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Which field failed and why, when the server says (validation errors). */
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Called on any 401 from a signed-in request, so the app can show the sign-in screen. */
let onSessionLost: (() => void) | null = null;
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** Sign-in style calls expect 401 as an answer, not as an expired session. */
  expectUnauthorized?: boolean;
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  // The server rejects bodiless POST/PUT without a JSON content type (CSRF guard), so always send one.
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'internal_error', 'The server cannot be reached. Check your connection.');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;

  const error = (payload as { error?: { code?: unknown; message?: unknown; detail?: unknown } } | null)?.error;
  const code: ErrorCode = isErrorCode(error?.code) ? error.code : statusToCode(response.status);
  const message = typeof error?.message === 'string' ? error.message : `Request failed (${response.status}).`;
  if (response.status === 401 && !options.expectUnauthorized) onSessionLost?.();
  const detail = typeof error?.detail === 'string' && error.detail ? error.detail : null;
  throw new ApiError(response.status, code, message, detail);
}

function statusToCode(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return 'internal_error';
}

/** A message fit to show a person, whatever was thrown; validation errors say which field. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.detail ? `${error.message} ${error.detail}` : error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
