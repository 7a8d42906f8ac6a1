/**
 * A chatflow's ticket defaults (issue 12): what a new conversation's priority, category and
 * custom properties start as. Checked against the workspace's definitions when an editor saves
 * them, and filtered again when a conversation starts, since definitions may change in between.
 */
import { EMPTY_TICKET_DEFAULTS, TICKET_PRIORITIES, type ChatflowTicketDefaults, type TicketPriority } from '@parley/protocol';
import type { Insertable, Kysely } from 'kysely';
import type { ChatflowRow, ConversationsTable, Database } from '../../storage/schema.js';
import { loadDefinitions } from './definitions.js';
import { applyValues, cleanCategory, parseValues, stillValid } from './values.js';

export function isTicketPriority(value: unknown): value is TicketPriority {
  return typeof value === 'string' && (TICKET_PRIORITIES as readonly string[]).includes(value);
}

/** Stored defaults; missing or unreadable parts fall back to "normal, no category, nothing". */
export function parseTicketDefaults(json: string): ChatflowTicketDefaults {
  let stored: Partial<ChatflowTicketDefaults> = {};
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) stored = value as Partial<ChatflowTicketDefaults>;
  } catch {
    stored = {};
  }
  return {
    priority: isTicketPriority(stored.priority) ? stored.priority : EMPTY_TICKET_DEFAULTS.priority,
    category: typeof stored.category === 'string' ? stored.category : null,
    properties: stored.properties ? parseValues(JSON.stringify(stored.properties)) : {},
  };
}

/** Defaults as an editor sent them, cleaned and checked (run inside the save's transaction). */
export async function checkTicketDefaults(db: Kysely<Database>, workspaceId: number, input: ChatflowTicketDefaults): Promise<ChatflowTicketDefaults> {
  const category = cleanCategory(input.category);
  const definitions = Object.keys(input.properties).length > 0 ? await loadDefinitions(db, workspaceId) : [];
  return { priority: input.priority, category, properties: applyValues(definitions, {}, input.properties) };
}

type StartingProperties = Pick<Insertable<ConversationsTable>, 'priority' | 'category' | 'properties'>;

/** The ticket columns of a conversation starting in `chatflow`. */
export async function startingTicketProperties(db: Kysely<Database>, chatflow: Pick<ChatflowRow, 'workspace_id' | 'ticket_defaults'>): Promise<StartingProperties> {
  const defaults = parseTicketDefaults(chatflow.ticket_defaults);
  // Only a chatflow with custom defaults costs the extra read of the definitions.
  const properties = Object.keys(defaults.properties).length > 0 ? stillValid(await loadDefinitions(db, chatflow.workspace_id), defaults.properties) : {};
  return { priority: defaults.priority, category: defaults.category, properties: JSON.stringify(properties) };
}
