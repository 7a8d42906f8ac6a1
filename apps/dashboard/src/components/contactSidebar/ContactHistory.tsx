import type { ContactConversationRef, ContactEvent, Lead } from '@parley/protocol';
import { fullTime, isoTime, messageTime } from '../../format/time.js';
import { useNow } from '../../hooks/useNow.js';
import { hrefFor, onLinkClick } from '../../router.js';

/** The contact's other conversations this user may open (the server leaves out the rest, I3). */
export function PreviousConversations({ conversationId, conversations }: { conversationId: number; conversations: ContactConversationRef[] }) {
  const now = useNow();
  const others = conversations.filter((conversation) => conversation.id !== conversationId);
  return (
    <section class="contact-block" aria-labelledby="previous-conversations-title">
      <h3 id="previous-conversations-title">Previous conversations</h3>
      {others.length === 0 ? (
        <p class="unknown">None</p>
      ) : (
        <ul class="contact-list">
          {others.map((conversation) => (
            <li key={conversation.id}>
              <a href={hrefFor({ name: 'conversation', id: conversation.id })} onClick={onLinkClick}>
                Conversation #{conversation.id}
              </a>{' '}
              <span class="contact-meta">
                {conversation.status === 'open' ? 'Open' : 'Closed'} ·{' '}
                <Stamp at={conversation.lastMessageAt ?? conversation.createdAt} now={now} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function LeadList({ leads }: { leads: Lead[] }) {
  if (leads.length === 0) return null;
  return (
    <section class="contact-block" aria-labelledby="contact-leads-title">
      <h3 id="contact-leads-title">Leads and deals</h3>
      <ul class="contact-list">
        {leads.map((lead) => (
          <li key={lead.id}>
            <span class="lead-kind">{lead.kind === 'lead' ? 'Lead' : 'Deal'}</span> {lead.title}{' '}
            <span class="contact-meta">
              · {STATUS[lead.status]}
              {lead.value && ` · ${lead.value}${lead.currency ? ` ${lead.currency}` : ''}`}
              {lead.expectedCloseDate && ` · closes ${lead.expectedCloseDate}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const STATUS: Record<Lead['status'], string> = { open: 'open', won: 'won', lost: 'lost' };

/** Pages the widget reported and the site's `track()` events, newest first; all shown as text. */
export function ContactTimeline({ events }: { events: ContactEvent[] }) {
  const now = useNow();
  return (
    <section class="contact-block" aria-labelledby="contact-timeline-title">
      <h3 id="contact-timeline-title">Activity</h3>
      {events.length === 0 ? (
        <p class="unknown">Nothing recorded yet</p>
      ) : (
        <ol class="contact-list timeline">
          {events.map((event) => (
            <li key={event.id}>
              <span class="timeline-what">{event.kind === 'page_view' ? 'Viewed' : 'Event'}</span> <span class="timeline-name">{event.name}</span>
              {event.url && <span class="timeline-url">{event.url}</span>}
              {Object.entries(event.properties).map(([key, value]) => (
                <span key={key} class="timeline-property">
                  {key}: {value}
                </span>
              ))}
              <span class="contact-meta">
                <Stamp at={event.createdAt} now={now} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Stamp({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={isoTime(at)} title={fullTime(at)}>
      {messageTime(at, now)}
    </time>
  );
}
