/**
 * One line of the thread. Bodies are never rendered as HTML: a visitor's text is a Preact text
 * child, shown as the characters it is (markup, scripts, RTL overrides); the team's and the bot's
 * lines go through the rich text subset, which builds elements from a parsed tree (bold, italic,
 * safe links, lists, images) and leaves everything else as text. That holds for system lines
 * too: a notice's name (an agent's or the brand's) is text.
 */
import type { Message } from '@parley/protocol';
import { RichText } from '@parley/richtext/render';
import { formatTime, isoTime } from '../format';
import { t } from '../i18n';
import { noticeText } from '../noticeText';
import type { PendingMessage } from '../state/thread';
import { AttachmentView } from './AttachmentView';

function Time({ at }: { at: number }) {
  return <time dateTime={isoTime(at)}>{formatTime(at)}</time>;
}

interface StoredProps {
  message: Message;
  /** Written by this visitor (possibly in another tab). */
  own: boolean;
  /** First of a run by the same author: show who wrote it. */
  showAuthor: boolean;
  /** The team has read up to here: the visitor's newest message they read shows "Seen" (W12). */
  seen?: boolean;
}

export function StoredMessage({ message, own, showAuthor, seen }: StoredProps) {
  if (message.author.kind === 'system') {
    return (
      <p class="system">
        {noticeText(message)} · <Time at={message.createdAt} />
      </p>
    );
  }
  return (
    <div class={own ? 'msg own' : 'msg'}>
      {own ? <span class="sr">{t('you')}:</span> : showAuthor && <span class="author">{message.author.name}</span>}
      {message.attachment ? (
        <div class="bubble attachment">
          <AttachmentView attachment={message.attachment} />
        </div>
      ) : message.author.kind === 'visitor' ? (
        <p class="bubble">{message.body}</p>
      ) : (
        <div class="bubble rich">
          <RichText text={message.body} />
        </div>
      )}
      <span class="meta">
        <Time at={message.createdAt} />
        {seen && <span class="seen"> · {t('seen')}</span>}
      </span>
    </div>
  );
}

interface PendingProps {
  pending: PendingMessage;
  onRetry(clientMessageId: string): void;
}

export function PendingItem({ pending, onRetry }: PendingProps) {
  return (
    <div class={pending.error ? 'msg own failed' : 'msg own pending'}>
      <span class="sr">{t('you')}:</span>
      <p class="bubble">{pending.body}</p>
      {pending.error ? (
        <span class="meta error" role="alert">
          {pending.error}{' '}
          <button type="button" class="link-button" onClick={() => onRetry(pending.clientMessageId)}>
            {t('retry')}
          </button>
        </span>
      ) : (
        <span class="meta">{pending.file ? t('uploading') : t('sending')}</span>
      )}
    </div>
  );
}

/** The chatflow's welcome message or a line of its flow's opening, shown before the server has stored it in a conversation. */
export function WelcomeMessage({ name, body }: { name: string; body: string }) {
  return (
    <div class="msg">
      {name && <span class="author">{name}</span>}
      <div class="bubble rich">
        <RichText text={body} />
      </div>
    </div>
  );
}
