/**
 * What the loader keeps in the host page's localStorage (first-party, unlike the chat frame's):
 * whether the chat window was open, so it reopens after a reload or on the next page, and the
 * visitor token. Storage can be blocked (privacy modes, sandboxed frames); then the widget starts
 * closed and the visitor is the same only for this page view.
 */
export function readOpen(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

export function writeOpen(key: string, open: boolean): void {
  try {
    localStorage.setItem(key, open ? '1' : '0');
  } catch {
    // Not remembered; nothing else depends on it.
  }
}

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
