/** Rows → wire models for contacts, their timeline and conversations. */
import type { Contact, ContactConversationRef, ContactEvent } from '@parley/protocol';
import type { ContactEventRow, ContactRow, ConversationRow } from '../../storage/schema.js';
import { parseProperties } from './contactFields.js';

export function contactDisplayName(row: Pick<ContactRow, 'id' | 'first_name' | 'last_name' | 'email'>): string {
  const name = [row.first_name, row.last_name].filter((part) => part).join(' ');
  return name || row.email || `Contact ${row.id}`;
}

export function toContact(row: ContactRow): Contact {
  return {
    id: Number(row.id),
    firstName: row.first_name,
    lastName: row.last_name,
    displayName: contactDisplayName(row),
    email: row.email,
    phone: row.phone,
    organization: { name: row.organization_name, address: row.organization_address },
    ownerId: row.owner_user_id === null ? null : Number(row.owner_user_id),
    note: row.note,
    dealValue: row.deal_value,
    currency: row.currency,
    expectedCloseDate: row.expected_close_date,
    externalId: row.external_id,
    properties: parseProperties(row.properties),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function toContactEvent(row: ContactEventRow): ContactEvent {
  return { id: Number(row.id), kind: row.kind, name: row.name, url: row.url, properties: parseProperties(row.properties), createdAt: Number(row.created_at) };
}

export type ConversationRefRow = Pick<ConversationRow, 'id' | 'workspace_id' | 'status' | 'assignee_id' | 'created_at' | 'last_message_at'>;

export function toConversationRef(row: ConversationRefRow): ContactConversationRef {
  return {
    id: Number(row.id),
    status: row.status,
    createdAt: Number(row.created_at),
    lastMessageAt: row.last_message_at === null ? null : Number(row.last_message_at),
    assigneeId: row.assignee_id === null ? null : Number(row.assignee_id),
  };
}
