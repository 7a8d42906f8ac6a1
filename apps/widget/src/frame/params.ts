/**
 * What the loader tells the frame through its URL: `?site=SITE_KEY&host=ORIGIN`.
 * `host` is the origin of the embedding page; the bridge trusts and posts to that origin only.
 */
export interface FrameParams {
  siteKey: string;
  /** Normalised origin of the host page, or null when missing or malformed (no bridge then). */
  hostOrigin: string | null;
}

export function readFrameParams(search: string = location.search): FrameParams {
  const query = new URLSearchParams(search);
  const host = query.get('host');
  let hostOrigin: string | null = null;
  if (host) {
    try {
      const parsed = new URL(host);
      // An origin, not a URL: anything with a path or credentials is not what the loader sends.
      if (parsed.origin === host && (parsed.protocol === 'https:' || parsed.protocol === 'http:')) hostOrigin = host;
    } catch {
      hostOrigin = null;
    }
  }
  return { siteKey: query.get('site') ?? '', hostOrigin };
}
