import type { ConversationSummary, InboxView } from '@parley/protocol';
import { fullTime, isoTime, relativeTime } from '../format/time.js';
import { useNow } from '../hooks/useNow.js';
import { hrefFor, onLinkClick } from '../router.js';
import { loadView } from '../state/conversations.js';
import { inbox } from '../state/inboxStore.js';
import { useStore } from '../state/store.js';
import { conversationsInView, lastActivityAt } from '../state/views.js';
import { RoutingBadge } from './RoutingBadge.js';

const EMPTY_TEXT: Record<InboxView, string> = {
  unassigned: 'Nobody is waiting. New chats appear here.',
  mine: 'No open conversations are assigned to you.',
  all: 'There are no open conversations.',
  closed: 'No closed conversations yet.',
  snoozed: 'No snoozed conversations. Snoozed chats come back here on time.',
};

export function ConversationList({ view, openId }: { view: InboxView; openId: number | null }) {
  const conversations = useStore(inbox, (state) => state.conversations);
  const myId = useStore(inbox, (state) => state.session?.user.id ?? 0);
  const load = useStore(inbox, (state) => state.viewLoad[view]);
  const error = useStore(inbox, (state) => state.viewErrors[view]);
  const now = useNow();
  const items = conversationsInView(conversations, view, myId);

  if (load === 'error' && items.length === 0) {
    return (
      <div class="list-message" role="alert">
        <p>Could not load this view: {error}</p>
        <button type="button" class="button" onClick={() => void loadView(view)}>
          Try again
        </button>
      </div>
    );
  }
  if (items.length === 0) {
    return <p class="list-message">{load === 'loaded' ? EMPTY_TEXT[view] : 'Loading conversations…'}</p>;
  }
  return (
    <ul class="conversation-list">
      {items.map((conversation) => (
        <li key={conversation.id}>
          <ConversationItem conversation={conversation} current={conversation.id === openId} now={now} />
        </li>
      ))}
    </ul>
  );
}

function ConversationItem({ conversation, current, now }: { conversation: ConversationSummary; current: boolean; now: number }) {
  const { visitor, assignee, status } = conversation;
  const activity = status === 'closed' && conversation.closedAt ? conversation.closedAt : lastActivityAt(conversation);
  const page = visitor.context.pageTitle || visitor.context.pageUrl || 'Unknown page';
  return (
    <a
      href={hrefFor({ name: 'conversation', id: conversation.id })}
      onClick={onLinkClick}
      class={current ? 'conversation-item current' : 'conversation-item'}
      aria-current={current ? 'page' : undefined}
    >
      <span class="item-top">
        <span class="item-visitor">{visitor.name}</span>
        <time class="item-time" dateTime={isoTime(activity)} title={fullTime(activity)}>
          {relativeTime(activity, now)}
        </time>
      </span>
      <span class="item-page" title={visitor.context.pageUrl ?? undefined}>
        {page}
      </span>
      <span class="item-meta">
        <span class={`status status-${status}`}>{status === 'open' ? 'Open' : 'Closed'}</span>
        <RoutingBadge conversation={conversation} />
        <span class="item-assignee">{assignee ? assignee.name : 'Unassigned'}</span>
      </span>
    </a>
  );
}
