/**
 * Allowed origins as an admin types them (one per line) and as the server stores them
 * (`https://shop.example`, no path). Checked here first so the admin learns which line is wrong
 * without a round trip; the server checks the same.
 */

export interface ParsedOrigins {
  origins: string[];
  problems: string[];
}

const MAX_ORIGINS = 50;

export function parseAllowedOrigins(text: string): ParsedOrigins {
  const origins: string[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const origin = originOf(line);
    if (origin === null) {
      problems.push(
        `Line ${index + 1}: "${line}" is not a website origin. Write it as https://shop.example — http or https, the host and an optional port, no path.`,
      );
    } else if (!origins.includes(origin)) {
      origins.push(origin);
    }
  });
  if (origins.length > MAX_ORIGINS) problems.push(`At most ${MAX_ORIGINS} origins per site.`);
  return { origins, problems };
}

/** `https://Shop.example/` → `https://shop.example`; null for anything that is not just an origin. */
function originOf(line: string): string | null {
  if (!/^https?:\/\//i.test(line)) return null;
  let url: URL;
  try {
    url = new URL(line);
  } catch {
    return null;
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  return url.origin;
}

export function originsText(origins: readonly string[]): string {
  return origins.join('\n');
}
