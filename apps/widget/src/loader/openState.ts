/**
 * Whether the chat window was open, kept in the host page's localStorage so the chat reopens
 * after a reload or on the next page of the same site. Storage can be blocked (privacy modes,
 * sandboxed frames); then the widget simply starts closed.
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
