/**
 * Browser-facing cookie auth: the session cookie's name and the one same-origin check used by
 * both cookie-authenticated HTTP writes (CSRF) and agent sockets (cross-site WebSocket hijacking).
 */
import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'parley_session';

/**
 * True when the request comes from Parley's own pages: no Origin header (not a browser, or a
 * same-origin GET), the configured public origin, or the host the request was sent to.
 */
export function isSameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || origin === new URL(publicUrl).origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
