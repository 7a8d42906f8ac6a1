import type { Message } from '@parley/protocol';
import { fullTime, isoTime, messageTime } from '../../format/time.js';

/** A lead or deal made from this chat: that is a `leadCreated`/`dealCreated` notice line. */
export function isPipelineLine(message: Message): boolean {
  return message.notice?.type === 'leadCreated' || message.notice?.type === 'dealCreated';
}

/**
 * The thread's timestamped line for it: who made which, with the title as text. Like a note it
 * is for users only (the visitor never sees the pipeline), so it says so.
 */
export function PipelineLine({ message, now }: { message: Message; now: number }) {
  const notice = message.notice;
  if (notice?.type !== 'leadCreated' && notice?.type !== 'dealCreated') return null;
  return (
    <li class="message from-system pipeline-line">
      <p class="message-body">
        <span class="note-label">Note</span>
        {message.author.name} created a {notice.type === 'leadCreated' ? 'lead' : 'deal'}: <strong>{notice.title}</strong>{' '}
        <time dateTime={isoTime(message.createdAt)} title={fullTime(message.createdAt)}>
          {messageTime(message.createdAt, now)}
        </time>
      </p>
    </li>
  );
}
