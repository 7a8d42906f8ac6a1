/**
 * I7 (Pipedrive): Create lead / Create deal from a conversation's sidebar. The chat stays as it
 * is (open or closed); the thread gets a timestamped internal line ("Lead created: <title>") with a
 * `leadCreated`/`dealCreated` notice, written as an internal note of the user so the visitor never
 * sees the business's pipeline. The lead takes the visitor's contact, if any, and by default the
 * contact's organization.
 */
import { CONTACT_LIMITS, type CreateLeadRequest, type Lead, type LeadKind } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import { appendMessage } from '../conversations/appendMessage.js';
import { loadConversationRow } from '../conversations/loadConversation.js';
import { assertCanRead } from '../conversations/policies.js';
import type { AppContext } from '../context.js';
import { cleanDate, cleanText } from '../contacts/contactFields.js';
import { contactAudiences } from '../contacts/contactPolicies.js';
import { loadLead } from './leadQueries.js';
import { cleanLeadTitle } from './leadTitle.js';

const LABEL: Record<LeadKind, string> = { lead: 'Lead', deal: 'Deal' };

export async function createLead(ctx: AppContext, user: UserRow, conversationId: number, kind: LeadKind, input: CreateLeadRequest): Promise<Lead> {
  const title = cleanLeadTitle(input.title);
  const organization = input.organization === undefined ? undefined : cleanText('organization', input.organization, CONTACT_LIMITS.organizationMaxLength);
  const note = cleanText('note', input.note, CONTACT_LIMITS.noteMaxLength, { multiline: true });
  const expectedCloseDate = cleanDate('expectedCloseDate', input.expectedCloseDate);
  return inTransaction(ctx, async (uow) => {
    const conversation = await loadConversationRow(uow.trx, conversationId);
    assertCanRead(user, conversation);
    const visitor = await uow.trx.selectFrom('visitors').select('contact_id').where('id', '=', conversation.visitor_id).executeTakeFirstOrThrow();
    const contact =
      visitor.contact_id === null ? undefined : await uow.trx.selectFrom('contacts').select(['id', 'organization_name']).where('id', '=', visitor.contact_id).executeTakeFirst();
    const row = await uow.trx
      .insertInto('leads')
      .values({
        workspace_id: conversation.workspace_id,
        kind,
        title,
        contact_id: contact ? contact.id : null,
        organization: organization !== undefined ? organization : (contact?.organization_name ?? null),
        value: input.value ?? null,
        currency: input.currency ?? null,
        expected_close_date: expectedCloseDate,
        note,
        status: input.status ?? 'open',
        conversation_id: conversationId,
        created_by: user.id,
        created_at: uow.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const leadId = Number(row.id);
    await appendMessage(uow, conversationId, {
      author: { kind: 'user', userId: user.id },
      body: `${LABEL[kind]} created: ${title}`,
      notice: { type: kind === 'lead' ? 'leadCreated' : 'dealCreated', title, leadId },
      internal: true,
    });
    const lead = await loadLead(uow.trx, leadId);
    // The same audience as the conversation's thread: everyone while it may be opened by all.
    for (const audienceUserId of contactAudiences([conversation])) uow.emit({ type: 'lead.created', workspaceId: conversation.workspace_id, lead, audienceUserId });
    return lead;
  });
}
