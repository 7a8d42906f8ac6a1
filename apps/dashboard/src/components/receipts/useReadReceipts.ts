/**
 * The thread's side of read receipts: tells the server the agent has read the thread while it is
 * open and the tab visible, and says under which message "Seen" goes (the newest reply the
 * visitor has read). The server keeps the highest mark and coalesces writes, so this only avoids
 * sending a mark for nothing new.
 */
import type { Message } from '@parley/protocol';
import { useEffect, useReducer, useRef } from 'preact/hooks';
import { realtime } from '../../realtime/connection.js';
import { inbox } from '../../state/inboxStore.js';
import { readReceipts } from '../../state/readReceipts.js';
import { useStore } from '../../state/store.js';

/** Only what the visitor could have seen: replies, not notes, bot or system lines. */
function isReply(message: Message): boolean {
  return message.author.kind === 'user' && !message.internal;
}

/** Returns the seq of the reply that shows "Seen", or null. */
export function useReadReceipts(conversationId: number, messages: Message[]): number | null {
  const summary = useStore(inbox, (state) => state.conversations.get(conversationId));
  const live = useStore(readReceipts, (marks) => marks.get(conversationId));
  const connection = useStore(inbox, (state) => state.connection);
  const sent = useRef(new Map<number, number>());
  // visibilitychange re-renders, so the effect below runs again when the tab comes back.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    document.addEventListener('visibilitychange', rerender);
    return () => document.removeEventListener('visibilitychange', rerender);
  }, []);

  const agentRead = Math.max(summary?.agentReadSeq ?? 0, live?.agentReadSeq ?? 0, sent.current.get(conversationId) ?? 0);
  const last = messages.at(-1)?.seq ?? 0;
  const unread = messages.some((m) => m.author.kind !== 'user' && m.seq > agentRead);
  useEffect(() => {
    const client = realtime();
    if (!unread || document.visibilityState !== 'visible' || connection !== 'open' || !client) return;
    sent.current.set(conversationId, last);
    client.send('conversation.read', { conversationId, seq: last }).catch(() => sent.current.delete(conversationId));
  });

  const visitorRead = Math.max(summary?.visitorReadSeq ?? 0, live?.visitorReadSeq ?? 0);
  let seenAt: number | null = null;
  for (const message of messages) if (isReply(message) && message.seq <= visitorRead) seenAt = message.seq;
  return seenAt;
}
