import type { InboxView } from '@parley/protocol';
import { useUnreadInView } from '../../alerts/unread.js';
import '../../styles/notifications.css';

/** The unread count of a view in the side nav (I8); nothing when all is read. */
export function UnreadBadge({ view }: { view: InboxView }) {
  const unread = useUnreadInView(view);
  if (unread === 0) return null;
  return (
    <span class="unread-count">
      {unread}
      <span class="visually-hidden"> unread</span>
    </span>
  );
}
