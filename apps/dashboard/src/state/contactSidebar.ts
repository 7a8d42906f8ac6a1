/**
 * The I7 sidebar of the open conversation: its contact (null until the visitor is one), the
 * contact's conversations this user may open, leads and deals, and the timeline, as the server
 * answers them. Live events keep it current: a `contact.updated` for the shown contact (or any,
 * while the visitor is nobody yet, since that is how a new link arrives) reads it again, as does
 * the visitor moving to another page (a page view on the timeline); `lead.created`/`lead.updated`
 * of this contact or conversation go straight into the list.
 */
import type { AgentEvents, Contact, ConversationContactResponse, ConversationSummary, CreateLeadRequest, Lead, LeadKind, UpdateContactRequest } from '@parley/protocol';
import { contactApi } from '../api/contactEndpoints.js';
import { errorText } from '../api/request.js';
import { inbox } from './inboxStore.js';
import { createStore } from './store.js';

export interface ContactSidebarState {
  conversationId: number | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: ConversationContactResponse | null;
  errorText: string | null;
}

export const contactSidebar = createStore<ContactSidebarState>({ conversationId: null, status: 'idle', data: null, errorText: null });

/** Answers that arrive after a newer read started (another conversation, a later event) are dropped. */
let generation = 0;

/** Reads the sidebar of `conversationId`; `quiet` keeps what is on screen while it loads. */
export async function loadContactSidebar(conversationId: number, quiet = false): Promise<void> {
  const ticket = ++generation;
  contactSidebar.update((state) => {
    if (quiet && state.conversationId === conversationId) return state;
    return { conversationId, status: 'loading', data: null, errorText: null };
  });
  const known = inbox.get().conversations.get(conversationId);
  if (known && !quiet) shownPage = { conversationId, pageUrl: known.visitor.context.pageUrl };
  try {
    const data = await contactApi.ofConversation(conversationId);
    if (ticket === generation) contactSidebar.update(() => ({ conversationId, status: 'ready', data, errorText: null }));
  } catch (error) {
    if (ticket !== generation) return;
    // A failed refresh keeps what is shown; a failed first read says so.
    contactSidebar.update((state) => ({ ...state, status: state.data ? 'ready' : 'error', errorText: errorText(error) }));
  }
}

/** After a reconnect: the events missed meanwhile may have changed it. */
export function refreshContactSidebar(): void {
  const { conversationId } = contactSidebar.get();
  if (conversationId !== null) void loadContactSidebar(conversationId, true);
}

function shownContactId(): number | null {
  return contactSidebar.get().data?.contact?.id ?? null;
}

function setContact(contact: Contact): void {
  contactSidebar.update((state) => (state.data ? { ...state, data: { ...state.data, contact } } : state));
}

export function applySidebarContact(contact: Contact): void {
  const { data } = contactSidebar.get();
  if (!data) return;
  if (data.contact?.id === contact.id) setContact(contact);
  // Its conversations may have grown (a visitor linked), or this visitor may have just become it.
  if (data.contact === null || data.contact.id === contact.id) refreshContactSidebar();
}

export function applySidebarContactDeleted(contactId: number): void {
  if (shownContactId() === contactId) refreshContactSidebar();
}

export function applySidebarLead(lead: Lead): void {
  contactSidebar.update((state) => {
    const { data } = state;
    const ours = lead.conversationId === state.conversationId || (lead.contactId !== null && lead.contactId === data?.contact?.id);
    if (!data || !ours) return state;
    const others = data.leads.filter((known) => known.id !== lead.id);
    const leads = [lead, ...others].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
    return { ...state, data: { ...data, leads } };
  });
}

/**
 * Saves the sidebar form. A visitor who is nobody yet first becomes the contact with the typed
 * email (made or linked); what else was typed then goes to that contact.
 */
export async function saveContact(conversationId: number, contact: Contact | null, changes: UpdateContactRequest): Promise<Contact> {
  let saved = contact;
  let rest = changes;
  if (saved === null) {
    const { email, firstName, lastName, ...others } = changes;
    saved = (await contactApi.createForConversation(conversationId, { email: email ?? '', firstName, lastName })).contact;
    rest = others;
    // Linked to an existing contact: the names typed here are an edit of it.
    if (firstName != null && firstName !== saved.firstName) rest.firstName = firstName;
    if (lastName != null && lastName !== saved.lastName) rest.lastName = lastName;
  }
  if (Object.keys(rest).length > 0) saved = (await contactApi.update(saved.id, rest)).contact;
  if (contactSidebar.get().conversationId === conversationId) {
    if (contact === null) await loadContactSidebar(conversationId, true);
    else setContact(saved);
  }
  return saved;
}

export async function createLead(conversationId: number, kind: LeadKind, input: CreateLeadRequest): Promise<Lead> {
  const { lead } = await contactApi.createLead(conversationId, kind, input);
  applySidebarLead(lead);
  return lead;
}

/** The visitor's page when the timeline was last read: a new one is a page view on it. */
let shownPage: { conversationId: number; pageUrl: string | null } | null = null;

function followVisitorPage(conversation: ConversationSummary): void {
  if (conversation.id !== contactSidebar.get().conversationId) return;
  const { pageUrl } = conversation.visitor.context;
  const moved = shownPage?.conversationId === conversation.id && shownPage.pageUrl !== pageUrl;
  shownPage = { conversationId: conversation.id, pageUrl };
  if (moved) refreshContactSidebar();
}

/** The realtime events the sidebar follows (called for every inbox event). */
export function applyContactSidebarEvent<K extends keyof AgentEvents>(name: K, data: AgentEvents[K]): void {
  if (name === 'conversation.updated') followVisitorPage((data as AgentEvents['conversation.updated']).conversation);
  else if (name === 'contact.updated') applySidebarContact((data as AgentEvents['contact.updated']).contact);
  else if (name === 'contact.deleted') applySidebarContactDeleted((data as AgentEvents['contact.deleted']).contactId);
  else if (name === 'lead.created' || name === 'lead.updated') applySidebarLead((data as AgentEvents['lead.created']).lead);
}
