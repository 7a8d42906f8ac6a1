/**
 * The conversation as a live log (role="log", polite): screen readers announce new lines without
 * losing their place. It follows new messages only while the visitor is at the bottom, so reading
 * older messages is not interrupted.
 */
import type { Message } from '@parley/protocol';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { seenSeq, type ThreadState } from '../state/thread';
import { PendingItem, StoredMessage, WelcomeMessage } from './MessageItem';

interface ThreadProps {
  thread: ThreadState;
  visitorId: number | null;
  /** The welcome and the flow's opening lines (W8), by the chatflow's name; empty lines are skipped. */
  welcome: { name: string; lines: string[] } | null;
  onRetry(clientMessageId: string): void;
}

/**
 * The server stores the welcome and the flow's opening as the conversation's first bot messages;
 * until a non-visitor message is in the thread we show our own copy, so they neither flicker nor
 * appear twice.
 */
function needsWelcome(messages: Message[]): boolean {
  return messages.every((m) => m.author.kind === 'visitor');
}

function isOwn(message: Message, visitorId: number | null): boolean {
  return message.author.kind === 'visitor' && (visitorId === null || message.author.id === visitorId);
}

export function Thread({ thread, visitorId, welcome, onRetry }: ThreadProps) {
  const ref = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const count = thread.messages.length + thread.pending.length;
  const seenAt = seenSeq(thread, (message) => isOwn(message, visitorId));

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [count, thread.pending]);

  // The log also shrinks when notices appear below it or the composer grows; stay at the bottom.
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const el = ref.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  };

  return (
    // Focusable so keyboard users can scroll it.
    <div ref={ref} class="thread" role="log" aria-live="polite" aria-label={t('messages')} tabIndex={0} onScroll={onScroll}>
      {welcome &&
        needsWelcome(thread.messages) &&
        welcome.lines.filter((line) => line.trim()).map((body, i) => <WelcomeMessage key={`welcome-${i}`} name={i === 0 ? welcome.name : ''} body={body} />)}
      {thread.messages.map((message, i) => {
        const previous = thread.messages[i - 1];
        const showAuthor =
          !previous || previous.author.kind !== message.author.kind || previous.author.id !== message.author.id;
        return <StoredMessage key={message.id} message={message} own={isOwn(message, visitorId)} showAuthor={showAuthor} seen={message.seq === seenAt} />;
      })}
      {thread.pending.map((pending) => (
        <PendingItem key={pending.clientMessageId} pending={pending} onRetry={onRetry} />
      ))}
    </div>
  );
}
