import type { ContactDetailResponse } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { contactPageApi } from '../../api/customerEndpoints.js';
import { ApiError, errorText } from '../../api/request.js';
import { hrefFor, onLinkClick } from '../../router.js';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import { ContactForm } from '../contactForm/ContactForm.js';
import { LeadList } from '../leads/LeadList.js';
import { ContactConversations } from './ContactConversations.js';
import { ContactDataRights } from './ContactDataRights.js';
import { ContactTimeline } from './ContactTimeline.js';
import '../../styles/contacts.css';

type DetailState = { status: 'loading' } | { status: 'loaded'; detail: ContactDetailResponse } | { status: 'error'; error: string };

/** One contact: their details to edit, conversations, timeline, leads and deals, and (admins) the A10 data rights. */
export function ContactPage({ contactId }: { contactId: number }) {
  const isAdmin = useStore(inbox, (state) => state.session?.user.role === 'admin');
  const [state, setState] = useState<DetailState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    contactPageApi.detail(contactId).then(
      (detail) => current && setState({ status: 'loaded', detail }),
      (error: unknown) =>
        current &&
        setState({
          status: 'error',
          error: error instanceof ApiError && (error.code === 'not_found' || error.code === 'forbidden') ? 'This contact does not exist or is not yours to see.' : errorText(error),
        }),
    );
    return () => {
      current = false;
    };
  }, [contactId]);

  return (
    <div class="page contact-page">
      <p>
        <a href={hrefFor({ name: 'contacts' })} onClick={onLinkClick}>
          All contacts
        </a>
      </p>
      {state.status === 'loading' && <p role="status">Loading the contact…</p>}
      {state.status === 'error' && (
        <p class="notice" role="alert">
          {state.error}
        </p>
      )}
      {state.status === 'loaded' && (
        <>
          <h1 class="pane-title">{state.detail.contact.displayName}</h1>
          <div class="card">
            <ContactForm
              key={state.detail.contact.id}
              contact={state.detail.contact}
              withProperties
              save={async (changes) => {
                const { contact } = await contactPageApi.update(state.detail.contact.id, changes);
                setState({ status: 'loaded', detail: { ...state.detail, contact } });
              }}
            />
          </div>
          <ContactConversations conversations={state.detail.conversations} />
          <section class="card" aria-labelledby="contact-leads-title">
            <h2 id="contact-leads-title" class="card-title">
              Leads and deals
            </h2>
            {state.detail.leads.length === 0 ? <p class="field-hint">No leads or deals yet. Create them from a conversation.</p> : <LeadList leads={state.detail.leads} />}
          </section>
          <ContactTimeline events={state.detail.events} />
          {isAdmin && <ContactDataRights contact={state.detail.contact} />}
        </>
      )}
    </div>
  );
}
