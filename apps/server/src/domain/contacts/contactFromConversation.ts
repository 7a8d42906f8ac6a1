/**
 * I7: a user gives a contact to the visitor of a conversation from the sidebar (the visitor told
 * their email in the chat, or the agent knows who they are). Like W9 email capture, the email
 * links the visitor (and so their conversations) to the contact that has it in any case, or makes
 * one; names are used only for a contact made here, never to overwrite one that exists.
 *
 * Linking must not become a way round the contact read rule: an existing contact the user may not
 * read answers contact_email_taken, as editing a contact to that email would. A visitor that is a
 * contact already (perhaps from a verified identity) keeps it: contact_already_linked.
 */
import { CONTACT_LIMITS, type Contact } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { loadConversationRow } from '../conversations/loadConversation.js';
import { assertCanRead } from '../conversations/policies.js';
import { DomainError } from '../errors.js';
import { cleanEmail, cleanText } from './contactFields.js';
import { canReadContact, contactConversations } from './contactPolicies.js';
import { toContact } from './contactPresenters.js';
import { findOrCreateByEmail, linkVisitor } from './linkContact.js';

export interface ConversationContactInput {
  email: string;
  firstName?: string | null;
  lastName?: string | null;
}

export async function contactFromConversation(ctx: AppContext, user: UserRow, conversationId: number, input: ConversationContactInput): Promise<Contact> {
  const email = cleanEmail('email', input.email);
  if (email === null) throw new DomainError('validation_failed', 'email: required');
  const firstName = cleanText('firstName', input.firstName, CONTACT_LIMITS.nameMaxLength);
  const lastName = cleanText('lastName', input.lastName, CONTACT_LIMITS.nameMaxLength);
  return inTransaction(ctx, async (uow) => {
    const conversation = await loadConversationRow(uow.trx, conversationId);
    assertCanRead(user, conversation);
    const visitor = await uow.trx.selectFrom('visitors').select(['id', 'contact_id']).where('id', '=', conversation.visitor_id).executeTakeFirstOrThrow();
    if (visitor.contact_id !== null) throw new DomainError('contact_already_linked');
    const contact = await findOrCreateByEmail(uow, conversation.workspace_id, { email, firstName, lastName });
    const contactId = Number(contact.id);
    if (!canReadContact(user, contact, await contactConversations(uow.trx, contactId))) throw new DomainError('contact_email_taken');
    await linkVisitor(uow, visitor.id, contactId, false);
    return toContact(await uow.trx.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirstOrThrow());
  });
}
