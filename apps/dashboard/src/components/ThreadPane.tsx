import type { ConversationSummary } from '@parley/protocol';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { inbox } from '../state/inboxStore.js';
import { useStore } from '../state/store.js';
import { fetchThread } from '../state/thread.js';
import { closedLine } from './closedLine.js';
import { Composer } from './Composer.js';
import { MessageList } from './MessageList.js';
import { BackToList, BackToThread, DetailsButton } from './screens/ScreenButtons.js';
import { ThreadHeader } from './ThreadHeader.js';
import { VisitorPanel } from './VisitorPanel.js';

export const ASSIGNED_ELSEWHERE = 'This conversation is assigned to someone else.';

/**
 * The open conversation and, beside it, the visitor's details. On a phone each is a screen with
 * its own Back (`details` says which is in front); on a tablet the details replace the thread.
 */
export function ThreadPane({ conversationId, details }: { conversationId: number; details: boolean }) {
  const thread = useStore(inbox, (state) => state.thread);
  const conversation = useStore(inbox, (state) => state.conversations.get(conversationId));
  const me = useStore(inbox, (state) => state.session?.user);
  const blocked =
    !!me && !!conversation && isAssignedElsewhere(conversation, me.id, me.role === 'admin');
  const forbidden = thread?.conversationId === conversationId && thread.status === 'forbidden';

  // Handed back to us (or unassigned, or closed) while blocked: load it again, since the server
  // may not have sent us its messages in the meantime.
  const wasBlocked = useRef(false);
  const known = conversation !== undefined;
  useEffect(() => {
    const unblocked = known && !blocked && (forbidden || wasBlocked.current);
    wasBlocked.current = blocked;
    if (unblocked) void fetchThread(conversationId);
  }, [known, blocked, forbidden, conversationId]);

  if (!me || !thread || thread.conversationId !== conversationId) return <Placeholder text="Loading conversation…" />;
  if (forbidden || blocked) return <Placeholder text={ASSIGNED_ELSEWHERE} />;
  if (thread.status === 'not_found') return <Placeholder text="This conversation does not exist." />;
  if (thread.status === 'error' && !conversation) {
    return (
      <WaitingScreen alert>
        <p>Could not load the conversation: {thread.errorText}</p>
        <button type="button" class="button" onClick={() => void fetchThread(conversationId)}>
          Try again
        </button>
      </WaitingScreen>
    );
  }
  if (thread.status === 'loading' || !conversation) return <Placeholder text="Loading conversation…" />;

  return (
    <div class={details ? 'thread-area showing-details' : 'thread-area'}>
      <section class="thread thread-screen" aria-labelledby="thread-title">
        <div class="screen-bar">
          <BackToList />
          <DetailsButton conversationId={conversationId} />
        </div>
        <ThreadHeader conversation={conversation} />
        <MessageList
          conversationId={conversationId}
          messages={thread.messages}
          visitorTyping={thread.visitorTyping && conversation.status === 'open'}
        />
        {conversation.status === 'open' ? (
          <Composer key={conversationId} conversationId={conversationId} />
        ) : (
          <p class="closed-note">{closedLine(conversation)}</p>
        )}
      </section>
      <div class="details-screen">
        <div class="screen-bar">
          <BackToThread conversationId={conversationId} />
        </div>
        <VisitorPanel conversation={conversation} />
      </div>
    </div>
  );
}

/** Agents may not work on another agent's open conversation (I3); admins may. */
function isAssignedElsewhere(conversation: ConversationSummary, myId: number, isAdmin: boolean): boolean {
  return !isAdmin && conversation.status === 'open' && conversation.assignee !== null && conversation.assignee.id !== myId;
}

function Placeholder({ text }: { text: string }) {
  return (
    <WaitingScreen>
      <p role="status">{text}</p>
    </WaitingScreen>
  );
}

/** A conversation that cannot be shown (yet): still a screen a phone can go Back from. */
function WaitingScreen({ alert = false, children }: { alert?: boolean; children: ComponentChildren }) {
  return (
    <div class="thread-screen thread-waiting">
      <div class="screen-bar">
        <BackToList />
      </div>
      <div class="thread-placeholder" role={alert ? 'alert' : undefined}>
        {children}
      </div>
    </div>
  );
}
