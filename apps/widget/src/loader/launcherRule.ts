/**
 * When the launcher shows. It is hidden while the chat window is open (the window has its own
 * minimize button), and when the server says so for the chatflow's availability (W7: offline or
 * at capacity with "hide the launcher") — but only until the visitor has opened the chat on this
 * page view. After that they may be in the middle of a conversation, and a minimized chat must
 * stay reachable. (The loader cannot see conversations: they live in the lazily loaded frame. So
 * on a later page, with the chat minimized, a hidden launcher stays hidden until availability
 * changes; loading the frame on every page just to find out would defeat the lazy load.)
 */
export function launcherShown(windowOpen: boolean, chatOpenedThisPage: boolean, hideLauncher: boolean | undefined): boolean {
  return !windowOpen && (chatOpenedThisPage || !hideLauncher);
}
