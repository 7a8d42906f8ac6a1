/**
 * The custom ticket properties of a workspace (issue 12): admins define them on the "Ticket
 * properties" page, every signed-in user reads them to show the thread header's fields. Stored as
 * one JSON array on the workspace and replaced as a whole, so a save is atomic and keeps the
 * order, and announced to every user (ticket_properties.updated). Removing a definition leaves
 * stored values alone; nothing shows or sets them any more.
 */
import {
  TICKET_PROPERTY_LABEL_MAX_LENGTH,
  TICKET_PROPERTY_OPTION_MAX_LENGTH,
  type TicketPropertyDefinition,
} from '@parley/protocol';
import type { Kysely } from 'kysely';
import { inTransaction } from '../../events/unitOfWork.js';
import type { Database, UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';

/** Stored definitions; anything unreadable counts as none (the save path never writes such). */
export function parseDefinitions(json: string): TicketPropertyDefinition[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as TicketPropertyDefinition[]) : [];
  } catch {
    return [];
  }
}

export async function loadDefinitions(db: Kysely<Database>, workspaceId: number): Promise<TicketPropertyDefinition[]> {
  const row = await db.selectFrom('workspaces').select('ticket_properties').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  return parseDefinitions(row.ticket_properties);
}

function refuse(detail: string): never {
  throw new DomainError('invalid_ticket_property_definitions', detail);
}

function cleanText(raw: string, max: number, what: string): string {
  const text = raw.trim();
  if (text === '' || [...text].length > max) refuse(`${what} must be 1–${max} characters`);
  return text;
}

/**
 * Trims labels and options and checks what the schema cannot: distinct keys, a select with at
 * least one option and no repeated ones, a text property without options.
 */
export function normalizeDefinitions(input: readonly TicketPropertyDefinition[]): TicketPropertyDefinition[] {
  const keys = new Set<string>();
  return input.map((definition, index) => {
    const at = `definitions[${index}]`;
    if (keys.has(definition.key)) refuse(`${at}.key: "${definition.key}" is used twice`);
    keys.add(definition.key);
    const label = cleanText(definition.label, TICKET_PROPERTY_LABEL_MAX_LENGTH, `${at}.label`);
    if (definition.type === 'text') {
      if (definition.options.length > 0) refuse(`${at}.options: a text property has no options`);
      return { key: definition.key, label, type: 'text', options: [] };
    }
    const options = definition.options.map((option, i) => cleanText(option, TICKET_PROPERTY_OPTION_MAX_LENGTH, `${at}.options[${i}]`));
    if (options.length === 0) refuse(`${at}.options: a select needs at least one option`);
    if (new Set(options).size !== options.length) refuse(`${at}.options: each option must be different`);
    return { key: definition.key, label, type: 'select', options };
  });
}

export async function putDefinitions(ctx: AppContext, user: UserRow, input: readonly TicketPropertyDefinition[]): Promise<TicketPropertyDefinition[]> {
  if (user.role !== 'admin') throw new DomainError('forbidden', 'only admins define ticket properties');
  const definitions = normalizeDefinitions(input);
  return inTransaction(ctx, async (uow) => {
    await uow.trx.updateTable('workspaces').set({ ticket_properties: JSON.stringify(definitions) }).where('id', '=', user.workspace_id).execute();
    // Open inboxes show the new fields at once.
    uow.emit({ type: 'ticket_properties.updated', workspaceId: user.workspace_id, definitions });
    return definitions;
  });
}
