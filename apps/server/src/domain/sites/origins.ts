/**
 * A site's allowed origins: where its widget may run. Stored normalised (`new URL().origin`:
 * lower-case scheme and host, no default port, no trailing slash) so the check on every widget
 * request is a plain comparison with the browser's Origin header.
 */
import type { SiteRow } from '../../storage/schema.js';
import { DomainError } from '../errors.js';

export const MAX_ALLOWED_ORIGINS = 50;

export function normalizeOrigins(values: readonly string[]): string[] {
  if (values.length > MAX_ALLOWED_ORIGINS) throw new DomainError('validation_failed', `allowedOrigins: at most ${MAX_ALLOWED_ORIGINS} origins`);
  const origins = values.map((value, index) => normalizeOrigin(value, `allowedOrigins[${index}]`));
  return [...new Set(origins)];
}

function normalizeOrigin(value: string, path: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new DomainError('validation_failed', `${path}: "${value}" is not an origin like https://shop.example`);
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare || !url.hostname) {
    throw new DomainError('validation_failed', `${path}: "${value}" must be a bare http(s) origin like https://shop.example (no path, query or credentials)`);
  }
  return url.origin;
}

export function allowedOrigins(site: Pick<SiteRow, 'allowed_origins'>): string[] {
  try {
    const parsed: unknown = JSON.parse(site.allowed_origins);
    return Array.isArray(parsed) ? parsed.filter((o): o is string => typeof o === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * An empty list means the widget may run on any origin (the demo site). Requests without an
 * Origin header are same-origin (the chat frame on Parley's own origin) or not from a browser.
 */
export function isOriginAllowed(site: Pick<SiteRow, 'allowed_origins'>, origin: string | undefined, publicOrigin: string): boolean {
  const origins = allowedOrigins(site);
  return origins.length === 0 || origin === undefined || origin === publicOrigin || origins.includes(origin);
}
