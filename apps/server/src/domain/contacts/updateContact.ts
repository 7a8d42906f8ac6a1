/**
 * I7: a user edits a contact from the sidebar or the Contacts page (also when its chats are
 * closed). Fields sent change, null clears, fields left out stay. Another contact's email is
 * refused with contact_email_taken and nothing changes.
 */
import { CONTACT_LIMITS, type Contact, type UpdateContactRequest } from '@parley/protocol';
import { inTransaction, type UnitOfWork } from '../../events/unitOfWork.js';
import type { ContactsTable, UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { cleanDate, cleanEmail, cleanProperties, cleanText, emailKey, searchText } from './contactFields.js';
import { announceContact, announceVisitorChats } from './contactFeed.js';
import { loadReadableContact } from './contactPolicies.js';
import { toContact } from './contactPresenters.js';

type Columns = Partial<Omit<ContactsTable, 'id' | 'workspace_id' | 'created_at' | 'properties' | 'search_text'>> & { properties?: string; search_text?: string };

const L = CONTACT_LIMITS;

/** Input → column values, every field checked before anything is written. */
function columnsFor(input: UpdateContactRequest): Columns {
  const set: Columns = {};
  if (input.firstName !== undefined) set.first_name = cleanText('firstName', input.firstName, L.nameMaxLength);
  if (input.lastName !== undefined) set.last_name = cleanText('lastName', input.lastName, L.nameMaxLength);
  if (input.email !== undefined) {
    set.email = cleanEmail('email', input.email);
    set.email_key = set.email === null ? null : emailKey(set.email);
  }
  if (input.phone !== undefined) set.phone = cleanText('phone', input.phone, L.phoneMaxLength);
  if (input.organizationName !== undefined) set.organization_name = cleanText('organizationName', input.organizationName, L.organizationMaxLength);
  if (input.organizationAddress !== undefined) set.organization_address = cleanText('organizationAddress', input.organizationAddress, L.addressMaxLength, { multiline: true });
  if (input.note !== undefined) set.note = cleanText('note', input.note, L.noteMaxLength, { multiline: true });
  if (input.dealValue !== undefined) set.deal_value = input.dealValue;
  if (input.currency !== undefined) set.currency = input.currency;
  if (input.expectedCloseDate !== undefined) set.expected_close_date = cleanDate('expectedCloseDate', input.expectedCloseDate);
  if (input.properties !== undefined) set.properties = JSON.stringify(cleanProperties('properties', input.properties, { maxCount: L.propertiesMaxCount }));
  if (input.ownerId !== undefined) set.owner_user_id = input.ownerId;
  return set;
}

/**
 * The contact owner is the owner of every visitor of the contact (R1 contact-owner routing reads
 * `visitors.owner_id`), so their next chats go to that user; their open chats are announced.
 */
async function followOwner(uow: UnitOfWork, contactId: number, ownerId: number | null): Promise<void> {
  const visitors = await uow.trx.updateTable('visitors').set({ owner_id: ownerId }).where('contact_id', '=', contactId).returning('id').execute();
  for (const visitor of visitors) await announceVisitorChats(uow, Number(visitor.id));
}

export async function updateContact(ctx: AppContext, user: UserRow, contactId: number, input: UpdateContactRequest): Promise<Contact> {
  const set = columnsFor(input);
  try {
    return await inTransaction(ctx, async (uow) => {
      const { contact } = await loadReadableContact(uow.trx, user, contactId);
      if (set.owner_user_id != null) {
        const owner = await uow.trx.selectFrom('users').select('id').where('id', '=', set.owner_user_id).where('workspace_id', '=', user.workspace_id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!owner) throw new DomainError('validation_failed', 'ownerId: no such user');
      }
      if (set.email_key) {
        const holder = await uow.trx.selectFrom('contacts').select('id').where('workspace_id', '=', user.workspace_id).where('email_key', '=', set.email_key).where('id', '<>', contactId).executeTakeFirst();
        if (holder) throw new DomainError('contact_email_taken');
      }
      const merged = { ...contact, ...set };
      await uow.trx
        .updateTable('contacts')
        .set({ ...set, search_text: searchText(merged), updated_at: uow.now })
        .where('id', '=', contactId)
        .execute();
      if (set.owner_user_id !== undefined) await followOwner(uow, contactId, set.owner_user_id);
      await announceContact(uow, contactId);
      return toContact(await uow.trx.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirstOrThrow());
    });
  } catch (error) {
    // Two edits racing to the same email: the unique index refuses the second.
    if (ctx.storage.driver.isUniqueViolation(error)) throw new DomainError('contact_email_taken');
    throw error;
  }
}
