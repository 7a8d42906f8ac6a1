/**
 * What the loader keeps in the host page's localStorage (first-party, unlike the chat frame's):
 * whether the chat window was open (`parley:<siteKey>:open`, so it reopens after a reload or on
 * the next page), the visitor token (`…:visitor`) and when the chat was last minimized
 * (`…:minimizedAt`, W5). Storage can be blocked (privacy modes, sandboxed frames); then the
 * widget starts closed, the visitor is the same only for this page view, and a minimize holds
 * only for this page view.
 */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Blocked storage: see above.
  }
}
