/**
 * When to tell the server the visitor has read (W12 receipts): only while the chat window is open
 * on the host page and the tab is visible, and only when a message from someone else is shown
 * past the mark already sent. The server keeps the highest mark and coalesces writes, so a
 * repeat or an out-of-order mark is harmless; this only avoids sending one per visitor message.
 */
import type { Message } from '@parley/protocol';
import type { ThreadState } from './thread';

export class ReadMarker {
  /** The chat window is open (the frame is created open; the loader says when it minimizes). */
  private windowOpen = true;
  /** Highest seq sent per conversation id; reset never, marks only go up. */
  private sent = new Map<number, number>();

  constructor(
    private readonly send: (conversationId: number, seq: number) => void,
    private readonly current: () => ThreadState,
  ) {
    document.addEventListener('visibilitychange', () => this.check());
  }

  setWindowOpen(open: boolean): void {
    this.windowOpen = open;
    this.check();
  }

  /** Call after the thread changed or the connection came back. */
  check(): void {
    if (!this.windowOpen || document.visibilityState !== 'visible') return;
    const { conversation, messages } = this.current();
    if (!conversation) return;
    const already = Math.max(conversation.visitorReadSeq ?? 0, this.sent.get(conversation.id) ?? 0);
    const unseen = messages.some((m: Message) => m.author.kind !== 'visitor' && m.seq > already);
    if (!unseen) return;
    const seq = messages[messages.length - 1]!.seq;
    this.sent.set(conversation.id, seq);
    this.send(conversation.id, seq);
  }

  /** A refused or lost mark may be sent again (after a reconnect). */
  forget(conversationId: number): void {
    this.sent.delete(conversationId);
  }
}
