/**
 * A user moves a lead or deal along (status open/won/lost) or corrects it. The same rule as
 * reading it: whoever may open its conversation (everyone once that is gone).
 */
import { CONTACT_LIMITS, type Lead, type LeadKind, type LeadStatus, type UpdateLeadRequest } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { LeadsTable, UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { cleanDate, cleanText } from '../contacts/contactFields.js';
import { contactAudiences } from '../contacts/contactPolicies.js';
import { loadConversationRow } from '../conversations/loadConversation.js';
import { assertCanRead } from '../conversations/policies.js';
import { DomainError } from '../errors.js';
import { loadLead } from './leadQueries.js';
import { cleanLeadTitle } from './leadTitle.js';

type Columns = Partial<Pick<LeadsTable, 'title' | 'organization' | 'value' | 'currency' | 'expected_close_date' | 'note'>> & { status?: LeadStatus };

function columnsFor(input: UpdateLeadRequest): Columns {
  const set: Columns = {};
  if (input.title !== undefined) set.title = cleanLeadTitle(input.title);
  if (input.organization !== undefined) set.organization = cleanText('organization', input.organization, CONTACT_LIMITS.organizationMaxLength);
  if (input.value !== undefined) set.value = input.value;
  if (input.currency !== undefined) set.currency = input.currency;
  if (input.expectedCloseDate !== undefined) set.expected_close_date = cleanDate('expectedCloseDate', input.expectedCloseDate);
  if (input.note !== undefined) set.note = cleanText('note', input.note, CONTACT_LIMITS.noteMaxLength, { multiline: true });
  if (input.status !== undefined) set.status = input.status;
  return set;
}

export async function updateLead(ctx: AppContext, user: UserRow, kind: LeadKind, leadId: number, input: UpdateLeadRequest): Promise<Lead> {
  const set = columnsFor(input);
  return inTransaction(ctx, async (uow) => {
    const lead = await uow.trx.selectFrom('leads').select(['id', 'workspace_id', 'conversation_id', 'kind']).where('id', '=', leadId).executeTakeFirst();
    if (!lead || lead.workspace_id !== user.workspace_id || lead.kind !== kind) throw new DomainError('not_found');
    const conversation = lead.conversation_id === null ? null : await loadConversationRow(uow.trx, Number(lead.conversation_id));
    if (conversation !== null) assertCanRead(user, conversation);
    if (Object.keys(set).length > 0) await uow.trx.updateTable('leads').set(set).where('id', '=', leadId).execute();
    const updated = await loadLead(uow.trx, leadId);
    for (const audienceUserId of conversation ? contactAudiences([conversation]) : [null]) {
      uow.emit({ type: 'lead.updated', workspaceId: user.workspace_id, lead: updated, audienceUserId });
    }
    return updated;
  });
}
