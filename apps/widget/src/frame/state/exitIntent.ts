/**
 * W10: the visitor is about to leave the page. Two places tell: the host page (its pointer left
 * through the top edge; the loader's API chunk posts `page:exitIntent`) and this frame (the pointer
 * left the chat window through its top). A cookie notice set to show on exit intent listens here.
 */
type Listener = () => void;

const listeners = new Set<Listener>();
let noticed = false;

export function noticeExitIntent(): void {
  noticed = true;
  for (const listener of listeners) listener();
}

/** Calls `listener` at the next exit intent, or at once when there was one on this page already; answers the unsubscribe. */
export function onExitIntent(listener: Listener): () => void {
  if (noticed) {
    listener();
    return () => {};
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
