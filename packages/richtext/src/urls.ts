/**
 * Which addresses may become a link or an image. Only an explicit allowed scheme passes: anything
 * else (javascript:, data:, vbscript:, relative or protocol-relative paths, schemes hidden behind
 * entities or control characters) is refused and its source stays visible as text.
 */
const SCHEME = /^([a-z][a-z\d+.-]*):/i;
const LINK_SCHEMES = ['http', 'https', 'mailto'];
/** Parley's own uploads (branding files, chat attachments), served by the same origin. */
const UPLOAD_PATH = /^\/(?:files|api\/attachments)\/[\w\-.~%/]+(?:\?[\w\-.~%=&]*)?$/;

function parsed(raw: string, scheme: string): URL | null {
  try {
    const url = new URL(raw);
    // The URL parser drops tabs and newlines; insist the scheme it saw is the one we checked.
    if (url.protocol !== `${scheme}:`) return null;
    if (scheme !== 'mailto' && !url.hostname) return null;
    return url;
  } catch {
    return null;
  }
}

/** The normalised address when `raw` may be a link target, else null. */
export function safeLinkHref(raw: string): string | null {
  const scheme = SCHEME.exec(raw)?.[1].toLowerCase();
  if (!scheme || !LINK_SCHEMES.includes(scheme) || raw.length <= scheme.length + 1) return null;
  // "http:/x" or "https:\\x" would be repaired by the URL parser into an address nobody typed.
  if (scheme !== 'mailto' && raw.slice(scheme.length + 1, scheme.length + 3) !== '//') return null;
  return parsed(raw, scheme)?.href ?? null;
}

/** The image address when `raw` is https or a Parley upload path, else null. */
export function safeImageSrc(raw: string): string | null {
  if (raw.startsWith('/')) return UPLOAD_PATH.test(raw) && !raw.includes('..') && !raw.includes('//') ? raw : null;
  const scheme = SCHEME.exec(raw)?.[1].toLowerCase();
  return scheme === 'https' && raw.startsWith('//', 6) ? (parsed(raw, scheme)?.href ?? null) : null;
}
