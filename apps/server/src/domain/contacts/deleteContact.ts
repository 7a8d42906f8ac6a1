/**
 * A10 erasure: an admin deletes a contact with everything that identifies them — their
 * conversations (messages, search index rows, attachments, offers, deadlines, feed rows), their
 * timeline, leads and deals, rows of any table pointing at them or their visitors, and the
 * identifying data of their visitor rows (name, context, token: a browser still holding the old
 * token starts afresh). Visitor rows themselves stay, anonymous, because other records may count
 * them. Admins only: it removes conversations an agent may not be allowed to open.
 */
import { inTransaction } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import { hashToken, newToken } from '../auth/secrets.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { EMPTY_CONTEXT } from '../visitors/visitorContext.js';
import { contactAudiences, contactConversations } from './contactPolicies.js';
import { deleteEverywhere, purgeConversations } from './purgeRows.js';

export function assertDataRightsAdmin(user: UserRow): void {
  if (user.role !== 'admin') throw new DomainError('forbidden', 'exporting and deleting contact data is for admins');
}

export async function deleteContact(ctx: AppContext, user: UserRow, contactId: number): Promise<void> {
  assertDataRightsAdmin(user);
  const driver = ctx.storage.driver;
  await inTransaction(ctx, async (uow) => {
    const { trx } = uow;
    const contact = await trx.selectFrom('contacts').select(['id', 'workspace_id']).where('id', '=', contactId).executeTakeFirst();
    if (!contact || contact.workspace_id !== user.workspace_id) throw new DomainError('not_found');
    const conversations = await contactConversations(trx, contactId);
    const audiences = contactAudiences(conversations);
    const visitorIds = (await trx.selectFrom('visitors').select('id').where('contact_id', '=', contactId).execute()).map((v) => Number(v.id));
    const conversationIds = conversations.map((c) => Number(c.id));

    const leads = await trx
      .selectFrom('leads')
      .select('id')
      .where((eb) => eb.or([eb('contact_id', '=', contactId), ...(conversationIds.length ? [eb('conversation_id', 'in', conversationIds)] : [])]))
      .execute();
    // Feed rows that carry the contact or its leads (contactFeed.ts / feedRows.ts write them so).
    for (const lead of leads) await trx.deleteFrom('feed').where('type', 'in', ['lead.created', 'lead.updated']).where('data', 'like', `{"lead":{"id":${lead.id},%`).execute();
    await trx.deleteFrom('feed').where('type', '=', 'contact.updated').where('data', 'like', `{"contact":{"id":${contactId},%`).execute();
    if (leads.length) await trx.deleteFrom('leads').where('id', 'in', leads.map((l) => l.id)).execute();

    await purgeConversations(uow, driver, conversationIds);
    if (visitorIds.length) {
      await trx.deleteFrom('contact_events').where('visitor_id', 'in', visitorIds).execute();
      await trx.deleteFrom('feed').where('visitor_id', 'in', visitorIds).execute();
      // Second-device tokens (W15) handed to these visitors, whoever they open.
      await trx.deleteFrom('visitor_tokens').where('for_visitor_id', 'in', visitorIds).execute();
      await deleteEverywhere(uow, driver, 'visitor_id', visitorIds, ['visitors', 'feed', 'contact_events', 'conversations']);
      for (const id of visitorIds) {
        await trx
          .updateTable('visitors')
          .set({ name: null, context: JSON.stringify(EMPTY_CONTEXT), contact_id: null, identity_verified: 0, owner_id: null, token_hash: hashToken(newToken()) })
          .where('id', '=', id)
          .execute();
      }
    }
    await deleteEverywhere(uow, driver, 'contact_id', [contactId], ['visitors', 'leads', 'contacts']);
    await trx.deleteFrom('contacts').where('id', '=', contactId).execute();
    for (const audienceUserId of audiences) uow.emit({ type: 'contact.deleted', workspaceId: contact.workspace_id, contactId, audienceUserId });
  });
}
