/**
 * W8 offline branch: the details captured after nobody could take the chat become a lead (I7)
 * with the visitor's contact and this conversation, once per conversation however many capture
 * cards the branch has; the thread shows "Lead created" to both sides.
 */
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { appendMessage } from '../conversations/appendMessage.js';
import { contactAudiences } from '../contacts/contactPolicies.js';
import { loadLead } from '../leads/leadQueries.js';
import { cleanLeadTitle } from '../leads/leadTitle.js';
import type { CapturedValues } from './captureFields.js';
import type { FlowRun } from './runFlow.js';

export async function createFlowLead(uow: UnitOfWork, run: FlowRun, contactId: number, values: CapturedValues): Promise<void> {
  // Leads made by a flow have no user as their maker; one of them per conversation.
  const existing = await uow.trx.selectFrom('leads').select('id').where('conversation_id', '=', run.conversationId).where('created_by', 'is', null).executeTakeFirst();
  if (existing) return;
  const who = [values.get('firstName'), values.get('lastName')].filter((v) => v).join(' ') || values.get('email') || values.get('company') || `chat ${run.conversationId}`;
  const title = cleanLeadTitle(`Chat lead: ${who}`.slice(0, 200));
  const row = await uow.trx
    .insertInto('leads')
    .values({
      workspace_id: run.workspaceId,
      kind: 'lead',
      title,
      contact_id: contactId,
      organization: values.get('company') ?? null,
      value: null,
      currency: null,
      expected_close_date: null,
      note: null,
      status: 'open',
      conversation_id: run.conversationId,
      created_by: null,
      created_at: uow.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendMessage(uow, run.conversationId, { author: { kind: 'system', name: 'Parley' }, body: 'Lead created', notice: { type: 'flowLeadCreated' } });
  const lead = await loadLead(uow.trx, Number(row.id));
  const conversation = await uow.trx
    .selectFrom('conversations')
    .select(['id', 'workspace_id', 'status', 'assignee_id', 'created_at', 'last_message_at'])
    .where('id', '=', run.conversationId)
    .executeTakeFirstOrThrow();
  for (const audienceUserId of contactAudiences([conversation])) uow.emit({ type: 'lead.created', workspaceId: run.workspaceId, lead, audienceUserId });
}
