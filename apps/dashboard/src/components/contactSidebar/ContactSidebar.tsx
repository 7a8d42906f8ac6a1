import type { ConversationSummary } from '@parley/protocol';
import { useEffect } from 'preact/hooks';
import { contactSidebar, loadContactSidebar, saveContact } from '../../state/contactSidebar.js';
import { useStore } from '../../state/store.js';
import { ContactForm } from '../contactForm/ContactForm.js';
import { ContactTimeline, LeadList, PreviousConversations } from './ContactHistory.js';
import { PipelineActions } from './PipelineActions.js';
import { ContactConsents } from './ContactConsents.js';
import '../../styles/contactSidebar.css';

/**
 * I7: who the visitor is (the contact, editable also on closed chats), leads and deals made from
 * the chat, the contact's other conversations, their activity and their consents (W10).
 */
export function ContactSidebar({ conversation }: { conversation: ConversationSummary }) {
  const state = useStore(contactSidebar, (current) => current);
  const conversationId = conversation.id;
  useEffect(() => {
    void loadContactSidebar(conversationId);
  }, [conversationId]);

  const ours = state.conversationId === conversationId;
  const data = ours ? state.data : null;
  return (
    <section class="contact-sidebar" aria-labelledby="contact-title" aria-busy={!data && state.status !== 'error'}>
      <h2 id="contact-title">Contact</h2>
      {!data ? (
        ours && state.status === 'error' ? (
          <div role="alert">
            <p class="form-error">Could not load the contact: {state.errorText}</p>
            <button type="button" class="button small" onClick={() => void loadContactSidebar(conversationId)}>
              Try again
            </button>
          </div>
        ) : (
          <p class="unknown">Loading…</p>
        )
      ) : (
        <>
          {data.contact && <p class="contact-name">{data.contact.displayName}</p>}
          {/* Keyed by conversation so a draft never carries over to another chat. */}
          <ContactForm key={conversationId} contact={data.contact} save={(changes) => saveContact(conversationId, data.contact, changes)} />
          <PipelineActions key={conversationId} conversationId={conversationId} contact={data.contact} />
          <LeadList leads={data.leads} />
          <PreviousConversations conversationId={conversationId} conversations={data.conversations} />
          <ContactTimeline events={data.events} />
          <ContactConsents conversationId={conversationId} version={conversation.lastMessageAt ?? 0} />
        </>
      )}
    </section>
  );
}
