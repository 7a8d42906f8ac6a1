/**
 * Ticket properties (issue 12): agent-only fields of a conversation. Visitors never receive them
 * (VisitorConversation leaves them out and their change event has no visitor audience).
 *
 * - `priority`: one of four fixed levels; list filters read it as is.
 * - `category`: free text, null when not set.
 * - custom properties: values (strings) keyed by the definitions an admin keeps for the workspace
 *   on the "Ticket properties" page; a text property takes any short text, a select one of its
 *   options.
 *
 * Each chatflow carries the values its new conversations start with (`Chatflow.ticketDefaults`).
 */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const DEFAULT_TICKET_PRIORITY: TicketPriority = 'normal';

export const TICKET_CATEGORY_MAX_LENGTH = 80;
export const TICKET_PROPERTY_KEY_PATTERN = '^[a-z0-9_-]{1,32}$';
export const TICKET_PROPERTY_LABEL_MAX_LENGTH = 80;
export const TICKET_PROPERTY_VALUE_MAX_LENGTH = 200;
export const TICKET_PROPERTY_OPTION_MAX_LENGTH = 80;
export const TICKET_PROPERTY_OPTIONS_MAX = 50;
export const TICKET_PROPERTY_DEFINITIONS_MAX = 20;

export type TicketPropertyType = 'text' | 'select';

/** One custom property an admin defined for the workspace. */
export interface TicketPropertyDefinition {
  /** Stable name the values are stored under: lowercase letters, digits, - and _. */
  key: string;
  /** What the inbox shows. */
  label: string;
  type: TicketPropertyType;
  /** The choices of a select property (at least one); empty for text. */
  options: string[];
}

/** A conversation's ticket properties, as ConversationSummary carries them. */
export interface TicketProperties {
  priority: TicketPriority;
  category: string | null;
  /** Custom property values by definition key; a property without a value is left out. */
  properties: Record<string, string>;
}

/** What a chatflow's new conversations start with. */
export type ChatflowTicketDefaults = TicketProperties;

export const EMPTY_TICKET_DEFAULTS: ChatflowTicketDefaults = { priority: DEFAULT_TICKET_PRIORITY, category: null, properties: {} };

/**
 * `PATCH /api/conversations/:id/properties`: only what is given changes. A category of null or
 * blank clears it; a custom value of null or blank removes it.
 */
export interface SetTicketPropertiesRequest {
  priority?: TicketPriority;
  category?: string | null;
  properties?: Record<string, string | null>;
}

/** `GET` and `PUT /api/admin/ticket-properties`: the workspace's definitions, in display order. */
export interface TicketPropertyDefinitionsResponse {
  definitions: TicketPropertyDefinition[];
}
export interface PutTicketPropertyDefinitionsRequest {
  definitions: TicketPropertyDefinition[];
}
