/**
 * Counts messages from the team that the visitor has not seen: those arriving while the window
 * is minimized or the tab is in the background (W17). The loader shows the count as a badge and,
 * for a message from the team (`unreadMessage`), a preview bubble on the host page.
 */
import type { Message, UnreadMessage } from '@parley/protocol';

/** The bubble shows a line or two; a long message need not cross the bridge whole. */
const UNREAD_TEXT_MAX = 500;

/** What the host page may preview of `message`: only a person's or bot's message, as plain text. */
export function unreadMessage(message: Message): UnreadMessage | undefined {
  const kind = message.author.kind;
  if (kind !== 'user' && kind !== 'bot') return undefined;
  return { author: message.author.name, text: message.body.slice(0, UNREAD_TEXT_MAX) };
}

export class UnreadCounter {
  private count = 0;
  /** The chat window is open on the host page (the frame is created open). */
  private windowOpen = true;

  constructor(private readonly publish: (count: number, message?: UnreadMessage) => void) {
    document.addEventListener('visibilitychange', () => {
      if (this.seen()) this.reset();
    });
  }

  setWatching(windowOpen: boolean): void {
    this.windowOpen = windowOpen;
    if (this.seen()) this.reset();
  }

  messageArrived(message?: UnreadMessage): void {
    if (this.seen()) return;
    this.count++;
    this.publish(this.count, message);
  }

  private seen(): boolean {
    return this.windowOpen && document.visibilityState === 'visible';
  }

  private reset(): void {
    if (this.count === 0) return;
    this.count = 0;
    this.publish(0);
  }
}
