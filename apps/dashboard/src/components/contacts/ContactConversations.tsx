import type { ContactConversationRef } from '@parley/protocol';
import { fullTime } from '../../format/time.js';
import { hrefFor, onLinkClick } from '../../router.js';

/** The contact's conversations the reader may open (I3), newest first as the server sends them. */
export function ContactConversations({ conversations }: { conversations: ContactConversationRef[] }) {
  return (
    <section class="card" aria-labelledby="contact-conversations-title">
      <h2 id="contact-conversations-title" class="card-title">
        Conversations
      </h2>
      {conversations.length === 0 ? (
        <p class="field-hint">No conversations you may open.</p>
      ) : (
        <ul class="contact-conversations">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <a href={hrefFor({ name: 'conversation', id: conversation.id })} onClick={onLinkClick}>
                Conversation {conversation.id}
              </a>{' '}
              <span class="field-hint">
                {conversation.status === 'open' ? 'Open' : 'Closed'} · started {fullTime(conversation.createdAt)}
                {conversation.lastMessageAt !== null && ` · last message ${fullTime(conversation.lastMessageAt)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
