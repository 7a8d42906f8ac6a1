/**
 * Contacts, their timeline, leads and deals (issue 10: §1 Contact, Lead/Deal, I7, W9, W15, A10):
 * wire models and the limits both sides check.
 */
import type { Message, VisitorConversation } from './models.js';
import type { ConsentRecord } from './consent.js';

/**
 * A plausible address: one @, no spaces, a dot in the domain, at most 254 characters.
 * Deliverability is not checked. The server and the widget's email prompt (W9) share it.
 */
export function isPlausibleEmail(value: string): boolean {
  return [...value].length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u.test(value);
}

export const CONTACT_LIMITS = {
  /** First name, last name, phone, organization name, currency-free single-line fields. */
  nameMaxLength: 200,
  /** RFC 5321 path limit. */
  emailMaxLength: 254,
  phoneMaxLength: 50,
  organizationMaxLength: 200,
  addressMaxLength: 1000,
  noteMaxLength: 5000,
  /** The site's own user id in `identify({ id })`. */
  externalIdMaxLength: 200,
  /** Custom properties: how many keys, how long a key and a value. */
  propertiesMaxCount: 50,
  propertyKeyMaxLength: 64,
  propertyValueMaxLength: 500,
  /** `track(event, props)`: the event name and its properties. */
  eventNameMaxLength: 100,
  eventPropertiesMaxCount: 20,
  /** Lead and deal titles. */
  titleMaxLength: 200,
  /** Search query text. */
  queryMaxLength: 200,
  /** Rows a contact list or a lead/deal list returns at most. */
  listMaxRows: 200,
  /** A10 retention: at most ten years. */
  retentionMaxDays: 3660,
} as const;

/** A money amount as a decimal string (`"1250.50"`): exact, never a float. */
export const DEAL_VALUE_PATTERN = '^[0-9]{1,15}(\\.[0-9]{1,4})?$';
/** ISO 4217 code, upper case (`EUR`). */
export const CURRENCY_PATTERN = '^[A-Z]{3}$';
/** A calendar date, `YYYY-MM-DD`. */
export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

export interface ContactOrganization {
  name: string | null;
  address: string | null;
}

export interface Contact {
  id: number;
  firstName: string | null;
  lastName: string | null;
  /** "First Last", else the email, else `Contact <id>`: what lists show. */
  displayName: string;
  email: string | null;
  phone: string | null;
  organization: ContactOrganization;
  /** A user id (the contact owner). */
  ownerId: number | null;
  note: string | null;
  dealValue: string | null;
  currency: string | null;
  /** `YYYY-MM-DD`. */
  expectedCloseDate: string | null;
  /** The site's user id from a verified `identify` (W15); null when never verified. */
  externalId: string | null;
  properties: Record<string, string>;
  createdAt: number;
  updatedAt: number;
}

/** One entry of a contact's timeline: a page the widget reported or a `track()` event. */
export interface ContactEvent {
  id: number;
  kind: 'page_view' | 'event';
  /** The event name, or the page title for a page view. */
  name: string;
  url: string | null;
  properties: Record<string, string>;
  createdAt: number;
}

/** A conversation of the contact as the sidebar lists it (open it by id). */
export interface ContactConversationRef {
  id: number;
  status: 'open' | 'closed';
  createdAt: number;
  lastMessageAt: number | null;
  assigneeId: number | null;
}

export type LeadKind = 'lead' | 'deal';
export type LeadStatus = 'open' | 'won' | 'lost';

export interface Lead {
  id: number;
  kind: LeadKind;
  title: string;
  contactId: number | null;
  /** The contact's display name, when the lead has one the reader may see. */
  contactName: string | null;
  organization: string | null;
  value: string | null;
  currency: string | null;
  expectedCloseDate: string | null;
  note: string | null;
  status: LeadStatus;
  conversationId: number | null;
  createdBy: number | null;
  createdAt: number;
}

export interface ContactsResponse { contacts: Contact[] }
export interface ContactResponse { contact: Contact }
/** The sidebar (I7): the contact of a conversation (null when the visitor is not one yet), its other conversations and timeline. */
export interface ConversationContactResponse {
  contact: Contact | null;
  conversations: ContactConversationRef[];
  events: ContactEvent[];
  leads: Lead[];
}
export interface ContactDetailResponse {
  contact: Contact;
  conversations: ContactConversationRef[];
  events: ContactEvent[];
  leads: Lead[];
}
export interface LeadResponse { lead: Lead }
export interface LeadsResponse { leads: Lead[] }

/** PATCH /api/contacts/:id (UpdateContactSchema): fields sent change, null clears, fields left out stay. */
export interface UpdateContactRequest {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  organizationName?: string | null;
  organizationAddress?: string | null;
  ownerId?: number | null;
  note?: string | null;
  dealValue?: string | null;
  currency?: string | null;
  expectedCloseDate?: string | null;
  properties?: Record<string, string>;
}

/** POST /api/conversations/:id/contact: links the contact with this email (any case) or makes one. */
export interface CreateConversationContactRequest {
  email: string;
  firstName?: string | null;
  lastName?: string | null;
}

/** What a lead or deal has besides its title, the same when creating and when editing. */
export interface LeadFieldsRequest {
  /** Left out on creation: the contact's organization. */
  organization?: string | null;
  value?: string | null;
  currency?: string | null;
  expectedCloseDate?: string | null;
  note?: string | null;
  status?: LeadStatus;
}

/** POST /api/conversations/:id/leads and /deals (CreateLeadSchema). */
export interface CreateLeadRequest extends LeadFieldsRequest {
  title: string;
}

/** PATCH /api/leads/:id and /api/deals/:id (UpdateLeadSchema): fields sent change. */
export interface UpdateLeadRequest extends LeadFieldsRequest {
  title?: string;
}

/** A10 export: everything stored about one contact. */
export interface ContactExport {
  exportedAt: number;
  contact: Contact;
  conversations: Array<{ conversation: ContactConversationRef; messages: Message[] }>;
  events: ContactEvent[];
  leads: Lead[];
  /** W10: every consent answer of the contact's visitors, oldest first, with the exact text shown. */
  consents: ConsentRecord[];
}

export interface RetentionSettings {
  /** Closed conversations older than this many days are deleted; null keeps them forever. */
  retentionDays: number | null;
}

/** `POST /api/widget/identify`: what the visitor became. */
export interface IdentifyResponse {
  /** `verified`: linked to the contact with this external id; `unverified`: stored as visitor info only. */
  status: 'verified' | 'unverified';
  /**
   * Verified on a second device: a token of the contact's first visitor on this site. The widget
   * switches to it to continue the same conversations (snapshot, live events, replies).
   */
  visitorId?: number;
  visitorToken?: string;
}

/** A verified visitor's conversations from every device (W15), newest first. */
export interface WidgetHistoryResponse {
  conversations: Array<{ conversation: VisitorConversation; messages: Message[] }>;
}
