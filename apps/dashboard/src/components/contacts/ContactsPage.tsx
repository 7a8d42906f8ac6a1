import type { Contact } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { contactPageApi } from '../../api/customerEndpoints.js';
import { errorText } from '../../api/request.js';
import { hrefFor, onLinkClick } from '../../router.js';
import { inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import { RetentionSection } from './RetentionSection.js';
import '../../styles/contacts.css';

/** Typing settles this long before the list is asked again. */
const SEARCH_DELAY_MS = 250;

type ListState = { status: 'loading' } | { status: 'loaded'; contacts: Contact[] } | { status: 'error'; error: string };

/** The people behind the chats (§1 Contact): newest first, searched by name, email or phone. */
export function ContactsPage() {
  const isAdmin = useStore(inbox, (state) => state.session?.user.role === 'admin');
  const [query, setQuery] = useState('');
  const [list, setList] = useState<ListState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      contactPageApi.search(query.trim()).then(
        ({ contacts }) => current && setList({ status: 'loaded', contacts }),
        (error: unknown) => current && setList({ status: 'error', error: errorText(error) }),
      );
    }, query === '' ? 0 : SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <div class="page contacts-page">
      <h1 class="pane-title">Contacts</h1>
      <div class="contact-search" role="search">
        <label for="contact-search">Search contacts</label>
        <input id="contact-search" type="search" value={query} maxLength={200} placeholder="Name, email or phone" onInput={(event) => setQuery(event.currentTarget.value)} />
      </div>
      {list.status === 'loading' && <p role="status">Loading contacts…</p>}
      {list.status === 'error' && (
        <p class="form-error" role="alert">
          Contacts could not be loaded: {list.error}
        </p>
      )}
      {list.status === 'loaded' && list.contacts.length === 0 && (
        <p class="notice" role="status">
          {query.trim() ? `No contacts match “${query.trim()}”.` : 'No contacts yet. A visitor becomes a contact when they leave their email or the site identifies them.'}
        </p>
      )}
      {list.status === 'loaded' && list.contacts.length > 0 && <ContactTable contacts={list.contacts} />}
      {isAdmin && <RetentionSection />}
    </div>
  );
}

function ContactTable({ contacts }: { contacts: Contact[] }) {
  return (
    <table class="card-table contacts-table">
      <caption class="visually-hidden">Contacts</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Phone</th>
          <th scope="col">Organization</th>
        </tr>
      </thead>
      <tbody>
        {contacts.map((contact) => (
          <tr key={contact.id}>
            <td>
              <a href={hrefFor({ name: 'contact', id: contact.id })} onClick={onLinkClick}>
                {contact.displayName}
              </a>
            </td>
            <td data-label="Email">{contact.email ?? '—'}</td>
            <td data-label="Phone">{contact.phone ?? '—'}</td>
            <td data-label="Organization">{contact.organization.name ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
