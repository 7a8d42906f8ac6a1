import type { MessageAuthor, UserSummary } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { initials } from '../../format/initials.js';

/**
 * A colleague's picture beside the first of their consecutive messages, or their initials when
 * they have none (or it fails to load). Decorative: the name is written on the message.
 */
export function AuthorAvatar({ name, url }: { name: string; url: string | null }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (url && failed !== url) {
    return <img class="message-avatar" src={url} alt="" width={32} height={32} onError={() => setFailed(url)} />;
  }
  return (
    <span class="message-avatar initials" aria-hidden="true">
      {initials(name)}
    </span>
  );
}

/**
 * The author's picture as it is now: the users list follows avatar changes live (user.updated),
 * while a message carries the picture its author had when it was loaded.
 */
export function currentAvatarUrl(author: MessageAuthor, users: readonly UserSummary[]): string | null {
  const user = author.id === null ? undefined : users.find((u) => u.id === author.id);
  return user ? user.avatarUrl : author.avatarUrl;
}

/** Consecutive messages from the same person share one avatar: it goes on the first of the run. */
export function startsRun(previous: { author: MessageAuthor } | undefined, message: { author: MessageAuthor }): boolean {
  return !previous || previous.author.kind !== message.author.kind || previous.author.id !== message.author.id;
}
