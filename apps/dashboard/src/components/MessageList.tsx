import type { Message, UserSummary } from '@parley/protocol';
import { RichText } from '@parley/richtext/render';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { fullTime, isoTime, messageTime } from '../format/time.js';
import { useNow } from '../hooks/useNow.js';
import { inbox, type PendingReply } from '../state/inboxStore.js';
import { discardReply, retryReply } from '../state/replies.js';
import { useStore } from '../state/store.js';
import { AuthorAvatar } from './messages/AuthorAvatar.js';
import { currentAvatarUrl, startsRun } from './messages/authorRuns.js';
import { CapturedBody, FlowNoticeDetails } from './messages/FlowNoticeDetails.js';
import { pickedAnswers } from './messages/flowLines.js';
import { SeenMark } from './receipts/SeenMark.js';
import { MessageAttachment } from './attachments/MessageAttachment.js';
import { useReadReceipts } from './receipts/useReadReceipts.js';
import { isPipelineLine, PipelineLine } from './contactSidebar/PipelineLine.js';

interface MessageListProps {
  conversationId: number;
  messages: Message[];
  visitorTyping: boolean;
}

/** Closer than this to the bottom counts as "reading the latest": new messages keep it in view. */
const STICK_PX = 80;

export function MessageList({ conversationId, messages, visitorTyping }: MessageListProps) {
  const allPending = useStore(inbox, (state) => state.pendingReplies);
  const users = useStore(inbox, (state) => state.users);
  const pending = allPending.filter((p) => p.conversationId === conversationId);
  const now = useNow();
  const scroller = useRef<HTMLDivElement>(null);
  const stuckToBottom = useRef(true);
  const seenAt = useReadReceipts(conversationId, messages);
  const picked = useMemo(() => pickedAnswers(messages), [messages]);

  useLayoutEffect(() => {
    stuckToBottom.current = true;
  }, [conversationId]);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && stuckToBottom.current) element.scrollTop = element.scrollHeight;
  }, [conversationId, messages.length, pending.length, visitorTyping]);

  function onScroll() {
    const element = scroller.current;
    if (!element) return;
    stuckToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_PX;
  }

  return (
    <div class="messages" ref={scroller} onScroll={onScroll} tabIndex={0} role="log" aria-label="Messages">
      {messages.length === 0 && pending.length === 0 && <p class="messages-empty">No messages yet.</p>}
      <ol class="message-list">
        {messages.map((message, index) =>
          isPipelineLine(message) ? (
            <PipelineLine key={message.id} message={message} now={now} />
          ) : (
            <MessageItem
              key={message.id}
              message={message}
              now={now}
              seen={message.seq === seenAt}
              avatar={message.author.kind === 'user' && startsRun(messages[index - 1], message)}
              users={users}
              picked={picked}
            />
          ),
        )}
        {pending.map((reply) => (
          <PendingItem key={reply.clientMessageId} reply={reply} />
        ))}
      </ol>
      {visitorTyping && <p class="typing">Visitor is typing…</p>}
    </div>
  );
}

/** Marks an internal note in words as well as colour: only users see it, never the visitor. */
function NoteLabel() {
  return <span class="note-label">Note</span>;
}

interface MessageItemProps {
  message: Message;
  now: number;
  seen: boolean;
  /** The first of a colleague's consecutive messages: their avatar goes beside it. */
  avatar: boolean;
  users: readonly UserSummary[];
  picked: ReadonlyMap<string, number>;
}

function MessageItem({ message, now, seen, avatar, users, picked }: MessageItemProps) {
  return (
    <li class={`message from-${message.author.kind}${message.internal ? ' note' : ''}${avatar ? ' run-start' : ''}`}>
      {avatar && <AuthorAvatar name={message.author.name} url={currentAvatarUrl(message.author, users)} />}
      <p class="message-meta">
        {message.internal && <NoteLabel />}
        <span class="message-author">{message.author.name}</span>
        {/* The bot speaks under the chatflow's heading name: said in words, not by colour alone. */}
        {message.author.kind === 'bot' && <span class="bot-label">Bot</span>}{' '}
        <time dateTime={isoTime(message.createdAt)} title={fullTime(message.createdAt)}>
          {messageTime(message.createdAt, now)}
        </time>
      </p>
      {/* Never parsed as HTML: a visitor's body is a text node; the team's and the bot's lines are
          the rich text subset, built as elements from a parsed tree. */}
      {message.attachment ? (
        <div class="message-body">
          <MessageAttachment attachment={message.attachment} />
        </div>
      ) : message.notice?.type === 'flowCaptured' ? (
        <CapturedBody body={message.body} />
      ) : message.author.kind === 'visitor' ? (
        <p class="message-body">{message.body}</p>
      ) : (
        <div class="message-body rich">
          <RichText text={message.body} />
        </div>
      )}
      <FlowNoticeDetails message={message} picked={picked} />
      {seen && <SeenMark />}
    </li>
  );
}

function PendingItem({ reply }: { reply: PendingReply }) {
  return (
    <li class={`message from-user pending${reply.internal ? ' note' : ''}${reply.error ? ' failed' : ''}`}>
      <p class="message-meta">
        {reply.internal && <NoteLabel />}
        <span class="message-author">You</span> <span>{reply.error ? 'Not sent' : reply.file ? 'Uploading…' : 'Sending…'}</span>
      </p>
      <p class="message-body">{reply.body}</p>
      {reply.error && (
        <div class="pending-actions">
          <p class="form-error" role="alert">
            {reply.error}
          </p>
          <button type="button" class="button small" onClick={() => retryReply(reply.clientMessageId)}>
            Retry
          </button>
          <button type="button" class="button small subtle" onClick={() => discardReply(reply.clientMessageId)}>
            Discard
          </button>
        </div>
      )}
    </li>
  );
}
