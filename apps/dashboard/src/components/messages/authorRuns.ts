import type { MessageAuthor, UserSummary } from '@parley/protocol';

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
