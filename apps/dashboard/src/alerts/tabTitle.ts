/**
 * The tab title: pending offers and unread chats first, so a background tab still says when
 * someone needs an answer, e.g. "Chat offer · (3) Unassigned · Parley inbox".
 */
export function inboxTabTitle(options: { page: string; offers: number; unread: number }): string {
  const { page, offers, unread } = options;
  const offered = offers > 0 ? `${offers === 1 ? 'Chat offer' : `${offers} chat offers`} · ` : '';
  return `${offered}${unread > 0 ? `(${unread}) ` : ''}${page} · Parley inbox`;
}
