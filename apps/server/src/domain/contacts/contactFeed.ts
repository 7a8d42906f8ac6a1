/**
 * Live updates about contacts for the inbox: one `contact.updated` per audience (contactPolicies
 * contactAudiences), and `conversation.updated` for the linked visitor's open chats so a thread's
 * sidebar knows to read its contact again.
 */
import { sql } from 'kysely';
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { loadSummary } from '../conversations/presenters.js';
import { contactAudiences, contactConversations } from './contactPolicies.js';
import { toContact } from './contactPresenters.js';

export async function announceContact(uow: UnitOfWork, contactId: number): Promise<void> {
  const row = await uow.trx.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirstOrThrow();
  const contact = toContact(row);
  for (const audienceUserId of contactAudiences(await contactConversations(uow.trx, contactId))) {
    uow.emit({ type: 'contact.updated', workspaceId: row.workspace_id, contact, audienceUserId });
  }
}

/** The visitor became (or stopped being) a contact: its open chats change for the inbox. */
export async function announceVisitorChats(uow: UnitOfWork, visitorId: number): Promise<void> {
  const open = await uow.trx.selectFrom('conversations').select(['id', 'workspace_id']).where('visitor_id', '=', visitorId).where('status', '=', 'open').execute();
  for (const { id, workspace_id } of open) {
    await uow.trx.updateTable('conversations').set({ version: sql<number>`version + 1` }).where('id', '=', id).execute();
    uow.emit({ type: 'conversation.updated', workspaceId: workspace_id, conversation: await loadSummary(uow.trx, id) });
  }
}
