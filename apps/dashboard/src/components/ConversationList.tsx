import { hasUnread, type ConversationSummary, type InboxView } from '@parley/protocol';
import { fullTime, isoTime, relativeTime } from '../format/time.js';
import { useNow } from '../hooks/useNow.js';
import { hrefFor, onLinkClick } from '../router.js';
import { loadMore, loadView } from '../state/conversations.js';
import { inbox } from '../state/inboxStore.js';
import { conversationsInList } from '../state/listMembership.js';
import { listKey, listParams, listQuery } from '../state/listQuery.js';
import { readReceipts } from '../state/readReceipts.js';
import { useStore } from '../state/store.js';
import { lastActivityAt } from '../state/views.js';
import { RoutingBadge } from './RoutingBadge.js';
import { LastMessageLine } from './lists/LastMessageLine.js';
import '../styles/lists.css';

const EMPTY_TEXT: Record<InboxView, string> = {
  unassigned: 'Nobody is waiting. New chats appear here.',
  mine: 'No open conversations are assigned to you.',
  all: 'There are no open conversations.',
  closed: 'No closed conversations yet.',
  snoozed: 'No snoozed conversations. Snoozed chats come back here on time.',
};

/** The shown list (a view or a team view, filtered), a page at a time (I3), rows marked unread (I8). */
export function ConversationList({ view, openId }: { view: InboxView; openId: number | null }) {
  const conversations = useStore(inbox, (state) => state.conversations);
  const myId = useStore(inbox, (state) => state.session?.user.id ?? 0);
  const query = useStore(listQuery, (state) => state);
  const marks = useStore(readReceipts, (state) => state);
  const viewLoad = useStore(inbox, (state) => state.viewLoad[view]);
  const viewError = useStore(inbox, (state) => state.viewErrors[view]);
  const now = useNow();
  const team = query.team !== null;
  const load = team ? query.teamLoad : viewLoad;
  const error = team ? query.teamError : viewError;
  const filtered = Object.keys(query.filters).length > 0;
  const items = conversationsInList(conversations, view, query, myId);
  const more = query.nextCursor !== null && query.cursorFor === listKey(listParams(view, query));

  if (load === 'error' && items.length === 0) {
    return (
      <div class="list-message" role="alert">
        <p>Could not load this list: {error}</p>
        <button type="button" class="button" onClick={() => void loadView(view)}>
          Try again
        </button>
      </div>
    );
  }
  if (items.length === 0) {
    const empty = filtered ? 'No conversations match these filters.' : team ? 'No open conversations in this team.' : EMPTY_TEXT[view];
    return <p class="list-message">{load === 'loaded' ? empty : 'Loading conversations…'}</p>;
  }
  return (
    <div class="conversation-scroll">
      <ul class="conversation-list">
        {items.map((conversation) => (
          <li key={conversation.id}>
            <ConversationItem
              conversation={conversation}
              current={conversation.id === openId}
              unread={hasUnread(conversation, marks.get(conversation.id)?.agentReadSeq ?? 0)}
              now={now}
            />
          </li>
        ))}
      </ul>
      {more && (
        <div class="list-more">
          <button type="button" class="button" aria-busy={query.loadingMore} aria-disabled={query.loadingMore} onClick={() => void loadMore()}>
            {query.loadingMore ? 'Loading…' : 'Load more'}
          </button>
          {query.moreError && (
            <p class="form-error" role="alert">
              Could not load more: {query.moreError}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

interface ItemProps {
  conversation: ConversationSummary;
  current: boolean;
  unread: boolean;
  now: number;
}

function ConversationItem({ conversation, current, unread, now }: ItemProps) {
  const { visitor, assignee, status } = conversation;
  const activity = status === 'closed' && conversation.closedAt ? conversation.closedAt : lastActivityAt(conversation);
  const page = visitor.context.pageTitle || visitor.context.pageUrl || 'Unknown page';
  const classes = ['conversation-item', current ? 'current' : '', unread ? 'unread' : ''].filter(Boolean).join(' ');
  return (
    <a href={hrefFor({ name: 'conversation', id: conversation.id })} onClick={onLinkClick} class={classes} aria-current={current ? 'page' : undefined}>
      <span class="item-top">
        <span class="item-visitor">
          {unread && <span class="unread-dot" aria-hidden="true" />}
          {unread && <span class="visually-hidden">Unread: </span>}
          {visitor.name}
        </span>
        <time class="item-time" dateTime={isoTime(activity)} title={fullTime(activity)}>
          {relativeTime(activity, now)}
        </time>
      </span>
      {conversation.lastMessage && <LastMessageLine message={conversation.lastMessage} />}
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
